// Starting a server: open (or fill) a store, build the app, start the feed watcher, listen.
import type { FastifyInstance } from 'fastify';
import { ingestSources, type IngestSummary } from '../ingest/index.js';
import { openStore, type ArticleStore } from '../store/index.js';
import { buildApp, type AppOptions } from './app.js';
import { FeedWatcher } from './watcher.js';

export interface ServerOptions extends Omit<AppOptions, 'store'> {
  /** Store file; ":memory:" (the default when `from` is given) keeps everything in memory. */
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
  const store = openStore(options.db ?? (options.from?.length ? ':memory:' : undefined));
  try {
    const loaded = options.from?.length
      ? await ingestSources(store, options.from, { allowPrivate: options.allowPrivate, onProblem: options.onProblem })
      : null;
    const app = await buildApp({ ...options, host: options.host ?? '127.0.0.1', store });
    const context = app.triangulate;
    if (options.feeds?.length) {
      context.watcher = new FeedWatcher(store, context.intake, options.feeds, {
        everyMs: options.everyMs ?? 5 * 60_000,
        allowPrivate: options.allowPrivate,
        onProblem: options.onProblem,
      });
      context.watcher.start();
    }
    // The search index is built before the server answers (health reads its size without refreshing it).
    context.catalog.refresh(true);
    if (context.warmDossiers) {
      context.warmer.schedule(context.catalog.search({ limit: 50 }).stories.map((e) => e.summary.id));
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
        if (settled) store.close();
        else void round.catch(() => undefined).finally(() => store.close());
      },
    };
  } catch (error) {
    store.close();
    throw error;
  }
}
