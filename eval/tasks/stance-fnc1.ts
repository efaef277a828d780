// Headline-vs-body stance on FNC-1 (shared 70% of the official competition test set), ours against two peers
// trained in the same run on the official training set: always "unrelated", and TF-IDF(headline) + TF-IDF(body)
// + their cosine → multinomial logistic regression (the team's second baseline, re-implemented here in
// TypeScript). Metrics: the organisers' FNC score (fraction of the maximum), accuracy, per-class F1 and their
// unweighted mean (macro-F1, Hanselowski et al. 2018). Published figures are for the *whole* official test set
// (25,413 pairs), quoted from ../shared/eval/fnc1/README.md; ours are on its shared 70% (17,729 pairs).
import { statSync } from 'node:fs';
import path from 'node:path';
import { datasetDir, missingMessage } from '../data.js';
import type { EvalReport, EvalRow } from '../types.js';
import { bodyStances, loadBodyStanceModel, STANCES } from '../../src/assess/stance/body/index.js';
import { fitVocabulary, tokenize, viewText, type SparseVector, type TextView } from '../../src/assess/stance/body/features.js';
import { argmaxWithOffsets, readFnc1, scoreFnc1, stanceIndex, type Fnc1Pair, type Fnc1Scores } from '../../src/assess/stance/body/fnc1.js';
import { bodyStanceModelPath } from '../../src/assess/stance/body/model.js';
import { rng } from '../../src/assess/stance/body/mlp.js';

const TITLE = 'Headline–body stance (FNC-1)';
const DATASET = 'fnc1';

/**
 * The logistic-regression peer: TF-IDF of headline (columns [0, V)) and body ([V, 2V)) and their cosine (2V),
 * 5,000-term vocabulary fitted on the training texts; softmax regression trained by mini-batch Adam
 * (10 epochs, batch 100, lr 0.01, L2 1e-6), which is what scikit-learn's LogisticRegression does up to the solver.
 */
function tfidfLogisticRegression(train: Fnc1Pair[], test: Fnc1Pair[]): Int32Array {
  const vocab = fitVocabulary([...new Set([...train.map((p) => p.headline), ...train.map((p) => p.body)])].map(tokenize), 5000);
  const V = vocab.terms.length;
  const views = new Map<string, TextView>();
  const view = (t: string) => views.get(t) ?? views.set(t, viewText(t, vocab)).get(t)!;
  const row = (p: Fnc1Pair): SparseVector => {
    const h = view(p.headline).tfidf;
    const b = view(p.body).tfidf;
    let cos = 0;
    for (let i = 0, j = 0; i < h.idx.length && j < b.idx.length; ) {
      if (h.idx[i] === b.idx[j]) cos += h.val[i++] * b.val[j++];
      else if (h.idx[i] < b.idx[j]) i++;
      else j++;
    }
    return {
      idx: Int32Array.from([...h.idx, ...Array.from(b.idx, (k) => V + k), 2 * V]),
      val: Float32Array.from([...h.val, ...b.val, cos]),
    };
  };
  const C = STANCES.length;
  const D = 2 * V + 1;
  const w = new Float32Array((D + 1) * C); // last row: bias
  const m1 = new Float32Array(w.length);
  const m2 = new Float32Array(w.length);
  const rows = train.map(row);
  const labels = train.map((p) => stanceIndex(p.stance));
  const rand = rng(7);
  const order = rows.map((_, k) => k);
  const z = new Float64Array(C);
  const scoreRow = (x: SparseVector) => {
    for (let c = 0; c < C; c++) z[c] = w[D * C + c];
    for (let i = 0; i < x.idx.length; i++) for (let c = 0; c < C; c++) z[c] += x.val[i] * w[x.idx[i] * C + c];
    let max = -Infinity;
    for (const v of z) max = Math.max(max, v);
    let sum = 0;
    for (let c = 0; c < C; c++) sum += z[c] = Math.exp(z[c] - max);
    for (let c = 0; c < C; c++) z[c] /= sum;
    return z;
  };
  const grad = new Float32Array(w.length);
  const lr = 0.01, l2 = 1e-6, batch = 100;
  let step = 0;
  for (let epoch = 0; epoch < 10; epoch++) {
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(rand() * (k + 1));
      [order[k], order[j]] = [order[j], order[k]];
    }
    for (let s = 0; s < order.length; s += batch) {
      const touched = new Set<number>([D]);
      const end = Math.min(order.length, s + batch);
      for (let b = s; b < end; b++) {
        const x = rows[order[b]];
        const p = scoreRow(x);
        for (let c = 0; c < C; c++) {
          const g = (p[c] - (c === labels[order[b]] ? 1 : 0)) / (end - s);
          grad[D * C + c] += g;
          for (let i = 0; i < x.idx.length; i++) {
            grad[x.idx[i] * C + c] += g * x.val[i];
            touched.add(x.idx[i]);
          }
        }
      }
      step++;
      const c1 = 1 - 0.9 ** step, c2 = 1 - 0.999 ** step;
      for (const d of touched) {
        for (let c = 0; c < C; c++) {
          const i = d * C + c;
          const g = grad[i] + l2 * w[i];
          grad[i] = 0;
          m1[i] = 0.9 * m1[i] + 0.1 * g;
          m2[i] = 0.999 * m2[i] + 0.001 * g * g;
          w[i] -= (lr * m1[i]) / c1 / (Math.sqrt(m2[i] / c2) + 1e-8);
        }
      }
    }
  }
  return Int32Array.from(test, (p) => argmaxWithOffsets(scoreRow(row(p)), []));
}

