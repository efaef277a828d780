import { contentTerms } from '../text/terms.js';

/** A bag of terms weighted by inverse document frequency, L2-normalised, for cosine comparison. */
export interface TermVector {
  terms: Map<string, number>;
}

export interface TermStats {
  documentFrequency: Map<string, number>;
  documents: number;
}

export function termStats(termLists: string[][]): TermStats {
  const documentFrequency = new Map<string, number>();
  for (const terms of termLists) for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  return { documentFrequency, documents: termLists.length };
}

export function idf(stats: TermStats, term: string): number {
  return Math.log((stats.documents + 1) / ((stats.documentFrequency.get(term) ?? 0) + 1)) + 1;
}

export function vectorize(terms: string[], stats: TermStats): TermVector {
  const weights = new Map<string, number>();
  for (const term of terms) weights.set(term, (weights.get(term) ?? 0) + 1);
  let norm = 0;
  for (const [term, count] of weights) {
    const weight = (1 + Math.log(count)) * idf(stats, term);
    weights.set(term, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [term, weight] of weights) weights.set(term, weight / norm);
  return { terms: weights };
}

export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.terms.size <= b.terms.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small.terms) dot += weight * (large.terms.get(term) ?? 0);
  return dot;
}

export { contentTerms };
