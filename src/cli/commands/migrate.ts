import { UsageError } from '../../errors.js';
import type { CliCommand, CliOption } from '../command.js';
import { parseOptions } from '../options.js';
import { isPostgresUrl } from '../../store/target.js';

const OPTIONS = [
  { name: 'from', value: 'FILE', description: 'the SQLite store to copy (read only, never changed)' },
  { name: 'to', value: 'URL', description: 'the PostgreSQL database to copy into (postgres://user:password@host:5432/database); must hold no store data yet' },
] as const satisfies readonly CliOption[];

/** Seconds between two progress lines of one table: often enough to show life, rarely enough to stay readable in a log. */
const PROGRESS_EVERY_MS = 2000;

function thousands(n: number): string {
  return n.toLocaleString('en-US');
}

export const command: CliCommand = {
  name: 'migrate',
  summary: 'Copy an SQLite store into PostgreSQL, keeping every id, and check the copy',
  arguments: '',
  options: OPTIONS,
  notes: [
    'The copy is one transaction: it is kept whole after counts and checksums of every table matched, or not at all.',
    'Stop ingest, watch and serve on the SQLite store first; afterwards point them at the PostgreSQL URL.',
    'The password in --to is never printed; PGPASSWORD and ~/.pgpass work too.',
  ],
  examples: ['triangulate migrate --from triangulate.db --to postgres://triangulate@localhost:5432/news'],
  async run(args, io) {
    const { values } = parseOptions(OPTIONS, args, { positionals: false, command: 'migrate' });
    if (values.from === undefined || values.from === '') throw new UsageError('give the SQLite store to copy: --from FILE');
    if (values.to === undefined || values.to === '') throw new UsageError('give the PostgreSQL database to copy into: --to postgres://user@host/database');
    if (!isPostgresUrl(values.to)) throw new UsageError(`--to takes a PostgreSQL URL (postgres://user@host/database), not "${values.to}"`);
    // Loaded only now: the other commands need neither the PostgreSQL driver nor the copy code.
    const { migrateSqliteToPostgres } = await import('../../store/migrate.js');
    // Small stores copy in under two seconds: no progress lines for them.
    let lastLine = Date.now();
    // Mistakes (missing file, not a store, unreachable server, target not empty) are StoreErrors: main
    // prints their one line and exits with 1.
    const report = await migrateSqliteToPostgres(values.from, values.to, {
      onProgress({ table, copied, total }) {
        const now = Date.now();
        if (copied === 0 || copied === total || now - lastLine < PROGRESS_EVERY_MS) return;
        lastLine = now;
        io.stderr(`copying ${table}: ${thousands(copied)} / ${thousands(total)} rows`);
      },
    });
    const width = Math.max(...report.tables.map((t) => thousands(t.source).length));
    const nameWidth = Math.max(...report.tables.map((t) => t.table.length));
    const lines = [`copied ${report.from} into ${report.to}`];
    for (const t of report.tables) lines.push(`  ${t.table.padEnd(nameWidth)}  ${thousands(t.source).padStart(width)} → ${thousands(t.target)}`);
    const unchecked = report.tables.flatMap((t) => t.uncheckedColumns.map((c) => `${t.table}.${c}`));
    lines.push(`row counts and checksums match${unchecked.length ? ` (checksums leave out ${unchecked.join(', ')}, stored in other types)` : ''}`);
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  },
};
