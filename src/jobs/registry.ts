// Which workers are alive: each worker writes a heartbeat row every few seconds. A row whose heartbeat is
// older than WORKER_STALE_SECONDS belongs to a worker that died without saying so (SIGKILL, a lost machine).
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { PostgresStore } from '../store/postgres.js';

export const HEARTBEAT_SECONDS = 5;
export const WORKER_STALE_SECONDS = 20;

/** One worker as the `workers` table shows it. */
export interface WorkerRow {
  id: string;
  host: string;
  pid: number;
  startedAt: string;
  lastSeen: string;
  state: 'running' | 'stopping' | 'stopped';
  assigner: boolean;
  jobsDone: number;
  jobsFailed: number;
  currentJob: string | null;
  /** False when its heartbeat is older than WORKER_STALE_SECONDS. */
  alive: boolean;
}

/** This process's row in the `workers` table, kept fresh by a timer until `stop`. */
export class WorkerRegistration {
  readonly id = randomUUID();
  private timer: NodeJS.Timeout | null = null;
  jobsDone = 0;
  jobsFailed = 0;
  currentJob: string | null = null;
  /** Whether this worker holds the assigner's lock now (read at each heartbeat). */
  isAssigner: () => boolean = () => false;

  constructor(private readonly store: PostgresStore) {}

  async start(): Promise<void> {
    await this.store.query(
      `INSERT INTO workers (id, host, pid, started_at, last_seen, state) VALUES ($1, $2, $3, now(), now(), 'running')`,
      [this.id, hostname(), process.pid],
    );
    this.timer = setInterval(() => void this.beat('running').catch(() => undefined), HEARTBEAT_SECONDS * 1000);
    this.timer.unref();
  }

  /** Writes the heartbeat now (also used to say "stopping" at once on SIGTERM). */
  async beat(state: WorkerRow['state']): Promise<void> {
    await this.store.query(
      `UPDATE workers SET last_seen = now(), state = $2, assigner = $3, jobs_done = $4, jobs_failed = $5, current_job = $6 WHERE id = $1`,
      [this.id, state, state === 'running' && this.isAssigner(), this.jobsDone, this.jobsFailed, this.currentJob],
    );
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.currentJob = null;
    await this.beat('stopped').catch(() => undefined);
  }
}

/** Workers seen in the last hour, newest first. */
export async function listWorkers(store: PostgresStore): Promise<WorkerRow[]> {
  const rows = await store.query<Record<string, unknown>>(
    `SELECT id, host, pid, started_at, last_seen, state, assigner, jobs_done, jobs_failed, current_job,
            last_seen > now() - make_interval(secs => $1) AS alive
     FROM workers WHERE last_seen > now() - interval '1 hour' ORDER BY started_at DESC`,
    [WORKER_STALE_SECONDS],
  );
  return rows.map((r) => ({
    id: String(r.id),
    host: String(r.host),
    pid: Number(r.pid),
    startedAt: new Date(r.started_at as string).toISOString(),
    lastSeen: new Date(r.last_seen as string).toISOString(),
    state: r.state as WorkerRow['state'],
    jobsDone: Number(r.jobs_done),
    jobsFailed: Number(r.jobs_failed),
    // A worker that died without a word keeps its last heartbeat's role and job: not true any more.
    ...(Boolean(r.alive) && r.state !== 'stopped'
      ? { alive: true, assigner: Boolean(r.assigner), currentJob: (r.current_job as string | null) ?? null }
      : { alive: false, assigner: false, currentJob: null }),
  }));
}

/** Workers running now (fresh heartbeat, not stopped). */
export async function liveWorkerCount(store: PostgresStore): Promise<number> {
  const [row] = await store.query<{ n: string }>(
    `SELECT COUNT(*) AS n FROM workers WHERE state = 'running' AND last_seen > now() - make_interval(secs => $1)`,
    [WORKER_STALE_SECONDS],
  );
  return Number(row.n);
}
