// The job system from the outside: `triangulate status` and `triangulate ingest` run as processes against a
// PostgreSQL store, problems of a queued run, and servers over PostgreSQL with a worker building dossiers.
// Skips with the reason when no PostgreSQL server can be had (see test/postgres.ts).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { createTestDatabase, testPostgres } from '../../test/postgres.js';
import { killAll, runCli, spawnWorker, terminateWorker, waitFor, type WorkerProcess } from '../../test/worker-process.js';
import { BUILD_TIMEOUT_MS } from '../../test/wait.js';
import { sentencePool, syntheticStream } from '../../bench/tasks/stream.js';
import { PostgresStore } from '../store/postgres.js';
import { startServer, type RunningServer } from '../server/index.js';
import { ingestThroughQueue } from './client.js';
import { JobQueue, QUEUE_SCHEMA } from './queue.js';
import type { QueueStatus } from './status.js';
import { Worker } from './worker.js';

const server = await testPostgres();
const skip = 'skip' in server ? server.skip : false;
const POOL = sentencePool();
const noPool = POOL.length < 100 ? 'no sentences for synthetic articles (../shared/eval and ../shared/seeds are absent)' : false;
// Timeouts and waits here are deadlines against a hang, sized for a loaded 2-core CI machine, where each CLI
// process run takes up to ten seconds to start, and a server's own dossier build (a thread at nice +10) minutes.

