import { parseArgs } from 'node:util';
import { UsageError } from '../../errors.js';
import { isStoreError } from '../../store/index.js';
import { startServer, DEFAULT_MAX_DOSSIER_ARTICLES } from '../../server/index.js';
import type { CliCommand } from '../command.js';
import { checkInputPaths, checkStorePath, parseDuration, parsePositiveInt } from './shared.js';

export const command: CliCommand = {
  name: 'serve',
  summary: 'Serve the web workspace and the HTTP API over a store (or over a folder loaded in memory)',
  usage:
    'triangulate serve [--port 8080] [--host 127.0.0.1] [--allow-host NAME...] [--db FILE | --from <files|folders>...] [--watch <feed URL|OPML>...] [--every 5m] [--allow-private] [--body-limit BYTES] [--request-timeout 30s] [--max-dossier-articles 500] [--dossier-threads N]',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        port: { type: 'string', short: 'p', default: '8080' },
        host: { type: 'string', default: '127.0.0.1' },
        db: { type: 'string' },
        store: { type: 'string', short: 's' },
        from: { type: 'string', multiple: true },
        watch: { type: 'string', multiple: true },
        every: { type: 'string', default: '5m' },
        'allow-private': { type: 'boolean', default: false },
        'body-limit': { type: 'string' },
        'allow-host': { type: 'string', multiple: true },
        'request-timeout': { type: 'string', default: '30s' },
        'max-dossier-articles': { type: 'string' },
        'dossier-threads': { type: 'string' },
      },
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a port number (0-65535), not "${values.port}"`);
    if (values.db && values.store) throw new UsageError('give --db or --store, not both (they name the same file)');
    const db = values.db ?? values.store;
    // Checked before the server starts: a mistyped folder would otherwise serve an empty store or workspace.
    if (db) checkStorePath(db, values.db ? '--db' : '--store');
    if (values.from) checkInputPaths(values.from, '--from');
    const everyMs = parseDuration(values.every, '--every');
    const bodyLimit = parsePositiveInt(values['body-limit'], '--body-limit', 2 * 1024 * 1024);
    const requestTimeoutMs = parseDuration(values['request-timeout'], '--request-timeout');
    const maxDossierArticles = parsePositiveInt(values['max-dossier-articles'], '--max-dossier-articles', DEFAULT_MAX_DOSSIER_ARTICLES);
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
    const where = db ?? (values.from?.length ? 'memory' : server.store.path);
    const loaded = server.loaded
      ? `, loaded ${server.loaded.stored} article${server.loaded.stored === 1 ? '' : 's'} into ${server.loaded.storiesCreated} stor${server.loaded.storiesCreated === 1 ? 'y' : 'ies'}`
      : '';
    io.stderr(`triangulate: serving ${server.url} (store: ${where}${loaded}${values.watch?.length ? `, watching ${values.watch.length} feed source(s)` : ''}); Ctrl-C stops`);

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
