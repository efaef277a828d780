// Dossier builds in worker threads: the server answers while one runs, says "building" (202, with the last
// dossier when there is one), coalesces builds of a story that keeps changing, and caps what one dossier
// analyses. Real servers on loopback; no timing assertions (speed is measured in bench/tasks/serve-building.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from './index.js';
import { openStore, type ArticleStore } from '../store/index.js';
import { readRecord } from '../read/index.js';
import { cleanArticle } from '../clean/index.js';
import { schemaErrors } from '../../test/dossier-contract.js';
import type { Dossier } from '../dossier/types.js';
import { distinctIds, selectArticles } from '../story-dossier.js';
import { OFFLOAD_ARTICLES, StoryCatalog, readStoryDelta } from './catalog.js';
import { fetchWhenBuilt, waitFor } from '../../test/wait.js';

const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples/harbour-fire');

/** Paragraphs of the example articles (real prose written for the project), the material of synthetic stories. */
function paragraphs(): string[] {
  const out: string[] = [];
  for (const name of readdirSync(examples).sort()) {
    const raw = readFileSync(path.join(examples, name), 'utf8');
    const texts = name.endsWith('.json') || name.endsWith('.jsonl')
      ? raw.split('\n').filter((l) => l.trim()).flatMap((l) => { try { const r = JSON.parse(l) as { text?: string }; return r.text ? [r.text] : []; } catch { return []; } })
      : [raw.replace(/<[^>]+>/g, ' ')];
    for (const t of texts) for (const p of t.split(/\n\s*\n/)) if (p.trim().split(/\s+/).length >= 8) out.push(p.trim().replace(/\s+/g, ' '));
  }
  return out;
}

/** Puts `count` articles recombined from the example's paragraphs into story `storyId` of `store`. */
async function addSynthetic(store: ArticleStore, storyId: number, count: number, from = 0): Promise<void> {
  const pool = paragraphs();
  assert.ok(pool.length >= 4, 'the example has paragraphs to recombine');
  await store.transaction(async () => {
    for (let i = from; i < from + count; i++) {
      const text = Array.from({ length: 8 }, (_, j) => pool[(i * 7 + j * 3) % pool.length]).join('\n\n') + `\n\nReport number ${i} from the harbour.`;
      const put = await store.putArticle(
        cleanArticle(readRecord({ text, title: `Harbour report ${i}`, outlet: `Outlet ${i % 9}`, publishedAt: `2025-03-${String(10 + (i % 5)).padStart(2, '0')}`, url: `https://outlet${i % 9}.example/r/${i}` }, `synthetic-${i}`)),
      );
      if (put.status === 'stored') await store.setArticleStory(put.id, storyId);
    }
  });
}

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

interface Health {
  status: string;
  analysing: number;
  dossierBuilds: { running: number; queued: number; threads: number; maxArticles: number };
}

test('the server answers health and the story list while a large story is analysed in a worker', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'triangulate-building-'));
  const db = path.join(dir, 'large.db');
  const store = await openStore(db);
  await addSynthetic(store, 1, 150);
  await store.close();
  let server: RunningServer | undefined;
  try {
    server = await startServer({ db, port: 0, warmDossiers: false, webRoot: '/nonexistent' });
    const url = server.url;
    const first = await fetch(`${url}/api/stories/1/dossier?wait=0`);
    assert.equal(first.status, 202, 'a build that cannot finish at once is answered "building"');
    assert.equal(first.headers.get('x-dossier-status'), 'building');
    assert.ok(Number(first.headers.get('retry-after')) > 0);
    const body = await json<{ status: string; storyId: number; storyVersion: number; dossierVersion: number | null }>(first);
    assert.deepEqual({ ...body, storyVersion: 0 }, { status: 'building', storyId: 1, storyVersion: 0, dossierVersion: null, retryAfterSeconds: 2 });

    // While the build runs, other requests are served: health says a build is running.
    const health = await json<Health>(await fetch(`${url}/api/health`));
    assert.equal(health.status, 'ok');
    assert.equal(health.dossierBuilds.running, 1, 'health answered while the build was running');
    const list = await fetch(`${url}/api/stories`);
    assert.equal(list.status, 200);
    const again = await json<Health>(await fetch(`${url}/api/health`));
    assert.ok(again.dossierBuilds.running + again.dossierBuilds.queued <= 1, 'asking again did not start a second build');
    assert.equal(server.app.triangulate.dossiers.started.get(1), 1);

    const done = await fetchWhenBuilt(`${url}/api/stories/1/dossier?wait=60000`);
    assert.equal(done.status, 200);
    const dossier = await json<Dossier>(done);
    assert.deepEqual(schemaErrors(dossier), []);
    assert.equal(dossier.articles.length, 150);
    assert.equal(new Set(dossier.articles.map((a) => a.id)).size, 150, 'article ids are distinct');
  } finally {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a story that changes while it builds: 202 with the last version, and builds are coalesced', async () => {
  const server = await startServer({ from: [examples], port: 0, warmDossiers: false, webRoot: '/nonexistent', dossierBuildDelayMs: 1500, dossierThreads: 1 });
  try {
    const { url, store } = server;
    const storyId = (await json<{ stories: { id: number }[] }>(await fetch(`${url}/api/stories`))).stories[0].id;
    const v1 = await fetchWhenBuilt(`${url}/api/stories/${storyId}/dossier?wait=60000`);
    assert.equal(v1.status, 200);
    const version1 = Number(v1.headers.get('x-dossier-version'));
    assert.equal((await json<Dossier>(v1)).articles.length, 4);

    // Three new articles arrive, one request after each: one build runs, one more is pending, never more.
    const started = () => server.app.triangulate.dossiers.started.get(storyId) ?? 0;
    for (let i = 0; i < 3; i++) {
      await addSynthetic(store, storyId, 1, 100 + i);
      const stale = await fetch(`${url}/api/stories/${storyId}/dossier?wait=0`);
      assert.equal(stale.status, 202);
      assert.equal(stale.headers.get('x-dossier-status'), 'building');
      assert.equal(Number(stale.headers.get('x-dossier-version')), version1, 'the body is the last version built');
      assert.ok(Number(stale.headers.get('x-story-version')) > version1, 'and the headers say a newer one exists');
      const previous = await json<Dossier>(stale);
      assert.equal(previous.articles.length, 4, 'the previous dossier, complete');
      assert.deepEqual(schemaErrors(previous), []);
    }
    assert.ok(started() <= 3, `at most one running and one pending build (started ${started()})`);
    const health = await json<Health>(await fetch(`${url}/api/health`));
    assert.ok(health.dossierBuilds.running + health.dossierBuilds.queued <= 1);

    const latest = await fetchWhenBuilt(`${url}/api/stories/${storyId}/dossier?wait=60000`);
    assert.equal(latest.status, 200);
    assert.equal(latest.headers.get('x-dossier-version'), latest.headers.get('x-story-version'));
    assert.equal((await json<Dossier>(latest)).articles.length, 7, 'the final build has every article');
    assert.ok(started() <= 3, `builds coalesced: ${started()} started for 3 changes`);
  } finally {
    await server.close();
  }
});

