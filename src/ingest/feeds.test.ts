import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../store/index.js';
import { ingestSources, isPrivateAddress, parseFeed, parseOpml, pollFeed, watchFeeds } from './index.js';

// A self-written feed: two items with full content (long enough not to be treated as teasers).
const paragraph = (topic: string, n: number) =>
  `<p>${topic} paragraph ${n}: officials in the harbour town of Lindqvist said the ${topic.toLowerCase()} continued through the night, and residents were asked to stay indoors while crews worked along the quay and the old market square.</p>`;
const itemHtml = (topic: string) => Array.from({ length: 5 }, (_, i) => paragraph(topic, i + 1)).join('');

const rss = (base: string) => `<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour Herald</title>
<item><title>Storm floods Lindqvist harbour</title><link>${base}/a/storm</link><guid>${base}/a/storm</guid>
<pubDate>Tue, 02 Jan 2024 08:00:00 GMT</pubDate><dc:creator>Ana Berg</dc:creator>
<content:encoded><![CDATA[${itemHtml('Storm')}]]></content:encoded></item>
<item><title>Ferry strike enters second day</title><link>${base}/a/strike</link>
<pubDate>Wed, 03 Jan 2024 09:30:00 GMT</pubDate><description>Short teaser &amp; more</description>
<content:encoded><![CDATA[${itemHtml('Strike')}]]></content:encoded></item>
</channel></rss>`;

let server: http.Server;
let base = '';
let feedRequests = 0;
let conditionalHits = 0;
const dir = mkdtempSync(path.join(tmpdir(), 'feeds-test-'));

before(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/feed.xml') {
      feedRequests++;
      if (req.headers['if-none-match'] === '"v1"') {
        conditionalHits++;
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(rss(base));
      return;
    }
    if (req.url === '/broken.xml') {
      res.writeHead(500).end('oops');
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a feed on a local server is ingested with --allow-private, then not re-downloaded while unchanged', async () => {
  const store = openStore(path.join(dir, 'a.db'));
  const first = await ingestSources(store, [`${base}/feed.xml`], { allowPrivate: true });
  assert.equal(first.stored, 2);
  const stored = store.getArticle(1)!.article;
  assert.equal(stored.title, 'Storm floods Lindqvist harbour');
  assert.equal(stored.outlet, 'Harbour Herald');
  assert.match(stored.publishedAt ?? '', /^2024-01-02/);
  const second = await ingestSources(store, [`${base}/feed.xml`], { allowPrivate: true });
  assert.equal(second.stored, 0);
  assert.equal(second.feedsNotModified, 1);
  assert.equal(conditionalHits, 1);
  assert.equal(store.articleCount(), 2);
  store.close();
});

test('private and loopback addresses are refused without --allow-private', async () => {
  const store = openStore(':memory:');
  const before = feedRequests;
  const result = await pollFeed(store, `${base}/feed.xml`);
  assert.equal(result.status, 'failed');
  assert.match(result.status === 'failed' ? result.problem : '', /private or loopback/);
  assert.equal(feedRequests, before, 'no request reached the server');
  const viaName = await pollFeed(store, `http://localhost:${new URL(base).port}/feed.xml`);
  assert.equal(viaName.status, 'failed', 'a host name resolving to loopback is refused too');
  for (const address of ['127.0.0.1', '10.1.2.3', '192.168.0.1', '169.254.169.254', '::1', 'fd00::1', '::ffff:127.0.0.1']) {
    assert.ok(isPrivateAddress(address), address);
  }
  assert.ok(!isPrivateAddress('93.184.216.34'));
  store.close();
});

test('a failing feed backs off: it is not fetched again until its retry time', async () => {
  const store = openStore(':memory:');
  const now = new Date('2024-01-01T00:00:00Z');
  const failed = await pollFeed(store, `${base}/broken.xml`, { allowPrivate: true, now });
  assert.equal(failed.status, 'failed');
  const soon = await pollFeed(store, `${base}/broken.xml`, { allowPrivate: true, now: new Date(now.getTime() + 30_000) });
  assert.equal(soon.status, 'backoff');
  const later = await pollFeed(store, `${base}/broken.xml`, { allowPrivate: true, now: new Date(now.getTime() + 61_000) });
  assert.equal(later.status, 'failed');
  const state = store.getFeedState(`${base}/broken.xml`)!;
  assert.equal(state.failures, 2);
  assert.equal(Date.parse(state.nextAttemptAt!) - (now.getTime() + 61_000), 120_000, 'the delay doubled');
  store.close();
});

test('watch reads the feeds listed in an OPML file', async () => {
  const store = openStore(':memory:');
  const opml = path.join(dir, 'feeds.opml');
  writeFileSync(opml, `<?xml version="1.0"?><opml version="2.0"><body><outline text="News"><outline type="rss" text="Herald" xmlUrl="${base}/feed.xml"/></outline></body></opml>`);
  const total = await watchFeeds(store, [opml], { everyMs: 1000, rounds: 1, allowPrivate: true });
  assert.equal(total.feedsPolled, 1);
  assert.equal(store.articleCount(), 2);
  store.close();
});

test('Atom and JSON Feed items are read with their links, dates and content', () => {
  const atom = parseFeed(
    `<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title><entry><title type="html">Quay &amp; market reopen</title>
     <link rel="alternate" href="https://news.example/quay"/><id>tag:x,1</id><published>2024-01-04T10:00:00Z</published>
     <author><name>Ola</name></author><content type="html">&lt;p&gt;Body&lt;/p&gt;</content></entry></feed>`,
    'atom',
  );
  assert.deepEqual(atom.items[0], {
    title: 'Quay & market reopen',
    url: 'https://news.example/quay',
    id: 'tag:x,1',
    publishedAt: '2024-01-04T10:00:00.000Z',
    author: 'Ola',
    contentHtml: '<p>Body</p>',
    summary: null,
  });
  const json = parseFeed(
    JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: '1', url: 'https://n.example/1', title: 'T', content_html: '<p>x</p>', date_published: '2024-01-05T00:00:00Z', authors: [{ name: 'K' }] }] }),
    'json',
  );
  assert.equal(json.items[0].url, 'https://n.example/1');
  assert.equal(json.items[0].author, 'K');
  assert.throws(() => parseFeed('<html><body>not a feed</body></html>', 'page'), /not an RSS, Atom or JSON feed/);
  assert.deepEqual(parseOpml('<opml><body><outline xmlUrl="https://a/f"/><outline xmlUrl="https://a/f"/></body></opml>', 'x'), ['https://a/f']);
});

test('a localized RSS date (Portuguese day and month names) is read, not dropped', () => {
  const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Notícias</title>
    <item><title>Mercado fecha em alta</title><link>https://example.com/a</link><pubDate>Seg, 24 Set 2018 19:42:40 -0300</pubDate></item>
    <item><title>Dólar cai</title><link>https://example.com/b</link><pubDate>Mon, 24 Sep 2018 19:32:00 -0300</pubDate></item>
  </channel></rss>`;
  const items = parseFeed(xml, 'https://example.com/feed').items;
  assert.equal(new Date(items[0].publishedAt!).toISOString(), '2018-09-24T22:42:40.000Z');
  assert.equal(new Date(items[1].publishedAt!).toISOString(), '2018-09-24T22:32:00.000Z');
});
