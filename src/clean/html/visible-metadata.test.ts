import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanArticle } from '../index.js';
import { bylineName, bylineFromRemoved, dateFromRemoved } from './visible-metadata.js';
import type { RawArticle } from '../../read/index.js';

// Fault class 5 of the real-world cases: a date or "By <name>" line printed on the page, removed as furniture,
// and never used for publishedAt / byline. Fixtures written here.

const STORY = [
  'The ferry between Lastovo and Split resumed on Friday after a strike by crews ended overnight, the operator said.',
  'About two hundred passengers had waited at the harbour since Wednesday, some sleeping in their cars.',
  'The union said it had won a pay rise of six percent and a shorter roster for the winter season.',
].map((s) => `<p>${s}</p>`).join('\n');

const page = (head: string, top: string, bottom = '') =>
  `<!doctype html><html><head><title>Ferry strike ends</title>${head}</head><body><div class="page"><h1>Ferry strike ends</h1>${top}<article>${STORY}</article>${bottom}</div></body></html>`;
const clean = (html: string) => cleanArticle({ id: 'ferry', origin: 'ferry.html', format: 'html', content: html, hints: {} } satisfies RawArticle);

test('a byline cut to the name: dates, times, separators, roles and handles after it go', () => {
  assert.equal(bylineName('By Jamie Byliner March 18 at 9:00 AM'), 'Jamie Byliner');
  assert.equal(bylineName('Pat Example - Apr 16, 2015 8:02 pm UTC'), 'Pat Example');
  assert.equal(bylineName('By Lee Example May 20, 2019'), 'Lee Example');
  assert.equal(bylineName('By Dana Field Follow @danafield'), 'Dana Field');
  assert.equal(bylineName('By Ana Ruiz, Staff Writer'), 'Ana Ruiz');
  assert.equal(bylineName('By Ana Ruiz Senior Correspondent'), 'Ana Ruiz');
  assert.equal(bylineName('By Ana Ruiz and Tom Berg, Reuters'), 'Ana Ruiz, Tom Berg');
  assert.equal(bylineName('Von Anna Müller | 12.03.2021'), 'Anna Müller');
  assert.equal(bylineName('Author: Carla de la Vega'), 'Carla de la Vega');
  // "April" is a name when no day follows it.
  assert.equal(bylineName('By April Stone'), 'April Stone');
});

test('never a non-name as a byline', () => {
  for (const text of ['By clicking subscribe you agree to our terms', 'Staff', 'By Staff', 'By The Associated Press', 'By Reuters', 'By AP Staff', 'About the author', 'More from this author', 'By Editorial Board']) {
    assert.equal(bylineName(text), null, text);
  }
  // Removed furniture that is not a byline box needs its "By" to count.
  assert.equal(bylineFromRemoved([{ text: 'Dana Field', reason: 'date' }]), null);
  assert.equal(bylineFromRemoved([{ text: 'By Dana Field 3 hours ago', reason: 'timestamp' }]), 'Dana Field');
});

test('a date read from removed date furniture, foreign words and time included; prose is not a date stamp', () => {
  assert.equal(dateFromRemoved([{ text: '03.02.2019, 07:45 Uhr', reason: 'date' }]), '2019-02-03T07:45:00');
  assert.equal(dateFromRemoved([{ text: 'Publié le 4 mars 2020', reason: 'published' }]), '2020-03-04');
  assert.equal(dateFromRemoved([{ text: 'On 4 March 2020 the ferry was cancelled', reason: 'related' }]), null);
});

test('a "By" line pruned with its byline box fills the byline when <meta> and JSON-LD name nobody', () => {
  const article = clean(page('', '<div class="sig-line hasnt-bio"><span class="by">By <a href="/people/dana-field">Dana Field</a></span> <span class="stamp">June 3 at 7:12 PM</span></div>'));
  assert.equal(article.byline, 'Dana Field');
  assert.ok(!article.text.includes('Dana Field'));
});

test('a dated "By" line left in the story text is taken out and fills byline and date', () => {
  const article = clean(page('', '<p>By Dana Field | May 20, 2019 | Follow @danafield</p>'));
  assert.equal(article.byline, 'Dana Field');
  assert.equal(article.publishedAt, '2019-05-20');
  assert.ok(!article.text.includes('Dana Field'));
  assert.ok(article.removed.some((piece) => piece.reason === 'byline' && piece.text.startsWith('By Dana Field')));
  // A sentence that starts with "By" stays story text.
  const sentence = clean(page('', '<p>By Friday the harbour had reopened, officials said.</p>'));
  assert.ok(sentence.text.startsWith('By Friday the harbour had reopened'));
  assert.equal(sentence.byline, null);
});

test('a rel=author link and a labelled "Author" field are read; the outlet named as author gives way to them', () => {
  assert.equal(clean(page('', '<div class="meta-top"><a rel="author" href="/a/ivo">Ivo Petrak</a></div>')).byline, 'Ivo Petrak');
  const labelled = page(
    '<meta property="og:site_name" content="Adriatic Wire"><meta name="author" content="Adriatic Wire (www.adriaticwire.example)">',
    '',
    '<div class="info"><ul><li><strong>Date</strong> 07.06.2022</li><li><strong>Author</strong> Marta Kovac</li></ul></div>',
  );
  const article = clean(labelled);
  assert.equal(article.byline, 'Marta Kovac');
  assert.ok(article.publishedAt?.startsWith('2022-06-07'), `publishedAt ${article.publishedAt}`);
});

