import { parseArgs } from 'node:util';
import { UsageError } from '../../errors.js';
import { ingestSources, terminalProgress, type IngestSummary } from '../../ingest/index.js';
import type { CliCommand } from '../command.js';
import { STORE_OPTION, parsePositiveInt, withStore } from './shared.js';

export function describeSummary(summary: IngestSummary, storePath: string): string {
  const parts = [`${summary.stored} new article${summary.stored === 1 ? '' : 's'}`];
  if (summary.duplicates) parts.push(`${summary.duplicates} already stored`);
  parts.push(`${summary.storiesCreated} new stor${summary.storiesCreated === 1 ? 'y' : 'ies'}`);
  if (summary.merges) parts.push(`${summary.merges} stories merged`);
  if (summary.feedsPolled) parts.push(`${summary.feedsPolled} feeds polled (${summary.feedsNotModified} unchanged)`);
  if (summary.problems) parts.push(`${summary.problems} problem${summary.problems === 1 ? '' : 's'}`);
  return `${parts.join(', ')}; store ${storePath}`;
}

export const command: CliCommand = {
  name: 'ingest',
  summary: 'Store articles from files, folders, JSONL, feed URLs or OPML and sort them into stories',
  usage: 'triangulate ingest <files|folders|JSONL|feed URLs|OPML...> [--store FILE] [--allow-private] [--batch N] [--no-fetch-pages]',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        ...STORE_OPTION,
        'allow-private': { type: 'boolean', default: false },
        batch: { type: 'string' },
        'no-fetch-pages': { type: 'boolean', default: false },
      },
    });
    if (positionals.length === 0) throw new UsageError('give at least one file, folder, feed URL or OPML file to ingest');
    const batchSize = parsePositiveInt(values.batch, '--batch', 200);
    return withStore(values.store, io, async (store) => {
      const progress = terminalProgress();
      const summary = await ingestSources(store, positionals, {
        allowPrivate: values['allow-private'],
        fetchPages: !values['no-fetch-pages'],
        batchSize,
        progress,
        onProblem: (origin, reason) => io.stderr(reason.startsWith(origin) ? reason : `${origin}: ${reason}`),
      });
      io.stderr(describeSummary(summary, values.store));
      return summary.stored + summary.duplicates > 0 || summary.feedsNotModified > 0 ? 0 : 1;
    });
  },
};
