// A one-hidden-layer perceptron over sparse inputs: input → ReLU hidden layer → softmax (UCL's FNC-1 model,
// Riedel et al. 2017, arXiv:1707.03264). Hand-written because no well-kept JavaScript ML library fits: the
// TensorFlow.js CPU backend has no sparse matmul and would densify 10,000-wide rows, and the small npm MLP
// packages are unmaintained or dense-only. Sparse inputs are what make it fast: a row touches only the
// weight rows of its non-zero terms (~200 of 10,016), so an epoch over FNC-1's 50k pairs takes seconds.
//
// Training: mini-batch Adam on the mean cross-entropy (optionally class-weighted), L2 on the weights, dropout on
// the hidden layer. Adam is "lazy" on the first layer (as TensorFlow's LazyAdamOptimizer): a weight row and
// its moments are updated only in batches that touch it, which keeps a step proportional to the batch's terms.

import type { SparseVector } from './features.js';

/** Weights of the network. w1 is row-major by input (w1[d * hidden + h]), so a sparse input reads whole rows. */
export interface MlpWeights {
  inputs: number;
  hidden: number;
  classes: number;
  w1: Float32Array;
  b1: Float32Array;
  /** w2[h * classes + c] */
  w2: Float32Array;
  b2: Float32Array;
}

/** Deterministic 32-bit PRNG (mulberry32): same seed, same model. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Class probabilities of one row (no dropout). `hiddenBuf` may be passed to avoid an allocation per call. */
export function predict(m: MlpWeights, x: SparseVector, hiddenBuf = new Float32Array(m.hidden)): Float64Array {
  const H = m.hidden;
  const C = m.classes;
  const z = hiddenBuf;
  z.set(m.b1);
  for (let i = 0; i < x.idx.length; i++) {
    const v = x.val[i];
    const base = x.idx[i] * H;
    for (let h = 0; h < H; h++) z[h] += v * m.w1[base + h];
  }
  const out = new Float64Array(C);
  for (let c = 0; c < C; c++) out[c] = m.b2[c];
  for (let h = 0; h < H; h++) {
    const a = z[h];
    if (a <= 0) continue;
    for (let c = 0; c < C; c++) out[c] += a * m.w2[h * C + c];
  }
  return softmax(out);
}

function softmax(z: Float64Array): Float64Array {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let c = 0; c < z.length; c++) sum += z[c] = Math.exp(z[c] - max);
  for (let c = 0; c < z.length; c++) z[c] /= sum;
  return z;
}

export interface TrainOptions {
  hidden: number;
  epochs: number;
  batch: number;
  learningRate: number;
  /** L2 coefficient on all weights (not biases), per example. */
  l2: number;
  /** Probability of dropping a hidden unit during training. */
  dropout: number;
  seed: number;
  /** Loss weight per class (default 1 each). */
  classWeights?: number[];
  /** Called after each epoch with the current weights (the caller scores a validation fold, for early stopping). */
  afterEpoch?: (epoch: number, weights: MlpWeights) => void;
}

