// The reports explain why sentences were matched and why articles count as one source, from a dossier
// written by hand with the claim fields (why, claimedBy, modality, sourceGroups, quantity reach), and
// still render an older dossier that has none of them.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Dossier } from '../dossier/types.js';
import type { Span } from '../annotate/types.js';
import { renderHtml, renderMarkdown } from './index.js';
import { independence, pastParticiple, quantityPhrase, quantityReach } from './explain.js';
import { formatNumber } from './labels.js';
import { invalidSpans, schemaErrors, unquotedTexts } from '../../test/dossier-contract.js';

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
});

test('Markdown shows why facts and disputes matched, the collapse, claimants, quantity rows and source groups', () => {
  const md = renderMarkdown(fullDossier());
  assert.match(md, /Why matched: same place \(Banjska\), same number \(3 attacker\), similarity 0\.91 — numbers: 3 attacker \(kill\) · dates: 2023-09-24 · actions: kill\n/);
  has(md, '3 articles, 1 independent source: shared wire credit AP ([002], [003], [004])');
  has(md, '4 articles, 2 independent sources: shared wire credit AP');
  has(md, '  - Claimed by Aleksandar &lt;Vucic&gt;\n'); // "asserted", the plain default voice, is not shown
  has(md, 'modality: reported');
  has(md, '- **3 attackers killed** (Serb &lt;gunmen&gt; unit) — 4 outlets, 2 independent: BBC, Reuters, Daily &lt;Planet&gt;, Kosovo Online [001][002][003][004]');
  has(md, '- 600 troops [001]'); // a quantity without reach keeps the plain row
  has(md, '**600** —');
  has(md, '**1,000** —');
  has(md, '_Why matched: same action (deploy), different number');
  has(md, '## Independent sources (2)');
  has(md, '4 articles, 2 independent sources: articles that copy one another');
  has(md, '- Each on its own: [001]');
  // A fact cited once was matched to nothing: no "why" line for it.
  const lone = fullDossier();
  lone.facts = [{ ...lone.facts[1], sources: [lone.facts[1].sources[0]], reportedBy: ['Reuters'], why: { ...lone.facts[1].why!, summary: 'a single claim' } }];
  lacks(renderMarkdown(lone), 'a single claim');
  lacks(renderHtml(lone), 'a single claim');
  has(md, '- [002] Reuters, [003] Daily &lt;Planet&gt;, [004] Kosovo Online — one source: shared wire credit AP');
});

test('HTML shows the same explanations with every piece of article text escaped', () => {
  const html = renderHtml(fullDossier());
  has(html, '<span class="label">Why matched:</span> same place (Banjska), same number (3 attacker), similarity 0.91');
  has(html, '<dt>Same dates</dt><dd>2023-09-24</dd>');
  has(html, '<dt>Similarity</dt><dd>0.91</dd>');
  has(html, '3 articles, 1 independent source: shared wire credit AP (002, 003, 004)');
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
  has(md, '3 articles, 1 independent source: 003 copies 002; 004 credits 002 ([002], [003], [004])');
  has(md, '- 3 attackers [001]');
  has(md, '- **Says: unattributed** — About 600 troops were deployed.');
  has(html, '3 articles, 1 independent source: 003 copies 002; 004 credits 002 (002, 003, 004)');
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
    for (let i = 0; i < 100 && !app.querySelector('.story-page'); i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(app.querySelector('.story-page'), 'the story page rendered');
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
    has(page.text, '3 articles, 1 independent source: 003 copies 002');
    has(page.text, 'Figures mentioned');
  } finally {
    await page.close();
  }
});

test('Markdown writes article markup as text, so a Markdown viewer never runs it', () => {
  const markdown = renderMarkdown(fullDossier());
  assert.ok(!/<script|<b>|<Vucic>/.test(markdown), 'no raw tags from article text');
  assert.ok(markdown.includes('&lt;script&gt;'), 'the script tag is shown as text');
  const linked = fullDossier();
  linked.summary[0] = { ...linked.summary[0], text: 'Said [the port authority](javascript:alert(3)) today.' };
  assert.ok(!/\]\(javascript/.test(renderMarkdown(linked)), 'no link from article text');
});
