import type { SentenceUnit } from './candidates.js';

/** Content-word overlap (Jaccard) at which two sentences are taken to state the same fact. */
export const SAME_FACT_JACCARD = 0.45;
/** How many of a sentence's rarest words are used to look up neighbours. */
const PROBE_TERMS = 6;
/** At most this many sentences are compared per lookup, so a lookup costs the same in a story of any size. */
const MAX_COMPARED = 3000;

/**
 * Finds sentences of other articles that repeat a sentence, through an inverted index over content stems:
 * each lookup reads the postings of the sentence's rarest words only, so the cost grows with the input,
 * not with its square.
 */
export class DuplicateIndex {
  private readonly postings = new Map<string, number[]>();

  constructor(private readonly units: SentenceUnit[]) {
    units.forEach((unit, i) => {
      for (const stem of unit.content) {
        let list = this.postings.get(stem);
        if (!list) this.postings.set(stem, (list = []));
        list.push(i);
      }
    });
  }

  /** Units in other documents whose content overlaps unit `i` by at least `threshold` (Jaccard), best first. */
  neighbours(i: number, threshold = SAME_FACT_JACCARD): { unit: number; similarity: number }[] {
    const unit = this.units[i];
    if (unit.content.size === 0) return [];
    const probes = [...unit.content]
      .map((stem) => ({ stem, list: this.postings.get(stem) ?? [] }))
      .sort((a, b) => a.list.length - b.list.length || (a.stem < b.stem ? -1 : 1))
      .slice(0, PROBE_TERMS);
    const seen = new Set<number>();
    const out: { unit: number; similarity: number }[] = [];
    for (const { list } of probes) {
      for (const j of list) {
        if (seen.size >= MAX_COMPARED) break;
        if (seen.has(j)) continue;
        seen.add(j);
        const other = this.units[j];
        if (other.doc === unit.doc) continue;
        const similarity = jaccard(unit.content, other.content);
        if (similarity >= threshold) out.push({ unit: j, similarity });
      }
    }
    return out.sort((a, b) => b.similarity - a.similarity || a.unit - b.unit);
  }
}

/** Jaccard overlap of two content-word sets. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}
