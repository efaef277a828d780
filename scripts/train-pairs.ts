// Trains the claim-pair scorer on MSRP train.tsv and writes src/align/pairs/model/pairs.json.
// Model family, hyperparameters and the decision threshold are all chosen by stratified 5-fold cross-validation on
// train.tsv only; test.tsv is never read here (it is for the final figure in eval/tasks/paraphrase.ts).
//
//   npm run train:pairs                 # select by CV and write the model
//   npm run train:pairs -- --dry-run    # print the CV table only
//   npm run train:pairs -- --quick      # default IDF and the averaged models only (for comparing feature variants)
//
// Takes about a minute of CPU. The number of word-vector components (VECTOR_COMPONENTS in features.ts) was compared
// with --quick runs; see the comment there.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { datasetDir, missingMessage } from '../eval/data.js';
import { FEATURE_COUNT, FEATURE_NAMES, idfFromTexts, pairFeatures, prepareSide } from '../src/align/pairs/features.js';
import { parseMsrp } from '../src/align/pairs/msrp.js';
import { predict, type PairClassifier, type PairModelFile } from '../src/align/pairs/model.js';
import { bestThreshold, foldsOf, trainGbdt, trainLogistic } from '../src/align/pairs/train.js';

const FOLDS = 5;
const here = path.dirname(fileURLToPath(import.meta.url));
const output = path.join(here, '..', 'src', 'align', 'pairs', 'model', 'pairs.json');

/** Features of every MSRP pair, with the given IDF (or prepareSide's default when undefined). */
function featurize(pairs: { a: string; b: string }[], idf?: (term: string) => number): Float64Array[] {
  return pairs.map((p) => {
    const x = new Float64Array(FEATURE_COUNT);
    pairFeatures(prepareSide({ text: p.a }, idf), prepareSide({ text: p.b }, idf), x);
    return x;
  });
}

interface Candidate {
  name: string;
  fit: (X: Float64Array[], y: number[]) => PairClassifier;
}

function main(): void {
  const dir = datasetDir('msrp');
  if (!dir) {
    console.error(missingMessage('msrp'));
    process.exit(1);
  }
  const dryRun = process.argv.includes('--dry-run');
  // --quick: only the default IDF and the averaged models (for comparing feature variants).
  const quick = process.argv.includes('--quick');
  const started = performance.now();
  const pairs = parseMsrp(readFileSync(path.join(dir, 'train.tsv'), 'utf8'));
  const y = pairs.map((p) => p.label as number);
  const folds = foldsOf(y, FOLDS, 1);

  // Two IDF sources are compared by CV: the training sentences' own document frequencies (what the evaluation uses)
  // and the default from word-vector frequency ranks (what callers without an IDF get).
  const idfSources: Record<string, ((term: string) => number) | undefined> = {
    train: idfFromTexts(pairs.flatMap((p) => [p.a, p.b])),
    rank: undefined,
  };
  const featureSets: Record<string, Float64Array[]> = {};
  for (const [name, idf] of Object.entries(idfSources)) if (!quick || name === 'rank') featureSets[name] = featurize(pairs, idf);
  console.log(`features for ${pairs.length} pairs in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // A small grid: a wider one (depth 2-4, 150-600 trees, learning rate 0.03/0.06, λ 0.1-10) was tried once and every
  // setting landed within ±0.5 points of these; averaging the two model families was consistently best.
  const candidates: Candidate[] = [];
  for (const lambda of [0.3, 1, 3]) candidates.push({ name: `logistic λ=${lambda}`, fit: (X, yy) => trainLogistic(X, yy, lambda) });
  for (const depth of [3, 4])
    for (const trees of [150, 300]) {
      candidates.push({ name: `gbdt depth=${depth} trees=${trees} lr=0.03`, fit: (X, yy) => trainGbdt(X, yy, { depth, trees, learningRate: 0.03 }) });
    }
  for (const [depth, trees] of [[3, 300], [4, 150]]) {
    candidates.push({
      name: `average(logistic λ=1, gbdt depth=${depth} trees=${trees} lr=0.03)`,
      fit: (X, yy) => ({ kind: 'average', members: [trainLogistic(X, yy, 1), trainGbdt(X, yy, { depth, trees, learningRate: 0.03 })] }),
    });
  }

  let best: { name: string; idf: string; accuracy: number; threshold: number; fit: Candidate['fit'] } | null = null;
  const featureSetNames = quick ? ['rank'] : ['train', 'rank'];
  for (const idfName of featureSetNames) {
    const X = featureSets[idfName];
    for (const c of quick ? candidates.filter((c) => c.name.startsWith('average')) : candidates) {
      const oof = new Float64Array(X.length);
      for (let k = 0; k < FOLDS; k++) {
        const trainIdx = [...X.keys()].filter((i) => folds[i] !== k);
        const model = c.fit(trainIdx.map((i) => X[i]), trainIdx.map((i) => y[i]));
        for (let i = 0; i < X.length; i++) if (folds[i] === k) oof[i] = predict(model, X[i]);
      }
      // Accuracy at 0.5 and at the threshold chosen on the pooled out-of-fold probabilities.
      let at05 = 0;
      for (let i = 0; i < X.length; i++) if (oof[i] >= 0.5 === (y[i] === 1)) at05++;
      const { threshold, accuracy } = bestThreshold(oof, y);
      console.log(`${idfName.padEnd(5)} ${c.name.padEnd(58)} acc@0.5 ${(at05 / X.length).toFixed(4)}  acc@t ${accuracy.toFixed(4)} (t=${threshold.toFixed(3)})`);
      if (!best || accuracy > best.accuracy) best = { name: c.name, idf: idfName, accuracy, threshold, fit: c.fit };
    }
  }
  if (!best) return;
  console.log(`best: ${best.name} with ${best.idf} IDF, CV accuracy ${best.accuracy.toFixed(4)}, threshold ${best.threshold.toFixed(3)}`);
  if (dryRun) return;

  // The final model is fitted on all of train.tsv with the chosen settings; the threshold is the CV one.
  const classifier = best.fit(featureSets[best.idf], y);
  const file: PairModelFile = {
    header: {
      data: 'MSRP train.tsv (Microsoft Research Paraphrase Corpus, official training set, 4,076 pairs), from ../shared/eval/msrp',
      licence: 'Derived from MSRP, distributed under the Microsoft Research Shared Source License Agreement (MSR-SSLA): non-commercial use only; see ../shared/eval/msrp/README.md',
      trainedBy: 'npm run train:pairs (scripts/train-pairs.ts)',
      trainedAt: new Date().toISOString().slice(0, 10),
      selected: best.name,
      idfUsedInTraining: best.idf === 'train' ? 'document frequencies of the train.tsv sentences' : 'default (word-vector frequency rank)',
      cvFolds: FOLDS,
      cvAccuracy: Number(best.accuracy.toFixed(4)),
    },
    featureNames: [...FEATURE_NAMES],
    threshold: Number(best.threshold.toFixed(4)),
    classifier,
  };
  mkdirSync(path.dirname(output), { recursive: true });
  // Round weights and thresholds: the file stays small and diffs stay readable.
  writeFileSync(output, JSON.stringify(file, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(6)) : v)) + '\n');
  console.log(`wrote ${path.relative(process.cwd(), output)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main();