const pct = (x: number) => (100 * x).toFixed(2);

function classTable(rows: { name: string; s: Fnc1Scores }[]): string {
  const lines = ['| system | FNC | accuracy | macro-F1 | F1 agree | F1 disagree | F1 discuss | F1 unrelated |', '|---|---|---|---|---|---|---|---|'];
  for (const { name, s } of rows) lines.push(`| ${name} | ${pct(s.fnc)} | ${pct(s.accuracy)} | ${pct(s.macroF1)} | ${s.f1.map(pct).join(' | ')} |`);
  return lines.join('\n');
}

export async function run(): Promise<EvalReport> {
  const dir = datasetDir(DATASET);
  if (!dir) return { title: TITLE, rows: [], skipped: missingMessage(DATASET) };
  const train = readFnc1(dir, 'train');
  const test = readFnc1(dir, 'test');
  const gold = Int32Array.from(test, (p) => stanceIndex(p.stance));

  const t0 = performance.now();
  const model = loadBodyStanceModel();
  const loadMs = performance.now() - t0;
  const t1 = performance.now();
  const results = bodyStances(test);
  const scoreMs = performance.now() - t1;
  const ours = scoreFnc1(gold, Int32Array.from(results, (r) => stanceIndex(r.stance)));
  // The same network without the CV-tuned logit offsets: what the offsets buy (or cost).
  const plain = scoreFnc1(gold, Int32Array.from(results, (r) => {
    const p = STANCES.map((s) => r.probabilities[s] / Math.exp(model.logitOffsets[STANCES.indexOf(s)] ?? 0));
    return argmaxWithOffsets(p, []);
  }));

  const unrelated = scoreFnc1(gold, new Int32Array(test.length).fill(stanceIndex('unrelated')));
  const t2 = performance.now();
  const lr = scoreFnc1(gold, tfidfLogisticRegression(train, test));
  const lrSeconds = (performance.now() - t2) / 1000;

  const peers = (pick: (s: Fnc1Scores) => number) => [
    { name: 'always unrelated', score: pick(unrelated) },
    { name: 'TF-IDF + cosine → LR', score: pick(lr) },
  ];
  const dataset = 'FNC-1 test (shared 70%, 17,729 pairs)';
  const rows: EvalRow[] = [
    {
      dataset,
      metric: 'FNC score',
      ours: ours.fnc,
      peers: peers((s) => s.fnc),
      published: [
        { name: 'SOLAT/Talos 1st (whole test set)', score: 0.8202 },
        { name: 'UCL TF-IDF+MLP (whole)', score: 0.8172 },
        { name: 'organisers baseline (whole)', score: 0.752 },
        { name: 'README: hand features + GBDT (this 70%)', score: 0.7883 },
      ],
    },
    { dataset, metric: 'accuracy', ours: ours.accuracy, peers: peers((s) => s.accuracy), published: [] },
    { dataset, metric: 'macro-F1', ours: ours.macroF1, peers: peers((s) => s.macroF1), published: [{ name: 'README: hand features + GBDT (this 70%)', score: 0.463 }] },
    ...STANCES.map((label, c) => ({ dataset, metric: `F1 ${label}`, ours: ours.f1[c], peers: peers((s) => s.f1[c]), published: [] })),
  ];

  const cv = (model.about.cv ?? {}) as { folds?: number; epochs?: number; plain?: { fnc: number; macroF1: number; f1: number[] }; withOffsets?: { fnc: number; macroF1: number; f1: number[] }; offsets?: number[] };
  const confusion = ['| gold \\ predicted | ' + STANCES.join(' | ') + ' |', '|---|' + STANCES.map(() => '---|').join('')];
  STANCES.forEach((s, g) => confusion.push(`| ${s} | ${ours.confusion[g].join(' | ')} |`));
  const sizeMb = statSync(bodyStanceModelPath()).size / 1e6;
  const details = [
    `Model: UCL's recipe (Riedel et al. 2017, arXiv:1707.03264: term frequencies of headline and body over a ${model.vocab.terms.length}-term vocabulary + TF-IDF cosine → ${model.nets[0].hidden} ReLU → softmax, ${model.nets.length} network(s) averaged) plus ${model.mean.length - 1} cue/overlap features (refuting, negation, hedging and confirming words near the headline's words; word and bigram coverage), hand-written sparse MLP in \`src/assess/stance/body/\`. Trained on the official training set only; epochs (${cv.epochs ?? '?'}) and logit offsets (${JSON.stringify(cv.offsets ?? [])}, order ${STANCES.join('/')}) chosen by ${cv.folds ?? '?'}-fold cross-validation split by body id with each claim's bodies and headlines kept together.`,
    '',
    `Cross-validated on train (pooled out-of-fold): FNC ${cv.plain ? pct(cv.plain.fnc) : '?'} without offsets, ${cv.withOffsets ? pct(cv.withOffsets.fnc) : '?'} with; disagree F1 ${cv.plain ? pct(cv.plain.f1[1]) : '?'} → ${cv.withOffsets ? pct(cv.withOffsets.f1[1]) : '?'}.`,
    '',
    // Figures from training-script runs (scripts/train-stance-body.ts), quoted so the report says what each part buys.
    'What the parts buy, in the same claim-grouped CV (training-script runs, not re-run here): without the cue features (`--no-cues`) FNC 82.96, disagree F1 9.8, macro-F1 56.7 (vs 84.62 / 35.3 / 65.5); without the disagree loss weight of 4 (one network, weight 1, best epoch) FNC 84.84, disagree F1 14.1, macro-F1 60.3. A plain body-id split, which leaves each held-out claim\'s headlines in training, reported FNC 89.2 and disagree F1 54 for the same kind of model: it overstates test scores, hence the claim grouping.',
    '',
    classTable([
      { name: 'ours (shipped, with offsets)', s: ours },
      { name: 'ours without the logit offsets', s: plain },
      { name: 'TF-IDF + cosine → LR (same run)', s: lr },
      { name: 'always unrelated (same run)', s: unrelated },
    ]),
    '',
    'Confusion of the shipped model (rows gold, columns predicted):',
    '',
    confusion.join('\n'),
    '',
    `Model file ${path.basename(bodyStanceModelPath())}: ${sizeMb.toFixed(2)} MB; loaded in ${loadMs.toFixed(0)} ms; ${test.length} pairs scored in ${(scoreMs / 1000).toFixed(1)} s (each distinct text tokenised once). The LR peer trained and scored in ${lrSeconds.toFixed(0)} s.`,
    'Published figures are on the whole official test set (25,413 pairs); ours and the peers are on its shared 70%, where the team measured always-unrelated at 39.99 and TF-IDF LR (scikit-learn) at 76.92.',
  ].join('\n');
  return { title: TITLE, rows, details };
}
