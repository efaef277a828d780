// Claim-pair scorer: do two claims (sentences or clauses from two outlets) report the same thing?
// A learned classifier over MT-metric, word-alignment and mismatch features (see features.ts), trained on MSRP by
// scripts/train-pairs.ts and shipped as model/pairs.json.
import { FEATURE_COUNT, FEATURE_NAMES, pairFeatures, type PreparedSide } from './features.js';
import { compilePredictor, loadPairModel } from './model.js';

export { prepareSide, pairFeatures, idfFromTexts, FEATURE_NAMES, FEATURE_COUNT, type PairSide, type PreparedSide } from './features.js';
export { loadPairModel, predict, compilePredictor, type PairModelFile, type PairClassifier } from './model.js';
export { parseMsrp, type MsrpPair } from './msrp.js';

/** The scorer's verdict on a pair, with the evidence a reader can check. */
export interface PairScore {
  /** Probability (0..1) that both sides report the same thing (calibrated on MSRP's close-paraphrase criterion). */
  probability: number;
  /** `probability >= PAIR_THRESHOLD`. */
  same: boolean;
  /** IDF-weighted word-vector alignment similarity, 0..1, mean of both directions (Mihalcea et al. 2006). */
  similarity: number;
  /** Entity keys both sides mention. */
  sharedEntities: string[];
  /** Numbers both sides contain. */
  sharedNumbers: number[];
  /** Each side has a number the other lacks ("600 soldiers" vs "200 soldiers"): a candidate dispute, not a match. */
  numberConflict: boolean;
  /** Both sides carry dates and none agree. */
  dateConflict: boolean;
}

const model = (() => {
  let loaded: { threshold: number; predict: (x: ArrayLike<number>) => number } | null = null;
  return () => {
    if (loaded) return loaded;
    const file = loadPairModel(FEATURE_NAMES);
    return (loaded = { threshold: file.threshold, predict: compilePredictor(file.classifier) });
  };
})();

/**
 * Decision threshold on `probability`, chosen by 5-fold cross-validation on the MSRP training set (best accuracy).
 * Read from the shipped model file when this module is first imported.
 */
export const PAIR_THRESHOLD: number = model().threshold;

const features = new Float64Array(FEATURE_COUNT);

/**
 * Scores a pair of prepared sides. Symmetric (scorePair(a, b) equals scorePair(b, a)). Cost: about 20 µs of CPU
 * for two 20-word sentences (features ~13 µs, of which the word-by-word vector cosines are half; model ~6 µs);
 * see bench/tasks/pairs.ts. Uses module-level scratch buffers, which is safe because it is synchronous (each
 * worker thread has its own copy of the module).
 * @throws Error when the shipped model file is missing or was trained on other features.
 */
export function scorePair(a: PreparedSide, b: PreparedSide): PairScore {
  const m = model();
  const score: PairScore = { probability: 0, same: false, similarity: 0, sharedEntities: [], sharedNumbers: [], numberConflict: false, dateConflict: false };
  pairFeatures(a, b, features, score);
  score.probability = m.predict(features);
  score.same = score.probability >= m.threshold;
  return score;
}
