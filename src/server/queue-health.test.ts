// GET /api/health over PostgreSQL shows the job queue (workers alive, jobs waiting and failed), read in the
// background so health answers at once; over SQLite it says there is no queue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, testPostgres } from '../../test/postgres.js';
import { killAll, spawnWorker, terminateWorker, waitFor, type WorkerProcess } from '../../test/worker-process.js';
import { startServer } from './index.js';
import { QueueHealthMonitor } from './queue-health.js';
import type { QueueSummary } from '../jobs/status.js';
import { ingestThroughQueue } from '../jobs/client.js';
import { PostgresStore } from '../store/postgres.js';

const server = await testPostgres();
const skip = 'skip' in server ? server.skip : false;

const EMPTY: QueueSummary = { waiting: 0, running: 0, expired: 0, failed: 0, workersAlive: 0, assignerAlive: false, intakeBatchesWaiting: 0, oldestWaitingSince: null };

async function health(url: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${url}/api/health`);
  assert.equal(response.status, 200);
  return (await response.json()) as Record<string, unknown>;
}

test('queue health: the last reading is served at once while a newer one is read; a failed read gives a generic reason', async () => {
  let reads = 0;
  let release = (): void => undefined;
  const monitor = new QueueHealthMonitor(async () => {
    reads++;
    if (reads === 2) await new Promise<void>((resolve) => (release = resolve));
    if (reads === 3) throw Object.assign(new Error('password authentication failed for user "secret-user"'), { code: '28P01' });
    return { ...EMPTY, waiting: reads };
    // Always stale (-1 ms): every request asks for a new reading, and waits 50 ms for it.
  }, -1, 50);
  const first = await monitor.current();
  assert.equal((first as QueueSummary).waiting, 1, 'the first reading');
  // The second read hangs: after its short wait, health answers with the first reading.
  const during = await monitor.current();
  assert.equal((during as QueueSummary).waiting, 1);
  release();
  await waitFor('the second reading', async () => ((await monitor.current()) as QueueSummary).waiting === 2 || null, { timeoutMs: 60_000, everyMs: 10 });
  const failed = await waitFor('the failed reading', async () => {
    const h = await monitor.current();
    return h && 'error' in h ? h : null;
  }, { timeoutMs: 60_000, everyMs: 10 });
  assert.equal(failed.error, 'the queue could not be read (code 28P01)');
  assert.doesNotMatch(JSON.stringify(failed), /secret-user/);
});

test('queue health: a request long after the last reading gets a new one, not the old one', async () => {
  let reads = 0;
  const monitor = new QueueHealthMonitor(async () => ({ ...EMPTY, workersAlive: 2 - Math.min(2, reads++) }), 20);
  assert.equal(((await monitor.current()) as QueueSummary).workersAlive, 2);
  await new Promise((resolve) => setTimeout(resolve, 60));
  // The workers stopped meanwhile: a monitor polling now must see it at once.
  assert.equal(((await monitor.current()) as QueueSummary).workersAlive, 1);
});

test('queue health: a first reading that does not come in time gives null, not a hung request', async () => {
  const monitor = new QueueHealthMonitor(() => new Promise<QueueSummary>(() => {}), 2_000, 50);
  assert.equal(await monitor.current(), null);
});

test('queue health: a server over SQLite has no queue', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'queue-health-'));
  const running = await startServer({ db: path.join(dir, 's.db'), port: 0, warmDossiers: false });
  try {
    assert.equal((await health(running.url)).queue, null);
  } finally {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('queue health: a server over PostgreSQL shows workers alive, the assigner and work waiting', { skip, timeout: 300_000 }, async () => {
  if ('skip' in server) return;
  const database = await createTestDatabase(server.url);
  const dir = mkdtempSync(path.join(tmpdir(), 'queue-health-pg-'));
  const workers: WorkerProcess[] = [];
  const running = await startServer({ db: database.url, port: 0, warmDossiers: false });
  try {
    const idle = await waitFor('a first queue reading', async () => ((await health(running.url)).queue as Record<string, unknown> | null) ?? null, { timeoutMs: 60_000, everyMs: 100 });
    assert.equal(idle.workersAlive, 0);
    assert.equal(idle.assignerAlive, false);
    assert.equal(typeof idle.checkedAt, 'string');

    workers.push(await spawnWorker(database.url));
    const alive = await waitFor('the worker in health', async () => {
      const q = (await health(running.url)).queue as Record<string, unknown>;
      return q.workersAlive === 1 && q.assignerAlive === true ? q : null;
    }, { timeoutMs: 60_000, everyMs: 200 });
    assert.equal(alive.intakeBatchesWaiting, 0);

    assert.equal(await terminateWorker(workers[0]), 0);
    await waitFor('the stopped worker gone from health', async () => ((await health(running.url)).queue as Record<string, unknown>).workersAlive === 0 || null, {
      timeoutMs: 60_000,
      everyMs: 200,
    });
    // Articles queued while no worker runs: health shows them waiting.
    const file = path.join(dir, 'one.jsonl');
    writeFileSync(file, JSON.stringify({ title: 'Harbour closed', text: 'The harbour closed on Monday after a storm damaged the pier.', url: 'https://example.org/harbour' }) + '\n');
    const store = await PostgresStore.open(database.url);
    try {
      await ingestThroughQueue(store, [file], { noWait: true });
    } finally {
      await store.close();
    }
    const waiting = await waitFor('the queued article in health', async () => {
      const q = (await health(running.url)).queue as Record<string, unknown>;
      return (q.intakeBatchesWaiting as number) >= 1 ? q : null;
    }, { timeoutMs: 60_000, everyMs: 200 });
    assert.ok((waiting.waiting as number) >= 1, `jobs waiting: ${waiting.waiting}`);
    assert.equal(typeof waiting.oldestWaitingSince, 'string');
  } finally {
    await killAll(workers);
    await running.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});
