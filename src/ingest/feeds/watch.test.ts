// Feeds are polled concurrently and in time; `watch` stops at once, fails loudly and leaks nothing per round.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { spawn } from 'node:child_process';
import { getEventListeners } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { openStore } from '../../store/index.js';
import { cli } from '../../../test/cli.js';
import { ingestSources, watchFeeds } from '../index.js';

const paragraph = (topic: string, n: number) =>
  `<p>${topic} paragraph ${n}: officials in the harbour town of Lindqvist said the ${topic.toLowerCase()} continued through the night, and residents were asked to stay indoors while crews worked along the quay.</p>`;
const feed = (name: string) => `<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${name} Herald</title>
<item><title>${name} storm floods the quay</title><link>https://${name}.example/a/${name}</link><pubDate>Tue, 02 Jan 2024 08:00:00 GMT</pubDate>
<content:encoded><![CDATA[${Array.from({ length: 5 }, (_, i) => paragraph(name, i + 1)).join('')}]]></content:encoded></item>
</channel></rss>`;

let server: http.Server;
let base = '';
let requests: string[] = [];
/** Slow feed responses still dripping (a slow feed never ends by itself: see `hangUpSlow`). */
const slowOpen = new Set<http.ServerResponse>();
/** Hangs up on every slow feed still dripping, as a server giving up would. */
const hangUpSlow = () => {
  for (const res of slowOpen) res.socket?.destroy();
};
const sockets = new Set<Socket>();
const dir = mkdtempSync(path.join(tmpdir(), 'watch-test-'));

before(async () => {
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const fast = /^\/fast-(\w+)\.xml$/.exec(req.url ?? '');
    if (fast) {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      return void res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(feed(fast[1]));
    }
    if (req.url?.startsWith('/slow')) {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      slowOpen.add(res);
      const timer = setInterval(() => res.write(' '), 100);
      res.on('close', () => {
        slowOpen.delete(res);
        clearInterval(timer);
      });
      return;
    }
    if (req.url === '/truncated.xml') {
      const gz = gzipSync(feed('cut'));
      return void res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/rss+xml' }).end(gz.subarray(0, gz.length - 20));
    }
    if (req.url === '/broken.xml') return void res.writeHead(500).end('oops');
    res.writeHead(404).end();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  for (const socket of sockets) socket.destroy();
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a slow feed does not hold up the others: they are stored while it is still dripping', async () => {
  const store = await openStore(':memory:');
  // The first article cleaned loads the language models: done here so that load is not timed below.
  await ingestSources(store, [`${base}/fast-warm.xml`], { allowPrivate: true });
  const events: string[] = [];
  const problems: string[] = [];
  /** How many slow feeds were still dripping when each fast feed's articles were stored. */
  const slowAtStore: number[] = [];
  let stored = 0;
  // The slow feeds end only when the server hangs up on them, once both fast feeds are stored: the order is
  // set by what happened, not by how fast this machine cleans (a timeout racing the fast feeds was flaky).
  // A client that waited for a slow feed before the fast ones would wait for the 30 s backstop instead.
  const summary = await ingestSources(store, [`${base}/slow-1.xml`, `${base}/slow-2.xml`, `${base}/slow-3.xml`, `${base}/fast-a.xml`, `${base}/fast-b.xml`], {
    allowPrivate: true,
    timeoutMs: 30_000,
    feedConcurrency: 4,
    onBatch: (committed) => {
      events.push('stored');
      slowAtStore.push(slowOpen.size);
      stored += committed.stored;
      if (stored === 2) hangUpSlow();
    },
    onProblem: (_origin, reason) => {
      events.push('failed');
      problems.push(reason);
    },
  });
  assert.equal(summary.stored, 2);
  assert.equal(summary.feedsFailed, 3);
  assert.deepEqual(events, ['stored', 'stored', 'failed', 'failed', 'failed'], 'the fast feeds were stored before the slow ones ended');
  assert.deepEqual(slowAtStore, [3, 3], 'the fast feeds were stored while all three slow feeds were still being fetched');
  assert.deepEqual(problems.sort(), [1, 2, 3].map((n) => `${base}/slow-${n}.xml: fetch failed: connection closed before the body ended`));

  // The run's timeout reaches every feed request: a slow feed alone is cut at it.
  const cut: string[] = [];
  await ingestSources(store, [`${base}/slow-alone.xml`], { allowPrivate: true, timeoutMs: 300, onProblem: (_origin, reason) => cut.push(reason) });
  await store.close();
  assert.deepEqual(cut, [`${base}/slow-alone.xml: fetch failed: timed out after 0.3 s`]);
});