/** Trains the network on sparse rows with integer labels in [0, classes). Deterministic for a given seed. */
export function trainMlp(rows: SparseVector[], labels: Int32Array, inputs: number, classes: number, opt: TrainOptions): MlpWeights {
  const H = opt.hidden;
  const C = classes;
  const rand = rng(opt.seed);
  // Glorot-uniform initialisation, as TensorFlow's dense layers.
  const lim1 = Math.sqrt(6 / (inputs + H));
  const lim2 = Math.sqrt(6 / (H + C));
  const m: MlpWeights = {
    inputs,
    hidden: H,
    classes: C,
    w1: Float32Array.from({ length: inputs * H }, () => (2 * rand() - 1) * lim1),
    b1: new Float32Array(H),
    w2: Float32Array.from({ length: H * C }, () => (2 * rand() - 1) * lim2),
    b2: new Float32Array(C),
  };
  const params = [m.w1, m.b1, m.w2, m.b2];
  const grads = params.map((p) => new Float32Array(p.length));
  const mom1 = params.map((p) => new Float32Array(p.length));
  const mom2 = params.map((p) => new Float32Array(p.length));
  const [gw1, gb1, gw2, gb2] = grads;
  // Lazy Adam keeps a step counter per first-layer row, for its bias correction.
  const rowSteps = new Int32Array(inputs);
  const touched = new Uint8Array(inputs);
  const touchedList = new Int32Array(inputs);
  const weights = opt.classWeights ?? new Array(C).fill(1);
  const beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
  const keep = 1 - opt.dropout;
  const z = new Float32Array(H);
  const mask = new Float32Array(H);
  const out = new Float64Array(C);
  const gz = new Float32Array(H);
  const order = Int32Array.from(rows.keys());
  let step = 0;

  for (let epoch = 1; epoch <= opt.epochs; epoch++) {
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(rand() * (k + 1));
      [order[k], order[j]] = [order[j], order[k]];
    }
    for (let start = 0; start < order.length; start += opt.batch) {
      const end = Math.min(order.length, start + opt.batch);
      let nTouched = 0;
      gb1.fill(0);
      gw2.fill(0);
      gb2.fill(0);
      let batchWeight = 0;
      for (let b = start; b < end; b++) batchWeight += weights[labels[order[b]]];
      for (let b = start; b < end; b++) {
        const x = rows[order[b]];
        const y = labels[order[b]];
        // Forward.
        z.set(m.b1);
        for (let i = 0; i < x.idx.length; i++) {
          const v = x.val[i];
          const base = x.idx[i] * H;
          for (let h = 0; h < H; h++) z[h] += v * m.w1[base + h];
        }
        for (let h = 0; h < H; h++) {
          mask[h] = z[h] > 0 && rand() < keep ? 1 / keep : 0;
          z[h] *= mask[h];
        }
        for (let c = 0; c < C; c++) out[c] = m.b2[c];
        for (let h = 0; h < H; h++) {
          const a = z[h];
          if (a === 0) continue;
          for (let c = 0; c < C; c++) out[c] += a * m.w2[h * C + c];
        }
        softmax(out);
        // Backward: d loss / d logits = w_y (p - onehot(y)) / sum of the batch's weights.
        const scale = weights[y] / batchWeight;
        for (let c = 0; c < C; c++) {
          out[c] = (out[c] - (c === y ? 1 : 0)) * scale;
          gb2[c] += out[c];
        }
        for (let h = 0; h < H; h++) {
          let g = 0;
          const a = z[h];
          for (let c = 0; c < C; c++) {
            if (a !== 0) gw2[h * C + c] += a * out[c];
            g += m.w2[h * C + c] * out[c];
          }
          gz[h] = g * mask[h];
          gb1[h] += gz[h];
        }
        for (let i = 0; i < x.idx.length; i++) {
          const d = x.idx[i];
          const v = x.val[i];
          const base = d * H;
          if (!touched[d]) {
            touched[d] = 1;
            touchedList[nTouched++] = d;
            gw1.fill(0, base, base + H);
          }
          for (let h = 0; h < H; h++) gw1[base + h] += v * gz[h];
        }
      }
      step++;
      const lr = opt.learningRate;
      // Dense Adam for the small layers.
      const adam = (p: Float32Array, g: Float32Array, m1: Float32Array, m2: Float32Array, from: number, to: number, t: number, decay: number) => {
        const c1 = 1 - Math.pow(beta1, t);
        const c2 = 1 - Math.pow(beta2, t);
        for (let i = from; i < to; i++) {
          const gi = g[i] + decay * p[i];
          m1[i] = beta1 * m1[i] + (1 - beta1) * gi;
          m2[i] = beta2 * m2[i] + (1 - beta2) * gi * gi;
          p[i] -= (lr * (m1[i] / c1)) / (Math.sqrt(m2[i] / c2) + eps);
        }
      };
      adam(m.b1, gb1, mom1[1], mom2[1], 0, H, step, 0);
      adam(m.w2, gw2, mom1[2], mom2[2], 0, H * C, step, opt.l2);
      adam(m.b2, gb2, mom1[3], mom2[3], 0, C, step, 0);
      for (let t = 0; t < nTouched; t++) {
        const d = touchedList[t];
        touched[d] = 0;
        rowSteps[d]++;
        adam(m.w1, gw1, mom1[0], mom2[0], d * H, d * H + H, rowSteps[d], opt.l2);
      }
    }
    opt.afterEpoch?.(epoch, m);
  }
  return m;
}
