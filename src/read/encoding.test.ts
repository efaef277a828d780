// Fault class 11 of the real-world cases, local side: files in a declared legacy encoding are decoded by their
// declaration, undeclared non-UTF-8 is still refused, and a feed file is read as its items. Fixtures are
// written here as bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeDocument, outletFromFeedTitle, readInputs, sniffEncoding } from './index.js';
import { cleanArticle } from '../clean/index.js';
import { main } from '../cli/main.js';

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const cp1252Quotes = (text: string) => Buffer.from(text.replace(/“/g, '\x93').replace(/”/g, '\x94').replace(/€/g, '\x80'), 'latin1');

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'triangulate-encoding-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const PAGE_BODY =
  '<article><h1>Café “Olá” reopens in Lisbon</h1><p>The café “Olá” in the Alfama district reopened on Monday after a month of repairs, its owner Sónia Reis told reporters outside.</p>' +
  '<p>A bica now costs 1 €, up from 0,80 €, she said, blaming the higher price of beans from São Tomé.</p></article>';

test('an HTML file with <meta charset="windows-1252"> is decoded by it (curly quotes and the euro sign too)', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'cafe.html');
  writeFileSync(file, cp1252Quotes(`<!doctype html><html><head><meta charset="windows-1252"><title>Café</title></head><body>${PAGE_BODY}</body></html>`));
  const out: string[] = [];
  const errors: string[] = [];
  const code = await main(['analyze', file, '--format', 'json'], { stdout: (s) => out.push(s), stderr: (s) => errors.push(s) });
  assert.equal(code, 0, errors.join('\n'));
  const article = JSON.parse(out.join('')).articles[0] as { title: string; text: string };
  assert.equal(article.title, 'Café “Olá” reopens in Lisbon');
  assert.match(article.text, /^The café “Olá” in the Alfama district/);
  assert.match(article.text, /costs 1 €, up from 0,80 €/);
  assert.match(article.text, /São Tomé/);
  assert.doesNotMatch(article.text, /\uFFFD/);
});

