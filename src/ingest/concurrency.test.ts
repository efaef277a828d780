// One store, several writers: `ingest --store X` twice at once (or next to `serve --db X`) must store every
// article once, never give two stories one id, and keep the clusterer's saved counts equal to what a single
// process would have counted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openStore, SqliteStore, isStoreError, type ArticleStore, type PutArticleOptions } from '../store/index.js';
import { articleSignature } from '../stories/index.js';
import type { Article } from '../clean/types.js';
import { ingestSources } from './index.js';
import { StoryIngestor } from './ingestor.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const EVENTS = 30;
const REPORTS = 6;

// Two unrelated sets of self-written articles over the same weeks: set "a" reports works closing, set "b"
// reports matches. Every event has its own made-up names and words, so every story must hold the reports of
// exactly one event of one set.
const SYLLABLES = ['ba', 'ko', 'di', 'ru', 'fe', 'lo', 'mi', 'ta', 'zu', 'ne', 'po', 'gi', 'sha', 'vo', 'ke', 'ya'];

/** A pronounceable made-up word, different for every (set, event, slot). */
function word(set: 'a' | 'b', event: number, slot: number): string {
  let n = (set === 'a' ? 0 : 5000) + event * 10 + slot;
  let out = '';
  for (let i = 0; i < 3; i++) {
    out += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  }
  return out + (set === 'a' ? 'n' : 'r');
}

const cap = (w: string) => w[0].toUpperCase() + w.slice(1);

function writeSet(file: string, set: 'a' | 'b'): void {
  const lines: string[] = [];
  for (let event = 0; event < EVENTS; event++) {
    const w = (slot: number) => word(set, event, slot);
    for (let report = 0; report < REPORTS; report++) {
      const i = event * REPORTS + report;
      const day = new Date(Date.UTC(2024, 0, 1) + i * 3 * 3_600_000 + (set === 'b' ? 1_800_000 : 0)).toISOString();
      const record =
        set === 'a'
          ? {
              title: `${cap(w(1))} ${w(2)} ${w(3)} closed in ${cap(w(4))}`,
              text: `${cap(w(1))} council closed the ${w(2)} ${w(3)} near ${cap(w(4))} after inspectors found ${w(5)} in its ${w(6)}. Engineer ${cap(w(7))} ${cap(w(8))} said the ${w(2)} ${w(3)} stays shut while crews replace the ${w(6)}. Residents of ${cap(w(4))} were told to expect ${w(9)} delays (report ${report}).`,
              url: `https://works.example/${set}${event}/${i}`,
            }
          : {
              title: `${cap(w(1))} ${cap(w(2))} beat ${cap(w(3))} in the ${cap(w(4))} cup`,
              text: `${cap(w(1))} ${cap(w(2))} beat ${cap(w(3))} in the ${cap(w(4))} cup on a ${w(5)} pitch. Striker ${cap(w(6))} ${cap(w(7))} scored twice for ${cap(w(1))} ${cap(w(2))}. ${cap(w(3))} coach ${cap(w(8))} blamed the ${w(9)} (report ${report}).`,
              url: `https://sport.example/${set}${event}/${i}`,
            };
      lines.push(JSON.stringify({ ...record, publishedAt: day }));
    }
  }
  writeFileSync(file, lines.join('\n'));
}

/** "a12" / "b3": the set and event an article was written for, from its URL. */
function label(url: string): string {
  return new URL(url).pathname.split('/')[1];
}

interface Row {
  id: number;
  url: string;
  story: number;
}

async function readRows(store: ArticleStore): Promise<Row[]> {
  const rows: Row[] = [];
  const count = await store.articleCount();
  for (let id = 1; id <= count; id++) {
    const a = (await store.getArticle(id))!;
    rows.push({ id, url: a.article.url!, story: (await store.getStory(a.storyId!))!.id });
  }
  return rows;
}

function partition(rows: Row[]): string[] {
  const byStory = new Map<number, string[]>();
  for (const r of rows) byStory.set(r.story, [...(byStory.get(r.story) ?? []), r.url]);
  return [...byStory.values()].map((urls) => urls.sort().join(',')).sort();
}

/**
 * The clusterer's saved state against the articles it describes: document count, every document
 * frequency (recomputed from the stored articles), every story's size, and a next id above every id.
 */