test('no listener is left behind per polling round', async () => {
  const store = await openStore(':memory:');
  const controller = new AbortController();
  const maxBefore = process.getMaxListeners();
  let rounds = 0;
  await watchFeeds(store, [`${base}/fast-a.xml`, `${base}/fast-b.xml`, `${base}/broken.xml`], {
    everyMs: 1,
    rounds: 40,
    signal: controller.signal,
    allowPrivate: true,
    onRound: () => {
      rounds++;
      assert.equal(getEventListeners(controller.signal, 'abort').length, 0, `listeners on the signal after round ${rounds}`);
    },
  });
  await store.close();
  assert.equal(rounds, 40);
  assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
  assert.equal(process.getMaxListeners(), maxBefore, 'nobody raised the limit to hide a leak');
});

test('watch --once exits 1 when every feed failed, 0 when one answered; a truncated gzip feed is one line', async () => {
  const db = path.join(dir, 'once.db');
  const sigint = process.listenerCount('SIGINT');
  const failed = await cli('watch', `${base}/truncated.xml`, `${base}/broken.xml`, '--once', '--allow-private', '--store', db);
  assert.equal(failed.code, 1, failed.stderr.join('\n'));
  assert.ok(failed.stderr.includes(`${base}/truncated.xml: fetch failed: body could not be decompressed (unexpected end of file)`), failed.stderr.join('\n'));
  assert.ok(failed.stderr.includes(`${base}/broken.xml: HTTP 500`), failed.stderr.join('\n'));
  assert.match(failed.stderr.at(-1) ?? '', /2 feeds polled \(0 unchanged, 2 failed\), 2 problems/);
  for (const line of failed.stderr) assert.doesNotMatch(line, /\n|^\s+at /);
  assert.equal(process.listenerCount('SIGINT'), sigint, 'the signal handlers are removed');

  const mixed = await cli('watch', `${base}/fast-c.xml`, `${base}/broken.xml`, '--once', '--allow-private', '--store', path.join(dir, 'mixed.db'));
  assert.equal(mixed.code, 0, mixed.stderr.join('\n'));
  assert.match(mixed.stderr.at(-1) ?? '', /round 1: 1 new article, 1 new story, 2 feeds polled \(0 unchanged, 1 failed\), 1 problem;/);

  const ingest = await cli('ingest', `${base}/truncated.xml`, '--allow-private', '--store', path.join(dir, 'ingest.db'));
  assert.equal(ingest.code, 1);
  assert.equal(ingest.stderr[0], `${base}/truncated.xml: fetch failed: body could not be decompressed (unexpected end of file)`);
});

const mainScript = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cli/main.ts');

/** How soon after the signal `watch` must be gone: far below what it would otherwise wait (a 60 s fetch, a 1 h round), with room for a loaded machine. */
const STOP_WITHIN_MS = 10_000;

/**
 * Starts `watch` in a child process (fetch timeout 60 s, a round every hour), waits until `ready(stderr)` holds
 * (it looks at the server and at what the child printed), sends `signal`; resolves with the exit and the delay.
 */
async function stopWatch(feedPath: string, ready: (stderr: string) => boolean, signal: NodeJS.Signals): Promise<{ code: number | null; afterSignalMs: number; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', mainScript, 'watch', `${base}${feedPath}`, '--allow-private', '--every', '1h', '--timeout', '60s', '--store', path.join(dir, `${signal}.db`)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // Starting takes a while on a loaded machine (tsx compiles the CLI; round 1 loads the language models).
  const deadline = Date.now() + 60_000;
  while (!ready(stderr)) {
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      assert.fail(`watch never got ready: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const sent = Date.now();
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 2 * STOP_WITHIN_MS);
  const code = await exited;
  clearTimeout(timer);
  return { code, afterSignalMs: Date.now() - sent, stderr };
}

test('SIGTERM stops watch at once in the middle of a slow fetch, SIGINT while it waits for the next round', async () => {
  requests = [];
  // In the middle of the fetch: the server has the request and drips the body for the whole 60 s timeout.
  const slow = await stopWatch('/slow-term.xml', () => requests.includes('/slow-term.xml'), 'SIGTERM');
  assert.equal(slow.code, 0, slow.stderr);
  assert.ok(slow.afterSignalMs < STOP_WITHIN_MS, `exited ${slow.afterSignalMs} ms after SIGTERM`);
  assert.doesNotMatch(slow.stderr, /^\s+at /m);

  // Waiting for the next round: round 1 (fetch, clean, store) is over once its summary line is printed.
  const idle = await stopWatch('/fast-idle.xml', (stderr) => /round 1: /.test(stderr), 'SIGINT');
  assert.equal(idle.code, 0, idle.stderr);
  assert.ok(idle.afterSignalMs < STOP_WITHIN_MS, `exited ${idle.afterSignalMs} ms after SIGINT`);
  assert.match(idle.stderr, /round 1: 1 new article/);
});