test('a dossier analyses at most maxDossierArticles, chosen across outlets, and says so', async () => {
  const server = await startServer({ db: ':memory:', port: 0, warmDossiers: false, webRoot: '/nonexistent', maxDossierArticles: 12 });
  try {
    await addSynthetic(server.store, 1, 30);
    const response = await fetchWhenBuilt(`${server.url}/api/stories/1/dossier?wait=60000`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-dossier-articles'), '12');
    assert.equal(response.headers.get('x-story-articles'), '30');
    const dossier = await json<Dossier>(response);
    assert.equal(dossier.articles.length, 12);
    assert.equal(new Set(dossier.articles.map((a) => a.outlet)).size, 9, 'every outlet is represented');
    assert.ok(dossier.problems.some((p) => /analyses 12 of the story's 30 articles/.test(p.reason)), 'the dossier says it is a selection');
    const list = await json<{ stories: { analysis: { articles: number } | null }[] }>(await fetch(`${server.url}/api/stories`));
    assert.equal(list.stories[0].analysis?.articles, 12);
  } finally {
    await server.close();
  }
});

test('selection keeps story order and prefers the newest of each outlet; ids stay distinct without taking a given id', () => {
  const article = (id: string, outlet: string, publishedAt: string, origin = id) =>
    ({ article: { id, origin, outlet, publishedAt, url: null, title: null, byline: null, credits: [], text: 'x', removed: [], diagnostics: [] } });
  const items = [article('a1', 'A', '2025-01-01'), article('a2', 'A', '2025-01-03'), article('b1', 'B', '2025-01-02'), article('a3', 'A', '2025-01-05')];
  assert.deepEqual(selectArticles(items, 2).map((i) => i.article.id), ['b1', 'a3']);
  assert.deepEqual(selectArticles(items, 3).map((i) => i.article.id), ['a2', 'b1', 'a3']);
  // "report" derived from its origin twice, and a record that named itself "report-2": the given id is kept.
  const ids = distinctIds([
    article('report', 'A', '', 'https://a.example/report.html').article,
    article('report', 'B', '', 'https://b.example/report.html').article,
    article('report-2', 'C', '', 'feed.jsonl#3').article,
  ]).map((a) => a.id);
  assert.deepEqual(ids, ['report', 'report-3', 'report-2']);
});

test('a large story that grows is re-indexed for search off the event loop, one re-index at a time', async () => {
  const store = await openStore(':memory:');
  try {
    await addSynthetic(store, 1, OFFLOAD_ARTICLES + 1);
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const catalog = new StoryCatalog(store, 0, async (id, known) => {
      calls++;
      await gate;
      return readStoryDelta(store, id, new Set(known));
    });
    await catalog.refresh(true);
    assert.equal(calls, 0, 'the first index is built in place');
    const late = async (word: string) => {
      const put = await store.putArticle(cleanArticle(readRecord({ text: `A late report from the ${word} quay, where the harbour officials met on Friday.`, title: `Late ${word}` }, `late-${word}`)));
      if (put.status === 'stored') await store.setArticleStory(put.id, 1);
    };
    await late('zanzibarian');
    await catalog.refresh(true);
    assert.equal(calls, 1);
    assert.equal(catalog.get(1)!.summary.articleCount, OFFLOAD_ARTICLES + 2, 'counts change at once');
    assert.equal(catalog.search({ text: 'zanzibarian' }).total, 0, 'words arrive when the worker is done');
    await late('quokkaville');
    await catalog.refresh(true);
    assert.equal(calls, 1, 'no second re-index while one runs');
    release();
    await waitFor('the second re-index to land', () => catalog.search({ text: 'quokkaville' }).total > 0, { everyMs: 10 });
    assert.equal(calls, 2, 'one more re-index covers what changed meanwhile');
    assert.equal(catalog.search({ text: 'zanzibarian' }).total, 1);
    assert.equal(catalog.search({ text: 'quokkaville' }).total, 1);
    assert.equal(catalog.search({ text: 'harbour' }).total, 1, 'earlier words are kept');
  } finally {
    await store.close();
  }
});
