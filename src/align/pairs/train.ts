// Trainers for the pair model (used by scripts/train-pairs.ts and the evaluation peers). Hand-written: no maintained
// JavaScript library offers L2 logistic regression and gradient boosting with a model we can serialise as plain JSON.
import type { LogisticModel, TreeEnsemble } from './model.js';

/** Deterministic PRNG (mulberry32), so training runs are reproducible. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fold number (0..k-1) of each of n items, stratified by label and shuffled with a fixed seed. */
export function foldsOf(labels: ArrayLike<number>, k: number, seed = 1): Int32Array {
  const random = rng(seed);
  const folds = new Int32Array(labels.length);
  for (const cls of [0, 1]) {
    const idx: number[] = [];
    for (let i = 0; i < labels.length; i++) if (labels[i] === cls) idx.push(i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    idx.forEach((item, position) => (folds[item] = position % k));
  }
  return folds;
}

/** Threshold on probabilities with the best accuracy (midpoint between neighbouring scores), and that accuracy. */
export function bestThreshold(probs: ArrayLike<number>, labels: ArrayLike<number>): { threshold: number; accuracy: number } {
  const order = Array.from({ length: probs.length }, (_, i) => i).sort((a, b) => probs[a] - probs[b]);
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i];
  // Threshold below everything: all predicted 1, correct = positives.
  let correct = positives;
  let best = correct;
  let threshold = order.length ? probs[order[0]] - 1e-9 : 0.5;
  for (let r = 0; r < order.length; r++) {
    const i = order[r];
    correct += labels[i] === 1 ? -1 : 1;
    const next = r + 1 < order.length ? probs[order[r + 1]] : probs[i] + 1e-6;
    if (next === probs[i]) continue;
    if (correct > best) {
      best = correct;
      threshold = (probs[i] + next) / 2;
    }
  }
  return { threshold, accuracy: best / Math.max(1, labels.length) };
}

/** Accuracy and F1 of the positive class. */
export function accuracyF1(predicted: ArrayLike<boolean>, labels: ArrayLike<number>): { accuracy: number; f1: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let correct = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = predicted[i];
    const y = labels[i] === 1;
    if (p === y) correct++;
    if (p && y) tp++;
    else if (p && !y) fp++;
    else if (!p && y) fn++;
  }
  return { accuracy: correct / Math.max(1, labels.length), f1: tp > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0 };
}

/** Solves A x = b for a symmetric positive definite A (Cholesky). A is n×n row-major. */
function solveSpd(A: Float64Array, b: Float64Array, n: number): Float64Array {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * n + j];
      for (let k = 0; k < j; k++) s -= L[i * n + k] * L[j * n + k];
      L[i * n + j] = i === j ? Math.sqrt(Math.max(s, 1e-12)) : s / L[j * n + j];
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i * n + k] * y[k];
    y[i] = s / L[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= L[k * n + i] * x[k];
    x[i] = s / L[i * n + i];
  }
  return x;
}

/**
 * L2-regularised logistic regression fitted by Newton's method (IRLS) on standardised features.
 * @param X rows of features; @param y labels 0/1; @param lambda L2 penalty on the weights (not the bias).
 */
export function trainLogistic(X: ArrayLike<number>[], y: ArrayLike<number>, lambda: number): LogisticModel {
  const n = X.length;
  const d = X[0].length;
  const mean = new Array<number>(d).fill(0);
  const std = new Array<number>(d).fill(0);
  for (const x of X) for (let f = 0; f < d; f++) mean[f] += x[f] / n;
  for (const x of X) for (let f = 0; f < d; f++) std[f] += (x[f] - mean[f]) ** 2 / n;
  for (let f = 0; f < d; f++) std[f] = Math.sqrt(std[f]) || 1;
  const Z = X.map((x) => {
    const z = new Float64Array(d + 1);
    for (let f = 0; f < d; f++) z[f] = (x[f] - mean[f]) / std[f];
    z[d] = 1;
    return z;
  });
  const D = d + 1;
  const w = new Float64Array(D);
  for (let iter = 0; iter < 30; iter++) {
    const H = new Float64Array(D * D);
    const g = new Float64Array(D);
    for (let i = 0; i < n; i++) {
      const z = Z[i];
      let s = 0;
      for (let f = 0; f < D; f++) s += w[f] * z[f];
      const p = 1 / (1 + Math.exp(-s));
      const r = p - y[i];
      const h = Math.max(p * (1 - p), 1e-9);
      for (let f = 0; f < D; f++) {
        g[f] += r * z[f];
        const hz = h * z[f];
        for (let e = 0; e <= f; e++) H[f * D + e] += hz * z[e];
      }
    }
    for (let f = 0; f < D; f++) for (let e = 0; e < f; e++) H[e * D + f] = H[f * D + e];
    for (let f = 0; f < d; f++) {
      g[f] += lambda * w[f];
      H[f * D + f] += lambda;
    }
    H[d * D + d] += 1e-6;
    const step = solveSpd(H, g, D);
    let change = 0;
    for (let f = 0; f < D; f++) {
      w[f] -= step[f];
      change = Math.max(change, Math.abs(step[f]));
    }
    if (change < 1e-7) break;
  }
  return { kind: 'logistic', mean, std, weights: Array.from(w.subarray(0, d)), bias: w[d] };
}

