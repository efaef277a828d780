// The reports explain why sentences were matched and why articles count as one source, from a dossier
// written by hand with the claim fields (why, claimedBy, modality, sourceGroups, quantity reach), and
// still render an older dossier that has none of them.
import { after, test } from 'node:test';
import path from 'node:path';
import assert from 'node:assert/strict';
import type { Dossier } from '../dossier/types.js';
import type { Span } from '../annotate/types.js';
import { existsSync } from 'node:fs';
import { renderHtml, renderJson, renderMarkdown } from './index.js';
import { articleCountLine, citationNote, claimantLine, independence, pastParticiple, quantityPhrase, quantityReach, timelineRows } from './explain.js';
import { articleRefs, formatNumber, writtenAs } from './labels.js';
import { seedsDir } from '../../eval/data.js';
import { invalidSpans, schemaErrors, unquotedTexts } from '../../test/dossier-contract.js';
import { waitFor } from '../../test/wait.js';

/** Assertions with their own messages: the piece looked for, and the output when it is missing. */
function has(out: string, piece: string): void {
  assert.ok(out.includes(piece), `missing ${JSON.stringify(piece)} in:\n${out}`);
}
function lacks(out: string, piece: string): void {
  assert.ok(!out.includes(piece), `unexpected ${JSON.stringify(piece)} in:\n${out}`);
}

const TEXTS: Record<string, string> = {
  '001': 'Three attackers were killed in Banjska on Sunday, police said. About 600 troops were deployed.',
  '002': 'Three attackers were killed in Banjska on Sunday. Vucic said Serbia <b>never</b> planned an attack.',
  '003': 'Three attackers were killed in Banjska on Sunday. Vucic said Serbia <b>never</b> planned an attack.',
  '004': 'Three attackers were killed in Banjska on Sunday. Vucic said Serbia <b>never</b> planned an attack. Some 1,000 troops were deployed.',
};

function span(articleId: string, phrase: string): Span {
  const start = TEXTS[articleId].indexOf(phrase);
  if (start < 0) throw new Error(`${phrase} not in ${articleId}`);
  return { articleId, start, end: start + phrase.length };
}

const article = (id: string, outlet: string | null, credits: string[] = []) => ({
  id,
  origin: `/seeds/${id}.txt`,
  outlet,
  title: id === '004' ? 'Kosovo <script>alert("x")</script> clash' : `Story ${id}`,
  publishedAt: '2023-09-25',
  credits,
  text: TEXTS[id],
  removed: [],
  url: null,
  byline: null,
  diagnostics: [],
});

const KILLED = 'Three attackers were killed in Banjska on Sunday';
const NEVER = 'Vucic said Serbia <b>never</b> planned an attack.';

