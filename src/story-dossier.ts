// The pure parts of a story's dossier build, shared by server threads, queue workers, routes and tests: which
// articles a dossier analyses (a cap keeps memory bounded on huge stories), their distinct ids, and the counts
// the story list shows. The analysis itself is in story-dossier-build.ts; this module does not load it, so a
// server's request thread never loads the NLP models.
import type { Article } from './clean/index.js';
import type { Dossier } from './dossier/types.js';
import { idFromOrigin } from './read/index.js';
import { selectArticles as selectStoryArticles } from './dossier/index.js';

/**
 * Most articles one dossier build analyses (default). An 18,000-article story took 84 s and 1.9 GB to
 * analyse whole. Measured on dense synthetic articles (14 real news sentences each, bench/synthetic.ts),
 * 500 took 43 s and a 300 MB heap, 1,000 about 150 s: cost grows faster than the count, so the cap stays
 * where a dossier is still readable and a build bounded. The articles left out are the oldest of the
 * outlets that already have several.
 */
export const DEFAULT_MAX_DOSSIER_ARTICLES = 500;

/** Counts the story list shows, taken from a story's dossier. */
export interface DossierStats {
  facts: number;
  corroborated: number;
  singleSource: number;
  disputes: number;
  quotes: number;
  /** Articles the dossier analysed (fewer than the story holds when the story is over the cap). */
  articles: number;
}

export function dossierStats(dossier: Dossier): DossierStats {
  return {
    facts: dossier.facts.length,
    corroborated: dossier.facts.filter((f) => f.independentSources > 1).length,
    singleSource: dossier.singleSource.length,
    disputes: dossier.disputes.length,
    quotes: dossier.quotes.length,
    articles: dossier.articles.length,
  };
}

/**
 * At most `max` of a story's articles, in their original order: the dossier stage's selection (round the
 * outlets, newest of each first; O(n log n) whatever the mix of outlets), shared so `analyze` and the server
 * choose alike.
 */
export function selectArticles<T extends { article: Article }>(items: T[], max: number): T[] {
  return selectStoryArticles(items, { articles: max }, (item) => item.article);
}

/**
 * Articles with distinct ids, so every span of the dossier names one article. Ids a record gave itself
 * (any id other than the one derived from its origin) are kept, the first of each; derived ids keep theirs
 * when free; the rest get "-2", "-3"... suffixes, never one that another article holds.
 */
export function distinctIds(articles: Article[]): Article[] {
  const explicit = articles.map((a) => a.id !== idFromOrigin(a.origin));
  const taken = new Set<string>();
  const keeps = new Array<boolean>(articles.length).fill(false);
  const claim = (i: number) => {
    if (taken.has(articles[i].id)) return;
    taken.add(articles[i].id);
    keeps[i] = true;
  };
  articles.forEach((_, i) => explicit[i] && claim(i));
  articles.forEach((_, i) => !explicit[i] && claim(i));
  const every = new Set(articles.map((a) => a.id));
  return articles.map((article, i) => {
    if (keeps[i]) return article;
    let n = 2;
    while (taken.has(`${article.id}-${n}`) || every.has(`${article.id}-${n}`)) n++;
    const id = `${article.id}-${n}`;
    taken.add(id);
    return { ...article, id };
  });
}