function assertClustererConsistent(file: string): void {
  const db = new Database(file, { readonly: true });
  try {
    const articles = (db.prepare('SELECT body, story_id FROM articles').all() as { body: string; story_id: number }[]).map((r) => ({
      article: JSON.parse(r.body) as Article,
      story: r.story_id,
    }));
    const meta = JSON.parse((db.prepare("SELECT value FROM meta WHERE key = 'clusterer'").get() as { value: string }).value) as {
      documents: number;
      nextStoryId: number;
    };
    assert.equal(meta.documents, articles.length, 'the clusterer counted every article once');
    const expected = new Map<string, number>();
    for (const { article } of articles) {
      const signature = articleSignature(article);
      for (const term of new Set([...signature.terms.keys(), ...signature.headline.keys()])) expected.set(term, (expected.get(term) ?? 0) + 1);
    }
    const saved = new Map(
      (db.prepare("SELECT key, value FROM counters WHERE namespace = 'df'").all() as { key: string; value: number }[]).map((r) => [r.key, r.value]),
    );
    const wrong = [...expected].filter(([term, n]) => saved.get(term) !== n).slice(0, 5);
    assert.deepEqual(wrong, [], 'saved document frequencies equal those counted from the stored articles');
    assert.equal(saved.size, expected.size);

    const stories = db.prepare('SELECT id, state FROM stories WHERE merged_into IS NULL').all() as { id: number; state: string | null }[];
    const members = new Map<number, number>();
    for (const { story } of articles) members.set(story, (members.get(story) ?? 0) + 1);
    for (const story of stories) {
      assert.ok(story.state, `story ${story.id} has a saved state`);
      assert.equal((JSON.parse(story.state) as { size: number }).size, members.get(story.id) ?? 0, `story ${story.id}: saved size = its articles`);
    }
    const maxId = (db.prepare('SELECT MAX(id) AS id FROM stories').get() as { id: number }).id;
    assert.ok(meta.nextStoryId > maxId, 'the next story id is above every id in use');
  } finally {
    db.close();
  }
}

function assertOneEventPerStory(rows: Row[]): void {
  const labels = new Map<number, Set<string>>();
  for (const r of rows) labels.set(r.story, (labels.get(r.story) ?? new Set()).add(label(r.url)));
  const mixed = [...labels].filter(([, l]) => l.size > 1).map(([id, l]) => `${id}: ${[...l].join(' ')}`);
  assert.deepEqual(mixed, [], 'no story holds articles of two events');
}

/**
 * A child process doing what `triangulate ingest FILE --store DB --batch 10` does (open the store, ingest,
 * close), started once told to go. After each committed batch it pauses a few milliseconds: that stands in
 * for the time real pages take to read and clean between two batches. Without it the self-written articles
 * here clean so fast that one process may take the lock back before the other's busy handler polls again,
 * and the two runs would simply take turns as a whole (correct, but not the interleaving this test is about).
 */
function startIngest(dir: string, name: string, input: string, db: string) {
  const runner = path.join(dir, `run-${name}.mjs`);
  const ready = path.join(dir, `${name}.ready`);
  const go = path.join(dir, 'go');
  writeFileSync(
    runner,
    `import { writeFileSync, existsSync } from 'node:fs';
     const { openStore } = await import(${JSON.stringify(path.join(here, '..', 'store', 'index.ts'))});
     const { ingestSources } = await import(${JSON.stringify(path.join(here, 'index.ts'))});
     const pause = new Int32Array(new SharedArrayBuffer(4));
     writeFileSync(${JSON.stringify(ready)}, '');
     while (!existsSync(${JSON.stringify(go)})) await new Promise((r) => setTimeout(r, 5));
     const store = await openStore(${JSON.stringify(db)});
     try {
       const summary = await ingestSources(store, [${JSON.stringify(input)}], { batchSize: 10, onBatch: () => Atomics.wait(pause, 0, 0, 8) });
       process.stdout.write(JSON.stringify(summary));
     } finally {
       await store.close();
     }`,
  );
  const child = spawn(process.execPath, ['--import', 'tsx', runner], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
  return { ready, done };
}

test('two ingest processes writing one new store at once: each article once, unique stories, consistent counts', { timeout: 120_000 }, async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'concurrency-test-'));
  try {
    const inputA = path.join(dir, 'works.jsonl');
    const inputB = path.join(dir, 'sport.jsonl');
    writeSet(inputA, 'a');
    writeSet(inputB, 'b');
    const db = path.join(dir, 'shared.db');

    // Both processes open the (not yet existing) store at the same moment: the schema is created once.
    const a = startIngest(dir, 'a', inputA, db);
    const b = startIngest(dir, 'b', inputB, db);
    while (!existsSync(a.ready) || !existsSync(b.ready)) await new Promise((r) => setTimeout(r, 10));
    writeFileSync(path.join(dir, 'go'), '');
    const [ra, rb] = await Promise.all([a.done, b.done]);
    for (const r of [ra, rb]) {
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '', 'no error, no SQLite stack trace');
      const summary = JSON.parse(r.stdout) as { stored: number; duplicates: number; problems: number };
      assert.deepEqual([summary.stored, summary.duplicates, summary.problems], [EVENTS * REPORTS, 0, 0]);
    }

    const store = await openStore(db, { readonly: true });
    const rows = await readRows(store);
    await store.close();
    const total = 2 * EVENTS * REPORTS;
    assert.equal(rows.length, total);
    assert.equal(new Set(rows.map((r) => r.url)).size, total, 'no article stored twice');
    // The two runs really wrote at the same time: their articles' ids interleave.
    let runs = 1;
    for (let i = 1; i < rows.length; i++) if (label(rows[i].url)[0] !== label(rows[i - 1].url)[0]) runs++;
    // (SQLite's busy handler polls, so a waiting writer gets in between some of the other's batches, not all.)
    // How often they interleave depends on the machine's load, so it is reported rather than asserted: the
    // checks below must hold however the batches fell.
    t.diagnostic(`the two processes' batches interleaved in ${runs} runs`);

    assertOneEventPerStory(rows);
    assertClustererConsistent(db);

    // The same stories as one process reading both sets one after the other.
    const sequential = await openStore(path.join(dir, 'sequential.db'));
    await ingestSources(sequential, [inputA], { batchSize: 10 });
    await ingestSources(sequential, [inputB], { batchSize: 10 });
    const sequentialRows = await readRows(sequential);
    await sequential.close();
    assert.deepEqual(partition(rows), partition(sequentialRows));
    assert.equal(new Set(rows.map((r) => r.story)).size, 2 * EVENTS);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A set written to `file` and read back as cleaned articles (what the ingest pipeline hands the ingestor). */
