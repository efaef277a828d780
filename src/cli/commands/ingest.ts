import { UsageError } from '../../errors.js';
import { ingestSources, terminalProgress, type IngestSummary } from '../../ingest/index.js';
import type { CliCommand, CliOption } from '../command.js';
import { parseOptions } from '../options.js';
import type { PostgresStore } from '../../store/postgres.js';
import { count } from '../format.js';
import { STORE_OPTION, parseCount, parseDuration, withStore } from './shared.js';

/**
 * The one-line summary of an ingest run or watch round: "2 new articles, 1 revised, 1 already stored,
 * 1 new story, 3 feeds polled (1 unchanged, 1 failed), 2 problems; store triangulate.db".
 */
export function describeSummary(summary: IngestSummary, storePath: string): string {
  const parts = [`${count(summary.stored, 'new article')}`];
  if (summary.revised) parts.push(`${summary.revised} revised`);
  if (summary.duplicates) parts.push(`${summary.duplicates} already stored`);
  parts.push(count(summary.storiesCreated, 'new story', 'new stories'));
  if (summary.merges) parts.push(`${count(summary.merges, 'story', 'stories')} merged`);
  if (summary.feedsPolled) {
    const details = [`${summary.feedsNotModified} unchanged`];
    if (summary.feedsFailed) details.push(`${summary.feedsFailed} failed`);
    parts.push(`${count(summary.feedsPolled, 'feed')} polled (${details.join(', ')})`);
  }
  if (summary.feedsWaiting) parts.push(`${count(summary.feedsWaiting, 'feed')} waiting out a backoff`);
  if (summary.problems) parts.push(count(summary.problems, 'problem'));
  return `${parts.join(', ')}; store ${storePath}`;
}

/**
 * Whether a run did something worth exit code 0: it stored, recognised or revised an article, or a feed
 * answered that nothing changed. A run where every source failed exits 1.
 */
export function ingestSucceeded(summary: IngestSummary): boolean {
  return summary.stored + summary.duplicates + summary.revised > 0 || summary.feedsNotModified > 0;
}

const OPTIONS = [
  STORE_OPTION,
  { name: 'allow-private', description: 'let feed and page URLs reach private and local addresses (refused by default)' },
  { name: 'batch', value: 'N', description: 'articles stored and sorted into stories per transaction', default: '200' },
  { name: 'timeout', value: 'DURATION', description: 'give up on a feed or page that has not answered after this long (30s, 5m, 1h)', default: '20s' },
  { name: 'no-fetch-pages', description: "read a feed URL's items from the feed alone, without fetching their linked pages" },
  { name: 'fetch-pages', description: "complete a local feed file's items from their linked pages (fetched)" },
] as const satisfies readonly CliOption[];

export const command: CliCommand = {
  name: 'ingest',
  summary: 'Store articles from files, folders, JSONL, feeds (URLs or .rss/.atom files) or OPML and sort them into stories',
  arguments: '<files|folders|JSONL|feed URLs|feed files|OPML...>',
  options: OPTIONS,
  notes: [
    "A feed URL's items are completed from their linked pages unless --no-fetch-pages; a local feed file's items",
    'are read from the feed alone (nothing is fetched) unless --fetch-pages.',
  ],
  examples: [
    'triangulate ingest coverage/ --store news.db',
    'triangulate ingest https://news.example/rss.xml feeds.opml --timeout 30s',
  ],
  async run(args, io) {
    const { values, positionals } = parseOptions(OPTIONS, args, { command: 'ingest' });
    if (values['fetch-pages'] && values['no-fetch-pages']) throw new UsageError('give --fetch-pages or --no-fetch-pages, not both');
    if (positionals.length === 0) throw new UsageError('give at least one file, folder, feed URL or OPML file to ingest');
    const batchSize = parseCount(values.batch, '--batch');
    const timeoutMs = parseDuration(values.timeout, '--timeout');
    return withStore(values.store, io, async (store) => {
      const progress = terminalProgress();
      const options = {
        allowPrivate: values['allow-private'],
        fetchPages: !values['no-fetch-pages'],
        // A local file is the user's copy of a feed: reaching the network for it must be asked for.
        fetchLocalFeedPages: values['fetch-pages'],
        batchSize,
        timeoutMs,
        progress,
        onProblem: (origin: string, reason: string) => io.stderr(reason.startsWith(origin) ? reason : `${origin}: ${reason}`),
        onNotice: (origin: string, notice: string) => io.stderr(`${origin}: ${notice}`),
      };
      // A PostgreSQL store is shared with workers: the inputs are queued for them (see src/jobs/client.ts).
      const summary =
        store.kind === 'postgres'
          ? await (await import('../../jobs/client.js')).ingestThroughQueue(store as PostgresStore, positionals, { ...options, onStatus: (line) => io.stderr(line) })
          : await ingestSources(store, positionals, options);
      io.stderr(describeSummary(summary, store.path));
      return ingestSucceeded(summary) ? 0 : 1;
    });
  },
};
