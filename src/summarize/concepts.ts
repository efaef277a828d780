import type { Candidate, SentenceUnit } from './candidates.js';
import { conceptKeys } from './candidates.js';

/**
 * Concept weights in the manner of ICSISumm (Gillick & Favre): a bigram is worth the number of documents that
 * use it, and bigrams used by too few documents are worth nothing (they are one outlet's detail, not the story).
 * Occurrences near the top of a document count extra, because news puts the main facts first.
 */
export interface ConceptWeightOptions {
  /** Minimum number of documents (independent sources) that must use a bigram. */
  minDocs: number;
  /** Extra document count for a concept found in a document's first sentence... */
  leadBonus: number;
  /** ...shrinking by this factor per sentence further down. */
  leadDecay: number;
  /**
   * The independent source of each document (documents that copy one wire story share one), so that a bigram
   * counts sources, not copies. Default: every document is its own source.
   */
  sourceOf?: (doc: number) => number;
}

export function conceptWeights(units: SentenceUnit[], options: ConceptWeightOptions): Map<string, number> {
  // Per source, the best (earliest) position at which each bigram appears: one linear pass.
  const sourceOf = options.sourceOf ?? ((doc: number) => doc);
  const firstSeen = new Map<string, Map<number, number>>();
  for (const unit of units) {
    const source = sourceOf(unit.doc);
    for (const key of conceptKeys(unit.stems, unit.stop)) {
      let byDoc = firstSeen.get(key);
      if (!byDoc) firstSeen.set(key, (byDoc = new Map()));
      const seen = byDoc.get(source);
      if (seen === undefined || unit.position < seen) byDoc.set(source, unit.position);
    }
  }
  const weights = new Map<string, number>();
  for (const [key, byDoc] of firstSeen) {
    if (byDoc.size < options.minDocs) continue;
    let weight = 0;
    for (const position of byDoc.values()) weight += 1 + options.leadBonus * Math.pow(options.leadDecay, position);
    if (weight > 0) weights.set(key, weight);
  }
  return weights;
}

/** Sum of the weights of a candidate's concepts not yet covered. */
export function gain(candidate: Candidate, weights: Map<string, number>, covered: Set<string>): number {
  let total = 0;
  for (const key of candidate.concepts) if (!covered.has(key)) total += weights.get(key) ?? 0;
  return total;
}
