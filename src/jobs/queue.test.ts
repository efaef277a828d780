// The job system as a user running several workers would check it: real `triangulate worker` processes on
// one PostgreSQL store, killed and stopped like in production. Skips with the reason when no PostgreSQL
// server can be had (see test/postgres.ts), and when the synthetic articles' sentence pool is missing.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { createTestDatabase, testPostgres } from '../../test/postgres.js';
import { killAll, killWorker, runCli, spawnWorker, sql, storyPartition, terminateWorker, waitFor, type WorkerProcess } from '../../test/worker-process.js';
import { sentencePool, syntheticStream } from '../../bench/tasks/stream.js';
import { SqliteStore } from '../store/index.js';
import { PostgresStore } from '../store/postgres.js';
import { ingestSources } from '../ingest/index.js';
import { ingestThroughQueue } from './client.js';
import { runProgress } from './intake.js';
import { queueStatus } from './status.js';
import { Worker } from './worker.js';
import { describeStatus } from '../cli/commands/status.js';
import { JobQueue, QUEUE_SCHEMA } from './queue.js';

const server = await testPostgres();
const skip = 'skip' in server ? server.skip : false;

/**
 * Runs `fn` with a new empty database and a store open on it; both are closed and dropped afterwards. The job
 * queue's tables are installed first, by one process: processes installing them at once is a test of its own
 * (see 'several processes opening the queue of a new database at once').
 */
async function withDatabase(fn: (url: string, store: PostgresStore) => Promise<void>): Promise<void> {
  if ('skip' in server) throw new Error(server.skip);
  const database = await createTestDatabase(server.url);
  const store = await PostgresStore.open(database.url);
  try {
    await (await JobQueue.open(store)).stop({ graceful: false });
    await fn(database.url, store);
  } finally {
    await store.close().catch(() => undefined);
    await database.drop();
  }
}

