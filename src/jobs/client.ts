// `ingest` against a PostgreSQL store: the client reads what is local (files, folders, feed files) and polls
// the feed URLs it was given, queues the items, and waits while the workers prepare and store them. With no
// worker running it does the work itself (an in-process worker for the length of the run), so a first try
// needs no other process.
import { randomUUID } from 'node:crypto';
import { readInputs } from '../read/index.js';
import { expandSources, silentProgress, type IngestRunOptions, type IngestSummary } from '../ingest/index.js';
import { pollFeedItems } from '../ingest/feeds/poll.js';
import type { PostgresStore } from '../store/postgres.js';
import { enqueueIntake, runProgress, type IntakeItem } from './intake.js';
import { JobQueue } from './queue.js';
import { liveWorkerCount } from './registry.js';
import { Worker, type WorkerOptions } from './worker.js';

export interface QueuedIngestOptions extends IngestRunOptions {
  /** Do not wait for the workers: resolve once everything is queued (the summary then counts only problems found while reading). */
  noWait?: boolean;
  /** Milliseconds between looks at the run's progress (default 250). */
  pollMs?: number;
  /** Options of the in-process worker started when no worker is alive. */
  worker?: WorkerOptions;
  /** Told when the run waits for other workers, or does the work itself ("no worker running: ..."). */
  onStatus?: (line: string) => void;
}

/**
 * Ingests `sources` through the job queue of a PostgreSQL store and resolves with the run's summary, the
 * same counts a single-process `ingest` reports. Problems and notices reach `onProblem` / `onNotice` as for
 * `ingestSources`. Rejects with StoreError when the database fails.
 */
export async function ingestThroughQueue(store: PostgresStore, sources: string[], options: QueuedIngestOptions = {}): Promise<IngestSummary> {
  const runId = `ingest:${randomUUID()}`;
  let readProblems = 0;
  const report = (origin: string, reason: string) => {
    readProblems++;
    options.onProblem?.(origin, reason);
  };
  const { feeds, paths } = await expandSources(sources, options, report);
  const items: IntakeItem[] = [];
  let feedsPolled = 0;
  let feedsNotModified = 0;
  let feedsFailed = 0;
  let queuedFromFeeds = 0;
  /** Feed items whose URL is stored already: not queued, counted as already stored (as a file's re-read is). */
  let knownFromFeeds = 0;
  if (paths.length > 0) {
    const read = await readInputs(paths);
    for (const problem of read.problems) report(problem.origin, problem.reason);
    for (const raw of read.articles) items.push({ kind: 'raw', raw });
  }
  let worker: Worker | null = null;
  const progress = options.progress ?? silentProgress;
  const queue = await JobQueue.open(store);
  try {
    for (const url of feeds) {
      // Each feed's items are queued before its validators are saved (see pollFeedItems).
      const result = await pollFeedItems(store, url, { ...options, ignoreBackoff: true }, async (feed, found) => {
        const feedItems: IntakeItem[] = found.map(({ item, origin }) => ({ kind: 'feed-item', origin, item, feedTitle: feed.title, fetchPage: options.fetchPages ?? true }));
        await enqueueIntake(store, queue, runId, feedItems, { batchSize: options.batchSize });
        return feedItems.length;
      });
      if (result.status === 'backoff') continue;
      feedsPolled++;
      if (result.status === 'not-modified') feedsNotModified++;
      else if (result.status === 'failed') {
        feedsFailed++;
        report(url, result.problem);
      } else {
        queuedFromFeeds += result.consumed;
        knownFromFeeds += result.skippedKnown;
      }
    }
    const total = items.length + queuedFromFeeds;
    await enqueueIntake(store, queue, runId, items, { batchSize: options.batchSize });
    let state = await runProgress(store, runId, { details: false });
    if (!options.noWait && total > 0) {
      if ((await liveWorkerCount(store)) === 0) {
        options.onStatus?.('no worker is running: this process does the work (start `triangulate worker` to share it)');
        worker = await Worker.start(store, { ...options.worker, allowPrivate: options.allowPrivate, timeoutMs: options.timeoutMs });
      }
      progress.start(total);
      let shown = 0;
      while (state.assigned < state.batches) {
        await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 250));
        state = await runProgress(store, runId, { details: false });
        if (state.settled > shown) {
          progress.advance(state.settled - shown, `${state.summary.stored} new`);
          shown = state.settled;
        }
      }
      progress.stop();
    }
    // The problems and notices once, at the end (the loop above only counts).
    state = await runProgress(store, runId);
    for (const problem of state.problems) options.onProblem?.(problem.origin, problem.reason);
    for (const notice of state.notices) options.onNotice?.(notice.origin, notice.notice);
    const summary = state.summary;
    summary.read = total + knownFromFeeds;
    summary.duplicates += knownFromFeeds;
    summary.problems += readProblems;
    summary.feedsPolled = feedsPolled;
    summary.feedsNotModified = feedsNotModified;
    summary.feedsFailed = feedsFailed;
    return summary;
  } finally {
    await worker?.stop();
    await queue.stop({ graceful: false, timeoutMs: 1000 });
  }
}
