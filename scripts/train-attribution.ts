// Trains the attribution model on PolNeAR's own train split and writes src/annotate/quotes/model/attribution.bin.gz.
// The keep-threshold is chosen by 5-fold cross-validation inside the train split (best F1 of content matching over
// rules + model), so PolNeAR's dev and test articles are never seen. The source ranker is then trained on the
// attributions that rules + final model find in the train articles, against the gold source spans. Usage: npm run train:quotes -- [--epochs N] [--out FILE]
// The article text is read from ../shared/eval (or $TRIANGULATE_EVAL_DIR) and never copied into the repository.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { datasetDir, missingMessage } from '../eval/data.js';
import { splitSentences } from '../src/annotate/sentences.js';
import { recognizeMentions } from '../src/annotate/entities/index.js';
import { attributeByRules } from '../src/annotate/quotes/index.js';
import {
  BinaryPerceptron, RankingPerceptron, attributionModelPath, bestScoring, contentMatches, findCandidates, overlapLength, scoreFeatures, selectCandidates,
  serializeAttributionModel, sourceCandidates, type Candidate, type PolnearAttribution, type RankingExample, readPolnear,
} from '../src/annotate/quotes/learned/index.js';
import type { RuleAttributions } from '../src/annotate/quotes/index.js';
import type { Range } from '../src/annotate/types.js';
import type { Token } from '../src/annotate/quotes/phrases.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const EPOCHS = Number(option('--epochs') ?? 10);
const outFile = option('--out') ? path.resolve(option('--out')!) : attributionModelPath();
const FOLDS = 5;
const THRESHOLDS = Array.from({ length: 41 }, (_, k) => -20 + k * 0.5);
// Averaged weights smaller than this change no decision that matters and only bloat the shipped file.
const MIN_WEIGHT = 0.02;

const log = (message: string): void => void process.stderr.write(message + '\n');

interface PreparedDoc {
  analysis: RuleAttributions;
  tokens: Token[];
  rules: Range[];
  candidates: Candidate[];
  labels: boolean[];
  gold: PolnearAttribution[];
}

function prepare(text: string, gold: PolnearAttribution[]): PreparedDoc {
  const sentences = splitSentences(text);
  const rules = attributeByRules(text, sentences, recognizeMentions(text, sentences));
  const { tokens } = rules.input;
  const candidates = findCandidates(rules.input, rules.people, [...rules.found, ...rules.titles]);
  // A candidate is right when its cue word is the gold cue of an attribution whose content it matches.
  const labels = candidates.map((c) => {
    const cue = tokens[c.cue];
    const content = { start: tokens[c.content.from].start, end: tokens[c.content.to - 1].end };
    return gold.some((g) => g.cue.some((r) => r.start < cue.end && r.end > cue.start) && contentMatches(content, g.content));
  });
  return { analysis: rules, tokens, rules: rules.found.map((a) => ({ start: a.start, end: a.end })), candidates, labels, gold };
}

interface Counts {
  predicted: number;
  correct: number;
  gold: number;
  found: number;
}

function count(doc: PreparedDoc, predictions: Range[], into: Counts): void {
  into.predicted += predictions.length;
  into.correct += predictions.filter((p) => doc.gold.some((g) => contentMatches(p, g.content))).length;
  into.gold += doc.gold.length;
  into.found += doc.gold.filter((g) => predictions.some((p) => contentMatches(p, g.content))).length;
}

const f1 = (c: Counts): { p: number; r: number; f: number } => {
  const p = c.correct / Math.max(c.predicted, 1);
  const r = c.found / Math.max(c.gold, 1);
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
};

function train(docs: PreparedDoc[]): Map<string, number> {
  const perceptron = new BinaryPerceptron();
  const examples = docs.flatMap((d) => d.candidates.map((c, k) => ({ features: c.features, positive: d.labels[k] })));
  const mistakes = perceptron.train(examples, EPOCHS);
  log(`  ${examples.length} candidates, mistakes per epoch: ${mistakes.join(' ')}`);
  return perceptron.averaged(MIN_WEIGHT);
}

/** One ranking example per found attribution that matches a gold one with a source inside the candidates. */
function sourceExamples(doc: PreparedDoc, weights: Map<string, number>, threshold: number): { examples: RankingExample[]; rulesRight: number } {
  const { input, found, people } = doc.analysis;
  const scored = doc.candidates.map((candidate) => ({ candidate, score: scoreFeatures(weights, candidate.features) }));
  const examples: RankingExample[] = [];
  let rulesRight = 0;
  for (const a of [...found, ...selectCandidates(doc.tokens, scored, threshold)]) {
    if (!a.cue || a.continues) continue;
    let gold: PolnearAttribution | null = null;
    let best = 0;
    for (const g of doc.gold) {
      if (!g.source || !contentMatches(a, g.content)) continue;
      const o = overlapLength(a, g.content);
      if (o > best) [gold, best] = [g, o];
    }
    if (!gold?.source) continue;
    const goldSource = gold.source;
    const candidates = sourceCandidates(input, people, a);
    const correct = candidates.flatMap((c, k) => (overlapLength(c.phrase, goldSource) > 0 ? [k] : []));
    if (correct.length === 0) continue;
    if (a.source && overlapLength(a.source, goldSource) > 0) rulesRight++;
    examples.push({ candidates: candidates.map((c) => c.features), correct });
  }
  return { examples, rulesRight };
}

