// Fitting and applying the headline stance model: vocabulary selection, logistic regression, and the
// stored-model format (model.json). Shared by scripts/train-stance-headline.ts, the evaluation task (which
// also fits the peer baselines with it) and the public entry.
import { DEFAULT_FEATURE_OPTIONS, stanceFeatures, type FeatureOptions, type VectorLookup } from './features.js';
import { indexRows, predictSoftmax, trainSoftmax, type Features, type SoftmaxModel } from './model.js';
import { HEADLINE_STANCES, type HeadlineStance, type HeadlineStanceResult } from './types.js';

/** Settings chosen by cross-validation and stored with the model. */
export interface FitConfig {
  options: FeatureOptions;
  /** L2 penalty (see TrainOptions.l2). */
  l2: number;
  /** Keep a feature only when it fires for pairs of at least this many distinct claims in training. */
  minClaims: number;
}

export const DEFAULT_FIT_CONFIG: FitConfig = { options: DEFAULT_FEATURE_OPTIONS, l2: 1, minClaims: 2 };

/** A training example: a pair with its claim group and gold stance. */
export interface LabelledPair {
  claimId: string;
  claim: string;
  headline: string;
  stance: HeadlineStance;
}

/** model.json: the fitted weights plus what is needed to rebuild the same features. */
export interface StoredHeadlineModel extends SoftmaxModel<HeadlineStance> {
  format: 'triangulate-headline-stance/1';
  config: FitConfig;
  /** Free-form provenance: data, date, cross-validation figures. */
  about: Record<string, unknown>;
}

/** Fits a model on pairs whose features are already extracted (`features[i]` belongs to `pairs[i]`). */
export function fitOnFeatures(pairs: LabelledPair[], features: Features[], l2: number, minClaims: number): SoftmaxModel<HeadlineStance> {
  const claimsOf = new Map<string, Set<string>>();
  features.forEach((row, i) => {
    for (const name of row.keys()) {
      let set = claimsOf.get(name);
      if (!set) claimsOf.set(name, (set = new Set()));
      if (set.size < minClaims) set.add(pairs[i].claimId);
    }
  });
  const names = [...claimsOf.keys()].filter((n) => claimsOf.get(n)!.size >= minClaims).sort();
  const vocabulary = new Map(names.map((n, j) => [n, j]));
  const labels = pairs.map((p) => HEADLINE_STANCES.indexOf(p.stance));
  return trainSoftmax(indexRows(features, vocabulary), labels, [...HEADLINE_STANCES], names, { l2 });
}

/** Fits the full model on labelled pairs with one configuration. */
export function fitHeadlineModel(pairs: LabelledPair[], config: FitConfig, vectors?: VectorLookup): StoredHeadlineModel {
  const features = pairs.map((p) => stanceFeatures(p.claim, p.headline, config.options, vectors));
  const model = fitOnFeatures(pairs, features, config.l2, config.minClaims);
  return { format: 'triangulate-headline-stance/1', config, about: {}, ...model };
}

/** Applies a softmax model to one feature vector: arg-max stance and probabilities. */
export function classify(model: SoftmaxModel<HeadlineStance>, lookup: Map<string, number>, features: Features): HeadlineStanceResult {
  const probabilities = predictSoftmax(model, lookup, features);
  let stance: HeadlineStance = model.labels[0];
  for (const label of model.labels) if (probabilities[label] > probabilities[stance]) stance = label;
  return { stance, probabilities };
}

/** Column lookup for a model's feature names. */
export function featureLookup(model: SoftmaxModel): Map<string, number> {
  return new Map(model.features.map((n, j) => [n, j]));
}

/**
 * Drops features whose weights are all at most `minWeight` in magnitude and rounds the rest to `digits`
 * decimals, to keep the shipped file small. The training script applies the same pruning inside
 * cross-validation, so the cross-validated figure is that of the pruned model.
 */
export function prune<M extends SoftmaxModel<HeadlineStance>>(model: M, minWeight: number, digits = 4): M {
  const keep = model.features.map((_, j) => model.weights.some((row) => Math.abs(row[j]) > minWeight));
  const round = (x: number): number => Number(x.toFixed(digits));
  return {
    ...model,
    features: model.features.filter((_, j) => keep[j]),
    weights: model.weights.map((row) => row.filter((_, j) => keep[j]).map(round)),
    bias: model.bias.map(round),
  };
}

/** Accuracy, per-class precision/recall/F1 and macro-F1 of predictions against gold labels. */
export interface StanceScores {
  n: number;
  accuracy: number;
  macroF1: number;
  perClass: Record<HeadlineStance, { precision: number; recall: number; f1: number; support: number }>;
  /** confusion[gold][predicted] */
  confusion: Record<HeadlineStance, Record<HeadlineStance, number>>;
}

export function scoreStances(gold: HeadlineStance[], predicted: HeadlineStance[]): StanceScores {
  const confusion = {} as StanceScores['confusion'];
  for (const g of HEADLINE_STANCES) {
    confusion[g] = { for: 0, against: 0, observing: 0 };
  }
  gold.forEach((g, i) => confusion[g][predicted[i]]++);
  const perClass = {} as StanceScores['perClass'];
  let correct = 0;
  for (const c of HEADLINE_STANCES) {
    const tp = confusion[c][c];
    correct += tp;
    const predictedC = HEADLINE_STANCES.reduce((s, g) => s + confusion[g][c], 0);
    const support = HEADLINE_STANCES.reduce((s, p) => s + confusion[c][p], 0);
    const precision = predictedC ? tp / predictedC : 0;
    const recall = support ? tp / support : 0;
    perClass[c] = { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, support };
  }
  const macroF1 = HEADLINE_STANCES.reduce((s, c) => s + perClass[c].f1, 0) / HEADLINE_STANCES.length;
  return { n: gold.length, accuracy: gold.length ? correct / gold.length : 0, macroF1, perClass, confusion };
}
