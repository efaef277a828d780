import { getPriority, setPriority } from 'node:os';
import { UsageError } from '../../errors.js';
import type { CliCommand, CliOption } from '../command.js';
import { parseOptions } from '../options.js';
import type { PostgresStore } from '../../store/postgres.js';
import { STORE_OPTION, parseCount, parseDuration, withStore } from './shared.js';
import { isPostgresUrl } from '../../store/target.js';

const OPTIONS = [
  { ...STORE_OPTION, description: 'the PostgreSQL store to take jobs from (postgres://user@host/database)' },
  { name: 'allow-private', description: 'let feed and page URLs reach private and local addresses (refused by default)' },
  { name: 'timeout', value: 'DURATION', description: 'give up on a feed or page that has not answered after this long', default: '20s' },
  { name: 'grace', value: 'DURATION', description: 'on SIGTERM or Ctrl-C, let running jobs finish for this long before leaving them to be retried', default: '30s' },
  { name: 'lease', value: 'DURATION', description: "how long a job may run before it counts as abandoned (its worker died) and is retried; set on the store's queues, for every worker", defaultNote: '5m, 10m for dossier builds' },
  { name: 'prebuild', description: 'rebuild the dossier of every story new articles joined (by default dossiers are built when a server asks)' },
  { name: 'max-dossier-articles', value: 'N', description: 'most articles one dossier analyses', default: '500' },
  { name: 'nice', value: 'N', description: 'scheduling priority of the worker (0 normal to 19 lowest): a web server on the same machine keeps answering while dossiers build', default: '10' },
  { name: 'quiet', short: 'q', description: 'print only failures, not a line per feed poll and dossier build' },
] as const satisfies readonly CliOption[];

export const command: CliCommand = {
  name: 'worker',
  summary: 'Take jobs (feed polls, page fetches, cleaning, story assignment, dossier builds) from a PostgreSQL store until stopped',
  arguments: '',
  options: OPTIONS,
  notes: [
    'Run any number of workers, on any machines that reach the database. One of them at a time also sorts',
    'articles into stories (the others take over within a second if it stops). SIGTERM or Ctrl-C stops',
    'gracefully; a worker killed outright loses nothing: its job is retried once its lease runs out.',
  ],
  examples: ['triangulate worker --store postgres://triangulate@localhost/news'],
  async run(args, io) {
    const { values } = parseOptions(OPTIONS, args, { positionals: false, command: 'worker' });
    const timeoutMs = parseDuration(values.timeout, '--timeout');
    const graceMs = parseDuration(values.grace, '--grace');
    const maxDossierArticles = parseCount(values['max-dossier-articles'], '--max-dossier-articles');
    const leaseSeconds = values.lease === undefined ? undefined : Math.ceil(parseDuration(values.lease, '--lease') / 1000);
    if (leaseSeconds !== undefined && leaseSeconds > 23 * 3600) throw new UsageError('--lease can be at most 23h');
    const nice = Number(values.nice);
    if (!Number.isInteger(nice) || nice < 0 || nice > 19) throw new UsageError(`--nice takes a whole number from 0 to 19, not "${values.nice}"`);
    try {
      // Only ever lowered: raising priority needs privileges and would starve the server instead.
      if (nice > 0) setPriority(process.pid, Math.max(getPriority(process.pid), nice));
    } catch (error) {
      io.stderr(`cannot lower the worker's priority (${(error as Error).message}); running at normal priority`);
    }
    // Said before opening: opening an SQLite path would leave an empty store file behind.
    if (!isPostgresUrl(values.store)) throw new UsageError(`a PostgreSQL store is needed (--store postgres://… or $TRIANGULATE_STORE); ${values.store} is an SQLite file, which ingest, watch and serve use directly`);
    return withStore(values.store, io, async (store) => {
      const { Worker } = await import('../../jobs/worker.js');
      const worker = await Worker.start(store as PostgresStore, {
        allowPrivate: values['allow-private'],
        timeoutMs,
        prebuildDossiers: values.prebuild,
        maxDossierArticles,
        expireInSeconds: leaseSeconds,
        onJob: ({ queue, ok, detail }) => {
          if (!ok) io.stderr(`[${stamp()}] ${queue} failed: ${detail}`);
          else if (!values.quiet && queue !== 'article-prepare') io.stderr(`[${stamp()}] ${queue}: ${detail}`);
        },
      });
      io.stderr(`[${stamp()}] worker ${worker.registration.id.slice(0, 8)} started on ${store.path} (pid ${process.pid}); Ctrl-C stops`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      io.stderr(`[${stamp()}] stopping: running jobs get ${values.grace} to finish`);
      await worker.stop({ timeoutMs: graceMs });
      io.stderr(`[${stamp()}] worker stopped after ${worker.registration.jobsDone} jobs (${worker.registration.jobsFailed} failed)`);
      return 0;
    });
  },
};

function stamp(): string {
  return new Date().toISOString().slice(0, 19).replace('T', ' ');
}
