import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, type ArticleStore } from '../store/index.js';
import type { Article } from '../clean/index.js';
import { cli } from '../../test/cli.js';
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

// Fault class 11 (feeds and encodings): an ISO-8859-1 feed, as real Portuguese and Brazilian feeds still are,
// built as bytes here; served with and without the charset in its Content-Type.
const latin1 = (text: string) => Buffer.from(text, 'latin1');
const cp1252 = (text: string) => Buffer.from(text.replace(/“/g, '\x93').replace(/”/g, '\x94').replace(/€/g, '\x80'), 'latin1');
const isoFeed = (base: string) => `<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>Diário do Porto - Últimas Notícias</title>
<item><title>Ponte da Arrábida reabre ao trânsito</title><link>${base}/a/ponte</link><pubDate>Wed, 03 Jan 2018 13:47:00 GMT</pubDate>
<description>A ponte da Arrábida reabriu esta manhã ao trânsito, depois de três semanas de obras, disse a Câmara.</description></item>
</channel></rss>`;
// A teaser feed whose linked page is windows-1252, declared only by <meta charset> (no charset over HTTP).
const teaserFeed = (base: string) => `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour Herald | Home</title>
<item><title>Café reopens on the quay</title><link>${base}/a/cafe.html</link><description>Short teaser</description></item>
</channel></rss>`;
const cafePage = `<!doctype html><html><head><meta charset="windows-1252"><title>Café reopens on the quay</title></head><body><article>
<h1>Café reopens on the quay</h1><p>The café “Olá” on the Lindqvist quay reopened on Monday after a month of storm repairs, its owner told reporters outside.</p>
<p>A coffee now costs 3 €, up from 2,50 €, she said, blaming the repairs and the price of beans.</p></article></body></html>`;

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
    if (req.url === '/latin1.xml') {
      res.writeHead(200, { 'content-type': 'text/xml; charset=latin1' }).end(latin1(isoFeed(base)));
      return;
    }
    if (req.url === '/declared.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(latin1(isoFeed(base)));
      return;
    }
    if (req.url === '/teaser.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(teaserFeed(base));
      return;
    }
    if (req.url === '/a/cafe.html') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(cp1252(cafePage));
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
  const store = await openStore(path.join(dir, 'a.db'));
  const first = await ingestSources(store, [`${base}/feed.xml`], { allowPrivate: true });
  assert.equal(first.stored, 2);
  const stored = (await store.getArticle(1))!.article;
  assert.equal(stored.title, 'Storm floods Lindqvist harbour');
  assert.equal(stored.outlet, 'Harbour Herald');
  assert.match(stored.publishedAt ?? '', /^2024-01-02/);
  const second = await ingestSources(store, [`${base}/feed.xml`], { allowPrivate: true });
  assert.equal(second.stored, 0);
  assert.equal(second.feedsNotModified, 1);
  assert.equal(conditionalHits, 1);
  assert.equal(await store.articleCount(), 2);
  await store.close();
});

test('private and loopback addresses are refused without --allow-private', async () => {
  const store = await openStore(':memory:');
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
  await store.close();
});

test('a failing feed backs off: it is not fetched again until its retry time', async () => {
  const store = await openStore(':memory:');
  const now = new Date('2024-01-01T00:00:00Z');
  const failed = await pollFeed(store, `${base}/broken.xml`, { allowPrivate: true, now });
  assert.equal(failed.status, 'failed');
  const soon = await pollFeed(store, `${base}/broken.xml`, { allowPrivate: true, now: new Date(now.getTime() + 30_000) });
  assert.equal(soon.status, 'backoff');
  const later = await pollFeed(store, `${base}/broken.xml`, { allowPrivate: true, now: new Date(now.getTime() + 61_000) });
  assert.equal(later.status, 'failed');
  const state = (await store.getFeedState(`${base}/broken.xml`))!;
  assert.equal(state.failures, 2);
  assert.equal(Date.parse(state.nextAttemptAt!) - (now.getTime() + 61_000), 120_000, 'the delay doubled');
  await store.close();
});

