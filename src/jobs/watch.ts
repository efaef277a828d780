// `watch` against a PostgreSQL store: every interval, one poll job per feed is scheduled; workers do the
// fetching. The polls are singleton jobs per feed and interval (see feeds.ts), so watchers can run on
// several machines for redundancy without fetching a feed more than once per interval.
import { setTimeout as delay } from 'node:timers/promises';
import { expandSources } from '../ingest/index.js';
import type { PostgresStore } from '../store/postgres.js';
import { scheduleFeedPolls } from './feeds.js';
import { JobQueue, QUEUE_SCHEMA } from './queue.js';
import { QUEUES } from './names.js';
import { liveWorkerCount } from './registry.js';

export interface ScheduleWatchOptions {
  everyMs: number;
  /** Schedule one round and return. */
  once?: boolean;
  signal?: AbortSignal;
  /** For OPML lists given by URL (fetched by the watcher itself). */
  allowPrivate?: boolean;
  timeoutMs?: number;
  onProblem?: (origin: string, reason: string) => void;
  /** One line per round ("round 3: 12 feed polls scheduled, 0 already scheduled by another watcher"). */
  onRound?: (line: string) => void;
}

/**
 * Schedules feed polls each `everyMs` until `signal` aborts (or once). Resolves with the exit code: 1 when
 * no source was a feed (nothing can ever be polled), else 0. With `once`, waits for the workers to poll the
 * feeds (at most ONCE_WAIT_MS), tells each feed that failed through `onProblem`, and resolves 1 when none
 * could be read or no worker is running (what a cron job or health check needs to know). Rejects when the
 * database fails.
 */
export async function scheduleWatch(store: PostgresStore, sources: string[], options: ScheduleWatchOptions): Promise<number> {
  const queue = await JobQueue.open(store);
  try {
    for (let round = 1; ; round++) {
      let problems = 0;
      const { feeds, paths } = await expandSources(sources, options, (origin, reason) => {
        problems++;
        options.onProblem?.(origin, reason);
      });
      if (round === 1) for (const file of paths) options.onProblem?.(file, 'watch polls feed URLs and OPML lists; read a local file with: triangulate ingest FILE');
      if (feeds.length === 0) {
        if (round === 1 || options.once) return 1;
      }
      const scheduled = await scheduleFeedPolls(queue, feeds, options.everyMs / 1000);
      const workers = await liveWorkerCount(store);
      options.onRound?.(
        `round ${round}: ${scheduled} feed polls scheduled` +
          (feeds.length > scheduled ? `, ${feeds.length - scheduled} already scheduled for this interval` : '') +
          (problems ? `, ${problems} problems` : '') +
          (workers === 0 ? '; no worker is running: the polls wait (start one with: triangulate worker)' : `; ${workers} workers alive`),
      );
      if (options.once) return workers === 0 ? 1 : await onceOutcome(store, feeds, options);
      if (options.signal?.aborted) return 0;
      // An abort ends the wait at once (the rejection is the abort itself, not a failure).
      await delay(options.everyMs, undefined, { signal: options.signal }).catch(() => undefined);
      if (options.signal?.aborted) return 0;
    }
  } finally {
    await queue.stop({ graceful: false, timeoutMs: 1000 });
  }
}

/** Longest wait of `watch --once` for the workers to poll its feeds. */
export const ONCE_WAIT_MS = 120_000;

/** Exit code of `watch --once`: waits until no poll of `feeds` is queued or running, then reads their states. */
async function onceOutcome(store: PostgresStore, feeds: string[], options: ScheduleWatchOptions): Promise<number> {
  const deadline = Date.now() + ONCE_WAIT_MS;
  for (;;) {
    const [pending] = await store.query<{ n: number }>(
      `SELECT COUNT(*)::int AS n FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND singleton_key = ANY($2::text[]) AND state IN ('created', 'retry', 'active')`,
      [QUEUES.feedPoll, feeds],
    );
    if (pending.n === 0 || Date.now() > deadline || options.signal?.aborted) break;
    await delay(250);
  }
  // A feed whose poll for this interval was already done (by another watcher, or an earlier --once) is
  // judged by that poll: its state says how it went.
  let answered = 0;
  for (const url of feeds) {
    const state = await store.getFeedState(url);
    if (!state?.lastCheckedAt) options.onProblem?.(url, 'not polled yet: the workers are busy or stopped (see: triangulate status)');
    else if (state.failures > 0) options.onProblem?.(url, `${state.lastStatus ?? 'failed'} (at ${state.lastCheckedAt}; next try ${state.nextAttemptAt ?? 'next interval'})`);
    else answered++;
  }
  return answered === 0 ? 1 : 0;
}