export function fullDossier(): Dossier {
  return {
    schemaVersion: '1',
    generatedAt: '2023-09-26T00:00:00Z',
    articles: [article('001', 'BBC'), article('002', 'Reuters', ['AP']), article('003', 'Daily <Planet>', ['AP']), article('004', 'Kosovo Online', ['AP'])],
    entities: [],
    quotes: [],
    quantities: [
      {
        value: 3,
        what: 'attackers',
        span: span('001', 'Three'),
        kind: 'attacker',
        event: 'kill',
        owner: 'Serb <gunmen> unit',
        sources: ['001', '002', '003', '004'].map((id) => span(id, 'Three')),
        independentSources: 2,
        reportedBy: ['BBC', 'Reuters', 'Daily <Planet>', 'Kosovo Online'],
      },
      { value: 600, what: 'troops', span: span('001', '600') },
    ],
    numberChanges: [],
    timeline: [],
    facts: [
      {
        id: 'f1',
        text: KILLED,
        sources: ['001', '002', '003', '004'].map((id) => span(id, KILLED)),
        independentSources: 2,
        reportedBy: ['BBC', 'Reuters', 'Daily <Planet>', 'Kosovo Online'],
        why: {
          similarity: 0.91,
          sharedEntities: ['Banjska'],
          sharedNumbers: ['3 attacker (kill)'],
          sharedDates: ['2023-09-24'],
          sharedPredicates: ['kill'],
          summary: 'same place (Banjska), same number (3 attacker), similarity 0.91',
        },
        modality: 'reported',
        sourceGroups: ['g1', 'g2'],
      },
      {
        id: 'f2',
        text: NEVER,
        sources: ['002', '003', '004'].map((id) => span(id, NEVER)),
        independentSources: 1,
        reportedBy: ['Reuters', 'Daily <Planet>', 'Kosovo Online'],
        why: { similarity: 1, sharedEntities: ['Aleksandar <Vucic>'], sharedNumbers: [], sharedDates: [], sharedPredicates: ['plan'], summary: 'same words <copied>' },
        claimedBy: ['Aleksandar <Vucic>'],
        modality: 'asserted',
        sourceGroups: ['g2'],
      },
    ],
    sourceGroups: [
      { id: 'g1', articles: ['001'], reasons: [] },
      { id: 'g2', articles: ['002', '003', '004'], reasons: ['shared wire credit AP'] },
    ],
    singleSource: ['f2'],
    disputes: [
      {
        about: 'troops deployed',
        kind: 'number',
        sides: [
          { stance: 'claim', text: 'About 600 troops were deployed.', by: null, byName: null, sources: [span('001', 'About 600 troops were deployed.')], value: '600', reportedBy: ['BBC'] },
          { stance: 'claim', text: 'Some 1,000 troops were deployed.', by: null, byName: null, sources: [span('004', 'Some 1,000 troops were deployed.')], value: '1,000', reportedBy: ['Kosovo Online'] },
        ],
        why: { similarity: 0.77, sharedEntities: [], sharedNumbers: [], sharedDates: [], sharedPredicates: ['deploy'], summary: 'same action (deploy), different number' },
      },
    ],
    provenance: [],
    summary: [{ text: KILLED, sources: [span('001', KILLED)] }],
    problems: [],
  };
}

/** The same story as an older build stored it: none of the claim fields. */
export function oldDossier(): Dossier {
  const d = fullDossier();
  delete d.sourceGroups;
  for (const f of d.facts) {
    delete f.why;
    delete f.claimedBy;
    delete f.modality;
    delete f.sourceGroups;
  }
  d.quantities = d.quantities.map(({ value, what, span }) => ({ value, what, span }));
  d.disputes = d.disputes.map((x) => ({ about: x.about, kind: x.kind, sides: x.sides.map(({ value: _v, reportedBy: _r, ...side }) => side) }));
  d.provenance = [
    { from: '002', to: '003', kind: 'copy', score: 0.97 },
    { from: '002', to: '004', kind: 'credit', score: 1 },
  ];
  return d;
}

test('the hand-written dossier satisfies the schema and cites real text', () => {
  for (const d of [fullDossier(), oldDossier()]) {
    assert.deepEqual(schemaErrors(d), []);
    assert.deepEqual(invalidSpans(d), []);
    assert.deepEqual(unquotedTexts(d), []);
  }
});

test('the schema rejects a malformed new field', () => {
  const d = fullDossier();
  (d.facts[0].why as unknown as { similarity: string }).similarity = 'high';
  (d.disputes[0] as unknown as { kind: string }).kind = 'colour';
  assert.equal(schemaErrors(d).length, 2);
});