test('watch reads the feeds listed in an OPML file', async () => {
  const store = await openStore(':memory:');
  const opml = path.join(dir, 'feeds.opml');
  writeFileSync(opml, `<?xml version="1.0"?><opml version="2.0"><body><outline text="News"><outline type="rss" text="Herald" xmlUrl="${base}/feed.xml"/></outline></body></opml>`);
  const total = await watchFeeds(store, [opml], { everyMs: 1000, rounds: 1, allowPrivate: true });
  assert.equal(total.feedsPolled, 1);
  assert.equal(await store.articleCount(), 2);
  await store.close();
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
    publishedAt: '2024-01-04T10:00:00Z',
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

async function storedArticles(store: ArticleStore): Promise<Article[]> {
  const articles: Article[] = [];
  const count = await store.articleCount();
  for (let id = 1; id <= count; id++) {
    const stored = await store.getArticle(id);
    if (stored) articles.push(stored.article);
  }
  return articles;
}

test('an ISO-8859-1 feed is decoded by its HTTP charset ("latin1") or, without one, by its XML declaration', async () => {
  for (const feed of ['latin1.xml', 'declared.xml']) {
    const db = path.join(dir, `enc-${feed}.db`);
    const ingest = await cli('ingest', `${base}/${feed}`, '--allow-private', '--no-fetch-pages', '--store', db);
    assert.equal(ingest.code, 0, ingest.stderr.join('\n'));
    const stories = JSON.parse((await cli('stories', '--store', db, '--format', 'json')).stdout) as { title: string }[];
    assert.deepEqual(stories.map((s) => s.title), ['Ponte da Arrábida reabre ao trânsito'], feed);
    const store = await openStore(db);
    const [article] = await storedArticles(store);
    await store.close();
    assert.equal(article.outlet, 'Diário do Porto', 'the generic "Últimas Notícias" tagline is dropped');
    assert.equal(article.publishedAt, '2018-01-03T13:47:00Z');
    assert.equal(article.text, 'A ponte da Arrábida reabriu esta manhã ao trânsito, depois de três semanas de obras, disse a Câmara.');
  }
});

test('a fetched article page in windows-1252, declared only by <meta charset>, is decoded by it', async () => {
  const store = await openStore(':memory:');
  const summary = await ingestSources(store, [`${base}/teaser.xml`], { allowPrivate: true });
  assert.equal(summary.stored, 1);
  const [article] = await storedArticles(store);
  await store.close();
  assert.equal(article.outlet, 'Harbour Herald');
  assert.match(article.text, /^The café “Olá” on the Lindqvist quay reopened/);
  assert.match(article.text, /costs 3 €, up from 2,50 €/);
});

test('a local feed file is ingested as its items, without fetching unless --fetch-pages is given', async () => {
  const file = path.join(dir, 'herald.rss');
  writeFileSync(file, rss(base).replace('<link>' + base + '/a/strike</link>', '<link>' + base + '/a/cafe.html</link>').replace(/<content:encoded><!\[CDATA\[[^\]]*Strike[^\]]*\]\]><\/content:encoded>/, ''));
  const db = path.join(dir, 'local-feed.db');
  const ingest = await cli('ingest', file, '--store', db);
  assert.equal(ingest.code, 0, ingest.stderr.join('\n'));
  assert.match(ingest.stderr.at(-1) ?? '', /^2 new articles, /);
  let store = await openStore(db);
  const articles = await storedArticles(store);
  await store.close();
  assert.deepEqual(articles.map((a) => [a.title, a.outlet, path.basename(a.origin)]), [
    ['Storm floods Lindqvist harbour', 'Harbour Herald', 'herald.rss#1'],
    ['Ferry strike enters second day', 'Harbour Herald', 'herald.rss#2'],
  ]);
  assert.equal(articles[1].text, 'Short teaser & more', 'read from the feed alone: the teaser, not the linked page');
  for (const article of articles) assert.doesNotMatch(article.text, /<\?xml|<rss|<item/);

  const fetched = path.join(dir, 'local-fetched.db');
  const withPages = await cli('ingest', file, '--fetch-pages', '--allow-private', '--store', fetched);
  assert.equal(withPages.code, 0, withPages.stderr.join('\n'));
  store = await openStore(fetched);
  const second = (await storedArticles(store)).find((a) => a.title === 'Ferry strike enters second day');
  await store.close();
  assert.match(second?.text ?? '', /^The café “Olá” on the Lindqvist quay/, 'the teaser item was completed from its page');
  assert.equal((await cli('ingest', file, '--fetch-pages', '--no-fetch-pages')).code, 2);
});

