import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanArticle } from '../index.js';
import { articleBodyParagraphs, teaserNotice, TEASER_ONLY_RULE } from './teaser.js';
import type { RawArticle } from '../../read/index.js';

// Fault class 4 of the real-world cases: paywalled or truncated pages. Fixtures written here.

const SENTENCES = [
  'The regional court in Zadar ruled on Monday that the harbour concession granted in 2019 was void.',
  'Judges found that the tender had been tailored to a single bidder, a company owned by a former councillor.',
  'The company said it would appeal, arguing that the tender rules had been approved by the ministry.',
  'Fishermen who had protested against the concession for two years gathered outside the court to hear the verdict.',
  'The city council must now run a new tender within six months, the ruling said.',
  'Until then the harbour stays under the management of the port authority, which took it over in March.',
  'A spokeswoman for the ministry said it would study the judgment before commenting on the rules.',
  'The former councillor did not answer calls; his lawyer said the verdict ignored key evidence.',
];
const TEASER = `<p>${SENTENCES[0]}</p><p>${SENTENCES[1]}</p>`;
const FULL_BODY = SENTENCES.join('\n\n');

const ld = (object: unknown) => `<script type="application/ld+json">${JSON.stringify(object)}</script>`;
const page = (head: string, body: string) =>
  `<!doctype html><html><head><title>Harbour concession void</title><meta property="og:site_name" content="Adriatic Ledger">${head}</head><body><article><h1>Harbour concession void</h1>${body}</article></body></html>`;
const clean = (html: string) => cleanArticle({ id: 'harbour', origin: 'harbour.html', format: 'html', content: html, hints: {} } satisfies RawArticle);
const teaserDiagnostic = (html: string) => clean(html).diagnostics.find((d) => d.ruleId === TEASER_ONLY_RULE);

test('a visible teaser gives way to the JSON-LD articleBody holding the story, as paragraphs', () => {
  const article = clean(page(ld({ '@type': 'NewsArticle', articleBody: FULL_BODY, isAccessibleForFree: false }), `${TEASER}<div class="paywall-prompt"><p>Subscribe to continue reading</p></div>`));
  assert.equal(article.text, SENTENCES.join('\n\n'));
  assert.ok(article.diagnostics.some((d) => d.ruleId === 'clean/article-body'));
  // The story is complete: no teaser flag.
  assert.equal(article.diagnostics.find((d) => d.ruleId === TEASER_ONLY_RULE), undefined);
});

test('a page that shows no story text at all is read from articleBody, also inside a WebPage mainEntity', () => {
  const html = page(ld({ '@type': 'WebPage', mainEntity: { '@type': 'NewsArticle', articleBody: SENTENCES.slice(0, 2).join('\n') } }), '<div id="app"></div>');
  assert.equal(clean(html).text, `${SENTENCES[0]}\n\n${SENTENCES[1]}`);
});

test('an articleBody run together by stripped tags is split at the glued paragraph ends and at sentences when long', () => {
  assert.deepEqual(articleBodyParagraphs(`${SENTENCES[0]}${SENTENCES[1]}`), [SENTENCES[0], SENTENCES[1]]);
  assert.deepEqual(articleBodyParagraphs(`<p>${SENTENCES[0]}</p><p>${SENTENCES[1]}</p>`), [SENTENCES[0], SENTENCES[1]]);
  const long = articleBodyParagraphs(SENTENCES.concat(SENTENCES).join(' '));
  assert.ok(long.length >= 3, `${long.length} paragraphs`);
  assert.equal(long.join(' '), SENTENCES.concat(SENTENCES).join(' '));
  // "U.S." and "Mr." do not end a paragraph.
  const abbreviations = articleBodyParagraphs(`${'The U.S. envoy met Mr. Horvat in Zagreb on Tuesday. '.repeat(30)}`);
  assert.ok(abbreviations.every((p) => p.startsWith('The U.S. envoy')));
});

test('a full visible story is kept when articleBody is no longer, or is another story', () => {
  const visible = SENTENCES.map((s) => `<p>${s}</p>`).join('');
  const same = clean(page(ld({ '@type': 'NewsArticle', articleBody: SENTENCES.slice(0, 3).join(' ') }), visible));
  assert.equal(same.text, SENTENCES.join('\n\n'));
  const other = 'Orchestras across the region announced a joint winter season of baroque music with guest conductors. '.repeat(12);
  const unrelated = clean(page(ld({ '@type': 'NewsArticle', articleBody: other }), TEASER + '<p>The court also ordered the city to pay the costs of the case, which ran for two years in all.</p>'));
  assert.ok(unrelated.text.startsWith(SENTENCES[0]));
});