test('explanations: collapse, quantity phrase and reach', () => {
  const d = fullDossier();
  assert.equal(independence(d.facts[1], d)?.line, '3 articles, 1 independent source: shared wire credit AP (002, 003, 004)');
  assert.equal(independence(d.facts[0], d)?.line, '4 articles, 2 independent sources: shared wire credit AP (002, 003, 004)');
  assert.equal(quantityPhrase(d.quantities[0], formatNumber), '3 attackers killed');
  assert.equal(quantityReach(d.quantities[0]), '4 outlets, 2 independent');
  assert.equal(independence({ sources: [span('001', 'Three')], independentSources: 1 }, d), null);
  assert.deepEqual(['deploy', 'wound', 'shoot', 'stop', 'injure', 'carry', 'make'].map(pastParticiple), ['deployed', 'wounded', 'shot', 'stopped', 'injured', 'carried', 'made']);
  assert.equal(quantityPhrase({ value: 14, what: 'crews', kind: 'crew', event: 'have' }, formatNumber), '14 crew');
  assert.equal(quantityPhrase({ value: 90, what: 'percent', kind: 'percent' }, formatNumber), '90 percent');
  assert.equal(quantityPhrase({ value: 1, what: 'police officer', kind: 'police officer', event: 'kill' }, formatNumber), '1 police officer killed');
  assert.equal(quantityPhrase({ value: 2, what: 'serb gunmen', event: 'arrest' }, formatNumber), '2 serb gunmen arrested');
  assert.equal(quantityPhrase({ value: 12, what: 'people', kind: 'person', event: 'miss' }, formatNumber), '12 people missing');
  // A fact two articles narrate and a third attributes: the speaker is named with the article that names it.
  const three = [span('001', 'a'), span('002', 'b'), span('003', 'c')];
  const chip = (id: string) => `[${id}]`;
  assert.equal(claimantLine({ sources: three, claimedBy: ['White House'], attributions: [{ speaker: 'White House', articleIds: ['002'] }] }, chip), 'White House (in [002])');
  assert.equal(claimantLine({ sources: three.slice(1, 2), claimedBy: ['White House'], attributions: [{ speaker: 'White House', articleIds: ['002'] }] }, chip), 'White House');
  assert.equal(claimantLine({ sources: three, claimedBy: ['White House'] }, chip), 'White House', 'an older dossier without attributions');
  assert.equal(claimantLine({ sources: three }, chip), '');
});

test('Markdown shows why facts and disputes matched, the collapse, claimants, quantity rows and source groups', () => {
  const md = renderMarkdown(fullDossier());
  assert.match(md, /Why matched: same place \(Banjska\), same number \(3 attacker\), similarity 0\.91 — numbers: 3 attacker \(kill\) · dates: 2023-09-24 · actions: kill\n/);
  has(md, '3 articles, 1 independent source: shared wire credit AP ([Reuters], [Daily &lt;Planet>], [Kosovo Online])');
  has(md, '4 articles, 2 independent sources: shared wire credit AP');
  has(md, '  - Claimed by Aleksandar &lt;Vucic>\n'); // "asserted", the plain default voice, is not shown
  has(md, 'modality: reported');
  has(md, '- **3 attackers killed** (Serb &lt;gunmen> unit) — 4 outlets, 2 independent: BBC, Reuters, Daily &lt;Planet>, Kosovo Online [BBC][Reuters][Daily &lt;Planet>][Kosovo Online]');
  has(md, '- 600 troops [BBC]'); // a quantity without reach keeps the plain row
  has(md, '**600** —');
  has(md, '**1,000** —');
  has(md, '_Why matched: same action (deploy), different number');
  has(md, '## Independent sources (2)');
  has(md, '4 articles, 2 independent sources: articles that copy one another');
  has(md, '- Each on its own: [BBC]');
  // A fact cited once was matched to nothing: no "why" line for it.
  const lone = fullDossier();
  lone.facts = [{ ...lone.facts[1], sources: [lone.facts[1].sources[0]], reportedBy: ['Reuters'], why: { ...lone.facts[1].why!, summary: 'a single claim' } }];
  lacks(renderMarkdown(lone), 'a single claim');
  lacks(renderHtml(lone), 'a single claim');
  has(md, '- [Reuters], [Daily &lt;Planet>], [Kosovo Online] — one source: shared wire credit AP');
});

