import { parseArgs } from 'node:util';
import { UsageError } from '../../errors.js';
import { isStoreError } from '../../store/index.js';
import { startServer } from '../../server/index.js';
import type { CliCommand } from '../command.js';
import { parseDuration, parsePositiveInt } from './shared.js';

export const command: CliCommand = {
  name: 'serve',
  summary: 'Serve the web workspace and the HTTP API over a store (or over a folder loaded in memory)',
  usage:
    'triangulate serve [--port 8080] [--host 127.0.0.1] [--db FILE | --from <files|folders>...] [--watch <feed URL|OPML>...] [--every 5m] [--allow-private] [--body-limit BYTES]',
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
      },
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a port number (0-65535), not "${values.port}"`);
    if (values.db && values.store) throw new UsageError('give --db or --store, not both (they name the same file)');
    const db = values.db ?? values.store;
    const everyMs = parseDuration(values.every, '--every');
    const bodyLimit = parsePositiveInt(values['body-limit'], '--body-limit', 2 * 1024 * 1024);

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

    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    return 0;
  },
};
