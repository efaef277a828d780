import { UsageError } from '../../errors.js';
import { watchFeeds } from '../../ingest/index.js';
import type { CliCommand, CliOption } from '../command.js';
import { parseOptions } from '../options.js';
import type { PostgresStore } from '../../store/postgres.js';
import { STORE_OPTION, parseDuration, withStore } from './shared.js';
import { describeSummary } from './ingest.js';

const OPTIONS = [
  { name: 'every', value: 'DURATION', description: 'wait between polling rounds (30s, 5m, 1h; at most 24d)', default: '5m' },
  { name: 'timeout', value: 'DURATION', description: 'give up on a feed or page that has not answered after this long', default: '20s' },
  STORE_OPTION,
  { name: 'allow-private', description: 'let feed URLs reach private and local addresses (refused by default)' },
  { name: 'once', description: 'poll every feed one time and exit; exit 1 when none of them could be read' },
] as const satisfies readonly CliOption[];

export const command: CliCommand = {
  name: 'watch',
  summary: 'Poll RSS/Atom/JSON feeds (or OPML lists of feeds) and keep stories current',
  arguments: '<feed URLs|OPML...>',
  options: OPTIONS,
  notes: [
    'Ctrl-C (or SIGTERM) stops at once.',
    'With a PostgreSQL store, watch only schedules one poll of each feed per interval; workers fetch them, and',
    'several watchers of the same feed still make one fetch per interval.',
  ],
  examples: [
    'triangulate watch https://news.example/rss.xml --every 10m --store news.db',
    'triangulate watch feeds.opml --once',
  ],
  async run(args, io) {
    const { values, positionals } = parseOptions(OPTIONS, args, { command: 'watch' });
    if (positionals.length === 0) throw new UsageError('give at least one feed URL or OPML file to watch');
    const everyMs = parseDuration(values.every, '--every');
    const timeoutMs = parseDuration(values.timeout, '--timeout');
    // A signal aborts the pending requests and the wait between rounds, so the process ends at once; the
    // handlers are removed on the way out, so a second signal gets Node's default (immediate exit).
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      return await withStore(values.store, io, async (store) => {
        if (store.kind === 'postgres') {
          // The workers fetch, under their own settings: a client cannot widen what they may reach.
          if (values['allow-private']) io.stderr('with a PostgreSQL store the workers fetch the feeds: start them with `triangulate worker --allow-private` to reach private addresses');
          const { scheduleWatch } = await import('../../jobs/watch.js');
          return scheduleWatch(store as PostgresStore, positionals, {
            everyMs,
            once: values.once,
            signal: controller.signal,
            allowPrivate: values['allow-private'],
            timeoutMs,
            onProblem: (origin, reason) => io.stderr(reason.startsWith(origin) ? reason : `${origin}: ${reason}`),
            onRound: (line) => io.stderr(`[${new Date().toISOString()}] ${line}`),
          });
        }
        const total = await watchFeeds(store, positionals, {
          everyMs,
          timeoutMs,
          rounds: values.once ? 1 : undefined,
          signal: controller.signal,
          allowPrivate: values['allow-private'],
          onProblem: (origin, reason) => io.stderr(reason.startsWith(origin) ? reason : `${origin}: ${reason}`),
          // A running watch says it in each round's count (the failure itself was a line when it happened);
          // a one-off run names each feed it did not poll.
          onBackoff: values.once ? (feed, notice) => io.stderr(`${feed}: ${notice}`) : undefined,
          onRound: (round, summary) => io.stderr(`[${new Date().toISOString()}] round ${round}: ${describeSummary(summary, store.path)}`),
        });
        if (controller.signal.aborted) return 0;
        // --once is what a cron job or a health check runs: it must say so when no feed could be read. A feed
        // still in backoff failed last time and was not tried, so it counts as not read; sources that were no
        // feeds at all (a local file, an unreadable OPML list) are problems with nothing polled.
        const answered = total.feedsPolled - total.feedsFailed;
        return answered === 0 && (total.feedsFailed > 0 || total.feedsWaiting > 0 || total.problems > 0) ? 1 : 0;
      });
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
  },
};