/** Runs `fn` with a new database (job tables installed), a store on it and a temporary folder; all removed afterwards. */
async function withDatabase(fn: (url: string, store: PostgresStore, dir: string) => Promise<void>): Promise<void> {
  if ('skip' in server) throw new Error(server.skip);
  const database = await createTestDatabase(server.url);
  const store = await PostgresStore.open(database.url);
  const dir = mkdtempSync(path.join(tmpdir(), 'triangulate-jobs-cli-'));
  try {
    await (await JobQueue.open(store)).stop({ graceful: false });
    await fn(database.url, store, dir);
  } finally {
    await store.close().catch(() => undefined);
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `count` synthetic articles (real sentences, known stories) as JSONL lines. */
function articleLines(count: number): string[] {
  return [...syntheticStream(POOL, count)].map((a) => JSON.stringify({ title: a.title, text: a.text, publishedAt: a.publishedAt, url: a.url }));
}

async function jobStates(store: PostgresStore, name: string): Promise<string[]> {
  return (await store.query<{ state: string }>(`SELECT state::text AS state FROM ${QUEUE_SCHEMA}.job WHERE name = $1 ORDER BY created_on`, [name])).map((r) => r.state);
}

test('jobs cli: status shows queue depths, a failed job with its error, the workers; --json; exit 1 when jobs wait with no worker', { skip: skip || noPool, timeout: 180_000 }, async () => {
  await withDatabase(async (url, store, dir) => {
    const file = path.join(dir, 'five.jsonl');
    writeFileSync(file, articleLines(5).join('\n'));
    await ingestThroughQueue(store, [file], { noWait: true });

    const idle = await runCli(['status', '--store', url]);
    assert.equal(idle.code, 1, 'jobs wait and no worker is alive');
    assert.match(idle.stdout, /^article-prepare\s+1\s+0\s+0\s+0\s+0\s+0$/m, idle.stdout);
    assert.match(idle.stdout, /story assignment: 1 batches waiting \(5 items not prepared yet\)/);
    assert.match(idle.stdout, /workers alive: 0/);

    // A job that fails: its items cannot even be looked up. No retries, so it fails (and is dead-lettered) at once.
    const queue = await JobQueue.open(store);
    const badId = await queue.boss.send('article-prepare', { seqs: ['not a sequence number'] }, { retryLimit: 0 });
    await queue.stop({ graceful: false });
    assert.ok(badId);
    const worker = await Worker.start(store);
    try {
      await waitFor('the bad job failed', async () => (await store.query(`SELECT 1 FROM ${QUEUE_SCHEMA}.job WHERE id = $1 AND state = 'failed'`, [badId])).length > 0);
      await waitFor('the good run stored', async () => (await store.articleCount()) === 5);

      const busy = await runCli(['status', '--store', url]);
      assert.equal(busy.code, 0, busy.stderr);
      assert.match(busy.stdout, /workers alive: 1\n/);
      assert.match(busy.stdout, new RegExp(`pid ${process.pid}: running`));
      assert.match(busy.stdout, /failed jobs \(newest first\):\n.* article-prepare [0-9a-f]{8} after 0 retries: .*invalid input syntax for type bigint/);
      assert.match(busy.stdout, /story assignment: up to date/);

      const json = await runCli(['status', '--json', '--store', url]);
      assert.equal(json.code, 0, json.stderr);
      const status = JSON.parse(json.stdout) as QueueStatus;
      const prepare = status.queues.find((q) => q.queue === 'article-prepare');
      assert.ok(prepare, json.stdout);
      assert.equal(prepare.completed, 1);
      assert.equal(prepare.failed, 1);
      assert.equal(status.failed[0].id, badId);
      assert.match(status.failed[0].error, /invalid input syntax for type bigint/);
      assert.deepEqual(status.failed[0].data, { seqs: ['not a sequence number'] });
      assert.equal(status.workers.filter((w) => w.alive).length, 1);
      assert.deepEqual(status.intake, { batchesWaiting: 0, itemsWaiting: 0, oldestWaitingSince: null });
    } finally {
      await worker.stop();
    }
  });
});

test('jobs cli: status exits 0 when nothing waits for a worker but a dead-lettered job', { skip: skip || noPool, timeout: 180_000 }, async () => {
  await withDatabase(async (url, store) => {
    const queue = await JobQueue.open(store);
    const badId = await queue.boss.send('article-prepare', { seqs: ['x'] }, { retryLimit: 0 });
    await queue.stop({ graceful: false });
    const worker = await Worker.start(store);
    try {
      await waitFor('the bad job failed', async () => (await store.query(`SELECT 1 FROM ${QUEUE_SCHEMA}.job WHERE id = $1 AND state = 'failed'`, [badId])).length > 0);
    } finally {
      await worker.stop();
    }
    // Everything is done; the failure is there for an operator to read, not for a worker to take.
    const after = await runCli(['status', '--store', url]);
    assert.match(after.stdout, /workers alive: 0/);
    assert.equal(after.code, 0, `a health check must not alert on a dead letter:\n${after.stdout}`);
  });
});

test('jobs cli: ingest --store with no worker running does the work itself and says so', { skip: skip || noPool, timeout: 180_000 }, async () => {
  await withDatabase(async (url, store, dir) => {
    const file = path.join(dir, 'twelve.jsonl');
    writeFileSync(file, articleLines(12).join('\n'));
    const run = await runCli(['ingest', '--store', url, file]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^no worker is running: this process does the work/m);
    const stories = (await store.listStories({ limit: 100 })).length;
    assert.match(run.stderr, new RegExp(`^12 new articles, ${stories} new stor(y|ies); store postgres://`, 'm'), run.stderr);
    assert.equal(await store.articleCount(), 12);
    // The stand-in worker is gone, and says so.
    const rows = await store.query<{ state: string; pid: number }>('SELECT state, pid FROM workers');
    assert.equal(rows.length, 1);
    assert.equal(rows[0].state, 'stopped');

    const again = await runCli(['ingest', '--store', url, file]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /^0 new articles, 12 already stored, 0 new stories; store /m, again.stderr);
  });
});

test('jobs cli: bad inputs of a queued run give one problem line each, and the rest is stored', { skip: skip || noPool, timeout: 180_000 }, async () => {
  await withDatabase(async (url, store, dir) => {
    const lines = articleLines(6);
    lines.splice(3, 0, JSON.stringify({ title: 'A headline and nothing else', url: 'https://news.example/empty' }));
    const jsonl = path.join(dir, 'mixed.jsonl');
    writeFileSync(jsonl, lines.join('\n'));
    const binary = path.join(dir, 'photo.txt');
    writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 151) % 256)));
    const workers: WorkerProcess[] = [];
    try {
      // A worker of its own, so the run really goes through the queue (the client only waits).
      workers.push(await spawnWorker(url));
      const problems: string[] = [];
      const summary = await ingestThroughQueue(store, [jsonl, binary], { onProblem: (origin, reason) => problems.push(`${origin} :: ${reason}`) });
      assert.equal(problems.length, 2, problems.join('\n'));
      assert.equal(problems.filter((p) => p.startsWith(`${jsonl}#4 :: `)).length, 1, `the text-less line, by its line number:\n${problems.join('\n')}`);
      assert.equal(problems.filter((p) => p.startsWith(`${binary} :: `)).length, 1, problems.join('\n'));
      assert.equal(summary.stored, 6);
      assert.equal(summary.problems, 2);
      assert.equal(await store.articleCount(), 6);
      assert.equal(await terminateWorker(workers[0]), 0);
      // Its counts are written with its heartbeat, and last when it stops.
      const [row] = await store.query<{ n: string }>(`SELECT COUNT(*) AS n FROM workers WHERE pid = $1 AND jobs_done > 0`, [workers[0].pid]);
      assert.equal(Number(row.n), 1, 'the worker process did the preparing');
    } finally {
      await killAll(workers);
    }
  });
});

async function getJson(url: string): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(url);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

async function storyList(server: RunningServer): Promise<{ id: number; articleCount: number }[]> {
  const { status, body } = await getJson(`${server.url}/api/stories?limit=100`);
  assert.equal(status, 200);
  return (body.stories as { id: number; articleCount: number }[]).map((s) => ({ id: s.id, articleCount: s.articleCount })).sort((a, b) => a.id - b.id);
}

