// Which stories a set of articles falls into, as the ingest clusterer would sort them: `analyze` is for one
// story, and a folder holding two events would otherwise give one dossier that mixes them without a word.
import type { Article } from '../clean/types.js';
import { StoryClusterer } from './clusterer.js';
import { articleSignature, DEFAULT_SIGNATURE_OPTIONS } from './signature.js';

/**
 * The stories the clusterer sorts `articles` into, largest first, each a list of indexes into `articles`.
 * Articles are placed in publication order (undated last), as a stream would bring them. Linear in the
 * articles' text (one signature each) times the stories they can reach (the clusterer's own bound).
 */
export function storyPartition(articles: readonly Article[]): number[][] {
  const clusterer = new StoryClusterer();
  const order = articles
    .map((article, index) => ({ article, index }))
    .sort((a, b) => (a.article.publishedAt ?? '\uffff').localeCompare(b.article.publishedAt ?? '\uffff') || a.index - b.index);
  const storyOf = new Map<number, number>();
  /** Story ids folded into another, followed to the story that holds them now. */
  const mergedInto = new Map<number, number>();
  const current = (id: number): number => {
    let at = id;
    while (mergedInto.has(at)) at = mergedInto.get(at)!;
    return at;
  };
  for (const { article, index } of order) {
    const decision = clusterer.add(articleSignature(article, DEFAULT_SIGNATURE_OPTIONS));
    for (const absorbed of decision.merged) mergedInto.set(absorbed, decision.storyId);
    storyOf.set(index, decision.storyId);
  }
  const groups = new Map<number, number[]>();
  for (const [index, story] of storyOf) {
    const id = current(story);
    if (!groups.has(id)) groups.set(id, []);
    groups.get(id)!.push(index);
  }
  return [...groups.values()].map((g) => g.sort((a, b) => a - b)).sort((a, b) => b.length - a.length || a[0] - b[0]);
}