test('analyze reads a local feed file as its items', async () => {
  const file = path.join(dir, 'analyze.rss');
  writeFileSync(file, rss('https://herald.example'));
  const result = await cli('analyze', file, '--format', 'json');
  assert.equal(result.code, 0, result.stderr.join('\n'));
  const dossier = JSON.parse(result.stdout) as { articles: { title: string; outlet: string; text: string }[] };
  assert.deepEqual(dossier.articles.map((a) => a.title).sort(), ['Ferry strike enters second day', 'Storm floods Lindqvist harbour']);
  for (const article of dossier.articles) {
    assert.equal(article.outlet, 'Harbour Herald');
    assert.match(article.text, /paragraph 1: officials in the harbour town/);
  }
});

// The shared real-world cases C13 (ISO-8859-1 feed served with charset=latin1) and C14 (a local feed file).
const casesDir = process.env.TRIANGULATE_CASES_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/cases/realworld');
const caseSkip = (name: string) => (existsSync(path.join(casesDir, name)) ? false : `skipped: ${path.join(casesDir, name)} is absent (the shared cases live beside the checkout in ../shared/cases/realworld)`);

test('real-world case C13: an ISO-8859-1 feed served as text/xml; charset=latin1', { skip: caseSkip('C13-feed-latin1-mojibake') }, async () => {
  const body = readFileSync(path.join(casesDir, 'C13-feed-latin1-mojibake', 'input.rss'));
  const caseServer = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/xml; charset=latin1' }).end(body));
  await new Promise<void>((resolve) => caseServer.listen(0, '127.0.0.1', resolve));
  try {
    const db = path.join(dir, 'c13.db');
    const url = `http://127.0.0.1:${(caseServer.address() as AddressInfo).port}/input.rss`;
    const ingest = await cli('ingest', url, '--allow-private', '--no-fetch-pages', '--store', db);
    assert.equal(ingest.code, 0, ingest.stderr.join('\n'));
    const stories = JSON.parse((await cli('stories', '--store', db, '--format', 'json')).stdout) as { title: string }[];
    assert.ok(stories.some((s) => s.title === 'Mãe de utente é a nova presidente da Raríssimas'), JSON.stringify(stories));
    const store = await openStore(db);
    const article = (await storedArticles(store)).find((a) => a.title === 'Mãe de utente é a nova presidente da Raríssimas');
    await store.close();
    assert.ok(article);
    assert.equal(article.outlet, 'Jornal de Notícias');
    assert.equal(article.publishedAt, '2018-01-03T13:47:00Z');
    assert.ok(article.text.startsWith('Sónia Laygue, profissional na área da Recursos Humanos'), article.text.slice(0, 80));
    assert.doesNotMatch(article.text, /\uFFFD/);
  } finally {
    caseServer.close();
  }
});

test('real-world case C14(b): a local feed file given to ingest and analyze is read as its items', { skip: caseSkip('C14-feed-localized-pubdate-and-local-file') }, async () => {
  const input = path.join(casesDir, 'C14-feed-localized-pubdate-and-local-file', 'input.rss');
  const db = path.join(dir, 'c14.db');
  const ingest = await cli('ingest', input, '--store', db);
  assert.equal(ingest.code, 0, ingest.stderr.join('\n'));
  const store = await openStore(db);
  const articles = await storedArticles(store);
  const stories = await store.listStories();
  await store.close();
  assert.equal(articles.length, 3);
  assert.deepEqual(articles.map((a) => a.publishedAt).sort(), ['2018-09-24T19:20:08-03:00', '2018-09-24T19:32:00-03:00', '2018-09-24T19:42:40-03:00']);
  for (const article of articles) assert.doesNotMatch(article.text, /<\?xml|<rss/);
  assert.equal(stories.length, 2, JSON.stringify(stories.map((s) => s.title)));
  const analyzed = await cli('analyze', input, '--format', 'json');
  assert.equal(analyzed.code, 0, analyzed.stderr.join('\n'));
  const dossier = JSON.parse(analyzed.stdout) as { articles: { title: string }[] };
  assert.equal(dossier.articles.length, 3);
  assert.ok(dossier.articles.some((a) => a.title === 'Dow Jones fecha em baixa de 0,68%'));
});
