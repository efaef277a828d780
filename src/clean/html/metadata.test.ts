import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePage } from './parse.js';
import { readMetadata } from './metadata.js';
import { cleanArticle } from '../index.js';
import { analyze } from '../../analyze.js';
import type { RawArticle } from '../../read/index.js';

// Fault class 6 of the real-world cases: metadata from the wrong or undecoded source. Fixtures written here.

const STORY = [
  'The river port at Novi Dolac reopened on Tuesday after three weeks of repairs, the harbour authority said.',
  'Engineers replaced two cranes and dredged the main channel, which had silted up after the spring floods.',
  'Shipping companies had diverted around forty barges to other ports while the work went on.',
].map((s) => `<p>${s}</p>`).join('\n');

const metadataOf = (html: string) => {
  const { document, jsonLd } = parsePage(html);
  return readMetadata(document, jsonLd);
};

const page = (head: string, body = `<article>${STORY}</article>`) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const ld = (object: unknown) => `<script type="application/ld+json">${JSON.stringify(object)}</script>`;

function raw(html: string): RawArticle {
  return { id: 'port', origin: 'port.html', format: 'html', content: html, hints: {} };
}

test('character references inside JSON-LD strings are decoded (headline, author, publisher)', () => {
  const metadata = metadataOf(
    page(
      ld({
        '@type': 'NewsArticle',
        headline: 'Harbour &#8216;back to full capacity&#8217; &amp; barges return',
        author: { '@type': 'Person', name: 'Mira O&#039;Kostic' },
        publisher: { '@type': 'Organization', name: 'Valley &quot;Courier&quot; &amp; Post' },
      }),
    ),
  );
  assert.equal(metadata.title, 'Harbour ‘back to full capacity’ & barges return');
  assert.equal(metadata.byline, "Mira O'Kostic");
  assert.equal(metadata.outlet, 'Valley "Courier" & Post');
});

test('decoding never interprets markup and leaves plain ampersands alone', () => {
  const metadata = metadataOf(page(ld({ '@type': 'NewsArticle', headline: 'Tariffs < 5% & rising: <b>AT&amp;T</b> says', author: 'R&D desk' })));
  assert.equal(metadata.title, 'Tariffs < 5% & rising: <b>AT&T</b> says');
  assert.equal(metadata.byline, 'R&D desk');
});

test('a meta value escaped twice is decoded too', () => {
  const metadata = metadataOf(page('<meta property="og:title" content="Port &amp;#8216;reopens&amp;#8217; after repairs">'));
  assert.equal(metadata.title, 'Port ‘reopens’ after repairs');
});

