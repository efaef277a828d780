// Trains the claim-vs-headline stance model on Emergent's train.tsv and writes
// src/assess/stance/headline/model.json. Settings (feature groups, L2 penalty, minimum number of claims a
// feature must occur with) are chosen by 5-fold cross-validation grouped by claim_id, as the official split
// is by claim; test.tsv is never read here. Usage: npm run train:stance (or node --import tsx
// scripts/train-stance-headline.ts [--quick] [--ablations] [--out FILE]). The data stays in ../shared/eval.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { datasetDir, missingMessage } from '../eval/data.js';
import { readEmergent } from '../src/assess/stance/headline/emergent.js';
import { DEFAULT_FEATURE_OPTIONS, stanceFeatures, type FeatureOptions, type VectorLookup } from '../src/assess/stance/headline/features.js';
import {
  classify, featureLookup, prune, fitHeadlineModel, fitOnFeatures, scoreStances, type FitConfig,
} from '../src/assess/stance/headline/train.js';
import { loadVectorLookup } from '../src/assess/stance/headline/vectors.js';
import type { HeadlineStance } from '../src/assess/stance/headline/types.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const here = path.dirname(fileURLToPath(import.meta.url));
const outFile = path.resolve(option('--out') ?? path.join(here, '../src/assess/stance/headline/model.json'));
const FOLDS = 5;
// Features whose three weights are all this small are dropped from the shipped file (and inside cross-validation,
// so the figures below are those of the pruned model): it halves the file at no measurable cost.
const MIN_WEIGHT = 0.02;
const log = (m: string): void => void process.stderr.write(m + '\n');

const dir = datasetDir('emergent');
if (!dir) {
  log(missingMessage('emergent'));
  process.exit(0);
}
const pairs = readEmergent(path.join(dir, 'train.tsv'));

// Folds by claim: claims sorted by a hash of their id, dealt round-robin, so fold sizes are even and stable.
const hash = (s: string): number => {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
};
const claims = [...new Set(pairs.map((p) => p.claimId))].sort((a, b) => hash(a) - hash(b) || a.localeCompare(b));
const foldOfClaim = new Map(claims.map((c, k) => [c, k % FOLDS]));
const fold = pairs.map((p) => foldOfClaim.get(p.claimId)!);

// Word vectors are only needed for the --ablations run (the shipped features do not use them).
const vectors: VectorLookup | undefined = args.includes('--ablations') ? await loadVectorLookup() : undefined;
log(`emergent train: ${pairs.length} pairs, ${claims.length} claims`);

function crossValidate(config: FitConfig): { accuracy: number; macroF1: number; against: number } {
  const features = pairs.map((p) => stanceFeatures(p.claim, p.headline, config.options, vectors));
  const predicted: HeadlineStance[] = new Array(pairs.length);
  for (let k = 0; k < FOLDS; k++) {
    const train = pairs.flatMap((_, i) => (fold[i] !== k ? [i] : []));
    const model = prune(fitOnFeatures(train.map((i) => pairs[i]), train.map((i) => features[i]), config.l2, config.minClaims), MIN_WEIGHT);
    const lookup = featureLookup(model);
    pairs.forEach((_, i) => {
      if (fold[i] === k) predicted[i] = classify(model, lookup, features[i]).stance;
    });
  }
  const s = scoreStances(pairs.map((p) => p.stance), predicted);
  return { accuracy: s.accuracy, macroF1: s.macroF1, against: s.perClass.against.f1 };
}

// Default: the feature set of DEFAULT_FEATURE_OPTIONS, tuning only the penalty and the vocabulary cut.
// --ablations also tries each feature group switched off and the word-vector features (slow on a shared machine).
const base: FeatureOptions = { ...DEFAULT_FEATURE_OPTIONS };
const optionSets: [string, FeatureOptions][] = [['default', base]];
if (args.includes('--ablations')) {
  optionSets.push(
    ['-ngrams', { ...base, ngrams: false }],
    ['-masked', { ...base, masked: false }],
    ['-distance', { ...base, distance: false }],
    ['-overlap', { ...base, overlap: false }],
    ['denseScale1', { ...base, denseScale: 1 }],
    ['+context', { ...base, context: true }],
  );
  if (vectors) optionSets.push(['+vectors', { ...base, vectors: true, vectorMean: 3 }]);
}
const l2s = args.includes('--quick') ? [3] : [1, 3, 10];
const minClaimsList = args.includes('--quick') ? [1] : [1, 2];

let best: { config: FitConfig; accuracy: number; macroF1: number; label: string } | null = null;
const table: string[] = [];
for (const [label, options] of optionSets) {
  for (const l2 of l2s) {
    for (const minClaims of minClaimsList) {
      const config = { options, l2, minClaims };
      const r = crossValidate(config);
      const line = `${label.padEnd(10)} l2=${String(l2).padEnd(3)} minClaims=${minClaims}  acc ${r.accuracy.toFixed(4)}  macroF1 ${r.macroF1.toFixed(4)}  F1(against) ${r.against.toFixed(3)}`;
      log(line);
      table.push(line);
      if (!best || r.accuracy > best.accuracy + 1e-9) best = { config, accuracy: r.accuracy, macroF1: r.macroF1, label };
    }
  }
}
log(`best by CV accuracy: ${best!.label} l2=${best!.config.l2} minClaims=${best!.config.minClaims} acc ${best!.accuracy.toFixed(4)} macroF1 ${best!.macroF1.toFixed(4)}`);

const model = prune(fitHeadlineModel(pairs, best!.config, best!.config.options.vectors ? vectors : undefined), MIN_WEIGHT);
model.about = {
  data: 'Emergent train.tsv (Ferreira & Vlachos 2016; 2,071 pairs, 240 claims)',
  selection: `${FOLDS}-fold cross-validation grouped by claim_id, best accuracy; weights <= ${MIN_WEIGHT} pruned`,
  cvAccuracy: Number(best!.accuracy.toFixed(4)),
  cvMacroF1: Number(best!.macroF1.toFixed(4)),
  cvGrid: table.map((l) => l.replace(/\s+/g, ' ')),
  trainedAt: new Date().toISOString().slice(0, 10),
};
writeFileSync(outFile, JSON.stringify(model) + '\n');
log(`wrote ${path.relative(process.cwd(), outFile)} (${model.features.length} features)`);
