import type { Candidate } from './candidates.js';
import { gain } from './concepts.js';

export interface SelectionLimits {
  maxSentences: number;
  maxWords: number;
  /** True when two candidates state the same fact (near-duplicates across articles): never both chosen. */
  redundant: (a: Candidate, b: Candidate) => boolean;
}

/** Each candidate's standalone worth, plus a prior (position, corroboration) the caller computed. */
export interface Scored {
  candidate: Candidate;
  prior: number;
}

const NONE: ReadonlySet<Scored> = new Set();

function coverage(chosen: Scored[], weights: Map<string, number>): number {
  const covered = new Set<string>();
  let total = 0;
  for (const item of chosen) {
    for (const key of item.candidate.concepts) {
      if (covered.has(key)) continue;
      covered.add(key);
      total += weights.get(key) ?? 0;
    }
    total += item.prior;
  }
  return total;
}

function fits(chosen: Scored[], limits: SelectionLimits, locked: ReadonlySet<Scored> = NONE): boolean {
  if (chosen.length > limits.maxSentences) return false;
  let words = 0;
  for (const item of chosen) words += item.candidate.words;
  if (words > limits.maxWords) return false;
  for (let i = 0; i < chosen.length; i++) {
    for (let j = i + 1; j < chosen.length; j++) {
      const a = chosen[i].candidate;
      const b = chosen[j].candidate;
      // Never two spans of one sentence, nor two wordings of one fact (the two sides of a dispute may share words).
      if (a.unit === b.unit) return false;
      if (!(locked.has(chosen[i]) && locked.has(chosen[j])) && limits.redundant(a, b)) return false;
    }
  }
  return true;
}

/**
 * Budgeted concept coverage: greedy by gain per word (Khuller et al.'s rule, as in ICSISumm's approximation),
 * then single add/swap moves while they raise the objective. The pool is the best candidates by standalone
 * worth, so the cost stays linear in the input.
 */
export function selectCandidates(items: Scored[], weights: Map<string, number>, limits: SelectionLimits, poolSize = 120, lockedItems: Scored[] = []): Scored[] {
  const pool = byStandaloneValue(items, weights).slice(0, poolSize);
  const locked = new Set(lockedItems);

  let chosen = greedyFill(lockedItems, pool, weights, limits, locked);

  // Local search: add one, or swap one for one, while that improves total coverage.
  let value = coverage(chosen, weights);
  for (let round = 0; round < 20; round++) {
    let improved = false;
    for (const item of pool) {
      if (chosen.includes(item)) continue;
      const swaps = chosen.flatMap((c, i) => (locked.has(c) ? [] : [chosen.map((d, j) => (j === i ? item : d))]));
      const options: Scored[][] = [[...chosen, item], ...swaps];
      for (const option of options) {
        if (!fits(option, limits, locked)) continue;
        const v = coverage(option, weights);
        if (v > value + 1e-9) {
          chosen = option;
          value = v;
          improved = true;
          break;
        }
      }
    }
    if (!improved) break;
  }
  return chosen;
}


/** Candidates best first by standalone worth (concepts plus prior) per word. */
export function byStandaloneValue(items: Scored[], weights: Map<string, number>): Scored[] {
  const standalone = items.map((item) => ({ item, value: gain(item.candidate, weights, new Set()) + item.prior }));
  standalone.sort((a, b) => b.value / b.item.candidate.words - a.value / a.item.candidate.words || order(a.item, b.item));
  return standalone.map((s) => s.item);
}

/**
 * Makes sure the selection holds at least one candidate that passes `test` (one that can open the summary):
 * when none does, the best such candidate by standalone worth is added, or swapped for the unlocked chosen
 * candidate whose loss costs least coverage. Returns the selection unchanged when nothing fits.
 */
export function ensureOne(
  chosen: Scored[],
  items: Scored[],
  test: (item: Scored) => boolean,
  weights: Map<string, number>,
  limits: SelectionLimits,
  lockedItems: Scored[] = [],
): Scored[] {
  if (chosen.some(test)) return chosen;
  const locked = new Set(lockedItems);
  let tried = 0;
  for (const item of byStandaloneValue(items, weights)) {
    if (!test(item) || chosen.includes(item)) continue;
    if (++tried > 50) break;
    let best: Scored[] | null = fits([...chosen, item], limits, locked) ? [...chosen, item] : null;
    let bestValue = best ? coverage(best, weights) : Number.NEGATIVE_INFINITY;
    chosen.forEach((c, i) => {
      if (locked.has(c)) return;
      const option = chosen.map((d, j) => (j === i ? item : d));
      if (!fits(option, limits, locked)) return;
      const v = coverage(option, weights);
      if (v > bestValue) {
        best = option;
        bestValue = v;
      }
    });
    if (best) return best;
  }
  return chosen;
}

/** Adds candidates by best concept gain per word until nothing fits or adds anything. */
function greedyFill(start: Scored[], pool: Scored[], weights: Map<string, number>, limits: SelectionLimits, locked: ReadonlySet<Scored> = NONE): Scored[] {
  const chosen = [...start];
  const covered = new Set<string>();
  for (const item of chosen) for (const key of item.candidate.concepts) covered.add(key);
  for (;;) {
    let best: Scored | null = null;
    let bestRatio = 0;
    for (const item of pool) {
      if (chosen.includes(item) || !fits([...chosen, item], limits, locked)) continue;
      const conceptGain = gain(item.candidate, weights, covered);
      // A sentence that adds no new concept only repeats the summary, whatever its prior.
      if (conceptGain <= 0) continue;
      const ratio = (conceptGain + item.prior) / Math.max(1, item.candidate.words);
      if (ratio > bestRatio) {
        bestRatio = ratio;
        best = item;
      }
    }
    if (!best) return chosen;
    chosen.push(best);
    for (const key of best.candidate.concepts) covered.add(key);
  }
}

function order(a: Scored, b: Scored): number {
  return a.candidate.unit.doc - b.candidate.unit.doc || a.candidate.unit.position - b.candidate.unit.position || a.candidate.start - b.candidate.start;
}