function readSet(file: string, set: 'a' | 'b'): Article[] {
  writeSet(file, set);
  const records = readFileSync(file, 'utf8').split('\n').map((line) => JSON.parse(line) as { title: string; text: string; publishedAt: string; url: string });
  return records.map((r, i) => ({
    id: `${set}-${i}`,
    origin: `${file}#${i + 1}`,
    url: r.url,
    outlet: null,
    title: r.title,
    publishedAt: r.publishedAt,
    byline: null,
    credits: [],
    text: r.text,
    removed: [],
    diagnostics: [],
  }));
}

test('two ingestors on two connections (a server and an ingest run) reload the clusterer when the other wrote', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'concurrency-test-'));
  try {
    const db = path.join(dir, 'shared.db');
    const setA = readSet(path.join(dir, 'a.jsonl'), 'a');
    const setB = readSet(path.join(dir, 'b.jsonl'), 'b');
    const server = await openStore(db);
    const ingest = await openStore(db);
    const serverIngestor = new StoryIngestor(server);
    const ingestIngestor = new StoryIngestor(ingest);
    let reloads = 0;
    for (let i = 0; i < setA.length; i += 12) {
      reloads += Number((await serverIngestor.addBatch(setA.slice(i, i + 12))).reloaded);
      reloads += Number((await ingestIngestor.addBatch(setB.slice(i, i + 12))).reloaded);
    }
    assert.ok(reloads >= setA.length / 12, 'each writer noticed the other one');
    const rows = await readRows(server);
    await server.close();
    await ingest.close();
    assert.equal(rows.length, setA.length + setB.length);
    assertOneEventPerStory(rows);
    assertClustererConsistent(db);

    // Exactly what one writer sending the same batches in the same order gives: same articles, same story ids.
    const single = await openStore(':memory:');
    const one = new StoryIngestor(single);
    for (let i = 0; i < setA.length; i += 12) {
      await one.addBatch(setA.slice(i, i + 12));
      await one.addBatch(setB.slice(i, i + 12));
    }
    assert.deepEqual(rows, await readRows(single));
    await single.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a batch that cannot get the lock fails with a one-line StoreError and can be sent again', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'concurrency-test-'));
  try {
    const db = path.join(dir, 'shared.db');
    const articles = readSet(path.join(dir, 'a.jsonl'), 'a').slice(0, 12);
    await (await openStore(db)).close();
    const other = new Database(db);
    other.exec('BEGIN IMMEDIATE');
    const store = new SqliteStore(db, { busyTimeoutMs: 100 });
    const ingestor = new StoryIngestor(store);
    await assert.rejects(ingestor.addBatch(articles), (error: unknown) => isStoreError(error) && error.code === 'busy' && !error.message.includes('\n'));
    other.exec('ROLLBACK');
    other.close();
    const outcome = await ingestor.addBatch(articles);
    assert.equal(outcome.stored, 12);
    assert.equal(await store.articleCount(), 12);
    await store.close();
    assertClustererConsistent(db);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A store whose putArticle rejects for the article with id "poison", as a write failing mid-batch would. */
class PoisonedStore extends SqliteStore {
  override async putArticle(article: Article, options?: PutArticleOptions) {
    if (article.id === 'poison') throw new Error('poisoned write');
    return super.putArticle(article, options);
  }
}

test('a batch failing half-way leaves nothing of itself in the clusterer, even with the next batch already waiting', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'concurrency-test-'));
  try {
    const db = path.join(dir, 'shared.db');
    const articles = readSet(path.join(dir, 'a.jsonl'), 'a');
    const store = new PoisonedStore(db);
    const ingestor = new StoryIngestor(store);
    await ingestor.addBatch(articles.slice(0, 12));
    // Not awaited one by one: the second batch is handed over while the first (which fails half-way, after
    // its clusterer took in articles 12-17) still runs.
    const failing = ingestor.addBatch([...articles.slice(12, 18), { ...articles[18], id: 'poison' }]);
    const next = ingestor.addBatch(articles.slice(24, 36));
    await assert.rejects(failing, /poisoned write/);
    assert.equal((await next).stored, 12);
    assert.equal(await store.articleCount(), 24);
    await store.close();
    assertClustererConsistent(db);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
