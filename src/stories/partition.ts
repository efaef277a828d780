// Stories of a whole list of articles at once, with the clusterer `ingest` streams them through: for `analyze`
// (which is for one story, and must say when a folder holds two events) and for the clustering evaluation.
import type { Article } from '../clean/types.js';
import { StoryClusterer } from './clusterer.js';
import { articleSignature, DEFAULT_SIGNATURE_OPTIONS, type SignatureOptions } from './signature.js';
import type { ClusterOptions } from './types.js';

/**
 * Indexes of `articles` in the order a stream brings them to the clusterer: by publication time, undated
 * last, then by origin, then as listed, so a batch gives the same stories however it was listed.
 */
export function publicationOrder(articles: readonly Pick<Article, 'publishedAt' | 'origin'>[]): number[] {
  return articles
    .map((article, index) => ({ article, index }))
    .sort(
      (a, b) =>
        (a.article.publishedAt ?? '\uffff').localeCompare(b.article.publishedAt ?? '\uffff') ||
        (a.article.origin < b.article.origin ? -1 : a.article.origin > b.article.origin ? 1 : 0) ||
        a.index - b.index,
    )
    .map(({ index }) => index);
}

/**
 * Story id of each article (same order as `articles`, which are clustered in that order), stories that
 * were later merged given the id of the story that absorbed them.
 */
export function clusterInOrder(articles: readonly Parameters<typeof articleSignature>[0][], options: Partial<ClusterOptions> = {}, signatureOptions: Partial<SignatureOptions> = {}): number[] {
  const signature = { ...DEFAULT_SIGNATURE_OPTIONS, ...signatureOptions };
  const clusterer = new StoryClusterer(options);
  const storyOf: number[] = [];
  const mergedInto = new Map<number, number>();
  for (const article of articles) {
    const decision = clusterer.add(articleSignature(article, signature));
    for (const absorbed of decision.merged) mergedInto.set(absorbed, decision.storyId);
    storyOf.push(decision.storyId);
  }
  const current = (id: number): number => {
    let at = id;
    while (mergedInto.has(at)) at = mergedInto.get(at)!;
    return at;
  };
  return storyOf.map(current);
}

/**
 * The stories the clusterer sorts `articles` into in publication order, largest first, each a list of
 * indexes into `articles`. Linear in the articles' text (one signature each) times the stories they can
 * reach (the clusterer's own bound).
 */
export function storyPartition(articles: readonly Article[]): number[][] {
  const order = publicationOrder(articles);
  const stories = clusterInOrder(order.map((i) => articles[i]));
  const groups = new Map<number, number[]>();
  order.forEach((index, position) => {
    const id = stories[position];
    if (!groups.has(id)) groups.set(id, []);
    groups.get(id)!.push(index);
  });
  return [...groups.values()].map((g) => g.sort((a, b) => a - b)).sort((a, b) => b.length - a.length || a[0] - b[0]);
}
