// Entity recognition on the public part of CoNLL-2003 test (eng.testb): exact-span micro F1 and speed,
// ours (full recognizeMentions path on the text) against compromise in the same run.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import nlp from 'compromise';
import { datasetDir, missingMessage } from '../data.js';
import type { EvalReport, EvalRow } from '../types.js';
import { recognizeMentions, loadModel } from '../../src/annotate/entities/index.js';
import { conllToText, mentionsToTokenSpans, parseConll, type ConllText } from '../../src/annotate/entities/conll.js';
import { countSpans, emptyCounts, f1, type SpanCounts } from '../../src/annotate/entities/evaluate.js';
import type { EntityClass, TagSpan } from '../../src/annotate/entities/tags.js';
import type { EntityType } from '../../src/annotate/types.js';

const TITLE = 'Entities (CoNLL-2003)';
const DATASET = 'conll2003-ner-test';
const CORE: EntityClass[] = ['PER', 'LOC', 'ORG'];
const ALL: EntityClass[] = ['PER', 'LOC', 'ORG', 'MISC'];
const CLASS_OF: Record<EntityType, EntityClass> = { person: 'PER', place: 'LOC', organization: 'ORG', other: 'MISC' };
// Conlleval-style figures quoted in the dataset README (full test set, all four classes).
const PUBLISHED = [
  { name: 'CoNLL baseline', score: 0.5961 },
  { name: 'Florian et al. 2003', score: 0.8876 },
  { name: 'Lample et al. 2016', score: 0.9094 },
  { name: 'BERT-large', score: 0.928 },
];

type Recognizer = (layout: ConllText) => TagSpan[][];

const ours: Recognizer = (layout) =>
  mentionsToTokenSpans(
    layout,
    recognizeMentions(layout.text, layout.sentences).map((m) => ({ start: m.start, end: m.end, type: CLASS_OF[m.type] })),
  );

// compromise has no MISC class; its people/places/organizations are mapped to PER/LOC/ORG.
const compromise: Recognizer = (layout) => {
  const doc = nlp(layout.text);
  const pick = (view: { json: (o: object) => unknown }, type: EntityClass) =>
    (view.json({ offset: true }) as { offset: { start: number; length: number } }[]).map((m) => ({
      start: m.offset.start,
      end: m.offset.start + m.offset.length,
      type,
    }));
  return mentionsToTokenSpans(layout, [
    ...pick(doc.people(), 'PER'),
    ...pick(doc.places(), 'LOC'),
    ...pick(doc.organizations(), 'ORG'),
  ]);
};

interface Result {
  counts: SpanCounts;
  tokensPerSecond: number;
}

// Speed is tokens per CPU second of this process (median of RUNS passes), so other work on the machine
// does not count against either system.
const RUNS = 3;

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

function measure(recognize: Recognizer, layouts: ConllText[], gold: TagSpan[][][], tokens: number): Result {
  const counts = emptyCounts();
  const rates: number[] = [];
  let predicted: TagSpan[][][] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = cpuSeconds();
    predicted = layouts.map(recognize);
    rates.push(tokens / (cpuSeconds() - started));
  }
  predicted.forEach((doc, d) => doc.forEach((spans, s) => countSpans(gold[d][s], spans, counts)));
  return { counts, tokensPerSecond: rates.sort((a, b) => a - b)[Math.floor(RUNS / 2)] };
}

/** Counts restricted to some classes: predictions of other classes are ignored, not counted as errors. */
function only(counts: SpanCounts, classes: EntityClass[]): number {
  return f1(counts, classes).f1;
}

function classTable(results: [string, Result][]): string {
  const lines = ['| system | class | precision | recall | F1 |', '|---|---|---|---|---|'];
  for (const [name, r] of results) {
    for (const c of ALL) {
      const s = f1(r.counts, [c]);
      lines.push(`| ${name} | ${c} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | ${s.f1.toFixed(3)} |`);
    }
  }
  return lines.join('\n');
}

export async function run(): Promise<EvalReport> {
  const dir = datasetDir(DATASET);
  if (!dir) return { title: TITLE, rows: [], skipped: missingMessage(DATASET) };
  const docs = parseConll(readFileSync(path.join(dir, 'eng.testb.conll'), 'utf8'));
  const layouts = docs.map(conllToText);
  const gold = docs.map((d) => d.sentences.map((s) => s.entities));
  const tokens = docs.reduce((n, d) => n + d.sentences.reduce((k, s) => k + s.words.length, 0), 0);

  const loadStarted = performance.now();
  const model = loadModel();
  const loadMs = performance.now() - loadStarted;
  // Warm-up so the JIT and the lazy model load are not in the timed runs.
  layouts.slice(0, 20).forEach(ours);
  layouts.slice(0, 20).forEach(compromise);
  const mine = measure(ours, layouts, gold, tokens);
  const peer = measure(compromise, layouts, gold, tokens);

  const dataset = `CoNLL-2003 test, public part (${docs.length} docs, ${tokens} tokens)`;
  const rows: EvalRow[] = [
    {
      dataset,
      metric: 'entity F1, PER/LOC/ORG',
      ours: only(mine.counts, CORE),
      peers: [{ name: 'compromise', score: only(peer.counts, CORE) }],
      published: [],
    },
    {
      dataset,
      metric: 'entity F1, PER/LOC/ORG/MISC',
      ours: only(mine.counts, ALL),
      peers: [{ name: 'compromise (no MISC)', score: only(peer.counts, ALL) }],
      published: PUBLISHED,
    },
    {
      dataset,
      metric: 'speed (tokens per CPU second, median of 3)',
      ours: mine.tokensPerSecond,
      peers: [{ name: 'compromise', score: peer.tokensPerSecond }],
      published: [],
      unit: 'tokens/s',
    },
  ];
  const details = [
    'Exact-span micro F1 (a mention counts only with the same first token, last token and class). The text is',
    'rebuilt from the CoNLL tokens (one sentence per line) and run through `recognizeMentions`, so our',
    'tokenizer, title stripping and document-level consistency are all part of the score. Published figures are',
    'on the full test set with all four classes; this is the public part only.',
    '',
    classTable([
      ['ours', mine],
      ['compromise', peer],
    ]),
    '',
    `Model: ${model.featureCount} features, loaded in ${loadMs.toFixed(0)} ms; ${model.header.trainedOn}.`,
  ].join('\n');
  return { title: TITLE, rows, details };
}
