// What an operator needs to see of the queue: how much waits in each queue, what failed and why, which
// workers are alive, and how far story assignment lags behind preparation.
import type { PostgresStore } from '../store/postgres.js';
import { QUEUE_SCHEMA } from './queue.js';
import { listWorkers, type WorkerRow } from './registry.js';

/** Jobs of one queue by state (pg-boss states: created = waiting, retry = waiting for a retry, active = running). */
export interface QueueDepth {
  queue: string;
  created: number;
  retry: number;
  active: number;
  completed: number;
  failed: number;
  /** Active jobs whose lease ran out (their worker died): they are retried at the next maintenance round. */
  expired: number;
}

/** A job that failed, with its last error. */
export interface FailedJob {
  queue: string;
  id: string;
  failedAt: string;
  retries: number;
  error: string;
  data: unknown;
}

export interface QueueStatus {
  queues: QueueDepth[];
  /** Newest failures first (at most `failedLimit`). */
  failed: FailedJob[];
  workers: WorkerRow[];
  /** Feeds whose last polls failed (newest failure first): they wait out a growing backoff. */
  failingFeeds: { url: string; failures: number; lastStatus: string | null; lastCheckedAt: string | null; nextAttemptAt: string | null }[];
  /** Intake batches not stored yet, and items still waiting to be prepared. */
  intake: { batchesWaiting: number; itemsWaiting: number; oldestWaitingSince: string | null };
}

/** The queue's state as one object (for `triangulate status`; GET /api/health shows a QueueSummary). Rejects when the database does not answer. */
export async function queueStatus(store: PostgresStore, options: { failedLimit?: number } = {}): Promise<QueueStatus> {
  const queues: QueueDepth[] = [];
  const failed: FailedJob[] = [];
  if (await jobsInstalled(store)) {
    const rows = await store.query<{ name: string; state: string; n: string; expired: string }>(
      `SELECT name, state::text AS state, COUNT(*) AS n,
              COUNT(*) FILTER (WHERE state = 'active' AND started_on + expire_in < now()) AS expired
       FROM ${QUEUE_SCHEMA}.job GROUP BY name, state`,
    );
    const byQueue = new Map<string, QueueDepth>();
    for (const row of rows) {
      const depth = byQueue.get(row.name) ?? { queue: row.name, created: 0, retry: 0, active: 0, completed: 0, failed: 0, expired: 0 };
      if (row.state in depth) (depth as unknown as Record<string, number>)[row.state] += Number(row.n);
      depth.expired += Number(row.expired);
      byQueue.set(row.name, depth);
    }
    queues.push(...[...byQueue.values()].sort((a, b) => a.queue.localeCompare(b.queue)));
    const failures = await store.query<{ name: string; id: string; completed_on: string; retry_count: number; output: unknown; data: unknown }>(
      `SELECT name, id, completed_on, retry_count, output, data FROM ${QUEUE_SCHEMA}.job
       WHERE state = 'failed' ORDER BY completed_on DESC NULLS LAST LIMIT $1`,
      [options.failedLimit ?? 10],
    );
    for (const f of failures) {
      failed.push({ queue: f.name, id: f.id, failedAt: f.completed_on ? new Date(f.completed_on).toISOString() : '', retries: Number(f.retry_count), error: errorText(f.output), data: f.data });
    }
  }
  const feeds = await store.query<{ url: string; failures: number; last_status: string | null; last_checked_at: string | null; next_attempt_at: string | null }>(
    `SELECT url, failures, last_status, last_checked_at, next_attempt_at FROM feeds WHERE failures > 0 ORDER BY last_checked_at DESC NULLS LAST LIMIT 20`,
  );
  return {
    queues,
    failed,
    failingFeeds: feeds.map((f) => ({ url: f.url, failures: Number(f.failures), lastStatus: f.last_status, lastCheckedAt: f.last_checked_at, nextAttemptAt: f.next_attempt_at })),
    workers: await listWorkers(store),
    intake: await intakeBacklog(store),
  };
}

