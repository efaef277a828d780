import { parseArgs } from 'node:util';
import { UsageError } from '../../errors.js';
import { watchFeeds } from '../../ingest/index.js';
import type { CliCommand } from '../command.js';
import { STORE_OPTION, parseDuration, withStore } from './shared.js';
import { describeSummary } from './ingest.js';

export const command: CliCommand = {
  name: 'watch',
  summary: 'Poll RSS/Atom/JSON feeds (or OPML lists of feeds) and keep stories current',
  usage: 'triangulate watch <feed URLs|OPML...> [--every 5m] [--store FILE] [--allow-private] [--once]',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        ...STORE_OPTION,
        every: { type: 'string', default: '5m' },
        'allow-private': { type: 'boolean', default: false },
        once: { type: 'boolean', default: false },
      },
    });
    if (positionals.length === 0) throw new UsageError('give at least one feed URL or OPML file to watch');
    const everyMs = parseDuration(values.every, '--every');
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      return await withStore(values.store, io, async (store) => {
        await watchFeeds(store, positionals, {
          everyMs,
          rounds: values.once ? 1 : undefined,
          signal: controller.signal,
          allowPrivate: values['allow-private'],
          onProblem: (origin, reason) => io.stderr(reason.startsWith(origin) ? reason : `${origin}: ${reason}`),
          onRound: (round, summary) => io.stderr(`[${new Date().toISOString()}] round ${round}: ${describeSummary(summary, values.store)}`),
        });
        return 0;
      });
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
  },
};