function pickAccuracy(weights: Map<string, number>, examples: RankingExample[]): number {
  let right = 0;
  for (const { candidates, correct } of examples) if (correct.includes(bestScoring(weights, candidates))) right++;
  return right / Math.max(examples.length, 1);
}

function trainSources(examples: RankingExample[]): Map<string, number> {
  const ranker = new RankingPerceptron();
  log(`  ${examples.length} sources, mistakes per epoch: ${ranker.train(examples, EPOCHS).join(' ')}`);
  return ranker.averaged(MIN_WEIGHT);
}

function main(): void {
  const dir = datasetDir('polnear-attribution');
  if (!dir) {
    log(missingMessage('polnear-attribution'));
    process.exit(1);
  }
  const started = performance.now();
  const all = readPolnear(path.join(dir, 'polnear.jsonl.gz')).filter((d) => d.split === 'train');
  log(`preparing ${all.length} PolNeAR train articles ...`);
  const docs = all.map((d) => prepare(d.text, d.gold));

  const perThreshold = THRESHOLDS.map((): Counts => ({ predicted: 0, correct: 0, gold: 0, found: 0 }));
  for (let fold = 0; fold < FOLDS; fold++) {
    log(`fold ${fold + 1}/${FOLDS}`);
    const weights = train(docs.filter((_, k) => k % FOLDS !== fold));
    for (const doc of docs.filter((_, k) => k % FOLDS === fold)) {
      const scored = doc.candidates.map((candidate) => ({ candidate, score: scoreFeatures(weights, candidate.features) }));
      THRESHOLDS.forEach((threshold, t) => {
        const learned = selectCandidates(doc.tokens, scored, threshold).map((a) => ({ start: a.start, end: a.end }));
        count(doc, [...doc.rules, ...learned], perThreshold[t]);
      });
    }
  }
  let best = 0;
  THRESHOLDS.forEach((_, t) => {
    if (f1(perThreshold[t]).f > f1(perThreshold[best]).f) best = t;
  });
  const rulesOnly: Counts = { predicted: 0, correct: 0, gold: 0, found: 0 };
  for (const doc of docs) count(doc, doc.rules, rulesOnly);
  const chosen = f1(perThreshold[best]);
  const base = f1(rulesOnly);
  log(`rules alone on train: P ${base.p.toFixed(3)} R ${base.r.toFixed(3)}; with model (cross-validated), threshold ${THRESHOLDS[best]}: P ${chosen.p.toFixed(3)} R ${chosen.r.toFixed(3)} F1 ${chosen.f.toFixed(3)}`);

  log('final model on all train articles');
  const weights = train(docs);

  log('source ranker');
  const perDoc = docs.map((d) => sourceExamples(d, weights, THRESHOLDS[best]));
  let sourceRight = 0;
  let sourceTotal = 0;
  for (let fold = 0; fold < FOLDS; fold++) {
    const held = perDoc.filter((_, k) => k % FOLDS === fold).flatMap((d) => d.examples);
    sourceRight += pickAccuracy(trainSources(perDoc.filter((_, k) => k % FOLDS !== fold).flatMap((d) => d.examples)), held) * held.length;
    sourceTotal += held.length;
  }
  const sourceExamplesAll = perDoc.flatMap((d) => d.examples);
  const rulesSourceRight = perDoc.reduce((n, d) => n + d.rulesRight, 0) / Math.max(sourceExamplesAll.length, 1);
  const sourceCv = sourceRight / Math.max(sourceTotal, 1);
  log(`sources: rules right ${rulesSourceRight.toFixed(3)}; ranker (cross-validated) right ${sourceCv.toFixed(3)}`);
  const sourceWeights = trainSources(sourceExamplesAll);
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  const data = serializeAttributionModel({
    weights,
    sourceWeights,
    threshold: THRESHOLDS[best],
    about: {
      data: `PolNeAR train split (${docs.length} articles, first annotator)`,
      epochs: EPOCHS,
      crossValidated: { folds: FOLDS, precision: round(chosen.p), recall: round(chosen.r), f1: round(chosen.f) },
      rulesAlone: { precision: round(base.p), recall: round(base.r) },
      sources: { examples: sourceExamplesAll.length, crossValidatedRight: round(sourceCv), rulesRight: round(rulesSourceRight) },
    },
  });
  writeFileSync(outFile, data);
  log(`wrote ${outFile}: ${weights.size} + ${sourceWeights.size} weights, ${(data.length / 1024).toFixed(0)} KiB, ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main();
