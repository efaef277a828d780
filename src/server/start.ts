// Starting a server: open (or fill) a store, build the app, start the feed watcher, listen.
import type { FastifyInstance } from 'fastify';
import { ingestSources, type IngestSummary } from '../ingest/index.js';
import { DEFAULT_STORE_PATH, openStore, type ArticleStore } from '../store/index.js';
import { buildApp, type AppOptions } from './app.js';
import { FeedWatcher } from './watcher.js';
import { QueueHealthMonitor } from './queue-health.js';
import type { PostgresStore } from '../store/postgres.js';

/** The job queue of a PostgreSQL store, loaded only for one (SQLite servers never load pg-boss). */
async function startJobs(store: PostgresStore) {
  const [{ JobQueue }, { QueuedDossierBuilds }, { scheduleWatch }, { queueSummary }] = await Promise.all([
    import('../jobs/queue.js'),
    import('../jobs/dossiers.js'),
    import('../jobs/watch.js'),
    import('../jobs/status.js'),
  ]);
  const queue = await JobQueue.open(store);
  return { queue, builds: new QueuedDossierBuilds(store, queue), scheduleWatch, health: new QueueHealthMonitor(() => queueSummary(store)) };
}

export interface ServerOptions extends Omit<AppOptions, 'store'> {
  /** Store file or PostgreSQL URL (see openStore); ":memory:" (the default when `from` is given) keeps everything in memory. */
  db?: string;
  /** Files or folders ingested into the store before the server starts. */
  from?: string[];
  /** Feed URLs or OPML lists polled in the background. */
  feeds?: string[];
  /** Polling period of the feed watcher (default 5 minutes). */
  everyMs?: number;
  port?: number;
  /** Interface to bind; loopback unless asked otherwise. */
  host?: string;
  onProblem?: (origin: string, reason: string) => void;
}

export interface RunningServer {
  app: FastifyInstance;
  store: ArticleStore;
  url: string;
  /** What `from` added to the store (null without `from`). */
  loaded: IngestSummary | null;
  close(): Promise<void>;
}

/**
 * Opens the store (ingesting `from` first), builds the app, starts the feed watcher and listens. Throws
 * StoreError when the store cannot be opened and the listen error (EADDRINUSE...) when the port cannot be had.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  // The target as given (a PostgreSQL URL with its password): worker threads open it themselves, and the
  // store's own `path` hides the password.
  const target = options.db ?? (options.from?.length ? ':memory:' : DEFAULT_STORE_PATH);
  const store = await openStore(target);
  let stopJobs: (() => Promise<void>) | null = null;
  try {
    const loaded = options.from?.length
      ? await ingestSources(store, options.from, { allowPrivate: options.allowPrivate, onProblem: options.onProblem })
      : null;
    // Over PostgreSQL, workers build dossiers and poll feeds; the server queues that work (src/jobs).
    const jobs = store.kind === 'postgres' ? await startJobs(store as PostgresStore) : null;
    stopJobs = jobs ? () => jobs.queue.stop({ graceful: false, timeoutMs: 1000 }) : null;
    const app = await buildApp({ ...options, host: options.host ?? '127.0.0.1', store, storeTarget: target, remoteBuilds: jobs?.builds, queueHealth: jobs?.health });
    const context = app.triangulate;
    if (jobs && options.feeds?.length) {
      const abort = new AbortController();
      const schedule = jobs.scheduleWatch(store as PostgresStore, options.feeds, {
        everyMs: options.everyMs ?? 5 * 60_000,
        signal: abort.signal,
        allowPrivate: options.allowPrivate,
        onProblem: options.onProblem,
      });
      const stopQueue = stopJobs!;
      stopJobs = async () => {
        abort.abort();
        await schedule.catch(() => undefined);
        await stopQueue();
      };
    } else if (options.feeds?.length) {
      context.watcher = new FeedWatcher(store, context.intake, options.feeds, {
        everyMs: options.everyMs ?? 5 * 60_000,
        allowPrivate: options.allowPrivate,
        onProblem: options.onProblem,
      });
      context.watcher.start();
    }
    // The search index is built before the server answers (health reads its size without refreshing it).
    await context.catalog.refresh(true);
    if (context.warmDossiers) {
      void context.warmer.schedule(context.catalog.search({ limit: 50 }).stories.map((e) => e.summary.id));
    }
    await app.listen({ port: options.port ?? 8080, host: options.host ?? '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const host = options.host ?? '127.0.0.1';
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    let closed = false;
    return {
      app,
      store,
      url,
      loaded,
      async close() {
        if (closed) return;
        closed = true;
        // Stopping must be prompt (SIGTERM): a feed round in progress may be waiting on a slow site, so it is
        // given a moment to finish and otherwise left to end on its own, the store closing after it.
        const round = context.watcher?.stop() ?? Promise.resolve();
        const settled = await Promise.race([round.then(() => true, () => true), new Promise<false>((r) => setTimeout(r, 500, false).unref())]);
        await app.close();
        await stopJobs?.().catch(() => undefined);
        if (settled) await store.close();
        else void round.catch(() => undefined).then(() => store.close()).catch(() => undefined);
      },
    };
  } catch (error) {
    // The error that stopped the start is the one to report, not a failure to close after it.
    await stopJobs?.().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw error;
  }
}
