// A feed that failed waits out a backoff before it is fetched again. A one-off `watch --once` (what a cron job
// runs) must still say so: it names the feed it did not poll, and exits 1 when no feed could be read.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../../../test/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'backoff-test-'));
const fetched: string[] = [];
const server = http.createServer((req, res) => {
  fetched.push(req.url ?? '');
  if (req.url === '/good.xml') {
    return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Herald</title>
<item><title>Storm floods the quay</title><link>${base}/a/1</link><pubDate>Tue, 02 Jan 2024 08:00:00 GMT</pubDate>
<description>Officials in the harbour town of Lindqvist said the storm flooded the quay through the night, and residents were asked to stay indoors while crews worked along the water.</description></item>
</channel></rss>`);
  }
  if (req.url === '/a/1') {
    const p = 'Officials in the harbour town of Lindqvist said the storm flooded the quay through the night, and residents were asked to stay indoors while crews worked along the water.';
    return void res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><head><title>Storm floods the quay</title></head><body><article><h1>Storm floods the quay</h1><p>${p}</p><p>${p.replace('night', 'morning')}</p></article></body></html>`);
  }
  res.writeHead(500).end('oops');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

after(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('watch --once names a feed waiting out its backoff and exits 1 when it was the only feed', async () => {
  const db = path.join(dir, 'once.db');
  const first = await cli('watch', `${base}/broken.xml`, '--once', '--allow-private', '--store', db);
  assert.equal(first.code, 1, first.stderr.join('\n'));
  assert.equal(fetched.filter((u) => u === '/broken.xml').length, 1);

  // The next run comes before the backoff is over: nothing is fetched, but it is said, and it is no success.
  const second = await cli('watch', `${base}/broken.xml`, '--once', '--allow-private', '--store', db);
  assert.equal(fetched.filter((u) => u === '/broken.xml').length, 1, 'the feed is not fetched during its backoff');
  assert.equal(second.code, 1, second.stderr.join('\n'));
  const line = second.stderr.find((l) => l.startsWith(`${base}/broken.xml: not polled`));
  assert.match(line ?? second.stderr.join('\n'), /: not polled: failed once \(last: HTTP 500\); next try after \d{4}-\d\d-\d\dT/);
  assert.match(second.stderr.at(-1) ?? '', /round 1: 0 new articles, 0 new stories, 1 feed waiting out a backoff;/);

  // With another feed that answers, the run is a success and still names the waiting feed.
  const mixed = await cli('watch', `${base}/good.xml`, `${base}/broken.xml`, '--once', '--allow-private', '--store', db);
  assert.equal(mixed.code, 0, mixed.stderr.join('\n'));
  assert.ok(mixed.stderr.some((l) => l.startsWith(`${base}/broken.xml: not polled`)), mixed.stderr.join('\n'));
  assert.match(mixed.stderr.at(-1) ?? '', /1 new article, 1 new story, 1 feed polled \(0 unchanged\), 1 feed waiting out a backoff;/);
});

test('a running watch counts waiting feeds in its round line without a line for each', async () => {
  const db = path.join(dir, 'running.db');
  await cli('watch', `${base}/broken.xml`, '--once', '--allow-private', '--store', db);
  // Two rounds a moment apart: the second finds the feed still in backoff.
  const controller = new AbortController();
  const stderr: string[] = [];
  const { watchFeeds } = await import('../index.js');
  const { openStore } = await import('../../store/index.js');
  const store = await openStore(db);
  try {
    const total = await watchFeeds(store, [`${base}/broken.xml`], { everyMs: 10, rounds: 2, allowPrivate: true, signal: controller.signal, onProblem: (o, r) => stderr.push(`${o}: ${r}`) });
    assert.equal(total.feedsWaiting, 2);
    assert.equal(total.feedsPolled, 0);
    assert.deepEqual(stderr, [], 'no onBackoff given: nothing said per feed');
  } finally {
    await store.close();
  }
});

test('ingesting a feed again whose items are all stored says "already stored" and exits 0', async () => {
  const db = path.join(dir, 'again.db');
  const first = await cli('ingest', `${base}/good.xml`, '--allow-private', '--store', db);
  assert.equal(first.code, 0, first.stderr.join('\n'));
  const pages = fetched.filter((u) => u === '/a/1').length;
  const again = await cli('ingest', `${base}/good.xml`, '--allow-private', '--store', db);
  assert.equal(again.code, 0, again.stderr.join('\n'));
  assert.match(again.stderr.at(-1) ?? '', /^0 new articles, 1 already stored, 0 new stories, 1 feed polled \(0 unchanged\);/);
  assert.equal(fetched.filter((u) => u === '/a/1').length, pages, 'the known item\'s page is not fetched again');
});