test('HTML shows the same explanations with every piece of article text escaped', () => {
  const html = renderHtml(fullDossier());
  has(html, '<span class="label">Why matched:</span> same place (Banjska), same number (3 attacker), similarity 0.91');
  has(html, '<dt>Same dates</dt><dd>2023-09-24</dd>');
  has(html, '<dt>Similarity</dt><dd>0.91</dd>');
  // In HTML sentences, articles are named as their citation chips read.
  has(html, '3 articles, 1 independent source: shared wire credit AP (Reuters, Daily &lt;Planet&gt;, Kosovo Online)');
  has(html, '<strong>3 attackers killed</strong> <span class="owner">Serb &lt;gunmen&gt; unit</span> — <span class="reach">4 outlets, 2 independent</span>');
  has(html, '<div class="value">600</div>');
  has(html, '<div class="value">1,000</div>');
  has(html, '<h4>Version 2</h4>'); // number dispute versions side by side
  has(html, 'Claimed by</span> Aleksandar &lt;Vucic&gt;');
  has(html, 'same words &lt;copied&gt;');
  has(html, '<section id="independence"><h2>Independent sources</h2>');
  has(html, 'count as one source: shared wire credit AP');
  // Nothing from the dossier reaches the page as markup.
  for (const raw of ['<Vucic>', '<Planet>', '<gunmen>', '<copied>', '<b>never</b>', '<script>alert']) lacks(html, raw);
  has(html, 'Daily &lt;Planet&gt;');
  // A fact's citation, cited nowhere else, still marks exactly its characters in the source pane.
  has(html, '<span data-s="50" data-e="99">Vucic said Serbia &lt;b&gt;never&lt;/b&gt; planned an attack.</span>');
});

test('an older dossier without the claim fields still renders, explaining collapses from provenance', () => {
  const d = oldDossier();
  const md = renderMarkdown(d);
  const html = renderHtml(d);
  for (const out of [md, html]) {
    lacks(out, 'Why matched');
    lacks(out, 'Claimed by');
    lacks(out, 'Independent sources (');
  }
  has(md, '3 articles, 1 independent source: [Daily &lt;Planet>] copies [Reuters]; [Kosovo Online] credits [Reuters] ([Reuters], [Daily &lt;Planet>], [Kosovo Online])');
  has(md, '- 3 attackers [BBC]');
  // A side with no claimant speaks in its outlet's own voice: it is named by the article's label.
  has(md, '- **Says: BBC** — About 600 troops were deployed.');
  has(html, '3 articles, 1 independent source: Daily &lt;Planet&gt; copies Reuters; Kosovo Online credits Reuters (Reuters, Daily &lt;Planet&gt;, Kosovo Online)');
  lacks(html, 'id="independence"');
  // No collapse reason at all: the counts alone.
  d.provenance = [];
  d.articles = d.articles.map((a) => ({ ...a, outlet: null }));
  has(renderMarkdown(d), '  - 3 articles, 1 independent source\n');
});

// The web UI's story page, rendered in jsdom from its sources (through Vite, as the browser gets it),
// with the dossier API answered by the two hand-written dossiers. Headless Chromium is not needed.
let vite: import('vite').ViteDevServer | undefined;

after(async () => {
  await vite?.close();
});

async function renderStoryPage(dossier: Dossier): Promise<{ text: string; html: string; close: () => Promise<void> }> {
  const path = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const { JSDOM } = await import('jsdom');
  const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web');
  if (!vite) {
    const { createServer } = await import('vite');
    vite = await createServer({ configFile: path.join(web, 'vite.config.ts'), root: web, logLevel: 'silent', appType: 'custom', server: { middlewareMode: true, hmr: false, watch: null } });
  }
  const dom = new JSDOM('<!doctype html><main id="app"></main>', { url: 'http://127.0.0.1/' });
  const saved = { window: globalThis.window, document: globalThis.document, fetch: globalThis.fetch };
  Object.assign(globalThis, {
    window: dom.window,
    document: dom.window.document,
    // Forwarded to whichever page is current: effect clean-ups may run after this page is gone.
    addEventListener: (...args: Parameters<Window['addEventListener']>) => globalThis.window?.addEventListener?.(...args),
    removeEventListener: (...args: Parameters<Window['removeEventListener']>) => globalThis.window?.removeEventListener?.(...args),
    fetch: async () => new Response(JSON.stringify(dossier), { headers: { 'content-type': 'application/json' } }),
  });
  const app = dom.window.document.getElementById('app')!;
  // Preact as Node loads it: the same instance the externalised component imports use.
  const { h, render } = await import('preact');
  const close = async () => {
    render(null, app);
    await new Promise((r) => setTimeout(r, 50));
    Object.assign(globalThis, saved);
    dom.window.close();
  };
  try {
    const { StoryPage } = await vite.ssrLoadModule('/src/views/StoryPage.tsx');
    render(h(StoryPage, { id: 1 }), app);
    await waitFor('the story page to render', () => app.querySelector('.story-page'), { everyMs: 20 });
    return { text: app.textContent ?? '', html: app.innerHTML, close };
  } catch (error) {
    await close();
    throw error;
  }
}

