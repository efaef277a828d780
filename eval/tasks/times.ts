// Dates on TimeBank + AQUAINT (TBAQ-cleaned, TempEval-3): TIMEX3 type DATE, detection and calendar value accuracy,
// with chrono-node's defaults (DCT as reference date) as the peer in the same run.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as chrono from 'chrono-node';
import { datasetDir, missingMessage } from '../data.js';
import type { EvalReport } from '../types.js';
import { resolveTimes } from '../../src/annotate/times/index.js';
import { splitSentences } from '../../src/annotate/sentences.js';

const DATASET = 'timeml-tbaq';
const TITLE = 'Dates (TimeML TBAQ)';

export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
}

export interface TimeMlDoc {
  id: string;
  /** Document creation time, "YYYY-MM-DD". */
  dct: string;
  /** TEXT content with tags stripped and XML entities decoded. */
  text: string;
  timexes: GoldTimex[];
}

export interface PredictedDate {
  start: number;
  end: number;
  value: string | null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Strips the tags of a TimeML TEXT body, keeping TIMEX3 offsets in the stripped text. */
function stripTimeMl(body: string): { text: string; timexes: GoldTimex[] } {
  let text = '';
  const timexes: GoldTimex[] = [];
  const open: { start: number; type: string; value: string }[] = [];
  const token = /<(\/?)([A-Za-z0-9]+)([^>]*)>|&(#?\w+);|[^<&]+/g;
  for (const m of body.matchAll(token)) {
    if (m[2] !== undefined) {
      if (m[2] !== 'TIMEX3') continue;
      if (m[1] === '') {
        const attrs = m[3];
        const type = /type="([^"]*)"/.exec(attrs)?.[1] ?? '';
        const value = /value="([^"]*)"/.exec(attrs)?.[1] ?? '';
        open.push({ start: text.length, type, value });
      } else {
        const o = open.pop();
        if (o) timexes.push({ start: o.start, end: text.length, text: text.slice(o.start, text.length), type: o.type, value: o.value });
      }
    } else if (m[4] !== undefined) {
      const name = m[4];
      text += name.startsWith('#') ? String.fromCodePoint(Number(name.startsWith('#x') ? `0x${name.slice(2)}` : name.slice(1))) : (ENTITIES[name] ?? `&${name};`);
    } else {
      text += m[0];
    }
  }
  return { text, timexes };
}

/** Every .tml document of the dataset folder (TimeBank/ and AQUAINT/). */
export function loadTimeMl(dir: string): TimeMlDoc[] {
  const docs: TimeMlDoc[] = [];
  for (const sub of ['TimeBank', 'AQUAINT']) {
    const folder = path.join(dir, sub);
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.tml')).sort()) {
      const xml = readFileSync(path.join(folder, file), 'utf8');
      const dct = /<DCT>[\s\S]*?value="(\d{4}-\d{2}-\d{2})/.exec(xml)?.[1];
      const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1];
      if (!dct || body === undefined) continue;
      docs.push({ id: file.replace(/\.tml$/, ''), dct, ...stripTimeMl(body) });
    }
  }
  return docs;
}

/**
 * A gold value is comparable when it names a calendar year, month or day ("1998", "1998-02", "1998-02-06");
 * a time of day after the date ("1998-02-06TEV") is cut to the date. Weeks, quarters, seasons, decades,
 * PRESENT_REF/PAST_REF/FUTURE_REF and values with unknown digits ("XXXX-10") have no calendar value to compare.
 */
export function comparableValue(gold: string): string | null {
  const m = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:T.*)?$/.exec(gold);
  return m ? m[1] : null;
}

