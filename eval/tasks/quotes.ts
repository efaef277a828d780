// Quotes and reported speech with speakers on PolNeAR (public part), ours against a plain baseline in the same run.
//
// Matching (documented in the report): a predicted content range and a gold content (possibly discontinuous) match
// when their overlap covers at least half of the shorter of the two. Precision = predictions matching some gold
// content; recall = gold contents matched by some prediction (not one-to-one: '"A," he said, "B."' is one gold
// attribution and two predicted quotes, both correct). The speaker of a found gold attribution is correct when the
// best-overlapping prediction's source words overlap the gold source span, or its resolved name shares the surname
// with the gold source text ("Donald Trump" vs gold "Trump"). Gold attributions without a source are left out of
// the speaker score. Only the first annotator's version of an article is used.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { datasetDir, missingMessage } from '../data.js';
import type { EvalReport, EvalRow } from '../types.js';
import { splitSentences } from '../../src/annotate/sentences.js';
import { findQuotes, CUE_VERBS } from '../../src/annotate/quotes/index.js';
import { contentMatches, loadAttributionModel, overlapLength, readPolnear, type PolnearAttribution, type PolnearDoc } from '../../src/annotate/quotes/learned/index.js';
import type { Mention, QuoteAnnotation, Range, Sentence } from '../../src/annotate/types.js';

const TITLE = 'Quotes (PolNeAR)';
const DATASET = 'polnear-attribution';
const here = path.dirname(fileURLToPath(import.meta.url));

type GoldAttribution = PolnearAttribution;

export function loadPolnear(limit = Infinity): PolnearDoc[] | null {
  const dir = datasetDir(DATASET);
  return dir ? readPolnear(path.join(dir, 'polnear.jsonl.gz'), limit) : null;
}

