// Article extraction on the Zyte (Scrapinghub) article-extraction benchmark: main text of real news pages.
// The metric is the benchmark's own (evaluate.py), re-implemented and checked by re-scoring the published
// baseline outputs shipped with the data; Mozilla Readability runs beside ours on two DOMs in the same process.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { JSDOM, VirtualConsole } from 'jsdom';
import { cleanArticle } from '../../src/clean/index.js';
import type { EvalReport } from '../types.js';
import { datasetDir, missingMessage } from '../data.js';

const DATASET = 'article-extraction';
const TITLE = 'Article extraction';
const SHINGLE = 4;

// ---- the benchmark metric (evaluate.py, described in the dataset README) ----

// Python's `\w` on str: letters, digits and other numerics, underscore.
const TOKEN = /[\p{L}\p{N}_]+/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function shingles(text: string): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - SHINGLE + 1);
  for (let i = 0; i < last; i++) {
    const gram = tokens.slice(i, i + SHINGLE);
    if (gram.length === 0) continue;
    const key = gram.join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface PageScore {
  /** TP, FP, FN normalized by their sum (every page weighs the same). */
  tp: number;
  fp: number;
  fn: number;
  exact: boolean;
}

export function scorePage(gold: string, predicted: string): PageScore {
  const g = shingles(gold);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, gc] of g) {
    const pc = p.get(key) ?? 0;
    tp += Math.min(gc, pc);
    fn += Math.max(0, gc - pc);
  }
  for (const [key, pc] of p) fp += Math.max(0, pc - (g.get(key) ?? 0));
  const sum = tp + fp + fn;
  const a = tokenize(gold);
  const b = tokenize(predicted);
  const exact = a.length === b.length && a.every((t, i) => t === b[i]);
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum, exact } : { tp: 0, fp: 0, fn: 0, exact };
}

export function pagePrecision({ tp, fp, fn }: PageScore): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function pageRecall({ tp, fp, fn }: PageScore): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

export interface CorpusScore {
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
}

export function corpusScore(pages: PageScore[]): CorpusScore {
  const precision = mean(pages.filter((s) => s.tp + s.fp > 0).map(pagePrecision));
  const recall = mean(pages.filter((s) => s.tp + s.fn > 0).map(pageRecall));
  return {
    f1: (2 * precision * recall) / (precision + recall),
    precision,
    recall,
    accuracy: mean(pages.map((s) => (s.exact ? 1 : 0))),
  };
}

// ---- data ----

export interface Page {
  id: string;
  url: string;
  html: string;
  gold: string;
}

