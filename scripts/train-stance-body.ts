// Trains the headline-vs-body stance model (src/assess/stance/body/) on FNC-1's training set and writes
// src/assess/stance/body/model.bin.gz.
//
// 1. Features: UCL's TF vectors + TF-IDF cosine (vocabulary of the 5,000 most frequent non-stopword terms of the
//    distinct training headlines and bodies) + our dense cue/overlap features (features.ts).
// 2. Cross-validation, K folds split by body id with each claim's bodies and headlines kept in one fold (see
//    claimFolds in fnc1.ts: a plain body-id split leaves the held-out headlines in training and scored 0.89 FNC
//    and 0.54 disagree F1 in a trial, where claim-grouped CV gives ~0.85 / ~0.35 and the test set 0.83 / 0.39):
//    one network per fold (per seed), scored on its held-out fold after every epoch (early stopping).
// 3. Epochs and logit offsets: on the pooled out-of-fold probabilities, the number of epochs and an offset for
//    `disagree` (and one for `agree`) added to the logits are chosen together by grid search (see OBJECTIVE
//    below); the trade-off table of the chosen epoch is printed.
// 4. The final networks (one per seed) are trained on all training pairs for the chosen number of epochs.
// The test files are never read here. Deterministic: fixed seeds, no time-dependent input.
//
// Usage: npm run train:stance (or node --import tsx scripts/train-stance-body.ts [--folds 3] [--max-epochs 4]
//        [--no-final] [--disagree-weight 4] [--lr 0.01] [--seeds 2] [--out FILE] [--no-cues]). ~3 min of one core.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { assembleRow, DENSE_FEATURES, fitVocabulary, rawDense, tokenize, viewText, type SparseVector, type TextView } from '../src/assess/stance/body/features.js';
import { argmaxWithOffsets, claimFolds, readFnc1, scoreFnc1, stanceIndex, type Fnc1Scores } from '../src/assess/stance/body/fnc1.js';
import { predict, trainMlp, type MlpWeights, type TrainOptions } from '../src/assess/stance/body/mlp.js';
import { bodyStanceModelPath, serializeModel, STANCES } from '../src/assess/stance/body/model.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.TRIANGULATE_EVAL_DIR ? path.join(process.env.TRIANGULATE_EVAL_DIR, 'fnc1') : path.resolve(root, '../shared/eval/fnc1');

const { values: args } = parseArgs({
  options: {
    folds: { type: 'string', default: '3' },
    'max-epochs': { type: 'string', default: '4' },
    'no-final': { type: 'boolean', default: false },
    'disagree-weight': { type: 'string', default: '4' },
    'vocab': { type: 'string', default: '5000' },
    hidden: { type: 'string', default: '100' },
    lr: { type: 'string', default: '0.01' },
    l2: { type: 'string', default: '2e-8' },
    dropout: { type: 'string', default: '0.4' },
    seeds: { type: 'string', default: '2' },
    out: { type: 'string', default: bodyStanceModelPath() },
    // Ablation (CV only): blank the cue features (headRefuting onwards) to see what they add.
    'no-cues': { type: 'boolean', default: false },
  },
});
const FOLDS = Number(args.folds);
const MAX_EPOCHS = Number(args['max-epochs']);
const VOCAB = Number(args.vocab);
const disagreeWeight = Number(args['disagree-weight']);
const SEEDS = Number(args.seeds);

// UCL's settings (Riedel et al. 2017, table 1): 100 hidden ReLUs, dropout 0.4 (keep 0.6), batch 500, Adam
// lr 0.01, L2 1e-5. Their L2 multiplies a loss summed over the batch; ours is a mean, hence 1e-5 / 500 = 2e-8.
// Ours adds: `disagree` pairs weigh 4 in the loss (trial CV runs: disagree F1 0.14 → 0.23 at the same FNC),
// and two networks of different seeds averaged (steadier than one across epochs).
const OPTIONS: Omit<TrainOptions, 'epochs'> = {
  hidden: Number(args.hidden),
  batch: 500,
  learningRate: Number(args.lr),
  l2: Number(args.l2),
  dropout: Number(args.dropout),
  seed: 20170601,
  classWeights: STANCES.map((s) => (s === 'disagree' ? disagreeWeight : 1)),
};

const started = performance.now();
const secs = () => ((performance.now() - started) / 1000).toFixed(0) + ' s';
const pairs = readFnc1(dataDir, 'train');
console.log(`FNC-1 train: ${pairs.length} pairs`);