test('the web UI story page shows why, independence, claimants, quantity reach and source groups', async () => {
  const page = await renderStoryPage(fullDossier());
  try {
    has(page.text, 'Why matched: same place (Banjska), same number (3 attacker), similarity 0.91');
    has(page.html, '<dt>Same dates</dt><dd>2023-09-24</dd>');
    has(page.text, '3 articles, 1 independent source: shared wire credit AP (Reuters (2), Daily <Planet> (3), Kosovo Online (4))');
    has(page.text, 'Claimed by Aleksandar <Vucic>');
    has(page.text, '3 attackers killed');
    has(page.text, '4 outlets, 2 independent');
    has(page.html, '<p class="side-value">1,000</p>');
    has(page.text, 'Why matched: same action (deploy), different number');
    has(page.html, 'id="independence"');
    has(page.text, 'count as one source: shared wire credit AP');
    lacks(page.html, '<Vucic>');
    lacks(page.html, '<b>never</b>');
    has(page.html, '&lt;Vucic&gt;');
  } finally {
    await page.close();
  }
});

test('the web UI story page renders an older dossier without the claim fields', async () => {
  const page = await renderStoryPage(oldDossier());
  try {
    lacks(page.text, 'Why matched');
    lacks(page.html, 'id="independence"');
    // Provenance reasons name the articles as the UI does, not by their ids.
    has(page.text, '3 articles, 1 independent source: Daily <Planet> (3) copies Reuters (2)');
    has(page.text, 'Figures mentioned');
  } finally {
    await page.close();
  }
});

test('Markdown writes article markup as text, so a Markdown viewer never runs it', () => {
  const markdown = renderMarkdown(fullDossier());
  assert.ok(!/<script|<b>|<Vucic>/.test(markdown), 'no raw tags from article text');
  // The "<" that would open a tag is an entity (a viewer shows "<script>"); nothing else is.
  assert.ok(markdown.includes('&lt;script>'), 'the script tag is shown as text');
  const linked = fullDossier();
  linked.summary[0] = { ...linked.summary[0], text: 'Said [the port authority](javascript:alert(3)) today.' };
  assert.ok(!/\]\(javascript/.test(renderMarkdown(linked)), 'no link from article text');
});

// A tester's report: "NATO Allies met today & expressed…" printed as "&amp;", "->" as "-&gt;". The Markdown shows the
// text as written and escapes only what a viewer would read as Markdown or HTML.
test('Markdown shows article text as written, escaping only what would become markup', () => {
  const d = fullDossier();
  const say = (text: string) => {
    d.summary[0] = { ...d.summary[0], text };
    const line = renderMarkdown(d).split('\n').find((l) => l.startsWith('1. '));
    assert.ok(line, 'summary line');
    return line.replace(/ \[[^\]]*\]$/, ''); // without its citation chip
  };
  // Plain characters stay plain: "&", ">", a "<" that opens nothing, an "_" inside a word.
  assert.equal(say('NATO Allies met today & expressed concern -> troops. 5 < 6 and 7 > 3, R&D, snake_case.'), '1. NATO Allies met today & expressed concern -> troops. 5 < 6 and 7 > 3, R&D, snake_case.');
  // Raw HTML, comments and autolinks: the "<" that opens them is an entity.
  assert.equal(say('<script>alert(1)</script> <img src=x onerror=alert(2)> <!-- x --> <http://evil.test>'), '1. &lt;script>alert(1)&lt;/script> &lt;img src=x onerror=alert(2)> &lt;!-- x --> &lt;http://evil.test>');
  // A character reference in the article is shown as written, not decoded by the viewer.
  assert.equal(say('Write &amp; or &#60; or &#x3C;.'), '1. Write &amp;amp; or &amp;#60; or &amp;#x3C;.');
  // Emphasis, code and strikethrough take a backslash; a link or an image is broken after its "]"; a backslash takes
  // one only where it would escape what follows.
  assert.equal(say('**Bold** _it_ `code` ~~gone~~ ![img](http://x/y.png) \\*'), '1. \\*\\*Bold\\*\\* \\_it\\_ \\`code\\` \\~\\~gone\\~\\~ ![img]\\(http://x/y.png) \\\\\\*');
  assert.equal(say('C:\\dir, [citation needed], about ~5 troops, 5 * 3.'), '1. C:\\dir, [citation needed], about ~5 troops, 5 \\* 3.');
  // A line break in article text cannot start a line of its own (a heading, a list item, a quote).
  assert.equal(say('One.\n# Injected\n> quote'), '1. One. # Injected > quote');
  // The report's own markup is untouched: bold labels and chips.
  const md = renderMarkdown(d);
  has(md, '**[BBC]**');
  assert.ok(!/\uFDD0|\uFDD1|\uFDD2|\uFDD3/.test(md), 'no markup placeholder left');
});

