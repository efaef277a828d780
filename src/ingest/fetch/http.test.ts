// Fetching fails loudly and in time: bodies cut short, drip-fed bodies and stopped requests, against real
// servers on loopback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { getEventListeners } from 'node:events';
import { fetchText, isIngestError } from '../index.js';

const body = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${'<item><title>x</title></item>'.repeat(400)}</channel></rss>`;
const gzipped = gzipSync(body);
const truncated = gzipped.subarray(0, Math.floor(gzipped.length / 2));

let server: http.Server;
let base = '';
const sockets = new Set<Socket>();
const timers = new Set<NodeJS.Timeout>();

before(async () => {
  server = http.createServer((req, res) => {
    switch (req.url) {
      case '/gzip-whole':
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(gzipped);
        return;
      case '/gzip-truncated':
        // Correct HTTP framing (Content-Length of what is sent), gzip stream cut in half.
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip', 'content-length': truncated.length }).end(truncated);
        return;
      case '/gzip-cut-length':
        // Content-Length promises the whole body; the connection closes halfway.
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip', 'content-length': gzipped.length });
        res.write(truncated, () => res.socket?.destroy());
        return;
      case '/gzip-cut-chunked':
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
        res.write(truncated, () => res.socket?.destroy());
        return;
      case '/plain-cut-length':
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': 1000 });
        res.write('only a little', () => res.socket?.destroy());
        return;
      case '/drip': {
        // A byte every 100 ms: never idle long enough for a per-socket idle timeout, never done.
        res.writeHead(200, { 'content-type': 'text/plain' });
        const timer = setInterval(() => res.write('x'), 100);
        timers.add(timer);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case '/redirect-slow':
        setTimeout(() => res.writeHead(302, { location: '/drip' }).end(), 200);
        return;
      case '/hang':
        return; // headers never come
      default:
        res.writeHead(404).end();
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  for (const timer of timers) clearInterval(timer);
  for (const socket of sockets) socket.destroy();
  server.close();
});

async function failure(url: string, options: Parameters<typeof fetchText>[1] = {}): Promise<Error> {
  try {
    await fetchText(url, { allowPrivate: true, ...options });
  } catch (error) {
    return error as Error;
  }
  assert.fail(`${url} was fetched without an error`);
}

test('a whole gzip body is decompressed', async () => {
  const result = await fetchText(`${base}/gzip-whole`, { allowPrivate: true });
  assert.equal(result.body, body);
});

test('a gzip body cut short, however the cut is framed, fails with one line naming the URL', async () => {
  for (const path of ['/gzip-truncated', '/gzip-cut-length', '/gzip-cut-chunked', '/plain-cut-length']) {
    const url = `${base}${path}`;
    const error = await failure(url, { timeoutMs: 5000 });
    assert.ok(isIngestError(error), `${path}: ${String(error)}`);
    assert.equal(error.code, 'fetch-failed', path);
    assert.ok(error.message.startsWith(`${url}: fetch failed: `), error.message);
    assert.doesNotMatch(error.message, /\n/);
  }
  assert.match((await failure(`${base}/gzip-truncated`)).message, /could not be decompressed \(unexpected end of file\)/);
  assert.match((await failure(`${base}/plain-cut-length`)).message, /connection closed before the body ended/);
});

test('one deadline covers the whole request: a drip-fed body is cut at the timeout', async () => {
  for (const path of ['/drip', '/hang', '/redirect-slow']) {
    const url = `${base}${path}`;
    const started = Date.now();
    const error = await failure(url, { timeoutMs: 300 });
    const elapsed = Date.now() - started;
    assert.ok(isIngestError(error) && error.code === 'fetch-failed', String(error));
    assert.equal(error.message, `${url}: fetch failed: timed out after 0.3 s`);
    // Not before the deadline; the upper bound only has to tell it from a body that never ends (room for a loaded machine).
    assert.ok(elapsed >= 280 && elapsed < 5000, `${path} took ${elapsed} ms`);
  }
});

test('a caller signal stops a request at once, and no listener is left on it by finished requests', async () => {
  const controller = new AbortController();
  for (let i = 0; i < 30; i++) await fetchText(`${base}/gzip-whole`, { allowPrivate: true, signal: controller.signal });
  await failure(`${base}/gzip-truncated`, { signal: controller.signal });
  assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
  const started = Date.now();
  const pending = failure(`${base}/drip`, { signal: controller.signal, timeoutMs: 10_000 });
  setTimeout(() => controller.abort(), 150);
  const error = await pending;
  assert.equal((error as Error).name, 'AbortError');
  // Well before the request's own 10 s deadline, with room for a loaded machine.
  assert.ok(Date.now() - started < 5000, `stopped ${Date.now() - started} ms after the start`);
  assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
});