const headlines = [...new Set(pairs.map((p) => p.headline))];
const bodies = new Map(pairs.map((p) => [p.bodyId, p.body]));
const vocab = fitVocabulary([...headlines, ...bodies.values()].map(tokenize), VOCAB);
const V = vocab.terms.length;
const headViews = new Map<string, TextView>(headlines.map((h) => [h, viewText(h, vocab)]));
const bodyViews = new Map<number, TextView>([...bodies].map(([id, b]) => [id, viewText(b, vocab)]));
const dense = pairs.map((p) => rawDense(headViews.get(p.headline)!, bodyViews.get(p.bodyId)!, p.headline));
const D = DENSE_FEATURES.length;
if (args['no-cues']) for (const d of dense) d.fill(0, DENSE_FEATURES.indexOf('headRefuting'));
const mean = new Float32Array(D);
const scale = new Float32Array(D);
for (const d of dense) for (let i = 0; i < D; i++) mean[i] += d[i] / dense.length;
for (const d of dense) for (let i = 0; i < D; i++) scale[i] += (d[i] - mean[i]) ** 2 / dense.length;
for (let i = 0; i < D; i++) scale[i] = Math.sqrt(scale[i]) || 1;
const rows: SparseVector[] = pairs.map((p, k) => assembleRow(headViews.get(p.headline)!, bodyViews.get(p.bodyId)!, dense[k], mean, scale, V));
const labels = Int32Array.from(pairs.map((p) => stanceIndex(p.stance)));
const inputs = 2 * V + D;
console.log(`features: vocabulary ${V}, ${D} dense, ${(rows.reduce((n, r) => n + r.idx.length, 0) / rows.length).toFixed(0)} non-zeros a row (${secs()})`);
console.log('dense feature means by class (raw):');
for (let i = 0; i < D; i++) {
  const byClass = STANCES.map((_, c) => {
    let s = 0, n = 0;
    dense.forEach((d, k) => { if (labels[k] === c) { s += d[i]; n++; } });
    return (s / n).toFixed(3);
  });
  console.log(`  ${DENSE_FEATURES[i].padEnd(20)} ${byClass.join('  ')}`);
}

const fmt = (s: Fnc1Scores) =>
  `FNC ${s.fnc.toFixed(4)}  acc ${s.accuracy.toFixed(4)}  macro-F1 ${s.macroF1.toFixed(4)}  F1 ${s.f1.map((f) => f.toFixed(3)).join(' / ')}`;

// --- 2. cross-validation with per-epoch scoring --------------------------------------------------------------
const { fold, headFold } = claimFolds(pairs, FOLDS);
// oof[epoch - 1][pair * 4 + class]
const oof = Array.from({ length: MAX_EPOCHS }, () => new Float32Array(pairs.length * STANCES.length));
for (let f = 0; f < FOLDS; f++) {
  const trainIdx = [...rows.keys()].filter((k) => fold[k] !== f && headFold[k] !== f);
  const heldIdx = [...rows.keys()].filter((k) => fold[k] === f);
  const buf = new Float32Array(OPTIONS.hidden);
  // With several seeds, the held-out probabilities of each epoch are the mean over the seeds' networks.
  for (let seed = 0; seed < SEEDS; seed++) {
    trainMlp(trainIdx.map((k) => rows[k]), Int32Array.from(trainIdx, (k) => labels[k]), inputs, STANCES.length, {
      ...OPTIONS,
      seed: OPTIONS.seed + seed,
      epochs: MAX_EPOCHS,
      afterEpoch: (epoch: number, net: MlpWeights) => {
        const out = oof[epoch - 1];
        for (const k of heldIdx) {
          const p = predict(net, rows[k], buf);
          for (let c = 0; c < p.length; c++) out[k * STANCES.length + c] += p[c] / SEEDS;
        }
      },
    });
  }
  const last = oof[MAX_EPOCHS - 1];
  const s = scoreFnc1(Int32Array.from(heldIdx, (k) => labels[k]), Int32Array.from(heldIdx, (k) => argmaxWithOffsets(last.subarray(k * 4, k * 4 + 4), [])));
  console.log(`fold ${f + 1}/${FOLDS}: ${trainIdx.length} training, ${heldIdx.length} held-out pairs, epoch ${MAX_EPOCHS}: ${fmt(s)} (${secs()})`);
}