test('Markdown: article text cannot forge the placeholders the report writes its own markup with', () => {
  const d = fullDossier();
  d.summary[0] = { ...d.summary[0], text: 'Fake \uFDD0\uFDD0bold\uFDD0\uFDD0 and \uFDD2chip\uFDD3(javascript:x)' };
  const md = renderMarkdown(d);
  lacks(md, '**bold**');
  lacks(md, '[chip](');
  has(md, 'Fake \uFFFD\uFFFDbold');
});

test('Markdown: a heading keeps a trailing "#" of article text', () => {
  const d = fullDossier();
  d.articles = d.articles.map((a) => ({ ...a, title: 'We are #1 #' }));
  const md = renderMarkdown(d);
  // "# We are #1 #" would read as the heading "We are #1": its closing "#" sequence is dropped.
  assert.equal(md.split('\n')[0], '# We are #1 \\#');
});

// ---------------------------------------------------------------------------------------------------
// Who published each article, counts and plurals, and no local path in any format.

/** The fixture with outlets removed: articles named by credit, domain or file only. */
function unnamedDossier(): Dossier {
  const d = fullDossier();
  d.articles = d.articles.map((a) => ({ ...a, outlet: null, credits: [] }));
  return d;
}

test('the story counts distinct outlets only where they are named', () => {
  const d = fullDossier();
  assert.equal(articleCountLine(d.articles), '4 articles from 4 outlets');
  assert.equal(articleCountLine(unnamedDossier().articles), '4 articles, outlets not named');
  const mixed = unnamedDossier().articles;
  mixed[0] = { ...mixed[0], outlet: 'BBC' };
  mixed[1] = { ...mixed[1], url: 'https://www.bbc.co.uk/news/x' }; // same publisher by domain: a different label, counted apart
  mixed[2] = { ...mixed[2], outlet: 'bbc' }; // same outlet written differently: once
  assert.equal(articleCountLine(mixed), '4 articles from 2 outlets and 1 unnamed');
  assert.equal(articleCountLine(mixed.slice(3)), '1 article, outlets not named');
  // A wire credit says who wrote the copy, not who published it.
  assert.equal(articleCountLine([{ ...mixed[3], credits: ['AP', 'Reuters'] }]), '1 article, outlets not named');
  assert.equal(articleCountLine([{ ...mixed[0] }]), '1 article from 1 outlet');
  has(renderMarkdown(unnamedDossier()), '4 articles, outlets not named, 2023-09-25. 1 corroborated fact, 1 dispute.');
  has(renderHtml(unnamedDossier()), '4 articles, outlets not named, 2023-09-25 · 1 corroborated fact · 1 dispute · 1 single-source fact');
});