/** Runs `fn` with a new temporary folder, removed afterwards. */
async function withTempDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'triangulate-jobs-'));
  try {
    await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The one run id of the store's intake (tests queue one run at a time). */
async function onlyRunId(store: PostgresStore): Promise<string> {
  const rows = await store.query<{ run_id: string }>('SELECT DISTINCT run_id FROM intake_batches');
  assert.equal(rows.length, 1, `one run queued, found ${rows.map((r) => r.run_id).join(', ')}`);
  return rows[0].run_id;
}

async function intakeStates(store: PostgresStore): Promise<Record<string, number>> {
  const rows = await store.query<{ state: string; n: string }>('SELECT state, COUNT(*) AS n FROM intake GROUP BY state ORDER BY state');
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}

async function storedUrls(store: PostgresStore): Promise<string[]> {
  // Straight from the table: every stored row, hidden or not, whatever the stories say.
  const rows = await store.query<{ url: string | null }>('SELECT url FROM articles ORDER BY id');
  return rows.map((r) => r.url ?? '(no url)');
}

const POOL = sentencePool();
const noPool = POOL.length < 100 ? 'no sentences for synthetic articles (../shared/eval and ../shared/seeds are absent)' : false;

// Timeouts and waits here are deadlines against a hang, sized for a loaded 2-core CI machine, where starting
// one worker process takes up to half a minute and one ingest of 2,000 articles about a minute.

test('jobs: three worker processes store 2,000 articles exactly once, in the same stories as one worker and as SQLite', { skip: skip || noPool, timeout: 600_000 }, async () => {
  await withTempDir(async (dir) => {
  const file = path.join(dir, 'stream.jsonl');
  const articles = [...syntheticStream(POOL, 2000)];
  writeFileSync(file, articles.map((a) => JSON.stringify({ title: a.title, text: a.text, publishedAt: a.publishedAt, url: a.url })).join('\n'));

  // The single-process reference.
  const sqlite = new SqliteStore(path.join(dir, 'reference.db'));
  const reference = await ingestSources(sqlite, [file]);
  assert.equal(reference.stored, 2000);
  const expected = await storyPartition(sqlite);
  await sqlite.close();
  assert.ok(expected.length > 50 && expected.length < 2000, `a partition worth comparing (${expected.length} stories)`);

  let three: string[] = [];
  await withDatabase(async (url, store) => {
    const workers: WorkerProcess[] = [];
    try {
      workers.push(...(await Promise.all([spawnWorker(url), spawnWorker(url), spawnWorker(url)])));
      const queued = await ingestThroughQueue(store, [file], { noWait: true });
      assert.equal(queued.read, 2000);
      const runId = await onlyRunId(store);
      const progress = await waitFor('every batch assigned', async () => {
        const p = await runProgress(store, runId);
        return p.assigned === p.batches ? p : null;
      }, { timeoutMs: 300_000, everyMs: 250 });
      assert.equal(progress.summary.stored, 2000);
      assert.equal(progress.summary.duplicates, 0);
      assert.deepEqual(progress.problems, []);
      assert.equal(await store.articleCount(), 2000);
      const urls = await storedUrls(store);
      assert.equal(new Set(urls).size, 2000, 'every URL stored once');
      assert.deepEqual(await intakeStates(store), { done: 2000 });
      // All three took prepare jobs (the work was shared), and exactly one assigner stored batches at a time.
      const done = await store.query<{ pid: number; jobs_done: string }>('SELECT pid, jobs_done FROM workers');
      assert.equal(done.length, 3);
      three = await storyPartition(store);

      // The same file again: nothing new.
      const again = await ingestThroughQueue(store, [file]);
      assert.equal(again.stored, 0);
      assert.equal(again.duplicates, 2000);
      assert.equal(await store.articleCount(), 2000);

     
      const codes = await Promise.all(workers.map(terminateWorker));
      assert.deepEqual(codes, [0, 0, 0], workers.map((w) => w.stderr()).join('\n'));
    } finally {
      await killAll(workers);
    }
  });
  assert.equal(three.length, expected.length, 'as many stories with three workers as with SQLite');
  assert.deepEqual(three, expected, 'three workers: the same stories as the single-process SQLite run');

  await withDatabase(async (_url, store) => {
    const worker = await Worker.start(store);
    try {
      const summary = await ingestThroughQueue(store, [file]);
      assert.equal(summary.stored, 2000);
      assert.deepEqual(await storyPartition(store), three, 'one worker: the same stories as three');
    } finally {
      await worker.stop();
    }
  });
  });
});

/** A local site: a feed of `items` teasers whose pages answer after `delayMs`; counts requests per path. */
async function slowSite(items: number, delayMs: number): Promise<{ url: string; hits: Map<string, number>; close(): Promise<void> }> {
  const hits = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/feed.xml') {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const entries = Array.from({ length: items }, (_, i) =>
        `<item><title>Harbour report ${i}</title><link>${base}/story/${i}</link><pubDate>Mon, 0${1 + (i % 9)} Jan 2024 10:00:00 GMT</pubDate><description>Teaser ${i}.</description></item>`,
      );
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Slow Gazette</title><link>${base}/</link>${entries.join('')}</channel></rss>`);
      return;
    }
    const match = /^\/story\/(\d+)$/.exec(path);
    if (!match) {
      response.writeHead(404).end();
      return;
    }
    const n = Number(match[1]);
    const sentences = POOL.length >= 100 ? POOL.slice(n * 12, n * 12 + 12) : Array.from({ length: 12 }, (_, k) => `Sentence ${k} of the harbour report number ${n}, told at some length for the reader.`);
    setTimeout(() => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html><head><title>Harbour report ${n}</title></head><body><article><h1>Harbour report ${n}</h1>${sentences.map((s) => `<p>${s}</p>`).join('')}</article></body></html>`);
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

