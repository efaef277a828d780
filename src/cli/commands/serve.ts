import { UsageError } from '../../errors.js';
import { DEFAULT_STORE_PATH, isPostgresUrl, isStoreError, redactUrl } from '../../store/index.js';
import { startServer, DEFAULT_BODY_LIMIT, DEFAULT_MAX_DOSSIER_ARTICLES } from '../../server/index.js';
import type { CliCommand, CliOption } from '../command.js';
import { count } from '../format.js';
import { parseOptions } from '../options.js';
import { checkInputPaths, checkStorePath, parseCount, parseDuration, parsePositiveInt } from './shared.js';

/**
 * The line serve prints once listening: "triangulate: serving http://127.0.0.1:8080 (store: memory, loaded
 * 1 article into 1 story, watching 2 feed sources); Ctrl-C stops".
 */
export function servingLine(url: string, store: string, loaded: { stored: number; storiesCreated: number } | null | undefined, feeds: number): string {
  const parts = [`store: ${store}`];
  if (loaded) parts.push(`loaded ${count(loaded.stored, 'article')} into ${count(loaded.storiesCreated, 'story', 'stories')}`);
  if (feeds) parts.push(`watching ${count(feeds, 'feed source')}`);
  return `triangulate: serving ${url} (${parts.join(', ')}); Ctrl-C stops`;
}

const OPTIONS = [
  { name: 'port', short: 'p', value: 'PORT', description: 'TCP port to listen on (0 picks a free one)', default: '8080' },
  { name: 'host', value: 'ADDRESS', description: 'address to listen on; 0.0.0.0 serves other machines too', default: '127.0.0.1' },
  { name: 'allow-host', value: 'NAME', multiple: true, description: 'a Host header to accept besides localhost names (for a proxy or LAN name)' },
  { name: 'db', value: 'FILE|URL', description: 'the store to serve: an SQLite file or a PostgreSQL URL (dossiers are then built by workers)', defaultNote: `${isPostgresUrl(DEFAULT_STORE_PATH) ? redactUrl(DEFAULT_STORE_PATH) : DEFAULT_STORE_PATH}, or an in-memory store with --from` },
  { name: 'store', short: 's', value: 'FILE|URL', description: 'the same as --db' },
  { name: 'from', value: 'PATH', multiple: true, description: 'load files or folders into an in-memory store and serve it' },
  { name: 'watch', value: 'FEED', multiple: true, description: 'a feed URL or OPML list to poll while serving' },
  { name: 'every', value: 'DURATION', description: 'wait between polling rounds of --watch', default: '5m' },
  { name: 'allow-private', description: 'let feed URLs reach private and local addresses (refused by default)' },
  { name: 'body-limit', value: 'BYTES', description: 'largest request body the API accepts', default: String(DEFAULT_BODY_LIMIT) },
  { name: 'request-timeout', value: 'DURATION', description: 'give up on an API request not answered after this long', default: '30s' },
  { name: 'max-dossier-articles', value: 'N', description: 'most articles one dossier of the workspace analyses', default: String(DEFAULT_MAX_DOSSIER_ARTICLES) },
  { name: 'dossier-threads', value: 'N', description: 'worker threads that build dossiers', defaultNote: 'one per CPU core less one, at least 1' },
] as const satisfies readonly CliOption[];

export const command: CliCommand = {
  name: 'serve',
  summary: 'Serve the web workspace and the HTTP API over a store (or over a folder loaded in memory)',
  arguments: '',
  options: OPTIONS,
  examples: [
    'triangulate serve --db news.db --watch https://news.example/rss.xml',
    'triangulate serve --from coverage/ --port 3000',
  ],
  async run(args, io) {
    const { values } = parseOptions(OPTIONS, args, { positionals: false, command: 'serve' });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a port number (0-65535), not "${values.port}"`);
    if (values.db && values.store) throw new UsageError('give --db or --store, not both (they name the same file)');
    const db = values.db ?? values.store;
    // Checked before the server starts: a mistyped folder would otherwise serve an empty store or workspace.
    if (db) checkStorePath(db, values.db ? '--db' : '--store');
    if (values.from) checkInputPaths(values.from, '--from');
    const everyMs = parseDuration(values.every, '--every');
    const bodyLimit = parseCount(values['body-limit'], '--body-limit');
    const requestTimeoutMs = parseDuration(values['request-timeout'], '--request-timeout');
    const maxDossierArticles = parseCount(values['max-dossier-articles'], '--max-dossier-articles');
    const dossierThreads = values['dossier-threads'] === undefined ? undefined : parsePositiveInt(values['dossier-threads'], '--dossier-threads', 1);

    let server;
    try {
      server = await startServer({
        db,
        from: values.from,
        feeds: values.watch,
        everyMs,
        port,
        host: values.host,
        allowPrivate: values['allow-private'],
        bodyLimit,
        requestTimeoutMs,
        maxDossierArticles,
        dossierThreads,
        allowedHosts: values['allow-host'],
        onProblem: (origin, reason) => io.stderr(reason.startsWith(origin) ? reason : `${origin}: ${reason}`),
      });
    } catch (error) {
      if (isStoreError(error)) {
        io.stderr(error.message);
        return 1;
      }
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
        io.stderr(`cannot listen on ${values.host}:${port} (${code === 'EADDRINUSE' ? 'the port is in use' : code === 'EACCES' ? 'permission denied' : 'no such address'})`);
        return 1;
      }
      throw error;
    }
    const where = db && server.store.kind === 'postgres' ? server.store.path : (db ?? (values.from?.length ? 'memory' : server.store.path));
    io.stderr(servingLine(server.url, where, server.loaded, values.watch?.length ?? 0));

    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    });
    // Stop at once: close() terminates dossier builds and drops open connections. Should anything still
    // hold the process (a feed fetch waiting on a slow site), it ends anyway shortly after; a second
    // signal ends it immediately.
    const code = signal === 'SIGINT' ? 130 : 143;
    const force = () => process.exit(code);
    process.once('SIGINT', force);
    process.once('SIGTERM', force);
    setTimeout(force, 2000).unref();
    await server.close();
    return 0;
  },
};