export function loadPages(dir: string, limit = Infinity): Page[] {
  const gold = JSON.parse(readFileSync(path.join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  const ids = readFileSync(path.join(dir, 'ids.txt'), 'utf8').split('\n').map((s) => s.trim()).filter(Boolean).slice(0, limit);
  return ids.map((id) => ({
    id,
    url: gold[id].url,
    gold: gold[id].articleBody,
    html: gunzipSync(readFileSync(path.join(dir, 'html', `${id}.html.gz`))).toString('utf8'),
  }));
}

export function loadBaselines(dir: string): Map<string, Record<string, { articleBody?: string }>> {
  const out = new Map<string, Record<string, { articleBody?: string }>>();
  const folder = path.join(dir, 'baseline-outputs');
  if (!existsSync(folder)) return out;
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.json.gz')).sort()) {
    const parsed = JSON.parse(gunzipSync(readFileSync(path.join(folder, file))).toString('utf8')) as { output: Record<string, { articleBody?: string }> };
    out.set(file.replace('.json.gz', ''), parsed.output);
  }
  return out;
}

// ---- extractors ----

export type Extractor = (page: Page) => string;

/** Our pipeline: the article text exactly as `clean` returns it (title excluded, as in the gold bodies). */
export const ours: Extractor = (page) =>
  cleanArticle({ id: page.id, origin: page.url, format: 'html', content: page.html, hints: { url: page.url } }).text;

/** Mozilla Readability on linkedom, text as the benchmark's readability_js runner takes it (textContent). */
export const readabilityLinkedom: Extractor = (page) => {
  const { document } = parseHTML(page.html);
  return new Readability(document as unknown as Document).parse()?.textContent ?? '';
};

const quietConsole = new VirtualConsole();

/** Mozilla Readability on jsdom 27, as the benchmark runs it. */
export const readabilityJsdom: Extractor = (page) => {
  const dom = new JSDOM(page.html, { url: 'https://fake-url.com', virtualConsole: quietConsole });
  const text = new Readability(dom.window.document).parse()?.textContent ?? '';
  dom.window.close();
  return text;
};

interface ExtractorRun {
  name: string;
  outputs: string[];
  crashes: number;
  pagesPerSecond: number;
}

/** One timed pass of an extractor over every page; an exception counts as a crash and scores as empty output. */
function pass(extractor: Extractor, pages: Page[]): { outputs: string[]; crashes: number; pagesPerSecond: number } {
  const outputs: string[] = [];
  let crashes = 0;
  const started = performance.now();
  for (const page of pages) {
    try {
      outputs.push(extractor(page));
    } catch {
      crashes++;
      outputs.push('');
    }
  }
  return { outputs, crashes, pagesPerSecond: pages.length / ((performance.now() - started) / 1000) };
}

/**
 * Runs extractors over every page, `repeats` passes each after a warm-up, interleaved (A B A B ...) so that
 * machine load and garbage left by one extractor fall on all of them alike; speed is the median pass.
 */
export function runExtractors(extractors: { name: string; extractor: Extractor; repeats: number }[], pages: Page[]): ExtractorRun[] {
  for (const { extractor } of extractors) pass(extractor, pages.slice(0, 5));
  const passes = extractors.map(() => [] as ReturnType<typeof pass>[]);
  const rounds = Math.max(...extractors.map((e) => e.repeats));
  for (let round = 0; round < rounds; round++) {
    extractors.forEach(({ extractor, repeats }, i) => {
      if (round < repeats) passes[i].push(pass(extractor, pages));
    });
  }
  return extractors.map(({ name }, i) => {
    const speeds = passes[i].map((p) => p.pagesPerSecond).sort((a, b) => a - b);
    return { name, outputs: passes[i][0].outputs, crashes: passes[i][0].crashes, pagesPerSecond: speeds[Math.floor(speeds.length / 2)] };
  });
}

function worstCases(pages: Page[], scores: PageScore[], outputs: string[], count: number): string {
  const rows = pages
    .map((page, i) => ({ page, score: scores[i], output: outputs[i] }))
    .map((r) => ({ ...r, f1: f1Of(r.score) }))
    .sort((a, b) => a.f1 - b.f1)
    .slice(0, count);
  const lines = ['| page | F1 | precision | recall | gold words | our words |', '|---|---|---|---|---|---|'];
  for (const r of rows) {
    lines.push(`| ${new URL(r.page.url).hostname} (${r.page.id.slice(0, 8)}) | ${r.f1.toFixed(3)} | ${pagePrecision(r.score).toFixed(3)} | ${pageRecall(r.score).toFixed(3)} | ${tokenize(r.page.gold).length} | ${tokenize(r.output).length} |`);
  }
  return lines.join('\n');
}

function f1Of(score: PageScore): number {
  const p = pagePrecision(score);
  const r = pageRecall(score);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

export async function run(): Promise<EvalReport> {
  const dir = datasetDir(DATASET);
  if (!dir) return { title: TITLE, rows: [], skipped: missingMessage(DATASET) };
  const pages = loadPages(dir);
  const repeats = Number(process.env.EXTRACTION_REPEATS ?? 3);

  const published: { name: string; score: CorpusScore }[] = [];
  for (const [name, output] of loadBaselines(dir)) {
    published.push({ name, score: corpusScore(pages.map((p) => scorePage(p.gold, output[p.id]?.articleBody ?? ''))) });
  }

  // jsdom is an order of magnitude slower: one pass is enough for its score and a fair speed figure.
  const runs = runExtractors(
    [
      { name: 'ours', extractor: ours, repeats },
      { name: 'Readability+linkedom', extractor: readabilityLinkedom, repeats },
      { name: 'Readability+jsdom', extractor: readabilityJsdom, repeats: 1 },
    ],
    pages,
  );
  const scored = runs.map((r) => ({ ...r, pageScores: pages.map((p, i) => scorePage(p.gold, r.outputs[i])) }));
  const corpus = scored.map((r) => ({ ...r, score: corpusScore(r.pageScores) }));
  const [us, ...peers] = corpus;
  const pick = (names: string[]) => published.filter((p) => names.includes(p.name));
  const headline = pick(['trafilatura', 'newspaper', 'readability_js', 'go_trafilatura', 'AutoExtract', 'Diffbot']);
  const dataset = `Zyte article-extraction, ${pages.length} public pages`;

  const rows: EvalReport['rows'] = (['f1', 'precision', 'recall', 'accuracy'] as const).map((metric) => ({
    dataset,
    metric: metric === 'accuracy' ? 'exact-match accuracy' : `shingle ${metric}`,
    ours: us.score[metric],
    peers: peers.map((p) => ({ name: p.name, score: p.score[metric] })),
    published: headline.map((p) => ({ name: `${p.name} (rescored output)`, score: p.score[metric] })),
  }));
  rows.push({
    dataset,
    metric: 'speed',
    unit: 'pages/s',
    ours: us.pagesPerSecond,
    peers: peers.map((p) => ({ name: p.name, score: p.pagesPerSecond })),
    published: [],
  });

  const rescored = ['| extractor (published output) | F1 | precision | recall | accuracy |', '|---|---|---|---|---|'];
  for (const p of published) rescored.push(`| ${p.name} | ${p.score.f1.toFixed(3)} | ${p.score.precision.toFixed(3)} | ${p.score.recall.toFixed(3)} | ${p.score.accuracy.toFixed(3)} |`);
  const crashes = corpus.map((r) => `${r.name}: ${r.crashes}`).join(', ');
  const details = [
    `Metric: the benchmark's 4-gram shingle precision/recall, averaged per page (evaluate.py). Speeds are pages per second over all ${pages.length} pages, median of ${repeats} interleaved passes after a warm-up (jsdom: one pass), one process, same run. Crashes (exceptions, scored as empty output): ${crashes}.`,
    `### Published outputs re-scored with our implementation of the metric\n\n${rescored.join('\n')}`,
    `### Our 10 worst pages\n\n${worstCases(pages, us.pageScores, us.outputs, 10)}`,
  ].join('\n\n');
  return { title: TITLE, rows, details };
}