test('plurals: one article, one dispute, one piece of junk', () => {
  const d = fullDossier();
  d.articles = [{ ...d.articles[0], removed: [{ text: 'Share this', reason: 'share-widget' }] }];
  d.facts = [];
  d.quantities = [];
  d.disputes = d.disputes.map((x) => ({ ...x, sides: x.sides.filter((side) => side.sources[0].articleId === '001') }));
  d.sourceGroups = [{ id: 'g1', articles: ['001'], reasons: [] }];
  const md = renderMarkdown(d);
  const html = renderHtml(d);
  has(md, '1 article from 1 outlet, 2023-09-25. 0 corroborated facts, 1 dispute.');
  has(md, '1 piece of junk removed (share-widget)');
  has(html, '1 article from 1 outlet');
  has(html, '1 removed piece</summary>');
  has(html, '1 article, 1 independent source:');
  for (const out of [md, html]) for (const wrong of ['1 articles', '1 disputes', '1 pieces', '1 outlets']) lacks(out, wrong);
});

test('citation chips show the publisher or the article number, never the id', () => {
  const html = renderHtml(fullDossier());
  has(html, 'title="1. BBC — Story 001">BBC</a>');
  lacks(html, '>001</a>');
  const unnamed = unnamedDossier();
  unnamed.articles[3] = { ...unnamed.articles[3], credits: ['AP'] };
  const refs = articleRefs(unnamed);
  assert.deepEqual([...refs.values()].map((r) => r.chip), ['1', '2', '3', 'AP']);
  const page = renderHtml(unnamed);
  has(page, 'title="1. 001 — Story 001">1</a>');
  has(page, '>AP</a>');
  // Two articles of one outlet stay apart.
  const twice = fullDossier();
  twice.articles[1] = { ...twice.articles[1], outlet: 'BBC' };
  assert.deepEqual([...articleRefs(twice).values()].map((r) => r.chip), ['BBC 1', 'BBC 2', 'Daily <Planet>', 'Kosovo Online']);
});

test('credits are shown as labels beside the article in both reports', () => {
  const html = renderHtml(fullDossier());
  const md = renderMarkdown(fullDossier());
  has(html, '<strong>Reuters</strong> · 2023-09-25 · wire credits <span class="credit" title="wire credit">AP</span>');
  has(md, '2. **[Reuters]** Story 002 — **Reuters**, 2023-09-25; wire credits: **AP**. File: 002.txt');
  // A credit that names an article is said once, as the credit.
  const wire = unnamedDossier();
  wire.articles[1] = { ...wire.articles[1], credits: ['AFP'] };
  has(renderMarkdown(wire), '2. **[AFP]** Story 002 — outlet not named, 2023-09-25; wire credits: **AFP**.');
});

test('no format carries an absolute local path; relative origins stay as typed in JSON', () => {
  const d = fullDossier();
  d.articles[0] = { ...d.articles[0], origin: '/home/ana/Private Notes/001.txt' };
  d.articles[1] = { ...d.articles[1], origin: 'C:\\Users\\ana\\news\\002.txt' };
  d.articles[2] = { ...d.articles[2], origin: '../news/003.txt' };
  d.problems = [{ origin: '/home/ana/Private Notes/broken.pdf', reason: 'unsupported format' }];
  const json = renderJson(d);
  for (const out of [renderMarkdown(d), renderHtml(d), json]) {
    lacks(out, '/home/ana');
    lacks(out, 'Users');
    lacks(out, '/seeds/');
  }
  const parsed = JSON.parse(json) as Dossier;
  assert.deepEqual(parsed.articles.map((a) => a.origin), ['001.txt', '002.txt', '../news/003.txt', '004.txt']);
  assert.equal(parsed.problems[0].origin, 'broken.pdf');
  // Markdown and HTML name only the file, even when the typed path is relative.
  lacks(renderMarkdown(d), '../news/');
  lacks(renderHtml(d), '../news/');
});

