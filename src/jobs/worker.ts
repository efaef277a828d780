// A worker: takes jobs of every queue until stopped, and takes its turn as the assigner. Any number of them
// may run, on any number of machines, against one PostgreSQL store.
import type PgBoss from 'pg-boss';
import type { PostgresStore } from '../store/postgres.js';
import type { IngestorOptions } from '../ingest/index.js';
import { Assigner } from './assigner.js';
import { dossierJob, requestDossier } from './dossiers.js';
import { feedPollJob } from './feeds.js';
import { QUEUES, type DossierJob, type FeedPollJob, type PrepareJob } from './names.js';
import { prepareJob } from './prepare.js';
import { JobQueue, type JobQueueOptions } from './queue.js';
import { WorkerRegistration } from './registry.js';
import { DEFAULT_MAX_DOSSIER_ARTICLES } from '../story-dossier.js';

export interface WorkerOptions extends JobQueueOptions, IngestorOptions {
  /** Fetch pages and feeds on private and loopback addresses (default false). */
  allowPrivate?: boolean;
  /** Deadline of each request in milliseconds (default 20 000). */
  timeoutMs?: number;
  /** Queue a dossier rebuild for every story a batch touched (default false: dossiers are built when asked for). */
  prebuildDossiers?: boolean;
  /** Most articles one dossier analyses (default DEFAULT_MAX_DOSSIER_ARTICLES). */
  maxDossierArticles?: number;
  /** Take no turn as the assigner (a worker that only prepares; tests). */
  noAssigner?: boolean;
  /** Called after each job with its queue and outcome (the CLI's log lines). */
  onJob?: (event: { queue: string; id: string; ok: boolean; detail: string }) => void;
}

/** A running worker; `stop` ends it gracefully. */
export class Worker {
  private constructor(
    readonly queue: JobQueue,
    readonly registration: WorkerRegistration,
    readonly assigner: Assigner | null,
    private readonly abort: AbortController,
  ) {}

  /**
   * Starts a worker on `store`: registers it, starts taking jobs of every queue, and starts competing for the
   * assigner's lock. Rejects when the queue cannot be set up (the database refused).
   */
  static async start(store: PostgresStore, options: WorkerOptions = {}): Promise<Worker> {
    const queue = await JobQueue.open(store, { ...options, supervise: true });
    const registration = new WorkerRegistration(store);
    await registration.start();
    const abort = new AbortController();
    const assigner = options.noAssigner
      ? null
      : new Assigner(store, {
          ...options,
          onBatch: async ({ storyIds }) => {
            if (options.prebuildDossiers) for (const id of storyIds) await requestDossier(queue, id);
          },
        });
    registration.isAssigner = () => assigner?.isLeading ?? false;
    const worker = new Worker(queue, registration, assigner, abort);
    const fetchOptions = { allowPrivate: options.allowPrivate, timeoutMs: options.timeoutMs, signal: abort.signal };
    const run = <T extends object>(name: string, handler: (job: PgBoss.JobWithMetadata<T>) => Promise<string>) =>
      queue.work<T>(name as never, async (job) => {
        registration.currentJob = `${name} ${job.id}`;
        try {
          const detail = await handler(job);
          registration.jobsDone++;
          options.onJob?.({ queue: name, id: job.id, ok: true, detail });
        } catch (error) {
          registration.jobsFailed++;
          options.onJob?.({ queue: name, id: job.id, ok: false, detail: (error as Error).message });
          throw error;
        } finally {
          registration.currentJob = null;
        }
      });
    await run<PrepareJob>(QUEUES.prepare, async (job) => {
      // Stories first: see Assigner.whenIdle.
      if (assigner?.isLeading) await assigner.whenIdle();
      const r = await prepareJob(store, job, { ...fetchOptions, signature: options.signature });
      return `${r.prepared} prepared, ${r.failed} failed`;
    });
    await run<FeedPollJob>(QUEUES.feedPoll, async (job) => {
      const r = await feedPollJob(store, queue, job, fetchOptions);
      return `${job.data.url}: ${r.status}, ${r.queued} items queued`;
    });
    await run<DossierJob>(QUEUES.dossier, async (job) => `story ${job.data.storyId}: ${await dossierJob(store, job, { maxArticles: options.maxDossierArticles ?? DEFAULT_MAX_DOSSIER_ARTICLES })}`);
    assigner?.start();
    return worker;
  }

  /**
   * Graceful stop (SIGTERM): says "stopping" in the registry, stops taking jobs, lets the running ones finish
   * for up to `timeoutMs` (default 30 s; a job still running then is left to its lease and retried
   * elsewhere), gives the assigner's lock back and marks the worker stopped.
   */
  async stop(options: { timeoutMs?: number } = {}): Promise<void> {
    await this.registration.beat('stopping').catch(() => undefined);
    const timeoutMs = options.timeoutMs ?? 30_000;
    // Requests in flight are cut at the deadline, not left to their own 20 s timeouts.
    const cut = setTimeout(() => this.abort.abort(new Error('worker stopping')), timeoutMs);
    try {
      await this.queue.stop({ graceful: true, timeoutMs });
      await this.assigner?.stop();
    } finally {
      clearTimeout(cut);
      await this.registration.stop();
    }
  }
}
