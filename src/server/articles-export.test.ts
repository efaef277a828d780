// Hiding an article added by mistake (and showing it again), exporting a story's dossier as a file, and
// the story list's filters, against a real server over HTTP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { startServer, type RunningServer } from './index.js';
import { slugOf } from './routes.js';
import { CSV_COLUMNS } from '../report/csv.js';
import type { Dossier } from '../dossier/types.js';
import { fetchWhenBuilt } from '../../test/wait.js';

const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples/harbour-fire');

// An article about something else entirely: it starts a story of its own.
const UNRELATED = {
  title: 'Glasshouse orchids bloom early in Vellmar botanical garden',
  outlet: 'Garden Weekly',
  publishedAt: '2025-03-20',
  text: [
    'Gardeners at the Vellmar botanical garden said on Thursday that the orchids in its glasshouse had flowered three weeks earlier than usual after a mild winter.',
    'Head gardener Tomas Ekberg said visitors could see more than forty species in bloom until the end of April.',
  ].join('\n\n'),
};

interface StoryItem {
  id: number;
  title: string;
  articleCount: number;
  outlets: string[];
  version: number;
  analysis: { disputes: number } | null;
}
interface Visibility {
  status: string;
  articleId: number;
  storyId: number | null;
  story: StoryItem | null;
}
interface StoryArticles {
  story: StoryItem;
  articles: { id: number; articleId: string; outlet: string | null }[];
}

let server: RunningServer;
let fire: StoryItem;

before(async () => {
  server = await startServer({ from: [examples], port: 0, warmDossiers: false, webRoot: '/nonexistent' });
  fire = ((await (await get('/api/stories')).json()) as { stories: StoryItem[] }).stories[0];
});

after(async () => {
  await server?.close();
});

