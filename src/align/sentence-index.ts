import { cosine, termStats, vectorize, type TermStats, type TermVector } from './similarity.js';

/** A term in more sentences than this never generates candidates, however large the story. */
export const MAX_POSTINGS = 150;

export interface IndexedSentence {
  articleId: string;
  vector: TermVector;
}

/**
 * Inverted index over the rarer terms of the story's sentences. Very common terms ("Kosovo" in a
 * Kosovo story) are left out of the postings so a query touches a bounded number of sentences,
 * keeping cross-article comparison near-linear in story size; they still count in the cosine.
 */
export class SentenceIndex<T extends IndexedSentence> {
  readonly stats: TermStats;
  private readonly postings = new Map<string, number[]>();
  private readonly maxPostings: number;

  constructor(
    readonly items: T[],
    stats: TermStats,
    maxTermShare: number,
  ) {
    this.stats = stats;
    // Bounded in absolute terms too: a share of a growing story would let each query touch more
    // sentences as the story grows, and cost would grow with its square.
    this.maxPostings = Math.min(MAX_POSTINGS, Math.max(8, Math.floor(stats.documents * maxTermShare)));
    items.forEach((item, i) => {
      for (const term of item.vector.terms.keys()) {
        const list = this.postings.get(term) ?? [];
        list.push(i);
        this.postings.set(term, list);
      }
    });
  }

  /** Items sharing at least one rare term with `vector`, best first by cosine; same-article items skipped when asked. */
  neighbours(vector: TermVector, limit: number, skip: (index: number) => boolean): { index: number; similarity: number }[] {
    const shared = new Map<number, number>();
    for (const term of vector.terms.keys()) {
      const list = this.postings.get(term);
      if (!list || list.length > this.maxPostings) continue;
      for (const j of list) if (!skip(j)) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    // Top `limit` by shared-term count, ties by index: counts are small integers, so buckets select them
    // without sorting every item touched (a big story touches thousands per query).
    const buckets: number[][] = [];
    for (const [j, count] of shared) (buckets[count] ??= []).push(j);
    const picked: number[] = [];
    for (let count = buckets.length - 1; count > 0 && picked.length < limit; count--) {
      const bucket = buckets[count];
      if (!bucket) continue;
      bucket.sort((x, y) => x - y);
      for (const j of bucket) {
        if (picked.length >= limit) break;
        picked.push(j);
      }
    }
    return picked
      .map((index) => ({ index, similarity: cosine(vector, this.items[index].vector) }))
      .sort((x, y) => y.similarity - x.similarity || x.index - y.index);
  }
}

export function buildVectors(termLists: string[][]): { stats: TermStats; vectors: TermVector[] } {
  const stats = termStats(termLists);
  return { stats, vectors: termLists.map((terms) => vectorize(terms, stats)) };
}
