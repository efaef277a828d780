// Feeds through the queue. `watch` only schedules polls; a worker fetches the feed and queues its new items.
// A poll is a singleton job per feed and polling interval: two watchers scheduling the same feed in the same
// interval make one job, so the feed is fetched once per interval however many watchers run.
import type PgBoss from 'pg-boss';
import { pollFeedItems, type PollOptions } from '../ingest/feeds/poll.js';
import type { PostgresStore } from '../store/postgres.js';
import { enqueueIntake, type IntakeItem } from './intake.js';
import { QUEUES, type FeedPollJob } from './names.js';
import type { JobQueue } from './queue.js';

/**
 * Schedules one poll of each feed for the current interval of `everySeconds` (a no-op for a feed whose poll
 * for this interval was already scheduled, by this watcher or another). Resolves with how many were new.
 */
export async function scheduleFeedPolls(queue: JobQueue, feeds: string[], everySeconds: number): Promise<number> {
  let scheduled = 0;
  for (const url of feeds) {
    const id = await queue.send(QUEUES.feedPoll, { url } satisfies FeedPollJob, { singletonKey: url, singletonSeconds: Math.max(1, Math.round(everySeconds)) });
    if (id !== null) scheduled++;
  }
  return scheduled;
}

/** Run id of the intake batches of one feed (all its polls), so problems and counts can be read per feed. */
export function feedRunId(url: string): string {
  return `feed:${url}`;
}

/**
 * One poll of one feed (conditional request, backoff, items already stored skipped); its new items become an
 * intake batch whose pages are fetched by the prepare jobs. A feed that cannot be fetched is not a job
 * failure: its backoff grows and the problem is kept in its feed state (`lastStatus`).
 */
export async function feedPollJob(store: PostgresStore, queue: JobQueue, job: PgBoss.JobWithMetadata<FeedPollJob>, options: Omit<PollOptions, 'now' | 'fetchPages'> = {}): Promise<{ status: string; queued: number }> {
  // The items are queued before the feed's validators are saved: a crash in between fetches them again.
  const result = await pollFeedItems(store, job.data.url, options, async (feed, found) => {
    const items: IntakeItem[] = found.map(({ item, origin }) => ({ kind: 'feed-item', origin, item, feedTitle: feed.title, fetchPage: true }));
    await enqueueIntake(store, queue, feedRunId(job.data.url), items);
    return items.length;
  });
  const detail = result.status === 'failed' ? `failed: ${result.problem}; next try ${result.retryAt}` : result.status === 'backoff' ? `waits out a backoff until ${result.until}` : result.status;
  return { status: detail, queued: result.status === 'ok' ? result.consumed : 0 };
}