const SURNAME = /\p{Lu}[\p{L}'’-]+/gu;
function surname(s: string): string | null {
  const names = (s.replace(/['’]s\b/g, '').match(SURNAME) ?? []).filter((w) => !/^(Mr|Mrs|Ms|Dr|President|Sen|Gov|The)\.?$/.test(w));
  return names.length ? names[names.length - 1].toLowerCase() : null;
}

export function speakerCorrect(p: QuoteAnnotation, g: GoldAttribution): boolean {
  if (!g.source) return false;
  if (p.speakerRange && overlapLength(p.speakerRange, g.source) > 0) return true;
  const ours = p.speakerName ? surname(p.speakerName) : null;
  const theirs = surname(g.sourceText);
  return ours !== null && ours === theirs;
}

/** Gold cues that report speech ("said", "told", "according to", "wrote"), as opposed to beliefs or stances. */
function isSpeechCue(cue: string): boolean {
  if (cue.includes('according to')) return true;
  return cue.split(/[^a-z]+/).some((w) => CUE_VERBS.get(w)?.kind === 'speech');
}

export interface Counts {
  predicted: number;
  predictedCorrect: number;
  gold: number;
  goldFound: number;
  speakerScored: number;
  speakerCorrect: number;
}

function emptyCounts(): Counts {
  return { predicted: 0, predictedCorrect: 0, gold: 0, goldFound: 0, speakerScored: 0, speakerCorrect: 0 };
}

function score(counts: Counts, preds: QuoteAnnotation[], allGold: GoldAttribution[], gold: GoldAttribution[]): void {
  counts.predicted += preds.length;
  for (const p of preds) if (allGold.some((g) => contentMatches(p, g.content))) counts.predictedCorrect++;
  for (const g of gold) {
    counts.gold++;
    let best: QuoteAnnotation | null = null;
    let bestOverlap = 0;
    for (const p of preds) {
      if (!contentMatches(p, g.content)) continue;
      const o = overlapLength(p, g.content);
      if (o > bestOverlap) {
        best = p;
        bestOverlap = o;
      }
    }
    if (!best) continue;
    counts.goldFound++;
    if (g.source) {
      counts.speakerScored++;
      if (speakerCorrect(best, g)) counts.speakerCorrect++;
    }
  }
}

export interface PolnearScores {
  all: Counts;
  speech: Counts;
  direct: Counts;
}

export type QuoteFinder = (text: string, sentences: Sentence[]) => QuoteAnnotation[];

export function scoreFinder(docs: PolnearDoc[], find: QuoteFinder): PolnearScores {
  const scores = { all: emptyCounts(), speech: emptyCounts(), direct: emptyCounts() };
  for (const doc of docs) {
    const preds = find(doc.text, splitSentences(doc.text));
    score(scores.all, preds, doc.gold, doc.gold);
    score(scores.speech, preds, doc.gold, doc.gold.filter((g) => g.direct || isSpeechCue(g.cueText)));
    score(scores.direct, preds.filter((p) => p.direct !== false), doc.gold, doc.gold.filter((g) => g.direct));
  }
  return scores;
}

// ---- Baseline: quote marks + nearest cue verb + nearest capitalised name (what a first regex attempt does). ----
const BASELINE_QUOTE = /“([^”\n]+)”|"([^"\n]+)"/g;
const BASELINE_CUE = /\b(said|says|told|added|wrote|according to|stated|asked|tweeted)\b/g;
const BASELINE_NAME = /\b(?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)*/g;

export const baseline: QuoteFinder = (text) => {
  const out: QuoteAnnotation[] = [];
  const cues = [...text.matchAll(BASELINE_CUE)].map((m) => ({ at: m.index ?? 0, text: m[0] }));
  const names = [...text.matchAll(BASELINE_NAME)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: m[0] }));
  for (const m of text.matchAll(BASELINE_QUOTE)) {
    const start = (m.index ?? 0) + 1;
    const end = (m.index ?? 0) + m[0].length - 1;
    const outside = (at: number): boolean => at < m.index! || at >= end + 1;
    let cue: { at: number; text: string } | null = null;
    for (const c of cues) if (outside(c.at) && Math.abs(c.at - start) < 200 && (!cue || Math.abs(c.at - start) < Math.abs(cue.at - start))) cue = c;
    let name: { start: number; end: number; text: string } | null = null;
    if (cue) {
      for (const n of names) {
        if (!outside(n.start)) continue;
        if (!name || Math.abs(n.start - cue.at) < Math.abs(name.start - cue.at)) name = n;
      }
    }
    out.push({
      start, end, text: text.slice(start, end), speakerName: name?.text ?? null, speakerMention: null, cue: cue?.text ?? null,
      partial: false, direct: true, speakerRange: name ? { start: name.start, end: name.end } : null,
    });
  }
  return out;
};

// ---- Ours, with the entity recognizer's mentions when that module is present. ----
type Recognize = (text: string, sentences: Sentence[]) => Mention[];

export async function loadRecognizer(): Promise<Recognize | null> {
  const file = path.resolve(here, '../../src/annotate/entities/index.ts');
  if (!existsSync(file)) return null;
  try {
    const mod = (await import(pathToFileURL(file).href)) as { recognizeMentions?: Recognize };
    return mod.recognizeMentions ?? null;
  } catch {
    return null;
  }
}