test('an og:site_name that is a section label gives way to the JSON-LD publisher', () => {
  const metadata = metadataOf(page('<meta property="og:site_name" content="World">' + ld({ '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: 'The Valley Courier' } })));
  assert.equal(metadata.outlet, 'The Valley Courier');
});

test('an og:site_name that is a section label gives way to application-name', () => {
  assert.equal(metadataOf(page('<meta property="og:site_name" content="Politics"><meta name="application-name" content="Courier Daily">')).outlet, 'Courier Daily');
});

test('with no other outlet source, a section label gives way to the <title> suffix the host confirms, else the host', () => {
  const head = '<title>Port reopens after repairs - Valley Courier</title><meta property="og:site_name" content="U.S."><meta property="og:url" content="https://www.valleycourier.example/port">';
  const metadata = metadataOf(page(head));
  assert.equal(metadata.outlet, 'Valley Courier');
  assert.equal(metadata.title, 'Port reopens after repairs');
  const unconfirmed = metadataOf(page('<title>Port reopens - Business</title><meta property="og:site_name" content="Business"><meta property="og:url" content="https://news.example/port">'));
  assert.equal(unconfirmed.outlet, 'news.example');
});

test('an og:site_name that is the outlet is kept, even when it contains a section word', () => {
  assert.equal(metadataOf(page('<meta property="og:site_name" content="Business Insider">')).outlet, 'Business Insider');
  assert.equal(metadataOf(page('<meta property="og:site_name" content="World Today News">')).outlet, 'World Today News');
});

test('a JSON-LD author that is an Organization does not beat a visible person byline', () => {
  const html = page(
    '<meta property="og:site_name" content="The Valley Courier">' + ld({ '@type': 'NewsArticle', author: { '@type': 'Organization', name: 'The Valley Courier' } }),
    `<article><p>By Ivo Markovic</p>${STORY}</article>`,
  );
  const metadata = metadataOf(html);
  assert.equal(metadata.byline, null);
  assert.equal(metadata.organizationByline, 'The Valley Courier');
  assert.equal(cleanArticle(raw(html)).byline, 'Ivo Markovic');
});

test('a JSON-LD Organization author loses to a person in the meta author, and is kept when nothing else names one', () => {
  const org = ld({ '@type': 'NewsArticle', author: [{ '@type': 'NewsMediaOrganization', name: 'Courier Staff' }] });
  assert.equal(metadataOf(page(org + '<meta name="author" content="Lena Horvat">')).byline, 'Lena Horvat');
  assert.equal(cleanArticle(raw(page(org))).byline, 'Courier Staff');
});

test('a JSON-LD author named like the outlet counts as the outlet even without a type', () => {
  const metadata = metadataOf(page(ld({ '@type': 'NewsArticle', author: 'Valley Courier', publisher: { name: 'Valley Courier' } })));
  assert.equal(metadata.byline, null);
  assert.equal(metadata.organizationByline, 'Valley Courier');
});

test('a JSON-LD Person author still wins over the meta author', () => {
  const metadata = metadataOf(page(ld({ '@type': 'NewsArticle', author: { '@type': 'Person', name: 'Ivo Markovic' } }) + '<meta name="author" content="Lena Horvat">'));
  assert.equal(metadata.byline, 'Ivo Markovic');
});

test('Parse.ly parsely-page JSON names the author when <meta> and JSON-LD do not', () => {
  const parsely = JSON.stringify({ title: 'Port reopens', pub_date: '2023-10-03T09:15:00Z', author: 'Lena Horvat' });
  assert.equal(metadataOf(page(`<meta name="parsely-page" content='${parsely}'>`)).byline, 'Lena Horvat');
  const list = JSON.stringify({ authors: ['Lena Horvat', 'Ivo Markovic'] });
  assert.equal(metadataOf(page(`<meta name="parsely-page" content='${list}'>`)).byline, 'Lena Horvat, Ivo Markovic');
  // A JSON-LD person still comes first.
  assert.equal(metadataOf(page(ld({ '@type': 'NewsArticle', author: { '@type': 'Person', name: 'Ivo Markovic' } }) + `<meta name="parsely-page" content='${parsely}'>`)).byline, 'Ivo Markovic');
});

test('an author naming a web address or the publisher is the outlet, not a person', () => {
  const byAddress = metadataOf(page('<meta name="author" content="Valley Courier (www.valleycourier.example)">'));
  assert.equal(byAddress.byline, null);
  assert.equal(byAddress.organizationByline, 'Valley Courier (www.valleycourier.example)');
  const byPublisher = metadataOf(page(ld({ '@type': 'NewsArticle', author: 'Valley Courier Online', publisher: { name: 'Valley Courier' } })));
  assert.equal(byPublisher.byline, null);
  assert.equal(metadataOf(page('<meta name="author" content="Lena Horvat">')).byline, 'Lena Horvat');
});

test('paywall declarations, articleBody and wordCount are read', () => {
  assert.equal(metadataOf(page('')).paywalled, false);
  assert.equal(metadataOf(page(ld({ '@type': 'NewsArticle', isAccessibleForFree: 'False' }))).paywalled, true);
  assert.equal(metadataOf(page(ld({ '@graph': [{ '@type': 'NewsArticle', hasPart: [{ '@type': 'WebPageElement', isAccessibleForFree: 'false' }] }] }))).paywalled, true);
  assert.equal(metadataOf(page('<meta itemprop="isAccessibleForFree" content="false">')).paywalled, true);
  assert.equal(metadataOf(page('<meta name="article:content_tier" content="locked">')).paywalled, true);
  assert.equal(metadataOf(page('<meta name="article:content_tier" content="free">')).paywalled, false);
  const story = metadataOf(page(ld({ '@type': 'NewsArticle', articleBody: 'Port &amp; harbour reopened.', wordCount: '412' })));
  assert.equal(story.articleBody, 'Port & harbour reopened.');
  assert.equal(story.wordCount, 412);
});

// ---- titles: a dash inside a headline is not a site-name separator ----

const titled = (head: string, h1: string | null) => cleanArticle(raw(page(head, `<article>${h1 ? `<h1>${h1}</h1>` : ''}${STORY}</article>`))).title;

test('a headline with a dash keeps both halves when og:title, the <h1> or the JSON-LD headline carry them', () => {
  // og:title and <h1> agree; the <title> adds the site.
  assert.equal(titled('<title>Fire kills 3 – police say arson | Daily Planet</title><meta property="og:title" content="Fire kills 3 – police say arson"><meta property="og:site_name" content="Daily Planet">', 'Fire kills 3 – police say arson'), 'Fire kills 3 – police say arson');
  assert.equal(titled('<title>Drummer inducted - at last</title><meta property="og:title" content="Drummer inducted - at last"><meta property="og:site_name" content="Rock Weekly">', 'Drummer inducted - at last'), 'Drummer inducted - at last');
  // The JSON-LD headline, with and without an <h1>.
  const headline = ld({ '@type': 'NewsArticle', headline: 'Drummer inducted – at last', publisher: { '@type': 'Organization', name: 'Rock Weekly' } });
  assert.equal(titled(`<title>Drummer inducted – at last</title>${headline}`, null), 'Drummer inducted – at last');
  assert.equal(titled(`<title>Rock Weekly</title>${headline}`, 'Drummer inducted – at last'), 'Drummer inducted – at last');
  // A half that mentions the outlet, or part of its name, is still headline.
  assert.equal(titled('<title>Fire kills 3 – Reuters reporter among dead</title><meta property="og:site_name" content="Reuters">', 'Fire kills 3 – Reuters reporter among dead'), 'Fire kills 3 – Reuters reporter among dead');
  assert.equal(titled('<meta property="og:title" content="Storm hits coast – New York"><meta property="og:site_name" content="The New York Times">', 'Storm hits coast – New York'), 'Storm hits coast – New York');
  // Only the <title>, but the <h1> shows the whole headline.
  assert.equal(titled('<title>Fire kills 3 – police say arson - Daily Planet</title>', 'Fire kills 3 – police say arson'), 'Fire kills 3 – police say arson');
});

test('a trailing or leading site-name segment is still cut', () => {
  // The segment names the site (og:site_name, an abbreviation of it, the host name).
  assert.equal(titled('<title>Fire kills 3 - BBC News</title><meta property="og:title" content="Fire kills 3 - BBC News"><meta property="og:site_name" content="BBC">', 'Fire kills 3'), 'Fire kills 3');
  assert.equal(titled('<title>Fire kills 3 | Reuters</title><meta property="og:title" content="Fire kills 3 | Reuters"><meta property="og:url" content="https://www.reuters.com/world/fire-kills-3">', 'Fire kills 3'), 'Fire kills 3');
  assert.equal(titled('<title>Fire kills 3 - BBC News</title><link rel="canonical" href="https://www.bbc.co.uk/news/uk-123">', 'Fire kills 3'), 'Fire kills 3');
  assert.equal(titled('<title>Fire kills 3 | Daily Planet</title><meta property="og:title" content="Fire kills 3 | Daily Planet"><meta property="og:url" content="https://dailyplanet.example/fire">', null), 'Fire kills 3');
  assert.equal(titled('<title>Fire kills 3 | PBC</title><meta property="og:title" content="Fire kills 3 | PBC"><meta property="og:site_name" content="Planet Broadcasting Corporation">', null), 'Fire kills 3');
  assert.equal(titled('<title>BBC News - Fire kills 3</title><meta property="og:site_name" content="BBC News">', null), 'Fire kills 3');
  assert.equal(titled('<title>Fire kills 3 | World | Reuters</title><meta property="og:site_name" content="Reuters">', 'Fire kills 3'), 'Fire kills 3');
  // The segment closes the <title> and the <h1> leaves it out (no site name known).
  assert.equal(titled('<title>Fire kills 3 | The Daily Planet</title><meta property="og:title" content="Fire kills 3 | The Daily Planet">', 'Fire kills 3'), 'Fire kills 3');
  assert.equal(titled('<title>Opinion | Republicans face a choice on the budget - The New York Times</title><meta property="og:title" content="Opinion | Republicans face a choice on the budget">', 'Republicans face a choice on the budget'), 'Republicans face a choice on the budget');
});

// The shared real-world cases C06 and C08 (only the metadata fields of this class are asserted).
const casesDir = process.env.TRIANGULATE_CASES_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/cases/realworld');
const METADATA_CASES = ['C06-reuters-readtime-breakpoint-sitename', 'C08-jsonld-html-entities'];

for (const name of METADATA_CASES) {
  const dir = path.join(casesDir, name);
  const present = existsSync(path.join(dir, 'input.html')) && existsSync(path.join(dir, 'expected.json'));
  test(`real-world case ${name}: title, outlet, byline and date prefix`, { skip: present ? false : `skipped: ${dir} is absent (the shared cases live beside the checkout in ../shared/cases/realworld)` }, async () => {
    const expected = (JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as { expected: Record<string, unknown> }).expected;
    const dossier = await analyze([path.join(dir, 'input.html')]);
    const article = dossier.articles[0];
    if (typeof expected.title === 'string') assert.equal(article.title, expected.title);
    if (typeof expected.outlet === 'string') assert.equal(article.outlet, expected.outlet);
    if (typeof expected.byline === 'string') assert.equal(article.byline, expected.byline);
    if (typeof expected.publishedAt_prefix === 'string') assert.ok(article.publishedAt?.startsWith(expected.publishedAt_prefix), `publishedAt ${article.publishedAt}`);
  });
}