async function activePrepareJobs(store: PostgresStore): Promise<number> {
  const [row] = await store.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${QUEUE_SCHEMA}.job WHERE name = 'article-prepare' AND state = 'active'`);
  return Number(row.n);
}

test('jobs: a worker killed with SIGKILL in the middle of a job loses and duplicates nothing; its job is retried elsewhere', { skip, timeout: 240_000 }, async () => {
  // One prepare job of 3 pages taking 1 s each: with the cleaning (and, in a new worker, loading the language
  // models) still well under the 15 s lease on a loaded machine, so only a dead worker's job expires.
  const site = await slowSite(3, 1000);
  try {
    await withDatabase(async (url, store) => {
      const workers: WorkerProcess[] = [];
      try {
        const a = await spawnWorker(url, { lease: '15s', args: ['--allow-private'] });
        workers.push(a);
        await ingestThroughQueue(store, [`${site.url}/feed.xml`], { noWait: true, allowPrivate: true });
        const runId = await onlyRunId(store);
        await waitFor('a prepare job active on worker A', () => activePrepareJobs(store));
        await killWorker(a);
        // B is started like A (a short lease also makes it look for abandoned jobs every 5 s).
        const b = await spawnWorker(url, { lease: '15s', args: ['--allow-private'] });
        workers.push(b);
        const progress = await waitFor('every batch assigned', async () => {
          const p = await runProgress(store, runId);
          return p.batches > 0 && p.assigned === p.batches ? p : null;
        }, { timeoutMs: 180_000, everyMs: 200 });
        await waitFor('the prepare job completed', async () => (await store.query(`SELECT 1 FROM ${QUEUE_SCHEMA}.job WHERE name = 'article-prepare' AND state = 'completed'`)).length > 0);
        assert.equal(progress.summary.stored, 3);
        assert.deepEqual(progress.problems, []);
        assert.equal(await store.articleCount(), 3);
        // Compared by path: the store normalises the scheme of the URLs it keeps.
        const paths = (await storedUrls(store)).map((u) => new URL(u).pathname).sort();
        assert.deepEqual(paths, [0, 1, 2].map((i) => `/story/${i}`));
        assert.deepEqual(await intakeStates(store), { done: 3 });
        const jobs = await store.query<{ state: string; retry_count: number }>(`SELECT state::text AS state, retry_count FROM ${QUEUE_SCHEMA}.job WHERE name = 'article-prepare'`);
        assert.equal(jobs.length, 1, 'one prepare job (3 items)');
        assert.equal(jobs[0].state, 'completed');
        assert.ok(jobs[0].retry_count >= 1, `the killed job was retried (retry_count ${jobs[0].retry_count})`);

        // A cannot say it died; it shows as not alive once its heartbeat is stale. Rather than wait for that,
        // its last heartbeat is moved back by the staleness window (A is dead: it will never write it again).
        await sql(url, `UPDATE workers SET last_seen = last_seen - interval '1 minute' WHERE id = $1`, [a.id]);
        const status = await queueStatus(store);
        const rowA = status.workers.find((w) => w.id === a.id);
        const rowB = status.workers.find((w) => w.id === b.id);
        assert.ok(rowA && !rowA.alive, 'A is shown as not alive');
        assert.ok(rowB && rowB.alive, 'B is alive');
        // What `triangulate status` prints of them (the command itself is run in cli.test.ts).
        const text = describeStatus(status, url);
        assert.match(text, /workers alive: 1\n/);
        assert.match(text, new RegExp(`${a.id.slice(0, 8)} .* pid ${a.pid}: not seen since`));
        assert.equal(await terminateWorker(b), 0);
      } finally {
        await killAll(workers);
      }
    });
  } finally {
    await site.close();
  }
});

test('jobs: SIGTERM lets a worker finish the job in hand, exit 0 and say it stopped', { skip, timeout: 180_000 }, async () => {
  const site = await slowSite(3, 1000);
  try {
    await withDatabase(async (url, store) => {
      const workers: WorkerProcess[] = [];
      try {
        const a = await spawnWorker(url, { args: ['--allow-private'] });
        workers.push(a);
        await ingestThroughQueue(store, [`${site.url}/feed.xml`], { noWait: true, allowPrivate: true });
        await waitFor('a prepare job active', () => activePrepareJobs(store));
        assert.equal(await terminateWorker(a), 0, a.stderr());
        const jobs = await store.query<{ state: string; retry_count: number }>(`SELECT state::text AS state, retry_count FROM ${QUEUE_SCHEMA}.job WHERE name = 'article-prepare'`);
        assert.deepEqual(jobs, [{ state: 'completed', retry_count: 0 }], 'the job in hand was finished, not left to be retried');
        const states = await intakeStates(store);
        assert.equal(states.queued ?? 0, 0, `every item prepared before the exit: ${JSON.stringify(states)}`);
        const [row] = await store.query<{ state: string; current_job: string | null }>('SELECT state, current_job FROM workers WHERE id = $1', [a.id]);
        assert.deepEqual(row, { state: 'stopped', current_job: null });
        // Nothing was lost on the way out: another worker stores what A prepared, once.
        const worker = await Worker.start(store);
        try {
          const runId = await onlyRunId(store);
          await waitFor('the batch assigned', async () => {
            const p = await runProgress(store, runId);
            return p.assigned === p.batches;
          });
        } finally {
          await worker.stop();
        }
        assert.equal(await store.articleCount(), 3);
        assert.deepEqual(await intakeStates(store), { done: 3 });
      } finally {
        await killAll(workers);
      }
    });
  } finally {
    await site.close();
  }
});

test('jobs: two watchers of one feed in the same interval make one fetch, and its items are stored once', { skip, timeout: 180_000 }, async () => {
  const site = await slowSite(3, 0);
  try {
    await withDatabase(async (url, store) => {
      const feed = `${site.url}/feed.xml`;
      // Two watcher processes at once; --every 1h so both fall in the same interval.
      const [one, two] = await Promise.all([
        runCli(['watch', '--once', '--every', '1h', '--allow-private', '--store', url, feed]),
        runCli(['watch', '--once', '--every', '1h', '--allow-private', '--store', url, feed]),
      ]);
      // No worker runs yet: --once says so and exits 1 (a cron job must notice), the polls stay queued.
      assert.equal(one.code, 1, one.stderr);
      assert.equal(two.code, 1, two.stderr);
      assert.match(one.stderr, /no worker is running/);
      assert.equal(site.hits.get('/feed.xml') ?? 0, 0, 'watchers only schedule; workers fetch');
      assert.match(one.stderr + two.stderr, /already scheduled for this interval/);
      const worker = await Worker.start(store, { allowPrivate: true });
      try {
        await waitFor('the feed items stored', async () => (await store.articleCount()) >= 3 && (await store.query(`SELECT 1 FROM intake_batches WHERE assigned_at IS NULL`)).length === 0);
        // Polls this interval once more, as a third watcher would: still the one fetch.
        const { scheduleFeedPolls } = await import('./feeds.js');
        assert.equal(await scheduleFeedPolls(worker.queue, [feed], 3600), 0);
      } finally {
        await worker.stop();
      }
      assert.equal(site.hits.get('/feed.xml'), 1, 'the feed was fetched once');
      const polls = await store.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${QUEUE_SCHEMA}.job WHERE name = 'feed-poll'`);
      assert.equal(Number(polls[0].n), 1);
      assert.equal(await store.articleCount(), 3);
      assert.equal(new Set(await storedUrls(store)).size, 3);
      for (let i = 0; i < 3; i++) assert.equal(site.hits.get(`/story/${i}`), 1, `page ${i} fetched once`);
    });
  } finally {
    await site.close();
  }
});

