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