/** Our findQuotes; `learned: false` leaves out the trained attribution model (rules only). */
export function oursWith(recognize: Recognize | null, learned = true): QuoteFinder {
  return (text, sentences) => findQuotes(text, sentences, recognize ? recognize(text, sentences) : [], { learned });
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

export async function run(): Promise<EvalReport> {
  const docs = loadPolnear();
  if (!docs) return { title: TITLE, rows: [], skipped: missingMessage(DATASET) };
  // The attribution model trains on PolNeAR's train split; scores are reported on the dev and test articles only.
  const heldOut = docs.filter((d) => d.split !== 'train');
  const recognize = await loadRecognizer();
  let t0 = performance.now();
  const ours = scoreFinder(heldOut, oursWith(recognize));
  const oursSeconds = (performance.now() - t0) / 1000;
  const rulesOnly = scoreFinder(heldOut, oursWith(recognize, false));
  t0 = performance.now();
  const base = scoreFinder(heldOut, baseline);
  const baseSeconds = (performance.now() - t0) / 1000;
  const everything = scoreFinder(docs, oursWith(recognize));

  const rows: EvalRow[] = [];
  const add = (subset: string, metric: string, pick: (s: PolnearScores) => number): void => {
    rows.push({
      dataset: `PolNeAR dev+test (${heldOut.length} docs, not used in training), ${subset}`, metric, ours: pick(ours),
      peers: [{ name: 'baseline', score: pick(base) }, { name: 'ours, rules only', score: pick(rulesOnly) }], published: [],
    });
  };
  for (const [key, label] of [['direct', 'direct quotes'], ['speech', 'speech attributions (direct + speech-verb cues)'], ['all', 'all attributions']] as const) {
    add(label, 'content precision', (s) => ratio(s[key].predictedCorrect, s[key].predicted));
    add(label, 'content recall', (s) => ratio(s[key].goldFound, s[key].gold));
    add(label, 'speaker correct (on found)', (s) => ratio(s[key].speakerCorrect, s[key].speakerScored));
  }
  const count = (c: Counts): string => `${c.gold} gold, ${c.predicted} predicted, ${c.goldFound} found, ${c.speakerCorrect}/${c.speakerScored} speakers`;
  const pr = (c: Counts): string => `P ${ratio(c.predictedCorrect, c.predicted).toFixed(3)} / R ${ratio(c.goldFound, c.gold).toFixed(3)} / speaker ${ratio(c.speakerCorrect, c.speakerScored).toFixed(3)}`;
  const model = loadAttributionModel();
  const details = [
    `Mentions for speaker resolution: ${recognize ? 'entity recognizer (src/annotate/entities)' : 'proper-noun fallback inside findQuotes'}. Time (held-out part): ours ${oursSeconds.toFixed(1)} s, baseline ${baseSeconds.toFixed(1)} s.`,
    '',
    `Attribution model: a linear classifier over candidate cues (every content word outside quotes and outside what the rules found, read with the clause after or before it), trained with \`npm run train:quotes\` on ${String(model.about.data ?? 'PolNeAR train')}; its keep-threshold (${model.threshold}) was chosen by 5-fold cross-validation inside the train split (${JSON.stringify(model.about.crossValidated ?? {})}). The dev and test articles above were not used for training or for choosing the threshold. "ours, rules only" is the same findQuotes with \`learned: false\`.`,
    '',
    'Matching: a prediction and a gold content match when their overlap covers at least half of the shorter one; precision counts predictions matching any gold content, recall counts gold contents matched by any prediction. For direct quotes, precision is over our quoted predictions (`direct !== false`) and recall over gold contents that start with a quote mark. "Speech attributions" are gold contents that are direct quotes or whose cue contains a speech verb (said, told, according to, wrote, added, ...); PolNeAR also annotates beliefs, stances, intentions and evidence ("wants", "thinks", "called for", "polls show") and acts of sources towards things ("WikiLeaks released the DNC emails"). Speaker correct: our source words overlap the gold source span, or our resolved name has the same surname as the gold source text; gold without a source span is not scored. First annotator only.',
    '',
    `Counts (ours, held-out): direct ${count(ours.direct)}; speech ${count(ours.speech)}; all ${count(ours.all)}.`,
    `Counts (baseline, held-out): direct ${count(base.direct)}; all ${count(base.all)}.`,
    `All ${docs.length} public articles (includes the ${docs.length - heldOut.length} training articles, so optimistic for the model): direct ${pr(everything.direct)}; speech ${pr(everything.speech)}; all ${pr(everything.all)}.`,
  ].join('\n');
  return { title: TITLE, rows, details };
}