test('one-source facts with several citations say why; figures keep the words as written', () => {
  assert.equal(citationNote({ sources: [span('002', 'Three'), span('002', KILLED)], independentSources: 1 }), '2 passages of the same article');
  assert.equal(citationNote({ sources: [span('002', 'Three')], independentSources: 1 }), null);
  const articles = new Map([['x', { text: 'Police said three Serb gunmen were killed.' }]]);
  assert.equal(writtenAs(articles, { articleId: 'x', start: 12, end: 17 }, 'serb gunmen'), 'Serb gunmen');
  assert.equal(writtenAs(articles, { articleId: 'x', start: 12, end: 17 }, 'drones'), 'drones');
  // In a report: a figure with no normalised kind reads with the capitals of its source.
  const d = oldDossier();
  d.quantities = [{ value: 3, what: 'attackers were killed in banjska', span: span('001', 'Three') }];
  has(renderMarkdown(d), '- 3 attackers were killed in Banjska [BBC]');
});

test('the timeline lists each sentence once: one sentence on two dates, one event in two wordings', () => {
  const s1 = span('002', NEVER);
  const rows = timelineRows([
    { date: '2008', text: 'Kosovo declared independence in 2008', sources: [span('001', 'Three')] },
    { date: '2008', text: 'One of the worst clashes since Kosovo declared independence in 2008, it prompted NATO to act', sources: [span('002', 'Three')] },
    { date: '2023-09-29', text: NEVER, sources: [s1] },
    { date: '2023-09-30', text: NEVER, sources: [s1], storyAnchored: true },
  ]);
  assert.deepEqual(rows.map((r) => [r.date, r.items.length]), [['2008', 1], ['2023-09-29', 1]]);
  assert.equal(rows[0].items[0].sources.length, 2);
  assert.equal(rows[0].items[0].merged, 2);
  assert.deepEqual(rows[1].items[0].alsoDated, ['2023-09-30']);
  const d = fullDossier();
  d.timeline = [
    { date: '2023-09-29', text: NEVER, sources: [s1] },
    { date: '2023-09-30', text: NEVER, sources: [s1], storyAnchored: true },
  ];
  has(renderMarkdown(d), '(the same sentence also gives 2023-09-30)');
  has(renderHtml(d), 'the same sentence also gives 2023-09-30');
});

const seedSkip = existsSync(seedsDir) ? false : `seed articles not found at ${seedsDir}`;

test('the seeds render with readable labels, headlines where the text has one, and no local path', { skip: seedSkip }, async () => {
  const { analyze } = await import('../analyze.js');
  const dossier = await analyze([seedsDir], { generatedAt: '2026-01-01T00:00:00Z' });
  assert.deepEqual(schemaErrors(dossier), []);
  assert.deepEqual(
    dossier.articles.map((a) => [a.label, a.labelSource]),
    [
      ['000_9ed602697b51ae3c', 'file'],
      ['001_392e1f7dd1a587d5', 'file'],
      ['002_aa134efe3cd44d09', 'file'],
      ['AP / AFP / dpa / Reuters', 'credit'],
      ['BBC', 'credit'],
    ],
  );
  assert.equal(dossier.articles[1].title, 'Belgrade denies US claims of Serbian military mobilisation near Kosovo');
  const md = renderMarkdown(dossier);
  const html = renderHtml(dossier);
  const json = renderJson(dossier);
  const absolute = path.resolve(seedsDir);
  for (const out of [md, html, json]) {
    lacks(out, absolute);
    lacks(out, path.dirname(absolute));
  }
  // Two seeds carry wire or source credits (AP ..., BBC) but no publisher: credits label them, they are not outlets.
  has(md, '5 articles, outlets not named');
  has(html, '5 articles, outlets not named');
  has(html, '>BBC</a>');
  lacks(html, '>004-e56ca0db870ed172</a>');
  has(html, '<span class="credit" title="wire credit">dpa</span>');
  has(md, 'wire credits: **AP**, **AFP**, **dpa**, **Reuters**');
  lacks(html, '0 outlets');
  lacks(md, 'Says: 004_e56ca0db870ed172');
  // Citations read as chips in both formats: the publisher or the article's number, never the hash id.
  has(md, '[BBC]');
  lacks(md, '[004-e56ca0db870ed172]');
  has(md, '1. **[1]** (no headline) — outlet not named, date unknown');
});