export interface DateScores {
  gold: number;
  predicted: number;
  detected: number;
  /** Predictions overlapping any gold TIMEX3 (DATE, TIME, DURATION or SET). */
  predictedCorrect: number;
  comparable: number;
  valueCorrect: number;
  recall: number;
  precision: number;
  valueAccuracy: number;
  errors: { doc: string; text: string; gold: string; predicted: string | null; category: string }[];
  misses: { doc: string; text: string; gold: string }[];
  falsePositives: { doc: string; text: string }[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

function errorCategory(gold: string, predicted: string | null): string {
  if (predicted === null) return 'no value';
  const g = gold.length === 4 ? 'year' : gold.length === 7 ? 'month' : 'day';
  const p = predicted.length === 4 ? 'year' : predicted.length === 7 ? 'month' : 'day';
  if (g !== p) return `granularity ${p} for ${g}`;
  if (predicted.slice(0, 4) !== gold.slice(0, 4)) return `wrong year (${g})`;
  if (g === 'day' && predicted.slice(0, 7) === gold.slice(0, 7)) return predicted < gold ? 'day too early, same month' : 'day too late, same month';
  return predicted < gold ? `${g} too early` : `${g} too late`;
}

/** Scores one tagger over the documents: DATE detection by overlap, and value accuracy on comparable detections. */
export function scoreDates(docs: TimeMlDoc[], tag: (doc: TimeMlDoc) => PredictedDate[]): DateScores {
  const s: DateScores = {
    gold: 0, predicted: 0, detected: 0, predictedCorrect: 0, comparable: 0, valueCorrect: 0,
    recall: 0, precision: 0, valueAccuracy: 0, errors: [], misses: [], falsePositives: [],
  };
  for (const doc of docs) {
    const predicted = tag(doc);
    const dates = doc.timexes.filter((t) => t.type === 'DATE');
    s.gold += dates.length;
    s.predicted += predicted.length;
    for (const p of predicted) {
      if (doc.timexes.some((g) => overlaps(g, p))) s.predictedCorrect++;
      else s.falsePositives.push({ doc: doc.id, text: doc.text.slice(p.start, p.end) });
    }
    for (const g of dates) {
      const hits = predicted.filter((p) => overlaps(g, p));
      if (hits.length === 0) {
        s.misses.push({ doc: doc.id, text: g.text, gold: g.value });
        continue;
      }
      s.detected++;
      const want = comparableValue(g.value);
      if (want === null) continue;
      s.comparable++;
      // Several predictions may cover one gold expression ("Friday, Jan. 9"): the one with the largest overlap speaks.
      const best = hits.reduce((a, b) => (Math.min(b.end, g.end) - Math.max(b.start, g.start) > Math.min(a.end, g.end) - Math.max(a.start, g.start) ? b : a));
      if (best.value === want) s.valueCorrect++;
      else s.errors.push({ doc: doc.id, text: g.text, gold: want, predicted: best.value, category: errorCategory(want, best.value) });
    }
  }
  s.recall = s.gold ? s.detected / s.gold : 0;
  s.precision = s.predicted ? s.predictedCorrect / s.predicted : 0;
  s.valueAccuracy = s.comparable ? s.valueCorrect / s.comparable : 0;
  return s;
}

export function tagOurs(doc: TimeMlDoc): PredictedDate[] {
  return resolveTimes(doc.text, splitSentences(doc.text), doc.dct).map((t) => ({ start: t.start, end: t.end, value: t.value }));
}

/** chrono-node as shipped: chrono.parse with the DCT as reference; the value's grain follows the certain components. */
export function tagChronoDefaults(doc: TimeMlDoc): PredictedDate[] {
  const [y, m, d] = doc.dct.split('-').map(Number);
  return chrono.parse(doc.text, new Date(y, m - 1, d, 12)).map((r) => {
    const c = r.start;
    const date = c.date();
    const pad = (n: number) => String(n).padStart(2, '0');
    const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
    const value = c.isCertain('day') || c.isCertain('weekday') ? day : c.isCertain('month') ? day.slice(0, 7) : c.isCertain('year') ? day.slice(0, 4) : day;
    return { start: r.index, end: r.index + r.text.length, value };
  });
}

function tally<T>(items: T[], key: (t: T) => string, top: number): string {
  const counts = new Map<string, { n: number; example: T }>();
  for (const item of items) {
    const k = key(item);
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { n: 1, example: item });
  }
  return [...counts.entries()].sort((a, b) => b[1].n - a[1].n).slice(0, top).map(([k, c]) => `${k} (${c.n})`).join('; ');
}

export async function run(): Promise<EvalReport> {
  const dir = datasetDir(DATASET);
  if (!dir) return { title: TITLE, rows: [], skipped: missingMessage(DATASET) };
  const docs = loadTimeMl(dir);
  const ours = scoreDates(docs, tagOurs);
  const peer = scoreDates(docs, tagChronoDefaults);
  const dataset = `TBAQ public (${docs.length} docs, ${ours.gold} DATE)`;
  const row = (metric: string, pick: (s: DateScores) => number) => ({
    dataset, metric, ours: pick(ours), peers: [{ name: 'chrono-node defaults', score: pick(peer) }], published: [],
  });
  const details = [
    `DATE TIMEX3 only. Detection: a gold DATE counts as found when any prediction overlaps it (relaxed match); precision counts a prediction as right when it overlaps any gold TIMEX3 (TimeML also marks TIME, DURATION and SET, which a date tagger may legitimately touch). Value accuracy: over detected DATEs whose gold value is comparable — a calendar year, month or day (YYYY, YYYY-MM, YYYY-MM-DD; a time-of-day suffix is cut) — the share where our value is exactly equal; weeks, quarters, seasons, decades and PRESENT_REF/PAST_REF/FUTURE_REF are not comparable. ${ours.comparable} of our ${ours.detected} detections are comparable (chrono: ${peer.comparable} of ${peer.detected}).`,
    '',
    `Value errors by category (ours): ${tally(ours.errors, (e) => e.category, 8) || 'none'}.`,
    '',
    `Worst value errors (ours, first 12): ${ours.errors.slice(0, 12).map((e) => `"${e.text}" gold ${e.gold} got ${e.predicted ?? 'null'}`).join('; ') || 'none'}.`,
    '',
    `Most frequent misses (gold value shape): ${tally(ours.misses, (m) => `${m.gold.replace(/\d/g, '9')}`, 8)}; e.g. ${ours.misses.slice(0, 12).map((m) => `"${m.text}"`).join(', ')}.`,
    '',
    `Most frequent false positives: ${tally(ours.falsePositives, (f) => f.text.toLowerCase(), 10) || 'none'}.`,
  ].join('\n');
  return {
    title: TITLE,
    rows: [
      row('DATE detection recall (overlap)', (s) => s.recall),
      row('detection precision (overlap any TIMEX3)', (s) => s.precision),
      row('value accuracy (comparable detected)', (s) => s.valueAccuracy),
    ],
    details,
  };
}