async function dossierJobs(store: PostgresStore, storyId: number): Promise<string[]> {
  return (await store.query<{ state: string }>(`SELECT state::text AS state FROM ${QUEUE_SCHEMA}.job WHERE name = 'dossier-rebuild' AND (data->>'storyId')::int = $1`, [storyId])).map((r) => r.state);
}

test('jobs server: over PostgreSQL a worker builds the dossiers; two servers show the same stories and each other\'s edits', { skip: skip || noPool, timeout: 900_000 }, async () => {
  await withDatabase(async (url, store, dir) => {
    const file = path.join(dir, 'forty.jsonl');
    writeFileSync(file, articleLines(40).join('\n'));
    await ingestThroughQueue(store, [file]);
    const workers: WorkerProcess[] = [];
    const servers: RunningServer[] = [];
    try {
      workers.push(await spawnWorker(url));
      // Warming off: each dossier is built because a reader asked for it, so the test knows which.
      for (let i = 0; i < 2; i++) servers.push(await startServer({ db: url, port: 0, dossierThreads: 1, warmDossiers: false }));
      const [one, two] = servers;
      const listed = await storyList(one);
      assert.ok(listed.length >= 3, `stories listed: ${listed.length}`);
      assert.equal(listed.reduce((n, s) => n + s.articleCount, 0), 40);
      assert.deepEqual(await storyList(two), listed, 'both servers list the same stories');

      const story = [...listed].sort((a, b) => b.articleCount - a.articleCount)[0];
      assert.equal(await store.getLatestDossier(story.id), null);
      const first = await getJson(`${two.url}/api/stories/${story.id}/dossier?wait=0`);
      assert.ok(first.status === 202 || first.status === 200, `first answer ${first.status}`);
      const built = await waitFor('the dossier', async () => {
        const r = await getJson(`${two.url}/api/stories/${story.id}/dossier?wait=0`);
        assert.ok(r.status < 500, `dossier answer ${r.status}: ${JSON.stringify(r.body)}`);
        return r.status === 200 ? r : null;
      }, { timeoutMs: 120_000, everyMs: 250 });
      const version = (await store.getStory(story.id))!.version;
      assert.equal(built.headers.get('x-dossier-version'), String(version));
      assert.equal(built.body.storyId ?? story.id, story.id);
      // The worker built it: one job for this story, completed (a server still waiting after a few seconds asks
      // again only when no job of the story waits or runs), and the saved dossier is of the current version.
      const jobsAfterBuild = await waitFor('the dossier jobs to settle', async () => {
        const states = await dossierJobs(store, story.id);
        return states.every((s) => s === 'completed' || s === 'failed') ? states : null;
      });
      assert.deepEqual(jobsAfterBuild, ['completed']);
      assert.equal((await store.getLatestDossier(story.id))?.version, version);

      // An article hidden through one server is gone from the other's list.
      const detail = await getJson(`${one.url}/api/stories/${story.id}`);
      const hiddenId = (detail.body.articles as { id: number }[])[0].id;
      assert.equal(await terminateWorker(workers[0]), 0, 'the worker stops before the edit: the servers now build dossiers themselves');
      const hide = await fetch(`${one.url}/api/articles/${hiddenId}`, { method: 'DELETE' });
      assert.equal(hide.status, 200, await hide.text());
      const afterHide = await storyList(two);
      assert.equal(afterHide.find((s) => s.id === story.id)?.articleCount, story.articleCount - 1);
      assert.deepEqual(afterHide, await storyList(one));
      const detailTwo = await getJson(`${two.url}/api/stories/${story.id}`);
      assert.ok(!(detailTwo.body.articles as { id: number }[]).some((a) => a.id === hiddenId), 'the hidden article is not in the other server\'s story');

      // No worker alive: the server builds the new version's dossier itself (no job is queued for it).
      const newVersion = (await store.getStory(story.id))!.version;
      assert.ok(newVersion > version);
      const rebuilt = await waitFor('the rebuilt dossier', async () => {
        const r = await getJson(`${two.url}/api/stories/${story.id}/dossier?wait=0`);
        assert.ok(r.status < 500, `dossier answer ${r.status}: ${JSON.stringify(r.body)}`);
        return r.status === 200 && r.headers.get('x-dossier-version') === String(newVersion) ? r : null;
      }, { timeoutMs: BUILD_TIMEOUT_MS, everyMs: 250 });
      assert.equal(rebuilt.headers.get('x-story-articles'), String(story.articleCount - 1));
      assert.deepEqual(await dossierJobs(store, story.id), jobsAfterBuild, 'no job was queued with no worker alive');
      assert.equal((await store.getLatestDossier(story.id))?.version, newVersion);
    } finally {
      for (const s of servers) await s.close();
      await killAll(workers);
    }
  });
});
