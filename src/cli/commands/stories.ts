import { parseArgs } from 'node:util';
import { UsageError } from '../../errors.js';
import type { CliCommand } from '../command.js';
import { STORE_OPTION, parsePositiveInt, withStore } from './shared.js';

export const command: CliCommand = {
  name: 'stories',
  summary: 'List stories in the store, newest first, with article and outlet counts',
  usage: 'triangulate stories [--store FILE] [--limit N] [--min-articles N] [--format table|json]',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        ...STORE_OPTION,
        limit: { type: 'string' },
        'min-articles': { type: 'string' },
        format: { type: 'string', default: 'table' },
      },
    });
    if (values.format !== 'table' && values.format !== 'json') throw new UsageError(`unknown format "${values.format}" (use table or json)`);
    const limit = parsePositiveInt(values.limit, '--limit', 30);
    const minArticles = parsePositiveInt(values['min-articles'], '--min-articles', 1);
    return withStore(
      values.store,
      io,
      async (store) => {
        const stories = store.listStories({ limit, minArticles });
        if (values.format === 'json') {
          io.stdout(`${JSON.stringify(stories, null, 2)}\n`);
          return 0;
        }
        if (stories.length === 0) {
          io.stderr(`no stories in ${values.store} yet (run: triangulate ingest <sources>)`);
          return 0;
        }
        const lines = ['   id  articles  outlets  latest      title'];
        for (const s of stories) {
          const title = (s.title ?? '(untitled)').replace(/\s+/g, ' ');
          lines.push(
            `${String(s.id).padStart(5)}  ${String(s.articleCount).padStart(8)}  ${String(s.outletCount).padStart(7)}  ${(s.lastPublished ?? '').slice(0, 10).padEnd(10)}  ${title.length > 80 ? `${title.slice(0, 79)}…` : title}`,
          );
        }
        io.stdout(`${lines.join('\n')}\n`);
        return 0;
      },
      { mustExist: true },
    );
  },
};
