// The job queue: pg-boss (https://github.com/timgit/pg-boss) in the same PostgreSQL database as the store.
// pg-boss takes jobs with `FOR UPDATE SKIP LOCKED`, retries them with exponential backoff, moves jobs that
// used up their retries to a dead-letter queue, and fails an active job whose lease (`expireInSeconds`)
// ran out, which is what makes a worker killed with SIGKILL lose nothing: its job is retried elsewhere.
// We only choose the policies; nothing here takes or leases jobs by hand.
import PgBoss from 'pg-boss';
import type { PostgresStore } from '../store/postgres.js';
import { QUEUES, type QueueName } from './names.js';
import { ensureJobsSchema } from './schema.js';

/** Schema that holds pg-boss's tables, beside the store's. */
export const QUEUE_SCHEMA = 'triangulate_jobs';

/** Retry and lease policy of one queue. */
export interface QueuePolicy {
  /** Attempts after the first (pg-boss retryLimit). */
  retryLimit: number;
  /** Seconds before the first retry; doubled for each further one (retryBackoff). */
  retryDelay: number;
  /** Lease of an active job in seconds: a job not completed by then (its worker died) is failed and retried. */
  expireInSeconds: number;
  /** 'stately': at most one queued and one active job per singleton key (one rebuild per story at a time). */
  policy: 'standard' | 'stately';
}

/** Default policies. A prepare job of PREPARE_CHUNK items takes well under a second; pages may take 20 s each. */
export const DEFAULT_POLICIES: Record<Exclude<QueueName, 'dead-letter'>, QueuePolicy> = {
  [QUEUES.feedPoll]: { retryLimit: 3, retryDelay: 30, expireInSeconds: 300, policy: 'standard' },
  [QUEUES.prepare]: { retryLimit: 4, retryDelay: 2, expireInSeconds: 300, policy: 'standard' },
  [QUEUES.dossier]: { retryLimit: 2, retryDelay: 5, expireInSeconds: 600, policy: 'stately' },
};

export interface JobQueueOptions {
  /**
   * Lease of active jobs in seconds, set on every queue (it applies to jobs sent from then on, by anyone).
   * Tests use a few seconds to see a killed worker's job come back.
   */
  expireInSeconds?: number;
  /** How often expired leases are looked for, in seconds (pg-boss maintenance; default 30). */
  maintenanceIntervalSeconds?: number;
  /** Seconds between polls of an idle queue (default 0.5, pg-boss's minimum). */
  pollingIntervalSeconds?: number;
  /** Run pg-boss maintenance (lease expiry, archiving) from this process (workers do; clients that only send don't). */
  supervise?: boolean;
}

/**
 * pg-boss bound to a PostgresStore: it uses the store's connection pool, so jobs sent inside
 * `store.transaction` are committed (or rolled back) with the transaction's own writes.
 */
export class JobQueue {
  private constructor(
    readonly boss: PgBoss,
    private readonly store: PostgresStore,
    readonly options: JobQueueOptions,
  ) {}

  /**
   * Starts pg-boss on `store`'s database (creating its schema and the queues on first use; several processes
   * may do this at once). Rejects with pg-boss's own error when the database refuses.
   */
  static async open(store: PostgresStore, options: JobQueueOptions = {}): Promise<JobQueue> {
    await ensureJobsSchema(store);
    // pg-boss's own install is not safe against several processes starting at once on a new database (two
    // CREATE SCHEMA collide, or deadlock); a session lock on one connection makes them take turns.
    const guard = await store.pool.connect();
    try {
      await guard.query('SELECT pg_advisory_lock($1)', [QUEUE_INSTALL_LOCK]);
      const boss = new PgBoss({
        schema: QUEUE_SCHEMA,
        // The store's pool: one set of connections per process, and sends join the store's transaction.
        db: { executeSql: async (text: string, values: unknown[]) => ({ rows: await store.query(text, values) }) },
        supervise: options.supervise ?? false,
        schedule: false,
        maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? (await maintenanceInterval(store, options.expireInSeconds)),
        monitorStateIntervalSeconds: 3600,
      });
      // pg-boss reports background trouble (a failed maintenance round) as events; without a listener Node
      // would throw them. They are retried on the next round, so one line on stderr is enough.
      boss.on('error', (error: Error) => process.stderr.write(`job queue: ${oneLine(error.message)}\n`));
      await boss.start();
      const queue = new JobQueue(boss, store, options);
      await queue.createQueues();
      return queue;
    } finally {
      await guard.query('SELECT pg_advisory_unlock($1)', [QUEUE_INSTALL_LOCK]).catch(() => undefined);
      guard.release();
    }
  }

