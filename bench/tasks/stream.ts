// Ingest + cluster throughput on a synthetic stream of 100,000 articles built from real sentences
// (taken at run time from ../shared/eval, never stored in the repository). Each synthetic story has a
// core of real sentences; its articles are shuffled subsets of that core with dates a few days apart,
// so the true stories are known. The whole pipeline runs: read JSONL -> clean -> signature -> store -> cluster.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { datasetDir, seedsDir } from '../../eval/data.js';
import { markdownTable } from '../util.js';
import { SqliteStore } from '../../src/store/index.js';
import { ingestSources } from '../../src/ingest/index.js';
import { pythonWithSklearn, runSklearnPeer, scoreClustering, type LabelledArticle } from '../../eval/tasks/clustering.js';
import { random } from '../synthetic.js';

const TOTAL = Number(process.env.STREAM_BENCH_ARTICLES ?? 100_000);
const SLICE = 10_000;
const FILE_SIZE = 2_000;
const ARTICLES_PER_DAY = 300;
/** Real sentences per synthetic story; each article takes about 70% of them, shuffled (~2,000 characters). */
const CORE_SENTENCES = 16;

export function sentencePool(): string[] {
  const texts: string[] = [];
  for (const name of ['news-event-clusters-hamborg', 'wikiref220-clustering']) {
    const dir = datasetDir(name);
    if (!dir) continue;
    for (const line of gunzipSync(readFileSync(path.join(dir, 'articles.jsonl.gz'))).toString('utf8').split('\n')) {
      if (line.trim()) texts.push(String((JSON.parse(line) as { text?: string }).text ?? ''));
    }
  }
  if (texts.length === 0 && existsSync(seedsDir)) {
    for (const f of readdirSync(seedsDir)) texts.push(readFileSync(path.join(seedsDir, f), 'utf8'));
  }
  const sentences = new Set<string>();
  for (const text of texts) {
    for (const s of text.split(/(?<=[.!?]["”’]?)\s+|\n+/)) {
      const clean = s.trim();
      if (clean.length >= 60 && clean.length <= 400) sentences.add(clean);
    }
  }
  return [...sentences];
}

export interface SyntheticArticle {
  title: string;
  text: string;
  publishedAt: string;
  url: string;
  /** The synthetic story the article belongs to. */
  story: number;
}

/** The synthetic stream, generated lazily so the harness never holds 100,000 articles in memory. */
export function* syntheticStream(pool: string[], total: number): Generator<SyntheticArticle> {
  const rand = random(20240601);
  const start = Date.UTC(2020, 0, 1);
  let story = 0;
  let produced = 0;
  // Sentences are dealt without replacement (reshuffled when the pool runs out), so two stories
  // share a sentence only weeks apart, as real unrelated stories rarely share one.
  let deck: string[] = [];
  const deal = () => {
    if (deck.length === 0) deck = pool.slice().sort(() => rand() - 0.5);
    return deck.pop()!;
  };
  while (produced < total) {
    story++;
    const core = Array.from({ length: CORE_SENTENCES }, deal);
    const size = 2 + Math.floor(rand() * 14);
    const baseDay = Math.floor(produced / ARTICLES_PER_DAY);
    const headline = core[0].split(/\s+/).slice(0, 10).join(' ');
    for (let i = 0; i < size && produced < total; i++, produced++) {
      const body = core.slice(1).filter(() => rand() < 0.7).sort(() => rand() - 0.5);
      const day = baseDay + Math.floor(rand() * 3);
      yield {
        title: rand() < 0.5 ? headline : headline.split(' ').slice(0, 7).join(' '),
        text: body.join('\n\n') || core[1],
        publishedAt: new Date(start + day * 86_400_000 + Math.floor(rand() * 86_400_000)).toISOString(),
        url: `https://news.example/${story}/${i}`,
        story,
      };
    }
  }
}

export async function run(): Promise<string> {
  const pool = sentencePool();
  if (pool.length < 100) return 'stream bench skipped: no sentences available (../shared/eval and ../shared/seeds are absent)';
  const dir = mkdtempSync(path.join(tmpdir(), 'triangulate-stream-'));
  const files: string[] = [];
  const urls: string[] = [];
  const labels: number[] = [];
  const peerSlice: LabelledArticle[] = [];
  let chunk: string[] = [];
  const writeChunk = () => {
    const file = path.join(dir, `part-${String(files.length).padStart(4, '0')}.jsonl`);
    writeFileSync(file, chunk.join('\n'));
    files.push(file);
    chunk = [];
  };
  for (const a of syntheticStream(pool, TOTAL)) {
    urls.push(a.url);
    labels.push(a.story);
    if (peerSlice.length < SLICE) peerSlice.push({ id: a.url, label: String(a.story), title: a.title, text: a.text, publishedAt: a.publishedAt });
    chunk.push(JSON.stringify({ title: a.title, text: a.text, publishedAt: a.publishedAt, url: a.url }));
    if (chunk.length === FILE_SIZE) writeChunk();
  }
  if (chunk.length) writeChunk();
  const count = urls.length;
  const baseRss = process.memoryUsage().rss;
  const store = new SqliteStore(path.join(dir, 'stream.db'));
  const sliceRates: number[] = [];
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  const started = performance.now();
  const perSlice = SLICE / FILE_SIZE;
  for (let i = 0; i < files.length; i += perSlice) {
    const t0 = performance.now();
    const summary = await ingestSources(store, files.slice(i, i + perSlice), { batchSize: 500 });
    const seconds = (performance.now() - t0) / 1000;
    sliceRates.push((summary.stored + summary.duplicates) / seconds);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const totalSeconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const maxRss = peakRss;

  // Quality on the synthetic stream: stories are known by construction.
  const storyOf = new Map<string, number>();
  const storedCount = await store.articleCount();
  for (let id = 1; id <= storedCount; id++) {
    const entry = await store.getArticle(id);
    if (entry?.article.url) storyOf.set(entry.article.url, (await store.getStory(entry.storyId!))!.id);
  }
  const predicted = urls.map((url) => storyOf.get(url) ?? -1);
  const quality = scoreClustering(labels.map(String), predicted);
  const integrity = await store.integrityCheck();
  await store.close();

  const rows: (string | number)[][] = [
    ['articles', count, ''],
    ['sustained rate (whole run)', `${(count / totalSeconds).toFixed(0)} articles/s`, '>= 300'],
    ['first 10k', `${sliceRates[0].toFixed(0)} articles/s`, ''],
    ['last 10k', `${sliceRates[sliceRates.length - 1].toFixed(0)} articles/s`, ''],
    ['last 10k time / first 10k time', (sliceRates[0] / sliceRates[sliceRates.length - 1]).toFixed(2), '<= 1.3'],
    ['peak memory during ingest (RSS, whole process)', `${(maxRss / 1024 / 1024).toFixed(0)} MB (harness before ingest: ${(baseRss / 1024 / 1024).toFixed(0)} MB)`, '< 1536 MB'],
    ['B-cubed P / R / F1 on the synthetic stories', `${quality.precision.toFixed(3)} / ${quality.recall.toFixed(3)} / ${quality.f1.toFixed(3)}`, ''],
    ['PRAGMA integrity_check', integrity, 'ok'],
  ];

  const python = pythonWithSklearn();
  if (python) {
    const t0 = performance.now();
    const peer = runSklearnPeer(python, peerSlice, undefined, 0.8);
    const wall = (performance.now() - t0) / 1000;
    const ours = SLICE / sliceRates[0];
    rows.push(['sklearn TF-IDF+agglomerative, first 10k (offline, clustering only)', `${peer.seconds.toFixed(1)} s (${wall.toFixed(1)} s with process start)`, '']);
    rows.push(['ours, first 10k (whole pipeline incl. store)', `${ours.toFixed(1)} s`, `ratio ${(ours / wall).toFixed(2)}x peer`]);
  } else rows.push(['sklearn peer', 'skipped: no python3 with sklearn (install python3-sklearn)', '']);
  rmSync(dir, { recursive: true, force: true });
  return `## Stream ingest (synthetic, ${count} articles, ${pool.length} real sentences)\n\n${markdownTable(['measure', 'value', 'goal'], rows)}\n\nPer-10k rates: ${sliceRates.map((r) => r.toFixed(0)).join(', ')} articles/s.\n`;
}
