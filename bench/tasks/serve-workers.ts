// Does a server over PostgreSQL stay responsive while workers rebuild dossiers next to it? A store holds a
// few hundred synthetic articles in about 50 stories (stream.ts's generator: real sentences from
// ../shared/eval, known stories); `triangulate serve --store URL` and `triangulate worker` run as their own
// processes (the real CLI). autocannon loads the story list and one cached dossier with the workers idle,
// then under three busy conditions: rebuilds alone (saved dossiers of other stories deleted and their
// rebuilds queued, nothing for the server to re-index), edits through the API (hide/restore an article of
// other stories: versions move, the server re-indexes and queues the rebuilds), and rebuilds alone with the
// workers at `nice 10`. Goal: p99 busy within 1.5x of idle. Env: SERVE_WORKERS_ARTICLES (default 400),
// SERVE_WORKERS_SECONDS (8), SERVE_WORKERS_COUNT (2), TRIANGULATE_BENCH_POSTGRES (see queue.ts).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { openStore } from '../../src/store/index.js';
import type { PostgresStore } from '../../src/store/postgres.js';
import { ingestSources } from '../../src/ingest/index.js';
import { ensureJobsSchema } from '../../src/jobs/schema.js';
import { JobQueue, QUEUE_SCHEMA } from '../../src/jobs/queue.js';
import { requestDossier } from '../../src/jobs/dossiers.js';
import { QUEUES } from '../../src/jobs/names.js';
import { createTestDatabase } from '../../test/postgres.js';
import { markdownTable } from '../util.js';
import { sentencePool, syntheticStream } from './stream.js';
import { benchPostgres, startWorkers, stopWorkers } from './queue.js';
import { startServe } from './serve-building.js';

const ARTICLES = Number(process.env.SERVE_WORKERS_ARTICLES ?? 400);
const DURATION_S = Number(process.env.SERVE_WORKERS_SECONDS ?? 8);
const WORKERS = Number(process.env.SERVE_WORKERS_COUNT ?? 2);
const CONNECTIONS = 50;
/** Stories whose versions the busy loop moves (each hide or restore makes the server queue a rebuild). */
const CHURN_STORIES = 8;
/** Milliseconds between two hide/restore calls of the busy loop: enough to keep every worker building. */
const CHURN_EVERY_MS = 150;


/** Dossier builds by state, from pg-boss's tables (completed jobs may already be archived). */
async function dossierJobs(store: PostgresStore): Promise<{ waiting: number; completed: number }> {
  const [row] = await store.query<{ waiting: string; completed: string }>(
    `SELECT COUNT(*) FILTER (WHERE state IN ('created', 'retry', 'active')) AS waiting, COUNT(*) FILTER (WHERE state = 'completed') AS completed FROM (
       SELECT state::text AS state FROM ${QUEUE_SCHEMA}.job WHERE name = $1
       UNION ALL SELECT state::text FROM ${QUEUE_SCHEMA}.archive WHERE name = $1) j`,
    [QUEUES.dossier],
  );
  return { waiting: Number(row.waiting), completed: Number(row.completed) };
}

/** Waits until no dossier build waits or runs (the server warms the newest stories' dossiers at start). */
async function quiet(store: PostgresStore): Promise<void> {
  const deadline = Date.now() + 300_000;
  while ((await dossierJobs(store)).waiting > 0) {
    if (Date.now() > deadline) throw new Error('dossier builds still waiting after 5 minutes');
    await new Promise((r) => setTimeout(r, 250));
  }
}

// Peak resident memory of a process (Linux /proc; "n/a" elsewhere).
function peakRss(pid: number | undefined): string {
  try {
    const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Number.isFinite(kb) ? `${Math.round(kb / 1024)} MB` : 'n/a';
  } catch {
    return 'n/a';
  }
}

/**
 * Hides and restores one article of each of `articles`' stories in turn, through the API, until stopped.
 * Resolves with the number of calls made and those that failed.
 */
