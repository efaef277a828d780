// Multinomial logistic regression over sparse named features, trained by L-BFGS on the L2-regularised
// log-loss. Hand-written on purpose: no well-kept JavaScript ML library offers a regularised multinomial
// logistic regression (the npm candidates are unmaintained or pull in TensorFlow), and with ~2,000 training
// pairs and a few thousand features full-batch L-BFGS converges in well under a second.

/** A sparse feature vector: feature name -> value (absent = 0). */
export type Features = Map<string, number>;

/** Feature vector with names already replaced by column indices (unknown names dropped). */
export interface IndexedRow {
  index: Int32Array;
  value: Float64Array;
}

/** A trained model as stored in model.json. `weights[k][j]` is the weight of feature `features[j]` for `labels[k]`. */
export interface SoftmaxModel<L extends string = string> {
  labels: L[];
  features: string[];
  /** One row per label, one column per feature, plus the bias in `bias`. */
  weights: number[][];
  bias: number[];
}

export interface TrainOptions {
  /** L2 penalty on weights (not on biases), as lambda * ||w||^2 / 2 added to the summed log-loss. */
  l2: number;
  /** L-BFGS iteration cap. */
  maxIterations?: number;
  /** Per-example weights (e.g. class balancing); default 1. */
  sampleWeights?: number[];
}

/** Column index for each feature name, in a fixed order. */
export function indexRows(rows: Features[], vocabulary: Map<string, number>): IndexedRow[] {
  return rows.map((row) => {
    const idx: number[] = [];
    const val: number[] = [];
    for (const [name, v] of row) {
      const j = vocabulary.get(name);
      if (j !== undefined && v !== 0) {
        idx.push(j);
        val.push(v);
      }
    }
    return { index: Int32Array.from(idx), value: Float64Array.from(val) };
  });
}

/** Softmax probabilities of one row under flat parameters `theta` (K*D weights then K biases). */
function scores(theta: Float64Array, row: IndexedRow, K: number, D: number, out: Float64Array): void {
  for (let k = 0; k < K; k++) {
    let s = theta[K * D + k];
    const base = k * D;
    for (let t = 0; t < row.index.length; t++) s += theta[base + row.index[t]] * row.value[t];
    out[k] = s;
  }
  let max = -Infinity;
  for (let k = 0; k < K; k++) max = Math.max(max, out[k]);
  let sum = 0;
  for (let k = 0; k < K; k++) {
    out[k] = Math.exp(out[k] - max);
    sum += out[k];
  }
  for (let k = 0; k < K; k++) out[k] /= sum;
}

/**
 * Trains a multinomial logistic regression. `labels[i]` is the class index of `rows[i]` in `labelNames`.
 * Deterministic: the same data and options give the same weights.
 */
export function trainSoftmax<L extends string>(
  rows: IndexedRow[], labels: number[], labelNames: L[], featureNames: string[], options: TrainOptions,
): SoftmaxModel<L> {
  const K = labelNames.length;
  const D = featureNames.length;
  const n = rows.length;
  const weightsOf = options.sampleWeights ?? new Array(n).fill(1);
  const p = new Float64Array(K);
  const objective = (theta: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const row = rows[i];
      const w = weightsOf[i];
      scores(theta, row, K, D, p);
      loss -= w * Math.log(Math.max(p[labels[i]], 1e-300));
      for (let k = 0; k < K; k++) {
        const g = w * (p[k] - (k === labels[i] ? 1 : 0));
        const base = k * D;
        for (let t = 0; t < row.index.length; t++) grad[base + row.index[t]] += g * row.value[t];
        grad[K * D + k] += g;
      }
    }
    for (let j = 0; j < K * D; j++) {
      loss += (options.l2 * theta[j] * theta[j]) / 2;
      grad[j] += options.l2 * theta[j];
    }
    return loss;
  };
  const theta = lbfgs(objective, new Float64Array(K * D + K), options.maxIterations ?? 300);
  const weights: number[][] = [];
  for (let k = 0; k < K; k++) weights.push(Array.from(theta.subarray(k * D, (k + 1) * D)));
  return { labels: labelNames, features: featureNames, weights, bias: Array.from(theta.subarray(K * D)) };
}

/** Probabilities of every label for one feature vector. */
export function predictSoftmax<L extends string>(model: SoftmaxModel<L>, lookup: Map<string, number>, features: Features): Record<L, number> {
  const K = model.labels.length;
  const s = model.bias.slice();
  for (const [name, v] of features) {
    const j = lookup.get(name);
    if (j === undefined) continue;
    for (let k = 0; k < K; k++) s[k] += model.weights[k][j] * v;
  }
  const max = Math.max(...s);
  const e = s.map((x) => Math.exp(x - max));
  const sum = e.reduce((a, b) => a + b, 0);
  const out = {} as Record<L, number>;
  model.labels.forEach((label, k) => (out[label] = e[k] / sum));
  return out;
}

/**
 * Limited-memory BFGS (Nocedal & Wright, Numerical Optimization, algorithm 7.4) with a backtracking Armijo
 * line search. Minimises a smooth convex function given as value-and-gradient.
 */
function lbfgs(f: (x: Float64Array, g: Float64Array) => number, x0: Float64Array, maxIterations: number, memory = 10): Float64Array {
  const n = x0.length;
  let x = x0.slice();
  let g = new Float64Array(n);
  let fx = f(x, g);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const dot = (a: Float64Array, b: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[i] * b[i];
    return s;
  };
  const xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  for (let iter = 0; iter < maxIterations; iter++) {
    // Two-loop recursion: d = -H g.
    const d = g.slice();
    const alpha: number[] = [];
    for (let m = S.length - 1; m >= 0; m--) {
      const a = rho[m] * dot(S[m], d);
      alpha[m] = a;
      for (let i = 0; i < n; i++) d[i] -= a * Y[m][i];
    }
    if (S.length > 0) {
      const last = S.length - 1;
      const gamma = dot(S[last], Y[last]) / dot(Y[last], Y[last]);
      for (let i = 0; i < n; i++) d[i] *= gamma;
    } else {
      const norm = Math.sqrt(dot(g, g)) || 1;
      for (let i = 0; i < n; i++) d[i] /= norm;
    }
    for (let m = 0; m < S.length; m++) {
      const b = rho[m] * dot(Y[m], d);
      for (let i = 0; i < n; i++) d[i] += S[m][i] * (alpha[m] - b);
    }
    for (let i = 0; i < n; i++) d[i] = -d[i];
    let slope = dot(g, d);
    if (slope >= 0) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      S.length = 0;
      Y.length = 0;
      rho.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i];
      slope = dot(g, d);
    }
    let step = 1;
    let fNew = Infinity;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + step * d[i];
      fNew = f(xNew, gNew);
      if (fNew <= fx + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(fNew < fx)) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
    }
    const sy = dot(s, y);
    if (sy > 1e-10) {
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
      if (S.length > memory) {
        S.shift();
        Y.shift();
        rho.shift();
      }
    }
    const improvement = fx - fNew;
    x = xNew.slice();
    const swap = g;
    g = gNew;
    gNew = swap;
    fx = fNew;
    if (improvement < 1e-7 * Math.max(1, Math.abs(fx))) break;
  }
  return x;
}