/** Whether pg-boss's job table exists yet (no process has opened the queue of a new database before). */
async function jobsInstalled(store: PostgresStore): Promise<boolean> {
  const [row] = await store.query<{ ok: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS ok`, [`${QUEUE_SCHEMA}.job`]);
  return Boolean(row?.ok);
}

/** Intake batches not stored yet, items still waiting to be prepared, and since when the oldest batch waits. */
async function intakeBacklog(store: PostgresStore): Promise<QueueStatus['intake']> {
  const [intake] = await store.query<{ batches: string; items: string; oldest: string | null }>(
    `SELECT (SELECT COUNT(*) FROM intake_batches WHERE assigned_at IS NULL) AS batches,
            (SELECT COUNT(*) FROM intake WHERE state = 'queued') AS items,
            (SELECT MIN(created_at) FROM intake_batches WHERE assigned_at IS NULL) AS oldest`,
  );
  return { batchesWaiting: Number(intake.batches), itemsWaiting: Number(intake.items), oldestWaitingSince: intake.oldest ? new Date(intake.oldest).toISOString() : null };
}

/** The message pg-boss kept of a job's last error (its output is the serialised error). */
function errorText(output: unknown): string {
  if (output && typeof output === 'object') {
    const o = output as { message?: unknown; value?: { message?: unknown } };
    if (typeof o.message === 'string') return o.message;
    if (o.value && typeof o.value.message === 'string') return o.value.message;
  }
  return output === null || output === undefined ? '' : JSON.stringify(output).slice(0, 300);
}

/**
 * The few figures a health check needs (GET /api/health of a server over PostgreSQL): jobs waiting (created
 * or waiting for a retry), running, running past their lease, failed and kept, live workers, whether one of
 * them assigns stories, and intake not yet stored. Cheaper than queueStatus: completed jobs, which pile up
 * between pg-boss's archive rounds, are not counted.
 */
export interface QueueSummary {
  waiting: number;
  running: number;
  expired: number;
  failed: number;
  workersAlive: number;
  assignerAlive: boolean;
  intakeBatchesWaiting: number;
  /** ISO time of the oldest intake batch not yet stored (null when none waits): how far assignment lags. */
  oldestWaitingSince: string | null;
}

/**
 * Reads a QueueSummary. Workers count as alive by the rule `status` uses (listWorkers), so health and status
 * agree. Rejects when the database does not answer.
 */
export async function queueSummary(store: PostgresStore): Promise<QueueSummary> {
  const summary: QueueSummary = { waiting: 0, running: 0, expired: 0, failed: 0, workersAlive: 0, assignerAlive: false, intakeBatchesWaiting: 0, oldestWaitingSince: null };
  if (await jobsInstalled(store)) {
    const rows = await store.query<{ state: string; n: string; expired: string }>(
      `SELECT state::text AS state, COUNT(*) AS n, COUNT(*) FILTER (WHERE state = 'active' AND started_on + expire_in < now()) AS expired
       FROM ${QUEUE_SCHEMA}.job WHERE state IN ('created', 'retry', 'active', 'failed') GROUP BY state`,
    );
    for (const row of rows) {
      const n = Number(row.n);
      if (row.state === 'created' || row.state === 'retry') summary.waiting += n;
      else if (row.state === 'active') summary.running += n;
      else summary.failed += n;
      summary.expired += Number(row.expired);
    }
  }
  const alive = (await listWorkers(store)).filter((w) => w.alive);
  summary.workersAlive = alive.length;
  summary.assignerAlive = alive.some((w) => w.assigner);
  const intake = await intakeBacklog(store);
  summary.intakeBatchesWaiting = intake.batchesWaiting;
  summary.oldestWaitingSince = intake.oldestWaitingSince;
  return summary;
}