test('the organization stays the byline when the page prints no person; bylines of related stories and comments are ignored', () => {
  const html = page(
    '<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Organization","name":"Adriatic Wire"}}</script>',
    '',
    '<div class="related-stories"><span class="byline">By Other Person</span></div><div class="comments"><span class="author">Reader Name</span></div>',
  );
  assert.equal(clean(html).byline, 'Adriatic Wire');
});

test('a date removed as furniture fills publishedAt, and beats a URL date of the same day', () => {
  const noMeta = clean(page('', '<div class="article-date">03.02.2019, 07:45 Uhr</div>'));
  assert.equal(noMeta.publishedAt, '2019-02-03T07:45:00');
  const withUrl = clean(page('<meta property="og:url" content="https://ferry.example/2019/02/03/strike-ends">', '<p class="meta">Published 3 February 2019 07:45</p>'));
  assert.equal(withUrl.publishedAt, '2019-02-03T07:45:00');
});

test('where the page labels both, the publication date wins over the update, in either order', () => {
  const stamps = [
    // One line or box with both dates, the update first.
    '<p>Updated: 6 Mar 2024; Published: 1 Mar 2024</p>',
    '<div class="meta">Updated: 6 Mar 2024; Published: 1 Mar 2024</div>',
    '<div class="date">Updated: 6 Mar 2024; Published: 1 Mar 2024</div>',
    '<div class="article-date">Updated: 6 Mar 2024 | Published: 1 Mar 2024</div>',
    '<span class="timestamp">Updated March 6, 2024, Published March 1, 2024</span>',
    '<p>Last modified 6 March 2024 · First published 1 March 2024</p>',
    // A byline box that carries both.
    '<div class="byline">By Lena Horvat | Updated: 6 Mar 2024 | Published: 1 Mar 2024</div>',
    // Separate lines or elements, the update first.
    '<p>Updated: 6 Mar 2024</p><p>Published: 1 Mar 2024</p>',
    '<div class="date">Updated 6 Mar 2024</div><div class="date">Published 1 Mar 2024</div>',
    '<p>Updated: <span class="date">6 Mar 2024</span>; Published: <span class="date">1 Mar 2024</span></p>',
    '<p><span>Updated:</span> 6 Mar 2024 <span>Published:</span> 1 Mar 2024</p>',
    '<div class="dates"><time datetime="2024-03-06">Updated: 6 Mar 2024</time>; Published: <time datetime="2024-03-01">1 Mar 2024</time></div>',
    // The publication first.
    '<p>Published: 1 Mar 2024; Updated: 6 Mar 2024</p>',
  ];
  for (const stamp of stamps) {
    assert.equal(clean(page('', stamp)).publishedAt, '2024-03-01', stamp);
    // The same stamp inside the story's <article>.
    const inside = `<!doctype html><html><head><title>Ferry strike ends</title></head><body><article><h1>Ferry strike ends</h1>${stamp}${STORY}</article></body></html>`;
    assert.equal(clean(inside).publishedAt, '2024-03-01', `inside: ${stamp}`);
  }
  // With times: the publication's time comes with it.
  assert.equal(clean(page('', '<p>Updated 6 Mar 2024 10:00 / Published 1 Mar 2024 09:00</p>')).publishedAt, '2024-03-01T09:00:00');
  // An update alone still dates the page when nothing else does.
  assert.equal(clean(page('', '<p>Updated: 6 Mar 2024</p>')).publishedAt, '2024-03-06');
  assert.equal(dateFromRemoved([{ text: 'Updated: 6 Mar 2024', reason: 'date' }, { text: 'Published: 1 Mar 2024', reason: 'date' }]), '2024-03-01');
});

// The shared real-world cases C10 and C17 (each file alone; only the date and byline of this class are asserted).
const casesDir = process.env.TRIANGULATE_CASES_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/cases/realworld');
const REAL = [
  { dir: 'C10-visible-date-not-read', file: 'input.html', key: 'expected' },
  { dir: 'C10-visible-date-not-read', file: 'extra-dw.html', key: 'expected_extra_dw' },
  { dir: 'C17-byline-pruned-not-read', file: 'input.html', key: 'expected' },
  { dir: 'C17-byline-pruned-not-read', file: 'extra-medicalnewstoday.html', key: 'expected_extra' },
];

for (const { dir, file, key } of REAL) {
  const input = path.join(casesDir, dir, file);
  const expectedFile = path.join(casesDir, dir, 'expected.json');
  const present = existsSync(input) && existsSync(expectedFile);
  test(`real-world case ${dir}/${file}: publication date and byline`, { skip: present ? false : `skipped: ${input} is absent (the shared cases live beside the checkout in ../shared/cases/realworld)` }, () => {
    const expected = (JSON.parse(readFileSync(expectedFile, 'utf8')) as Record<string, Record<string, unknown>>)[key];
    assert.ok(expected, `${key} in expected.json`);
    const article = cleanArticle({ id: 'case', origin: file, format: 'html', content: readFileSync(input, 'utf8'), hints: {} });
    if (typeof expected.publishedAt_prefix === 'string') assert.ok(article.publishedAt?.startsWith(expected.publishedAt_prefix), `publishedAt ${article.publishedAt}`);
    if (typeof expected.byline === 'string') assert.equal(article.byline, expected.byline);
  });
}