const get = (url: string) => fetch(`${server.url}${url}`);
const json = async <T>(url: string) => (await (await get(url)).json()) as T;
const hide = (id: number | string) => fetch(`${server.url}/api/articles/${id}`, { method: 'DELETE' });
const restore = (id: number | string) => fetch(`${server.url}/api/articles/${id}/restore`, { method: 'POST' });
const add = (body: unknown) => fetch(`${server.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function refused(response: Response, status: number, message: RegExp): Promise<void> {
  assert.equal(response.status, status, `${response.url}: expected ${status}`);
  const body = (await response.json()) as { error: { status: number; message: string } };
  assert.equal(body.error.status, status);
  assert.match(body.error.message, message);
  assert.doesNotMatch(body.error.message, /\n/);
}

test('a hidden article leaves its story, and the dossier is rebuilt without it; restoring brings it back', async () => {
  const before = await json<StoryArticles>(`/api/stories/${fire.id}`);
  assert.equal(before.articles.length, 4);
  const roundup = before.articles.find((a) => a.outlet === 'Daily Roundup')!;
  assert.ok(roundup, 'the aggregator article is in the story');
  const first = (await (await fetchWhenBuilt(`${server.url}/api/stories/${fire.id}/dossier?wait=60000`)).json()) as Dossier;
  assert.equal(first.articles.length, 4);

  const hidden = await hide(roundup.id);
  assert.equal(hidden.status, 200);
  const body = (await hidden.json()) as Visibility;
  assert.equal(body.status, 'hidden');
  assert.equal(body.articleId, roundup.id);
  assert.equal(body.storyId, fire.id);
  assert.equal(body.story?.articleCount, 3);
  assert.ok(body.story!.version > before.story.version, 'the story version grew');
  assert.ok(!body.story!.outlets.includes('Daily Roundup'));
  assert.equal(body.story!.analysis, null, 'the old analysis is not shown for the new version');

  const after = await json<StoryArticles>(`/api/stories/${fire.id}`);
  assert.deepEqual(after.articles.map((a) => a.id).sort(), before.articles.filter((a) => a.id !== roundup.id).map((a) => a.id).sort());
  const outletTotal = async () => (await json<{ total: number }>('/api/stories?outlet=daily+roundup')).total;
  assert.equal(await outletTotal(), 0, 'the story is no longer found by the hidden article');
  const health = await json<{ store: { articles: number; hidden: number } }>('/api/health');
  assert.deepEqual([health.store.articles, health.store.hidden], [4, 1], 'the article is kept, counted as hidden');

  // An export asked not to wait gets 202 rather than the dossier of the story before the hiding.
  const building = await get(`/api/stories/${fire.id}/export?format=json&wait=0`);
  assert.equal(building.status, 202);
  assert.equal(((await building.json()) as { status: string }).status, 'building');
  assert.ok(building.headers.get('retry-after'));

  const rebuilt = await fetchWhenBuilt(`${server.url}/api/stories/${fire.id}/dossier?wait=60000`);
  assert.equal(rebuilt.status, 200);
  assert.equal(rebuilt.headers.get('x-dossier-version'), String(body.story!.version));
  const dossier = (await rebuilt.json()) as Dossier;
  assert.equal(dossier.articles.length, 3);
  assert.ok(!dossier.articles.some((a) => a.id === roundup.articleId || a.outlet === 'Daily Roundup'), 'the dossier leaves the hidden article out');

  const again = await hide(roundup.id);
  assert.equal(again.status, 200, 'hiding twice is no error');
  const second = (await again.json()) as Visibility;
  assert.equal(second.status, 'hidden');
  assert.equal(second.story?.version, body.story!.version, 'and changes nothing');

  const restored = await restore(roundup.id);
  assert.equal(restored.status, 200);
  const back = (await restored.json()) as Visibility;
  assert.equal(back.status, 'restored');
  assert.equal(back.story?.articleCount, 4);
  assert.ok(back.story!.version > body.story!.version);
  assert.equal(await outletTotal(), 1);
  assert.equal((await json<StoryArticles>(`/api/stories/${fire.id}`)).articles.length, 4);
  assert.equal(((await (await restore(roundup.id)).json()) as Visibility).story?.version, back.story!.version, 'restoring twice changes nothing');
});

test('a story left with no visible article disappears from the list, and sending the article again restores it', async () => {
  const added = (await (await add(UNRELATED)).json()) as { status: string; articleId: number; storyId: number };
  assert.equal(added.status, 'stored');
  assert.notEqual(added.storyId, fire.id);
  const total = async () => (await json<{ total: number }>('/api/stories')).total;
  const listed = await total();

  const hidden = (await (await hide(added.articleId)).json()) as Visibility;
  assert.equal(hidden.storyId, added.storyId);
  assert.equal(hidden.story, null, 'no visible article left');
  assert.equal(await total(), listed - 1);
  await refused(await get(`/api/stories/${added.storyId}`), 404, new RegExp(`no story ${added.storyId}`));
  assert.equal((await json<{ total: number }>('/api/stories?q=orchids')).total, 0);

  const resent = await add(UNRELATED);
  assert.equal(resent.status, 200);
  const result = (await resent.json()) as { status: string; articleId: number; storyId: number; story: StoryItem | null };
  assert.equal(result.status, 'restored');
  assert.equal(result.articleId, added.articleId);
  assert.equal(result.storyId, added.storyId);
  assert.equal(result.story?.articleCount, 1);
  assert.equal(await total(), listed);
  assert.equal((await json<{ total: number }>('/api/stories?q=orchids')).total, 1);

  const duplicate = (await (await add(UNRELATED)).json()) as { status: string };
  assert.equal(duplicate.status, 'duplicate', 'a visible article sent again is still a duplicate');
});

test('hiding or restoring an unknown or malformed article id is a clear error', async () => {
  await refused(await hide(999999), 404, /no article 999999/);
  await refused(await hide(0), 404, /no article 0/);
  await refused(await restore(999999), 404, /no article 999999/);
  await refused(await hide('abc'), 400, /params\.id must be an article id/);
  await refused(await restore('1e3'), 400, /params\.id must be an article id/);
  await refused(await get('/api/stories/abc'), 400, /params\.id must be a story id/);
});

test('hiding and restoring take no body, accept an empty JSON one, and refuse other sites', async () => {
  const { articles } = await json<StoryArticles>(`/api/stories/${fire.id}`);
  const id = articles[0].id;
  const labelled = { 'content-type': 'application/json' };
  const hidden = await fetch(`${server.url}/api/articles/${id}`, { method: 'DELETE', headers: labelled });
  assert.equal(hidden.status, 200);
  assert.equal(((await hidden.json()) as Visibility).status, 'hidden');
  const shown = await fetch(`${server.url}/api/articles/${id}/restore`, { method: 'POST', headers: labelled });
  assert.equal(shown.status, 200);
  assert.equal(((await shown.json()) as Visibility).status, 'restored');
  await refused(await fetch(`${server.url}/api/articles/${id}/restore`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, /application\/json/);
  await refused(await fetch(`${server.url}/api/articles/${id}`, { method: 'DELETE', headers: { 'sec-fetch-site': 'cross-site' } }), 403, /another site/);
  await refused(await fetch(`${server.url}/api/articles/${id}/restore`, { method: 'POST', headers: { 'sec-fetch-site': 'same-site' } }), 403, /another site/);
  const same = await fetch(`${server.url}/api/articles/${id}/restore`, { method: 'POST', headers: { 'sec-fetch-site': 'same-origin' } });
  assert.equal(same.status, 200);
  assert.equal((await json<StoryArticles>(`/api/stories/${fire.id}`)).articles.length, 4);
});

test("a story's dossier downloads as JSON, Markdown, HTML and CSV", async () => {
  const story = (await json<StoryArticles>(`/api/stories/${fire.id}`)).story;
  const expected = `story-${fire.id}-${slugOf(story.title)}`;
  assert.match(expected, /^story-\d+-[a-z0-9]+(-[a-z0-9]+)*$/);
  const download = async (format: string) => {
    const response = await get(`/api/stories/${fire.id}/export?format=${format}`);
    assert.equal(response.status, 200, format);
    assert.equal(response.headers.get('content-disposition'), `attachment; filename="${expected}.${format}"`);
    return { type: response.headers.get('content-type'), text: await response.text() };
  };

  const asJson = await download('json');
  assert.equal(asJson.type, 'application/json; charset=utf-8');
  const dossier = JSON.parse(asJson.text) as Dossier;
  assert.equal(dossier.articles.length, 4, 'the current version (the restored article included)');

  const md = await download('md');
  assert.equal(md.type, 'text/markdown; charset=utf-8');
  assert.match(md.text, /^# .*Port Alder/m);

  const html = await download('html');
  assert.equal(html.type, 'text/html; charset=utf-8');
  assert.match(html.text, /^<!doctype html>/i);

  const csv = await download('csv');
  assert.equal(csv.type, 'text/csv; charset=utf-8');
  const rows = parse(csv.text, { bom: true, columns: true }) as Record<string, string>[];
  const header = parse(csv.text, { bom: true, to_line: 1 })[0] as string[];
  assert.deepEqual(header, [...CSV_COLUMNS]);
  const facts = rows.filter((r) => r.kind === 'corroborated' || r.kind === 'single-source');
  assert.equal(facts.length, dossier.facts.length, 'one row per fact');
  assert.deepEqual(facts.map((r) => r.id).sort(), dossier.facts.map((f) => f.id).sort());
  assert.equal(rows.filter((r) => r.kind === 'corroborated').length, dossier.facts.filter((f) => f.independentSources > 1).length);
  assert.equal(rows.filter((r) => r.kind === 'disputed-side').length, dossier.disputes.reduce((n, d) => n + d.sides.length, 0));
  const corroborated = rows.find((r) => r.kind === 'corroborated');
  assert.ok(corroborated, 'the fire story has corroborated facts');
  assert.ok(Number(corroborated.independent_sources) > 1);
  assert.ok(corroborated.article_ids.split('; ').every((id) => dossier.articles.some((a) => a.id === id)));
  for (const row of rows) {
    for (const [column, cell] of Object.entries(row)) {
      if (column === 'value' && /^-?\d+(\.\d+)?$/.test(cell)) continue;
      assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `no formula can start in ${column}: ${cell}`);
    }
  }
});

test('exports refuse unknown stories and formats', async () => {
  await refused(await get('/api/stories/999999/export?format=csv'), 404, /no story 999999/);
  await refused(await get(`/api/stories/${fire.id}/export?format=xls`), 400, /format/);
  await refused(await get(`/api/stories/${fire.id}/export?format=csv&wait=61000`), 400, /wait/);
});

test('the story list filters by article count and by disputes', async () => {
  const count = async (query: string) => (await json<{ total: number }>(`/api/stories?${query}`)).total;
  assert.equal(await count('minArticles=4&q=warehouse'), 1);
  assert.equal(await count('minArticles=5&q=warehouse'), 0);
  assert.equal(await count('minArticles=2&outlet=garden+weekly'), 0, 'filters combine');
  await refused(await get('/api/stories?minArticles=0'), 400, /minArticles/);
  await refused(await get('/api/stories?disputed=maybe'), 400, /disputed/);

  // The fire story's current dossier was built by the export test; the garden story has none.
  const disputed = await json<{ total: number; stories: StoryItem[]; unanalysed: number }>('/api/stories?disputed=true');
  const undisputed = await json<{ total: number; stories: StoryItem[]; unanalysed: number }>('/api/stories?disputed=false');
  assert.ok(disputed.stories.every((s) => s.analysis && s.analysis.disputes > 0));
  assert.ok(undisputed.stories.every((s) => s.analysis && s.analysis.disputes === 0));
  const inBoth = [...disputed.stories, ...undisputed.stories].filter((s) => s.id === fire.id);
  assert.equal(inBoth.length, 1, 'the analysed story is in exactly one of the two lists');
  assert.equal(disputed.unanalysed, 1, 'the unanalysed story is counted, not listed');
  assert.equal(disputed.total + undisputed.total + disputed.unanalysed, await count(''));
  assert.equal((await json<Record<string, unknown>>('/api/stories')).unanalysed, undefined, 'only with the filter');
});

test('the OpenAPI file documents hiding, restoring, exporting and the list filters', async () => {
  type Operation = { parameters?: { name: string; in: string }[]; responses: Record<string, { content?: Record<string, unknown> }>; description?: string };
  const doc = await json<{ paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } }>('/openapi.json');
  assert.ok(doc.paths['/api/articles/{id}']?.delete, 'DELETE /api/articles/{id}');
  assert.ok(doc.paths['/api/articles/{id}/restore']?.post, 'POST /api/articles/{id}/restore');
  const exportOp = doc.paths['/api/stories/{id}/export']?.get;
  assert.ok(exportOp, 'GET /api/stories/{id}/export');
  assert.deepEqual(Object.keys(exportOp.responses['200'].content ?? {}).sort(), ['application/json', 'text/csv', 'text/html', 'text/markdown']);
  assert.ok(exportOp.responses['202']);
  assert.match(exportOp.description ?? '', /Content-Disposition/);
  const list = doc.paths['/api/stories'].get.parameters!.map((p) => p.name);
  for (const name of ['q', 'entity', 'outlet', 'from', 'to', 'minArticles', 'disputed', 'limit', 'offset']) assert.ok(list.includes(name), `list filter ${name}`);
  assert.ok(doc.components.schemas.ArticleVisibility);
});