test('jobs: watch --once waits for the workers and names a feed that failed, exit 1 when none could be read', { skip, timeout: 180_000 }, async () => {
  const site = await slowSite(1, 0);
  try {
    await withDatabase(async (url, store) => {
      const worker = await Worker.start(store, { allowPrivate: true });
      try {
        const missing = `${site.url}/missing.xml`;
        const bad = await runCli(['watch', '--once', '--every', '1h', '--store', url, missing]);
        assert.equal(bad.code, 1, bad.stderr);
        assert.match(bad.stderr, /missing\.xml: .*404/);
        const good = await runCli(['watch', '--once', '--every', '1h', '--store', url, `${site.url}/feed.xml`, missing]);
        // One of two feeds answered: exit 0; the one in backoff is still named.
        assert.equal(good.code, 0, good.stderr);
        assert.match(good.stderr, /missing\.xml/);
        const status = await runCli(['status', '--store', url]);
        assert.match(status.stdout, /feeds failing[\s\S]*missing\.xml: 1 failure, last [^:]+:\d\d:[^:]+: HTTP 404;/);
      } finally {
        await worker.stop();
      }
    });
  } finally {
    await site.close();
  }
});

test('jobs: several processes opening the queue of a new database at once all start', { skip, timeout: 180_000 }, async () => {
  if ('skip' in server) return;
  // What `docker compose up` with three workers and a server does to a new database.
  for (let round = 0; round < 3; round++) {
    const database = await createTestDatabase(server.url);
    const stores = await Promise.all([1, 2, 3, 4].map(() => PostgresStore.open(database.url)));
    try {
      const opened = await Promise.allSettled(stores.map((s) => JobQueue.open(s)));
      for (const o of opened) if (o.status === 'fulfilled') await o.value.stop({ graceful: false });
      const failures = opened.flatMap((o) => (o.status === 'rejected' ? [String((o.reason as Error).message).split('\n')[0]] : []));
      assert.deepEqual(failures, [], `round ${round}`);
    } finally {
      for (const s of stores) await s.close();
      await database.drop();
    }
  }
});
