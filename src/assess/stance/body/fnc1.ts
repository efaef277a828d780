// FNC-1 (Fake News Challenge stage 1) data and its scoring, shared by the training script, the evaluation task
// and the tests. The data lives outside the repository (../shared/eval/fnc1, research use only, see its README).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hashString } from '../../../annotate/hashing.js';
import type { BodyStance } from './index.js';
import { STANCES } from './model.js';

/** One labelled pair. */
export interface Fnc1Pair {
  pairId: string;
  headline: string;
  bodyId: number;
  body: string;
  stance: BodyStance;
}

/** Reads `<split>_stances.jsonl` and `<split>_bodies.jsonl` of the FNC-1 folder (split: 'train' or 'test'). */
export function readFnc1(dir: string, split: 'train' | 'test'): Fnc1Pair[] {
  const lines = (file: string) => readFileSync(path.join(dir, file), 'utf8').split('\n').filter((l) => l.trim());
  const bodies = new Map<number, string>();
  for (const line of lines(`${split}_bodies.jsonl`)) {
    const r = JSON.parse(line) as { body_id: number; body: string };
    bodies.set(r.body_id, r.body);
  }
  return lines(`${split}_stances.jsonl`).map((line) => {
    const r = JSON.parse(line) as { pair_id: string; headline: string; body_id: number; stance: BodyStance };
    const body = bodies.get(r.body_id);
    if (body === undefined) throw new Error(`FNC-1 ${split}: pair ${r.pair_id} names body ${r.body_id}, which is missing`);
    return { pairId: r.pair_id, headline: r.headline, bodyId: r.body_id, body, stance: r.stance };
  });
}

/**
 * Cross-validation folds for FNC-1 training pairs, split by body id with the bodies of one claim kept together.
 * A claim is a connected component of headlines and bodies joined by related (agree/disagree/discuss) pairs.
 * Splitting by body alone leaks: the same headline then sits in training with other bodies of its story, and CV
 * scores come out far above test scores (the official test pairs have new claims: only 10 test headlines occur
 * in train). Returns per pair its fold (the fold of its body's claim) and whether its headline's claim is in
 * that same fold (`headInFold`); training on fold f should skip pairs whose headline belongs to f.
 */
export function claimFolds(pairs: readonly Fnc1Pair[], folds: number): { fold: Int32Array; headFold: Int32Array } {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    while (x !== r) {
      const next = parent.get(x)!;
      parent.set(x, r);
      x = next;
    }
    return r;
  };
  const add = (x: string) => { if (!parent.has(x)) parent.set(x, x); };
  for (const p of pairs) {
    add(`h:${p.headline}`);
    add(`b:${p.bodyId}`);
    if (p.stance === 'unrelated') continue;
    const a = find(`h:${p.headline}`);
    const b = find(`b:${p.bodyId}`);
    // The smaller name becomes the root, so the component's name does not depend on the pair order.
    if (a !== b) a < b ? parent.set(b, a) : parent.set(a, b);
  }
  const foldOf = (node: string) => (hashString(`fnc1-cv|${find(node)}`) >>> 0) % folds;
  return {
    fold: Int32Array.from(pairs, (p) => foldOf(`b:${p.bodyId}`)),
    headFold: Int32Array.from(pairs, (p) => foldOf(`h:${p.headline}`)),
  };
}

export function stanceIndex(s: BodyStance): number {
  return STANCES.indexOf(s);
}

/** Scores of a set of predictions. Fractions in [0, 1]. */
export interface Fnc1Scores {
  /** The organisers' score (scorer.py) as a fraction of the best achievable on these pairs. */
  fnc: number;
  accuracy: number;
  /** F1 per class, in STANCES order. */
  f1: number[];
  /** Unweighted mean of the four F1s (Hanselowski et al., COLING 2018). */
  macroF1: number;
  /** confusion[gold][predicted], STANCES order. */
  confusion: number[][];
}

/**
 * FNC-1 scoring: +0.25 when related-vs-unrelated is right, +0.75 more when a related gold label
 * (agree/disagree/discuss) is predicted exactly; divided by the score of a perfect prediction.
 */
export function scoreFnc1(gold: ArrayLike<number>, predicted: ArrayLike<number>): Fnc1Scores {
  const U = STANCES.indexOf('unrelated');
  const confusion = STANCES.map(() => STANCES.map(() => 0));
  let score = 0;
  let best = 0;
  let right = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i];
    const p = predicted[i];
    confusion[g][p]++;
    if (g === p) right++;
    if ((g === U) === (p === U)) score += 0.25;
    if (g !== U && g === p) score += 0.75;
    best += g === U ? 0.25 : 1;
  }
  const f1 = STANCES.map((_, c) => {
    const tp = confusion[c][c];
    const goldN = confusion[c].reduce((a, b) => a + b, 0);
    const predN = confusion.reduce((a, row) => a + row[c], 0);
    return tp === 0 ? 0 : (2 * tp) / (goldN + predN);
  });
  return {
    fnc: best ? score / best : 0,
    accuracy: gold.length ? right / gold.length : 0,
    f1,
    macroF1: f1.reduce((a, b) => a + b, 0) / f1.length,
    confusion,
  };
}

/** Index of the largest of `probs[c] · exp(offsets[c])`: the label after the model's logit offsets. */
export function argmaxWithOffsets(probs: ArrayLike<number>, offsets: readonly number[]): number {
  let best = 0;
  let bestScore = -Infinity;
  for (let c = 0; c < probs.length; c++) {
    const s = Math.log(Math.max(probs[c], 1e-30)) + (offsets[c] ?? 0);
    if (s > bestScore) [best, bestScore] = [c, s];
  }
  return best;
}