/** Options of `trainGbdt`. */
export interface GbdtOptions {
  trees: number;
  depth: number;
  learningRate: number;
  /** Minimum summed hessian p(1−p) in a leaf (like XGBoost's min_child_weight). */
  minLeafWeight: number;
  /** L2 penalty on leaf values. */
  lambda: number;
  /** Fraction of rows drawn (without replacement) for each tree. */
  subsample: number;
  /** Number of candidate thresholds per feature (quantiles of the training values). */
  bins: number;
  seed: number;
}

export const GBDT_DEFAULTS: GbdtOptions = { trees: 300, depth: 3, learningRate: 0.05, minLeafWeight: 2, lambda: 1, subsample: 0.8, bins: 32, seed: 7 };

/**
 * Gradient-boosted trees with logistic loss and second-order (Newton) leaf values, on quantile-binned features
 * (Friedman 2001; the histogram split search of LightGBM/XGBoost "hist"). `onTree(model)` is called after each tree,
 * so a caller can score staged models for every tree count in one run.
 */
export function trainGbdt(X: ArrayLike<number>[], y: ArrayLike<number>, options: Partial<GbdtOptions> = {}, onTree?: (model: TreeEnsemble) => void): TreeEnsemble {
  const o = { ...GBDT_DEFAULTS, ...options };
  const n = X.length;
  const d = X[0].length;
  const random = rng(o.seed);
  // Candidate thresholds per feature: distinct quantiles of the values.
  const cuts: number[][] = [];
  const binned: Uint8Array[] = [];
  for (let f = 0; f < d; f++) {
    const values = Array.from({ length: n }, (_, i) => X[i][f]).sort((a, b) => a - b);
    const c: number[] = [];
    for (let q = 1; q < o.bins; q++) {
      const v = values[Math.floor((q / o.bins) * (n - 1))];
      if (c.length === 0 || v > c[c.length - 1]) c.push(v);
    }
    if (c.length && c[c.length - 1] >= values[n - 1]) c.pop();
    cuts.push(c);
    const col = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      let b = 0;
      while (b < c.length && X[i][f] > c[b]) b++;
      col[i] = b;
    }
    binned.push(col);
  }
  let positives = 0;
  for (let i = 0; i < n; i++) positives += y[i];
  const prior = Math.min(Math.max(positives / n, 1e-3), 1 - 1e-3);
  const model: TreeEnsemble = { kind: 'gbdt', base: Math.log(prior / (1 - prior)), trees: [] };
  const score = new Float64Array(n).fill(model.base);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const maxBins = o.bins + 1;
  const histG = new Float64Array(maxBins);
  const histH = new Float64Array(maxBins);

  for (let t = 0; t < o.trees; t++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-score[i]));
      grad[i] = y[i] - p;
      hess[i] = Math.max(p * (1 - p), 1e-6);
    }
    const rows: number[] = [];
    for (let i = 0; i < n; i++) if (random() < o.subsample) rows.push(i);
    const tree = { feature: [] as number[], threshold: [] as number[], left: [] as number[], right: [] as number[], value: [] as number[] };
    const build = (members: number[], depth: number): number => {
      const id = tree.feature.length;
      tree.feature.push(-1);
      tree.threshold.push(0);
      tree.left.push(-1);
      tree.right.push(-1);
      tree.value.push(0);
      let G = 0;
      let H = 0;
      for (const i of members) {
        G += grad[i];
        H += hess[i];
      }
      tree.value[id] = (o.learningRate * G) / (H + o.lambda);
      if (depth >= o.depth) return id;
      const parentGain = (G * G) / (H + o.lambda);
      let bestGain = 1e-9;
      let bestFeature = -1;
      let bestBin = -1;
      for (let f = 0; f < d; f++) {
        const nb = cuts[f].length + 1;
        if (nb < 2) continue;
        histG.fill(0, 0, nb);
        histH.fill(0, 0, nb);
        const col = binned[f];
        for (const i of members) {
          histG[col[i]] += grad[i];
          histH[col[i]] += hess[i];
        }
        let gl = 0;
        let hl = 0;
        for (let b = 0; b < nb - 1; b++) {
          gl += histG[b];
          hl += histH[b];
          const gr = G - gl;
          const hr = H - hl;
          if (hl < o.minLeafWeight || hr < o.minLeafWeight) continue;
          const gain = (gl * gl) / (hl + o.lambda) + (gr * gr) / (hr + o.lambda) - parentGain;
          if (gain > bestGain) {
            bestGain = gain;
            bestFeature = f;
            bestBin = b;
          }
        }
      }
      if (bestFeature < 0) return id;
      const col = binned[bestFeature];
      const leftRows = members.filter((i) => col[i] <= bestBin);
      const rightRows = members.filter((i) => col[i] > bestBin);
      tree.feature[id] = bestFeature;
      tree.threshold[id] = cuts[bestFeature][bestBin];
      tree.left[id] = build(leftRows, depth + 1);
      tree.right[id] = build(rightRows, depth + 1);
      return id;
    };
    build(rows, 0);
    model.trees.push(tree);
    // Update every row's score (including rows left out of this tree's sample).
    for (let i = 0; i < n; i++) {
      let node = 0;
      while (tree.feature[node] >= 0) node = X[i][tree.feature[node]] <= tree.threshold[node] ? tree.left[node] : tree.right[node];
      score[i] += tree.value[node];
    }
    onTree?.(model);
  }
  return model;
}