function churn(url: string, articles: number[]): { stop(): Promise<{ calls: number; failed: number }> } {
  let running = true;
  let calls = 0;
  let failed = 0;
  const loop = (async () => {
    for (let round = 0; running; round++) {
      const id = articles[round % articles.length];
      const hide = Math.floor(round / articles.length) % 2 === 0;
      const response = await fetch(hide ? `${url}/api/articles/${id}` : `${url}/api/articles/${id}/restore`, { method: hide ? 'DELETE' : 'POST' });
      await response.arrayBuffer();
      calls++;
      if (!response.ok) failed++;
      await new Promise((r) => setTimeout(r, CHURN_EVERY_MS));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { calls, failed };
    },
  };
}

type Result = autocannon.Result;

function cells(result: Result): string[] {
  const failures = result.errors + result.timeouts + result.non2xx;
  return [Math.round(result.requests.average).toLocaleString('en-US'), `${result.latency.p50} ms`, `${result.latency.p99} ms`, `${result.latency.max} ms`, String(failures)];
}

/** Runs the measurement; returns a Markdown section (or one line saying why it was skipped). */
export async function run(): Promise<string> {
  const pool = sentencePool();
  if (pool.length < 100) return 'serve-workers bench skipped: no sentences available (../shared/eval and ../shared/seeds are absent)';
  const server = await benchPostgres();
  if ('skip' in server) return `serve-workers bench skipped: ${server.skip}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'triangulate-serve-workers-'));
  const database = await createTestDatabase(server.url);
  const store = (await openStore(database.url)) as PostgresStore;
  let workers: ChildProcess[] = [];
  let serve: ChildProcess | undefined;
  try {
    const file = path.join(dir, 'articles.jsonl');
    writeFileSync(file, [...syntheticStream(pool, ARTICLES)].map((a) => JSON.stringify({ title: a.title, text: a.text, publishedAt: a.publishedAt, url: a.url })).join('\n'));
    // Stored directly (the queue's own throughput is queue.ts's business): the same stories either way.
    const loaded = await ingestSources(store, [file]);
    await ensureJobsSchema(store);
    // Workers first: a server that finds none alive builds dossiers itself, which is not what is measured.
    workers = await startWorkers(store, database.url, WORKERS);
    const running = await startServe(database.url);
    serve = running.child;
    const { url } = running;
    const stories = (await store.listStories({ limit: -1 })).sort((a, b) => b.articleCount - a.articleCount || a.id - b.id);
    const cached = stories[0];
    const churned = stories.slice(1).filter((s) => s.articleCount >= 3).slice(0, CHURN_STORIES);
    const churnArticles = await Promise.all(churned.map(async (s) => (await store.storyArticles(s.id))[0].id));
    const dossierUrl = `${url}/api/stories/${cached.id}/dossier`;
    for (;;) {
      const response = await fetch(`${dossierUrl}?wait=30000`);
      await response.arrayBuffer();
      if (response.status === 200) break;
    }
    await quiet(store);

    const dossierBytes = (await (await fetch(dossierUrl)).arrayBuffer()).byteLength;

    const load = (target: string) => autocannon({ url: target, connections: CONNECTIONS, duration: DURATION_S });
    const rows: string[][] = [];
    const ratios: string[] = [];
    const notes: string[] = [];
    const idleList = await load(`${url}/api/stories`);
    const idleDossier = await load(dossierUrl);
    rows.push(['/api/stories', 'idle', ...cells(idleList)], [`/api/stories/${cached.id}/dossier (cached)`, 'idle', ...cells(idleDossier)]);
    const ratio = (busy: Result, idle: Result) => `${(busy.latency.p99 / Math.max(1, idle.latency.p99)).toFixed(2)}x (p50 ${(busy.latency.p50 / Math.max(1, idle.latency.p50)).toFixed(2)}x)`;

    // One busy condition: `start` keeps the workers rebuilding while both endpoints are loaded in turn.
    const busy = async (label: string, start: () => { stop(): Promise<string> }) => {
      const before = await dossierJobs(store);
      const started = performance.now();
      const loop = start();
      // A second for the first rebuilds to be queued and taken before the load starts.
      await new Promise((r) => setTimeout(r, 1000));
      const list = await load(`${url}/api/stories`);
      const dossier = await load(dossierUrl);
      const made = await loop.stop();
      const seconds = (performance.now() - started) / 1000;
      const rebuilds = (await dossierJobs(store)).completed - before.completed;
      await quiet(store);
      rows.push(['/api/stories', label, ...cells(list)], [`/api/stories/${cached.id}/dossier (cached)`, label, ...cells(dossier)]);
      ratios.push(`- ${label}: story list ${ratio(list, idleList)}; cached dossier ${ratio(dossier, idleDossier)}`);
      notes.push(`- ${label}: ${made}; ${rebuilds} dossier rebuilds completed in the ${seconds.toFixed(0)} s window (${(rebuilds / seconds).toFixed(1)}/s)`);
    };
    const queue = await JobQueue.open(store);
    try {
      // Rebuilds alone: the saved dossiers of the churned stories are deleted behind the store's back (no
      // version change, so the server has nothing to re-index) and their rebuilds queued, as a server would.
      const rebuildOnly = () => {
        let running = true;
        let sent = 0;
        const loop = (async () => {
          for (let round = 0; running; round++) {
            const story = churned[round % churned.length].id;
            await store.query('DELETE FROM dossiers WHERE story_id = $1', [story]);
            if (await requestDossier(queue, story)) sent++;
            await new Promise((r) => setTimeout(r, CHURN_EVERY_MS));
          }
        })();
        return { stop: async () => ((running = false), await loop, `${sent} rebuild jobs sent over ${churned.length} stories (saved dossier deleted first)`) };
      };
      await busy(`rebuilds (${WORKERS} workers)`, rebuildOnly);
      await busy('edits via the API + rebuilds', () => {
        const loop = churn(url, churnArticles);
        return { stop: async () => { const c = await loop.stop(); return `${c.calls} hide/restore calls (${c.failed} failed) over ${churned.length} stories, one per ${CHURN_EVERY_MS} ms`; } };
      });
      // The same rebuilds with the workers at a lower CPU priority than the server.
      await stopWorkers(workers);
      workers = await startWorkers(store, database.url, WORKERS, { nice: 10 });
      await busy(`rebuilds (${WORKERS} workers at nice 10)`, rebuildOnly);
    } finally {
      await queue.stop({ graceful: false, timeoutMs: 1000 });
    }

    const setup =
      `${loaded.stored} synthetic articles in ${stories.length} stories; cached dossier of story ${cached.id} (${cached.articleCount} articles, ${Math.round(dossierBytes / 1024)} KB); ` +
      `${WORKERS} worker processes; server peak memory ${peakRss(serve.pid)}`;
    return (
      `\n## Server over PostgreSQL while workers rebuild dossiers (autocannon, ${CONNECTIONS} connections, ${DURATION_S} s each; 2 cores shared by PostgreSQL, the server, the workers and the load generator)\n\n` +
      `${setup}\n\n${markdownTable(['endpoint', 'condition', 'requests/s', 'p50', 'p99', 'max', 'failed'], rows)}\n\n` +
      `p99 busy / idle (goal ≤ 1.5x):\n${ratios.join('\n')}\n\nBusy windows:\n${notes.join('\n')}\n`
    );
  } finally {
    // The server first: its queued builds must not outlive the workers' database.
    if (serve) await stopWorkers([serve]);
    await stopWorkers(workers);
    await store.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
