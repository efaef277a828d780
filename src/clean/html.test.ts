import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanArticle, isNoArticleTextError } from './index.js';
import type { RawArticle } from '../read/index.js';

const STORY = [
  'The river port at Novi Dolac reopened on Tuesday after three weeks of repairs, the harbour authority said.',
  'Engineers replaced two cranes and dredged the main channel, which had silted up after the spring floods.',
  '"We are back to full capacity," harbour master Mira Kostic told reporters at the quay on Tuesday morning.',
  'Shipping companies had diverted around forty barges to other ports while the work went on.',
];

// A page shaped like a regional news site: menus, cookie banner, ads, a figure, share bar, related list, footer.
const PAGE = `<!doctype html>
<html lang="en"><head>
<title>Port reopens after repairs | The Valley Courier</title>
<meta property="og:site_name" content="The Valley Courier">
<meta property="og:title" content="Port reopens after repairs">
<meta property="og:url" content="https://courier.example/port-reopens">
<meta name="author" content="Meta Author">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Port reopens after repairs",
 "datePublished":"2023-10-03T09:15:00+02:00","author":[{"@type":"Person","name":"Ivo Markovic"}],"publisher":{"@type":"Organization","name":"Valley Courier Media"}}</script>
<script>window.dataLayer = [{"page": "article"}];</script>
<style>.ad { display: block }</style>
</head><body>
<div id="cookie-banner"><p>This website uses cookies to improve your experience. Accept</p></div>
<header class="site-header"><a href="/">The Valley Courier</a>
 <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main><article class="story">
 <h1>Port reopens after repairs</h1>
 <div class="byline">By Ivo Markovic</div>
 <time datetime="2023-10-03T09:15:00+02:00">3 October 2023</time>
 <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
 <div class="story-body">
  <p>${STORY[0]}</p>
  <figure><img src="port.jpg" alt=""><figcaption>Cranes at the quay on Monday. Photo: Courier</figcaption></figure>
  <p>${STORY[1]}</p>
  <div class="ad-slot"><p>Advertisement</p></div>
  <p>${STORY[2]}</p>
  <p>${STORY[3]}</p>
  <p>Sign up for our daily newsletter to get the latest news delivered to your inbox.</p>
 </div>
 <div class="related-stories"><h3>Related</h3><ul>
  <li><a href="/a">Barge traffic slows on the lower river</a></li><li><a href="/b">Floods damage harbour walls</a></li></ul></div>
</article></main>
<aside><h3>Most read</h3><ol><li><a href="/c">Mayor opens new school</a></li></ol></aside>
<footer><p>Copyright 2023 The Valley Courier. All rights reserved.</p></footer>
</body></html>`;

const raw = (content: string, hints: RawArticle['hints'] = {}): RawArticle => ({ id: 'p', origin: 'port.html', format: 'html', content, hints });

test('an HTML page yields exactly the story paragraphs, in order, and its metadata', () => {
  const article = cleanArticle(raw(PAGE));
  assert.equal(article.text, STORY.join('\n\n'));
  assert.equal(article.title, 'Port reopens after repairs');
  assert.equal(article.publishedAt, '2023-10-03T09:15:00+02:00');
  assert.equal(article.byline, 'Ivo Markovic');
  assert.equal(article.outlet, 'The Valley Courier');
  assert.equal(article.url, 'https://courier.example/port-reopens');
  assert.deepEqual(article.credits, []);
});

test('hints stated by the source win over the page; the input string is left untouched', () => {
  const before = PAGE.slice();
  const article = cleanArticle(raw(PAGE, { outlet: 'Courier Wire', url: 'https://wire.example/1', publishedAt: '2023-10-04' }));
  assert.equal(article.outlet, 'Courier Wire');
  assert.equal(article.url, 'https://wire.example/1');
  assert.equal(article.publishedAt, '2023-10-04');
  assert.equal(PAGE, before);
});

test('metadata falls back to <time>, meta author and the <title> without the site name', () => {
  const page = `<html><head><title>Flood barriers tested - The Valley Courier</title><meta name="author" content="Lena Horvat"></head>
  <body><article><time datetime="2023-09-30">Sept 30</time>${STORY.map((s) => `<p>${s}</p>`).join('')}</article></body></html>`;
  const article = cleanArticle(raw(page));
  assert.equal(article.title, 'Flood barriers tested');
  assert.equal(article.publishedAt, '2023-09-30');
  assert.equal(article.byline, 'Lena Horvat');
  assert.equal(article.outlet, null);
});

test('a page without an article is a typed "no article text found" problem', () => {
  const page = '<html><body><nav><a href="/">Home</a><a href="/news">News</a></nav><footer>Copyright 2023</footer></body></html>';
  assert.throws(() => cleanArticle(raw(page)), (error: unknown) => isNoArticleTextError(error) && `${error.origin}: ${error.message}` === 'port.html: no article text found');
});

test('an HTML fragment from a JSON record is cleaned like a page; a stated title removes its repeat', () => {
  const fragment = `<h2>Port reopens</h2>${STORY.slice(0, 2).map((s) => `<p>${s}</p>`).join('')}`;
  const article = cleanArticle(raw(fragment, { title: 'Port reopens' }));
  assert.equal(article.title, 'Port reopens');
  assert.equal(article.text, STORY.slice(0, 2).join('\n\n'));
});

test('a malformed page nested thousands deep is read whole instead of overflowing the stack', () => {
  const page = `<html><body>${'<div><p>Deep paragraph.</p>'.repeat(3000)}</body></html>`;
  const article = cleanArticle(raw(page));
  assert.equal(article.text.split('\n\n').length, 3000);
  assert.deepEqual(article.diagnostics.map((d) => d.ruleId), ['clean/whole-page']);
});
