// The pair scorer alignment uses: whether two claims say the same thing, as a probability.
import type { ClaimItem } from './claims.js';
import type { TermStats } from './similarity.js';
import type { MeaningScorer } from './relations.js';
import { cosine, vectorize } from './similarity.js';

/**
 * A scorer over the story's claims. Until the trained claim-pair model is wired in, the IDF-weighted cosine
 * of the claims' content terms plus slot keys stands in, scaled so that 0.36 (the old same-fact threshold)
 * maps to 0.5.
 */
export function claimScorer(claims: ClaimItem[], stats: TermStats): MeaningScorer {
  const vectors = new Map<ClaimItem, ReturnType<typeof vectorize>>();
  const vectorOf = (c: ClaimItem) => {
    let v = vectors.get(c);
    if (!v) vectors.set(c, (v = vectorize(c.terms, stats)));
    return v;
  };
  void claims;
  return (a, b) => Math.min(1, cosine(vectorOf(a), vectorOf(b)) / 0.72);
}
