// Synthetic stories built from real sentences: a pool of sentences from real news articles (the public
// evaluation data, or the seeds) recombined into N articles, so a story grows without changing its nature.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { datasetDir, seedsDir } from '../eval/data.js';
import { splitSentences } from '../src/annotate/sentences.js';
import type { ArticleRecord } from '../src/analyze.js';
import { rng } from '../src/align/pairs/train.js';

/** Deterministic PRNG (mulberry32), so every run builds the same corpus. */
export const random = rng;

/** Real article texts: the largest event of the Hamborg clusters if present, else the seeds. */
export function realTexts(): { source: string; texts: string[] } {
  const dir = datasetDir('news-event-clusters-hamborg');
  if (dir) {
    const rows = gunzipSync(readFileSync(path.join(dir, 'articles.jsonl.gz'))).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as { event_id: number; text: string });
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.event_id, (counts.get(r.event_id) ?? 0) + 1);
    const biggest = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    return { source: 'Hamborg news clusters (largest event)', texts: rows.filter((r) => r.event_id === biggest).map((r) => r.text) };
  }
  if (existsSync(seedsDir)) return { source: 'seed articles', texts: readdirSync(seedsDir).sort().map((f) => readFileSync(path.join(seedsDir, f), 'utf8')) };
  throw new Error('no real text available: ../shared/eval and ../shared/seeds are both absent');
}

/** `count` articles of `sentencesPerArticle` sentences each, drawn from the pool of real sentences. */
export function syntheticStory(count: number, sentencesPerArticle = 14, seed = 7): ArticleRecord[] {
  const { texts } = realTexts();
  const pool: string[] = [];
  for (const text of texts) for (const s of splitSentences(text)) {
    const sentence = text.slice(s.start, s.end);
    if (sentence.split(/\s+/).length >= 6) pool.push(sentence);
  }
  const next = random(seed);
  const records: ArticleRecord[] = [];
  for (let i = 0; i < count; i++) {
    const paragraphs: string[] = [];
    for (let j = 0; j < sentencesPerArticle; j++) paragraphs.push(pool[Math.floor(next() * pool.length)]);
    const day = 1 + Math.floor(next() * 5);
    records.push({
      title: `Report ${i + 1}`,
      text: paragraphs.join('\n\n'),
      outlet: `Outlet ${1 + Math.floor(next() * Math.max(5, count / 4))}`,
      publishedAt: `2023-10-0${day}T12:00:00Z`,
    });
  }
  return records;
}

/**
 * Pathological article texts of about `size` characters, one per shape an attacker can send: each is built by
 * repeating a unit, so the cost per KB of every annotation stage can be compared across sizes (it must stay flat).
 * The shapes come from the attack report: "No." abbreviations that stop sentence splitting, a run of hyphens that
 * sends wink's e-mail pattern quadratic, sentences without an end, runs of one punctuation character, long
 * "words" (URLs, base64 blobs) and thousands of abbreviations.
 */
export function adversarialText(shape: AdversarialShape, size: number): string {
  const unit = ADVERSARIAL_UNITS[shape];
  const next = random(11);
  let out = '';
  let i = 0;
  while (out.length < size) out += unit(i++, next);
  return out.slice(0, size);
}

const PUNCTUATION = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~…—–“”’•€§'];
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ADVERSARIAL_UNITS = {
  'no-abbreviations': (i: number) => `Item No. ${i} was listed after No. ${i + 1} and before No. `,
  'hyphen-run': () => '-'.repeat(1000),
  'period-run': () => '.'.repeat(1000),
  'mixed-punctuation-runs': (i: number) => PUNCTUATION[i % PUNCTUATION.length].repeat(500),
  'endless-sentence': (i: number) => `the minister said troops moved near Belgrade on Monday and ${i} soldiers went home and `,
  'long-url': (i: number) => (i === 0 ? 'See https://example.com/' : `path-${i}/seg_${i}.html?q=${i}&r=`),
  'base64-blob': (_i: number, next: () => number) => Array.from({ length: 200 }, () => BASE64[Math.floor(next() * 64)]).join(''),
  abbreviations: () => 'Dr. Mr. Mrs. U.S. Gen. Lt. Col. Sen. Rep. Gov. St. Jan. Feb. Inc. Corp. Ltd. vs. etc. e.g. i.e. ',
  'capitalised-words': (i: number) => `Milos Vucevic Belgrade Kosovo NATO Serbia Pristina Albin Kurti ${i} `,
  'numbers-and-dates': (i: number) => `${i},500 troops on May ${1 + (i % 28)}, 2023 and $${i} million last week, ${i}% `,
  'quote-marks': (i: number) => `"${i}" '${i}' “${i}” `,
  'short-lines': (i: number) => `Line ${i}\n`,
  'dated-sentences': (i: number) => `Troops left on May ${1 + (i % 28)}, 2023, officials said on Friday. `,
  'counted-sentences': (i: number) => `Kurti said ${i + 2} Serbian soldiers were killed near Banjska. `,
  'digit-run': () => '1,234,567.'.repeat(100),
  'emoji-run': () => '\u{1F600}\u{1F1F7}\u{1F1F8}'.repeat(100),
} satisfies Record<string, (i: number, next: () => number) => string>;

/** The pathological shapes adversarialText can build. */
export type AdversarialShape = keyof typeof ADVERSARIAL_UNITS;
export const ADVERSARIAL_SHAPES = Object.keys(ADVERSARIAL_UNITS) as AdversarialShape[];