test('<meta http-equiv="Content-Type"> and the XML declaration are followed; "latin1" means windows-1252', async (t) => {
  const dir = tempDir(t);
  writeFileSync(path.join(dir, 'equiv.htm'), cp1252Quotes(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head><body>${PAGE_BODY}</body></html>`));
  writeFileSync(path.join(dir, 'page.xhtml'), cp1252Quotes(`<?xml version="1.0" encoding="latin1"?><html><body>${PAGE_BODY}</body></html>`));
  const { articles, problems } = await readInputs([path.join(dir, 'equiv.htm'), path.join(dir, 'page.xhtml')]);
  assert.deepEqual(problems, []);
  assert.deepEqual(articles.map((a) => a.format), ['html', 'html']);
  for (const raw of articles) {
    // ISO-8859-1 and latin1 are labels of windows-1252 in the WHATWG Encoding standard: 0x93/0x94 are quotes.
    assert.match(cleanArticle(raw).text, /The café “Olá” in the Alfama/, raw.origin);
  }
});

test('precedence: BOM > HTTP charset > in-document declaration > UTF-8', () => {
  const declared = latin1('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Notícias</title></channel></rss>');
  assert.deepEqual(sniffEncoding(declared), { encoding: 'windows-1252', source: 'document' });
  assert.deepEqual(sniffEncoding(declared, { contentType: 'text/xml; charset=latin1' }), { encoding: 'windows-1252', source: 'http' });
  assert.deepEqual(sniffEncoding(declared, { contentType: 'application/rss+xml; charset="Shift_JIS"' }), { encoding: 'Shift_JIS', source: 'http' });
  assert.deepEqual(sniffEncoding(declared, { contentType: 'text/xml; charset=no-such-thing' }), { encoding: 'windows-1252', source: 'document' }, 'an unknown label is skipped');
  // A server that labels everything UTF-8 is overruled by the bytes (not UTF-8) and the feed's own declaration.
  assert.match(decodeDocument(declared, { contentType: 'text/xml; charset=utf-8', undeclared: 'windows-1252' }).text, /<title>Notícias<\/title>/);
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>Notícias</p>')]);
  assert.deepEqual(sniffEncoding(bom, { contentType: 'text/html; charset=latin1' }), { encoding: 'UTF-8', source: 'bom' });
  assert.equal(decodeDocument(bom, { contentType: 'text/html; charset=latin1' }).text, '<p>Notícias</p>');
  assert.deepEqual(sniffEncoding(Buffer.from('<p>plain</p>')), { encoding: 'UTF-8', source: 'default' });
  assert.deepEqual(sniffEncoding(latin1('<meta charset="x">caf\xe9'), { kind: 'text' }), { encoding: 'UTF-8', source: 'default' }, 'plain text carries no declaration');
  // Fetched bodies that declare nothing and are not UTF-8 read as the web's legacy default, not as U+FFFD.
  assert.equal(decodeDocument(latin1('<p>caf\xe9</p>'), { undeclared: 'windows-1252' }).text, '<p>café</p>');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>Olá</p>', 'utf16le')]);
  assert.equal(decodeDocument(utf16, { contentType: 'text/html; charset=latin1' }).text, '<p>Olá</p>');
});

test('undeclared non-UTF-8 markup is still refused with one clear line; a lying UTF-8 declaration too', async (t) => {
  const dir = tempDir(t);
  writeFileSync(path.join(dir, 'undeclared.html'), latin1('<html><body><p>Caf\xe9 in Belgrade</p></body></html>'));
  writeFileSync(path.join(dir, 'lying.html'), latin1('<html><head><meta charset="utf-8"></head><body><p>Caf\xe9</p></body></html>'));
  const { articles, problems } = await readInputs([dir]);
  assert.deepEqual(articles, []);
  const byName = Object.fromEntries(problems.map((p) => [path.basename(p.origin), p.reason]));
  assert.match(byName['undeclared.html'], /^not valid UTF-8 \(first bad byte at offset 18\); convert the file to UTF-8 or declare its encoding/);
  assert.match(byName['lying.html'], /declares UTF-8 but is not/);
  for (const reason of Object.values(byName)) assert.doesNotMatch(reason, /\n/);
});

const isoFeed = `<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>Diário do Porto - Últimas Notícias</title>
<item><title>Ponte da Arrábida reabre ao trânsito</title><link>https://diario.example/ponte</link>
<pubDate>Qua, 03 Jan 2018 13:47:00 +0000</pubDate>
<description>A ponte da Arrábida reabriu esta manhã ao trânsito, depois de três semanas de obras na via.</description></item>
<item><title>Câmara aprova orçamento</title><link>https://diario.example/orcamento</link>
<pubDate>Wed, 03 Jan 2018 14:00:00 GMT</pubDate>
<description>A Câmara aprovou o orçamento para o próximo ano, com votos contra da oposição.</description></item>
<item><title>Só um link</title><link>https://diario.example/link</link></item>
</channel></rss>`;

test('a local ISO-8859-1 feed file is read as its items, decoded by its XML declaration, outlet without tagline', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'diario.rss');
  writeFileSync(file, latin1(isoFeed));
  const { articles, problems } = await readInputs([file]);
  assert.deepEqual(
    articles.map((a) => [a.id, path.basename(a.origin), a.hints.title, a.hints.outlet, a.hints.url]),
    [
      ['diario-1', 'diario.rss#1', 'Ponte da Arrábida reabre ao trânsito', 'Diário do Porto', 'https://diario.example/ponte'],
      ['diario-2', 'diario.rss#2', 'Câmara aprova orçamento', 'Diário do Porto', 'https://diario.example/orcamento'],
    ],
  );
  assert.deepEqual(problems.map((p) => [path.basename(p.origin), p.reason.split(';')[0]]), [['diario.rss#3', 'feed item (https://diario.example/link) has no content or summary']]);
  const first = cleanArticle(articles[0]);
  assert.equal(first.text, 'A ponte da Arrábida reabriu esta manhã ao trânsito, depois de três semanas de obras na via.');
  assert.equal(first.publishedAt, '2018-01-03T13:47:00+00:00');
  assert.equal(cleanArticle(articles[1]).publishedAt, '2018-01-03T14:00:00Z');
});

test('feeds are found by content in folders and under any name; other XML is one problem', async (t) => {
  const dir = tempDir(t);
  mkdirSync(path.join(dir, 'feeds'));
  const atom = `<?xml version="1.0" encoding="utf-8"?>
<!-- exported -->
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Herald | Home</title>
<entry><title>Quay reopens</title><link href="https://herald.example/quay"/><id>q1</id><updated>2024-01-04T10:00:00Z</updated>
<content type="html">&lt;p&gt;The quay reopened to traffic on Thursday morning after the storm repairs ended.&lt;/p&gt;</content></entry></feed>`;
  writeFileSync(path.join(dir, 'feeds', 'herald.atom'), atom);
  writeFileSync(path.join(dir, 'download'), atom);
  writeFileSync(path.join(dir, 'sitemap.xml'), '<?xml version="1.0"?><urlset><url><loc>https://herald.example/</loc></url></urlset>');
  const { articles, problems } = await readInputs([dir, path.join(dir, 'download')]);
  assert.deepEqual(articles.map((a) => [path.relative(dir, a.origin), a.hints.outlet, a.hints.title]), [
    [path.join('feeds', 'herald.atom#1'), 'Harbour Herald', 'Quay reopens'],
    ['download#1', 'Harbour Herald', 'Quay reopens'],
  ]);
  assert.deepEqual(problems.map((p) => [path.basename(p.origin), p.reason]), [['sitemap.xml', 'not an RSS, Atom or JSON feed']]);
});

test('the outlet drops a generic section tagline from the feed title, and nothing else', () => {
  assert.equal(outletFromFeedTitle('Jornal de Notícias - Últimas Notícias'), 'Jornal de Notícias');
  assert.equal(outletFromFeedTitle('BBC News - Home'), 'BBC News');
  assert.equal(outletFromFeedTitle('NYT > Top Stories'), 'NYT');
  assert.equal(outletFromFeedTitle('World news | The Guardian'), 'The Guardian');
  assert.equal(outletFromFeedTitle('Reuters: Business News'), 'Reuters');
  assert.equal(outletFromFeedTitle('Harbour Herald'), 'Harbour Herald');
  assert.equal(outletFromFeedTitle('Latest News'), 'Latest News', 'a title that is only a label is kept');
  assert.equal(outletFromFeedTitle('Lindqvist - Harbour Herald'), 'Lindqvist - Harbour Herald', 'a specific part is not a tagline');
});
