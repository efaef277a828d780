// The pair model: a hand-written logistic regression or gradient-boosted trees over the features of features.ts.
// Hand-written because no maintained JavaScript ML library offers both with a compact, inspectable model file; the
// model is small (tens of weights or a few hundred depth-3 trees) and trains in seconds on MSRP's 4,076 pairs.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Logistic regression on standardised features: p = σ(bias + Σ w_i (x_i − mean_i) / std_i). */
export interface LogisticModel {
  kind: 'logistic';
  mean: number[];
  std: number[];
  weights: number[];
  bias: number;
}

/**
 * Gradient-boosted regression trees with logistic loss (Friedman 2001). Trees are flat arrays: node i splits on
 * `feature[i]` at `threshold[i]` (x ≤ threshold goes to `left[i]`), or is a leaf when `feature[i]` is −1 and then
 * adds `value[i]` to the log-odds.
 */
export interface TreeEnsemble {
  kind: 'gbdt';
  base: number;
  trees: { feature: number[]; threshold: number[]; left: number[]; right: number[]; value: number[] }[];
}

/** An equal-weight average of the members' probabilities. */
export interface AveragedModel {
  kind: 'average';
  members: (LogisticModel | TreeEnsemble)[];
}

export type PairClassifier = LogisticModel | TreeEnsemble | AveragedModel;

/** The shipped model file (src/align/pairs/model/pairs.json). */
export interface PairModelFile {
  /** Where the model came from: data set, its licence, date, cross-validation figures. */
  header: Record<string, string | number>;
  featureNames: string[];
  /** Decision threshold on the probability, chosen by cross-validation on the training data. */
  threshold: number;
  classifier: PairClassifier;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

function logOdds(model: LogisticModel | TreeEnsemble, x: ArrayLike<number>): number {
  if (model.kind === 'logistic') {
    let z = model.bias;
    for (let i = 0; i < model.weights.length; i++) z += (model.weights[i] * (x[i] - model.mean[i])) / model.std[i];
    return z;
  }
  let z = model.base;
  for (const t of model.trees) {
    let node = 0;
    while (t.feature[node] >= 0) node = x[t.feature[node]] <= t.threshold[node] ? t.left[node] : t.right[node];
    z += t.value[node];
  }
  return z;
}

/** Probability (0..1) that the pair is the same claim, from its feature vector. */
export function predict(model: PairClassifier, x: ArrayLike<number>): number {
  if (model.kind === 'average') {
    let p = 0;
    for (const member of model.members) p += sigmoid(logOdds(member, x));
    return p / model.members.length;
  }
  return sigmoid(logOdds(model, x));
}

/**
 * A fast predictor for a classifier: trees are flattened into typed arrays (one allocation-free loop over all nodes),
 * about twice as fast as walking the JSON objects. Same results as `predict`.
 */
export function compilePredictor(model: PairClassifier): (x: ArrayLike<number>) => number {
  const members = model.kind === 'average' ? model.members : [model];
  const parts = members.map((member): ((x: ArrayLike<number>) => number) => {
    if (member.kind === 'logistic') return (x) => logOdds(member, x);
    const roots = new Int32Array(member.trees.length);
    let total = 0;
    for (let t = 0; t < member.trees.length; t++) {
      roots[t] = total;
      total += member.trees[t].feature.length;
    }
    const feature = new Int32Array(total);
    const threshold = new Float64Array(total);
    const left = new Int32Array(total);
    const right = new Int32Array(total);
    const value = new Float64Array(total);
    member.trees.forEach((tree, t) => {
      const base = roots[t];
      for (let i = 0; i < tree.feature.length; i++) {
        feature[base + i] = tree.feature[i];
        threshold[base + i] = tree.threshold[i];
        left[base + i] = base + tree.left[i];
        right[base + i] = base + tree.right[i];
        value[base + i] = tree.value[i];
      }
    });
    const base = member.base;
    return (x) => {
      let z = base;
      for (let t = 0; t < roots.length; t++) {
        let node = roots[t];
        while (feature[node] >= 0) node = x[feature[node]] <= threshold[node] ? left[node] : right[node];
        z += value[node];
      }
      return z;
    };
  });
  if (parts.length === 1) {
    const only = parts[0];
    return (x) => sigmoid(only(x));
  }
  return (x) => {
    let p = 0;
    for (const part of parts) p += sigmoid(part(x));
    return p / parts.length;
  };
}

const MODEL_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'model', 'pairs.json');
let cached: PairModelFile | null = null;

/**
 * The shipped pair model, read on first use (beside this module: src/ for tsx, dist/ after scripts/copy-assets.mjs).
 * @throws Error when the file is missing (run npm run train:pairs) or its feature list differs from `featureNames`.
 */
export function loadPairModel(featureNames: readonly string[]): PairModelFile {
  if (cached) return cached;
  if (!existsSync(MODEL_FILE)) throw new Error(`pair model not found at ${MODEL_FILE}: run npm run train:pairs`);
  const model = JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as PairModelFile;
  if (model.featureNames.join(',') !== featureNames.join(',')) {
    throw new Error(`pair model ${MODEL_FILE} was trained on other features: run npm run train:pairs`);
  }
  cached = model;
  return model;
}

/** Path of the shipped model file. */
export const PAIR_MODEL_PATH = MODEL_FILE;
