import { UsageError } from '../../errors.js';
import type { CliCommand, CliOption } from '../command.js';
import { parseOptions } from '../options.js';
import { STORE_OPTION, parseCount, withStore } from './shared.js';

const OPTIONS = [
  STORE_OPTION,
  { name: 'limit', value: 'N', description: 'most stories listed, newest first', default: '30' },
  { name: 'min-articles', value: 'N', description: 'list only stories with at least N articles', default: '1' },
  { name: 'format', value: 'table|json', description: 'a table for reading, or JSON for scripts', default: 'table' },
] as const satisfies readonly CliOption[];

export const command: CliCommand = {
  name: 'stories',
  summary: 'List stories in the store, newest first, with article and outlet counts',
  arguments: '',
  options: OPTIONS,
  examples: ['triangulate stories --store news.db --min-articles 3', 'triangulate stories --format json --limit 100'],
  async run(args, io) {
    const { values } = parseOptions(OPTIONS, args, { positionals: false, command: 'stories' });
    if (values.format !== 'table' && values.format !== 'json') throw new UsageError(`unknown format "${values.format}" (use table or json)`);
    const limit = parseCount(values.limit, '--limit');
    const minArticles = parseCount(values['min-articles'], '--min-articles');
    return withStore(
      values.store,
      io,
      async (store) => {
        const stories = await store.listStories({ limit, minArticles });
        if (values.format === 'json') {
          io.stdout(`${JSON.stringify(stories, null, 2)}\n`);
          return 0;
        }
        if (stories.length === 0) {
          io.stderr(`no stories in ${store.path} yet (run: triangulate ingest <sources>)`);
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