test('a page that declares a paywall and shows only a teaser is analysed and flagged', () => {
  const declarations = [
    ld({ '@type': 'NewsArticle', isAccessibleForFree: 'False' }),
    ld({ '@type': 'NewsArticle', isAccessibleForFree: false }),
    ld({ '@type': 'NewsArticle', hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.locked' } }),
    '<meta name="article:content_tier" content="locked">',
    '<meta property="article:content_tier" content="locked">',
  ];
  for (const head of declarations) {
    const article = clean(page(head, TEASER));
    assert.equal(article.text, `${SENTENCES[0]}\n\n${SENTENCES[1]}`, head);
    const diagnostic = article.diagnostics.find((d) => d.ruleId === TEASER_ONLY_RULE);
    assert.ok(diagnostic, head);
    assert.equal(diagnostic.message, `teaser only: the page is paywalled; ${article.text.length} characters of story`);
  }
});

test('a continue-reading prompt marks a teaser too; free pages, metered tiers and full stories are not flagged', () => {
  assert.ok(teaserDiagnostic(page('', `${TEASER}<div class="subscribe-box"><p>Subscribe to continue reading this story.</p></div>`)));
  assert.equal(teaserDiagnostic(page('', TEASER)), undefined);
  assert.equal(teaserDiagnostic(page(ld({ '@type': 'NewsArticle', isAccessibleForFree: true }), TEASER)), undefined);
  assert.equal(teaserDiagnostic(page('<meta property="article:content_tier" content="metered">', TEASER)), undefined);
  const fullStory = SENTENCES.concat(SENTENCES).map((s) => `<p>${s}</p>`).join('');
  assert.equal(teaserDiagnostic(page(ld({ '@type': 'NewsArticle', isAccessibleForFree: false }), fullStory)), undefined);
  // ... unless JSON-LD wordCount says the story is much longer than what the page shows.
  assert.ok(teaserDiagnostic(page(ld({ '@type': 'NewsArticle', isAccessibleForFree: false, wordCount: 1800 }), fullStory)));
});

test('a paywalled page that shows its whole story is not flagged as a teaser', () => {
  const full = SENTENCES.map((s) => `<p>${s}</p>`).join('');
  const words = SENTENCES.join(' ').split(/\s+/).length;
  const locked = { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.paywall' };
  const pages = {
    // Eight paragraphs kept, no other evidence: too many paragraphs for a teaser.
    declared: page(ld({ '@type': 'NewsArticle', isAccessibleForFree: false }), full),
    // wordCount and articleBody say the story is as long as what the page shows.
    wordCount: page(ld({ '@type': 'NewsArticle', isAccessibleForFree: false, wordCount: words }), full),
    articleBody: page(ld({ '@type': 'NewsArticle', isAccessibleForFree: false, articleBody: FULL_BODY }), full),
    // The sections declared locked are on the page, in a box or on each paragraph, and were kept.
    lockedBox: page(ld({ '@type': 'NewsArticle', isAccessibleForFree: false, hasPart: locked }), `<p>${SENTENCES[0]}</p><div class="paywall">${SENTENCES.slice(1).map((s) => `<p>${s}</p>`).join('')}</div>`),
    lockedParagraphs: page(ld({ '@type': 'NewsArticle', isAccessibleForFree: false, hasPart: locked }), `<p>${SENTENCES[0]}</p>${SENTENCES.slice(1).map((s) => `<p class="paywall">${s}</p>`).join('')}`),
    // Three long paragraphs, as long as wordCount says.
    fewLong: page(ld({ '@type': 'NewsArticle', isAccessibleForFree: false, wordCount: words }), `<p>${SENTENCES.slice(0, 3).join(' ')}</p><p>${SENTENCES.slice(3, 6).join(' ')}</p><p>${SENTENCES.slice(6).join(' ')}</p>`),
  };
  for (const [name, html] of Object.entries(pages)) {
    const article = clean(html);
    assert.ok(SENTENCES.every((s) => article.text.includes(s)), `${name}: story incomplete`);
    assert.equal(article.diagnostics.find((d) => d.ruleId === TEASER_ONLY_RULE), undefined, name);
    assert.equal(teaserNotice(article.diagnostics), null, name);
  }
  // A real teaser is still flagged: short, much shorter than wordCount, or the locked box left empty.
  assert.ok(teaserDiagnostic(page(ld({ '@type': 'NewsArticle', isAccessibleForFree: false }), TEASER)));
  assert.ok(teaserDiagnostic(page(ld({ '@type': 'NewsArticle', isAccessibleForFree: false, wordCount: 900 }), full)));
  assert.ok(teaserDiagnostic(page(ld({ '@type': 'NewsArticle', isAccessibleForFree: false, hasPart: locked }), `${TEASER}<div class="paywall"></div>`)));
  assert.ok(teaserDiagnostic(page(ld({ '@type': 'NewsArticle', isAccessibleForFree: false, wordCount: 40 }), TEASER)));
});

test('the terminal notice names the teaser once', () => {
  assert.equal(teaserNotice([{ ruleId: 'clean/date-source' }, { ruleId: TEASER_ONLY_RULE }]), 'teaser only (paywalled page)');
  assert.equal(teaserNotice([{ ruleId: 'clean/date-source' }]), null);
});