  private async createQueues(): Promise<void> {
    const existing = new Set((await this.boss.getQueues()).map((q) => q.name));
    if (!existing.has(QUEUES.dead)) await this.boss.createQueue(QUEUES.dead, { name: QUEUES.dead }).catch(ignoreExists);
    for (const [name, policy] of Object.entries(DEFAULT_POLICIES)) {
      if (existing.has(name)) {
        // A lease given explicitly (`worker --lease`) is the queue's from now on, for jobs sent after it.
        if (this.options.expireInSeconds !== undefined) await this.boss.updateQueue(name, { name, expireInSeconds: this.options.expireInSeconds });
        continue;
      }
      await this.boss
        .createQueue(name, {
          name,
          policy: policy.policy,
          retryLimit: policy.retryLimit,
          retryDelay: policy.retryDelay,
          retryBackoff: true,
          expireInSeconds: this.options.expireInSeconds ?? policy.expireInSeconds,
          deadLetter: QUEUES.dead,
        })
        .catch(ignoreExists);
    }
  }

  /**
   * Sends one job. Retries, backoff, lease and dead letter come from the queue's policy (DEFAULT_POLICIES),
   * so every sender gets the same. `singletonKey` makes it a no-op while an equal job waits (resolves to null).
   */
  async send(name: QueueName, data: object, options: { singletonKey?: string; singletonSeconds?: number; startAfter?: Date } = {}): Promise<string | null> {
    return this.boss.send(name, data, options);
  }

  /** Sends many jobs in one statement (inside the caller's store transaction when there is one). */
  async sendMany(name: QueueName, payloads: object[]): Promise<void> {
    if (payloads.length === 0) return;
    await this.boss.insert(payloads.map((data) => ({ name, data })));
  }

  /**
   * Runs `handler` for jobs of `name`, one at a time, until `stop`. A handler that throws fails the job
   * (retried with backoff until its retries are used up, then dead-lettered).
   */
  async work<T extends object>(name: QueueName, handler: (job: PgBoss.JobWithMetadata<T>) => Promise<unknown>): Promise<string> {
    let id = '';
    id = await this.boss.work<T>(name, { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 0.5 }, async (jobs) => {
      try {
        for (const job of jobs) await handler(job);
      } finally {
        // pg-boss waits a polling interval after every fetch, even one that found a job; a queue with work
        // waiting must not idle half a second per job, so the worker is told to fetch again at once.
        this.boss.notifyWorker(id);
      }
    });
    return id;
  }

  /**
   * Stops taking jobs. With `graceful`, waits up to `timeoutMs` for running handlers to finish (their jobs
   * complete); a job still running then is left active and comes back when its lease expires.
   */
  async stop(options: { graceful?: boolean; timeoutMs?: number } = {}): Promise<void> {
    await this.boss.stop({ graceful: options.graceful ?? true, timeout: options.timeoutMs ?? 30_000, close: false, wait: true });
  }
}

/** Session lock held while pg-boss installs or upgrades its schema and the queues are created. */
const QUEUE_INSTALL_LOCK = 0x7062_6f73; // "pbos"

/**
 * Seconds between looks for jobs whose lease ran out: a few times per the shortest lease of the queues (or
 * of `lease`, about to be set), between 1 and 30, so that a short lease set by one worker is honoured by
 * every worker, not only by the one that set it.
 */
async function maintenanceInterval(store: PostgresStore, lease: number | undefined): Promise<number> {
  let shortest = lease ?? Infinity;
  const [installed] = await store.query<{ ok: boolean }>('SELECT to_regclass($1) IS NOT NULL AS ok', [`${QUEUE_SCHEMA}.queue`]);
  if (installed?.ok) {
    const [row] = await store.query<{ s: number | null }>(`SELECT MIN(expire_seconds) AS s FROM ${QUEUE_SCHEMA}.queue`);
    if (row?.s) shortest = Math.min(shortest, Number(row.s));
  }
  return Number.isFinite(shortest) ? Math.min(30, Math.max(1, Math.floor(shortest / 3))) : 30;
}

function ignoreExists(error: Error): void {
  // Two processes creating the queues at once: the second finds them made.
  if (!/already exists|duplicate key/i.test(error.message)) throw error;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