const predictAll = (probs: Float32Array, offsets: number[]) => Int32Array.from(pairs.keys(), (k) => argmaxWithOffsets(probs.subarray(k * 4, k * 4 + 4), offsets));
console.log('pooled out-of-fold scores by epoch:');
for (let e = 1; e <= MAX_EPOCHS; e++) console.log(`  epoch ${String(e).padStart(2)}: ${fmt(scoreFnc1(labels, predictAll(oof[e - 1], [])))}`);

// --- 3. epochs and logit offsets for disagree / agree, chosen together ------------------------------------------
// OBJECTIVE: the product wants `disagree` (the dispute signal) found, and FNC rewards the big classes. Over every
// epoch and a grid of offsets added to the disagree and agree logits, keep the settings whose pooled CV FNC score
// is within 0.005 of the best, and of those the one with the best macro-F1 (ties: higher FNC). Macro-F1 rather
// than disagree F1 alone: the latter bought +0.003 disagree F1 for -0.04 agree F1 in a trial run. Early epochs
// count: the network overfits the training claims after one or two passes at this learning rate.
const DIS = stanceIndex('disagree');
const AGR = stanceIndex('agree');
const grid: { epoch: number; offsets: number[]; s: Fnc1Scores }[] = [];
for (let e = 1; e <= MAX_EPOCHS; e++) {
  for (let od = 0; od <= 2.001; od += 0.25) {
    for (let oa = -1; oa <= 1.001; oa += 0.25) {
      const offsets = [0, 0, 0, 0];
      offsets[DIS] = od;
      offsets[AGR] = oa;
      grid.push({ epoch: e, offsets, s: scoreFnc1(labels, predictAll(oof[e - 1], offsets)) });
    }
  }
}
const topFnc = Math.max(...grid.map((g) => g.s.fnc));
const chosen = grid.filter((g) => g.s.fnc >= topFnc - 0.005).sort((a, b) => b.s.macroF1 - a.s.macroF1 || b.s.fnc - a.s.fnc)[0];
const bestEpoch = chosen.epoch;
const cvPlain = scoreFnc1(labels, predictAll(oof[bestEpoch - 1], []));
console.log(`best pooled CV FNC over the grid: ${topFnc.toFixed(4)}`);
console.log(`trade-off at epoch ${bestEpoch} (agree offset 0 / chosen agree offset): disagree offset → pooled CV scores`);
for (const g of grid) {
  if (g.epoch === bestEpoch && (g.offsets[AGR] === 0 || g.offsets[AGR] === chosen.offsets[AGR])) {
    console.log(`  disagree +${g.offsets[DIS].toFixed(2)} agree ${g.offsets[AGR] >= 0 ? '+' : ''}${g.offsets[AGR].toFixed(2)}: ${fmt(g.s)}`);
  }
}
console.log(`chosen: ${bestEpoch} epochs, offsets ${JSON.stringify(chosen.offsets)}: ${fmt(chosen.s)}; without offsets ${fmt(cvPlain)} (${secs()})`);

// --- 4. final model -----------------------------------------------------------------------------------------
if (!args['no-final']) {
  const nets = Array.from({ length: SEEDS }, (_, seed) => trainMlp(rows, labels, inputs, STANCES.length, { ...OPTIONS, seed: OPTIONS.seed + seed, epochs: bestEpoch }));
  const round = (s: Fnc1Scores) => ({ fnc: +s.fnc.toFixed(4), accuracy: +s.accuracy.toFixed(4), macroF1: +s.macroF1.toFixed(4), f1: s.f1.map((f) => +f.toFixed(4)) });
  const about = {
    data: 'FNC-1 official training set (49,972 pairs, 1,683 bodies); the test set was not read',
    recipe: 'UCL (Riedel et al. 2017): TF(headline) + TF(body) + TF-IDF cosine → 100 ReLU → softmax; plus cue/overlap features',
    vocabulary: V,
    options: { ...OPTIONS, epochs: bestEpoch, seeds: SEEDS },
    cv: { folds: FOLDS, splitBy: 'body id, bodies and headlines of one claim together', epochs: bestEpoch, plain: round(cvPlain), withOffsets: round(chosen.s), offsets: chosen.offsets },
  };
  const file = serializeModel({ vocab, mean, scale, nets, logitOffsets: chosen.offsets, about });
  writeFileSync(args.out!, file);
  console.log(`wrote ${path.relative(root, args.out!)} (${(file.length / 1e6).toFixed(2)} MB, ${secs()})`);
}
