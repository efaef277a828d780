import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { startServer, CONTENT_SECURITY_POLICY, type RunningServer } from './index.js';
import { schemaErrors, invalidSpans } from '../../test/dossier-contract.js';
import { fetchWhenBuilt, waitFor } from '../../test/wait.js';
import type { Dossier } from '../dossier/types.js';

const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples/harbour-fire');

// A follow-up about the example's event, written for this test.
const FOLLOW_UP = {
  title: 'Port Alder warehouse fire: investigators examine blocked fire doors',
  outlet: 'Harbour Gazette',
  publishedAt: '2025-03-18',
  text: [
    'Fire investigators in Port Alder said on Tuesday they were examining whether blocked fire doors slowed the response to the blaze that destroyed the Halden Grain warehouse at the harbour last week.',
    'The Dockworkers Union has said it warned Halden Grain about pallets stacked against the fire doors. Halden Grain said it would cooperate fully with the investigation.',
    'Fire chief Maria Lindqvist said 14 crews fought the fire at the Port Alder harbour.',
  ].join('\n\n'),
};

let server: RunningServer;
let page: http.Server;
let pageUrl: string;

before(async () => {
  server = await startServer({ from: [examples], port: 0, bodyLimit: 64 * 1024, warmDossiers: false, webRoot: '/nonexistent' });
  page = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><head><title>${FOLLOW_UP.title}</title></head><body><article><h1>${FOLLOW_UP.title}</h1>${FOLLOW_UP.text
      .split('\n\n')
      .map((p) => `<p>${p}</p>`)
      .join('')}</article></body></html>`);
  });
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}/fire-doors.html`;
});

after(async () => {
  await server?.close();
  page?.close();
});

const get = (url: string) => fetch(`${server.url}${url}`);
const post = (body: unknown, type = 'application/json') =>
  fetch(`${server.url}/api/articles`, { method: 'POST', headers: { 'content-type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });

async function firstStory(): Promise<{ id: number; articleCount: number; title: string }> {
  const list = (await (await get('/api/stories')).json()) as { stories: { id: number; articleCount: number; title: string }[] };
  return list.stories[0];
}

test('health reports the store and lists loaded stories with counts', async () => {
  const health = (await (await get('/api/health')).json()) as { status: string; store: { articles: number; stories: number } };
  assert.equal(health.status, 'ok');
  assert.equal(health.store.articles, 4);
  const story = await firstStory();
  assert.equal(story.articleCount, 4);
  assert.match(story.title, /Port Alder/);
});

test('stories can be searched by words, names, outlet and date range', async () => {
  const count = async (query: string) => ((await (await get(`/api/stories?${query}`)).json()) as { total: number }).total;
  assert.equal(await count('q=warehouse+evacuated'), 1, 'stemmed words match');
  assert.equal(await count('q=volcano'), 0);
  assert.equal(await count('entity=Lindqvist'), 1);
  assert.equal(await count('entity=Maria+Lindqvist'), 1);
  assert.equal(await count('entity=Reykjavik'), 0);
  assert.equal(await count('outlet=northern+wire'), 1, 'outlet names match case-insensitively');
  assert.equal(await count('outlet=Le+Monde'), 0);
  assert.equal(await count('from=2025-03-01&to=2025-03-31'), 1);
  assert.equal(await count('from=2024-01-01&to=2024-12-31'), 0);
  const bad = await get('/api/stories?from=2025-03-31&to=2025-03-01');
  assert.equal(bad.status, 400);
  assert.match(((await bad.json()) as { error: { message: string } }).error.message, /after/);
});

test("a story's dossier is the JSON contract, with an ETag for revalidation", async () => {
  const story = await firstStory();
  // Built in a worker thread; a generous wait gets the finished dossier rather than 202 "building".
  const response = await fetchWhenBuilt(`${server.url}/api/stories/${story.id}/dossier?wait=30000`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('x-dossier-status'), 'current');
  assert.match(response.headers.get('content-type') ?? '', /application\/json/);
  const dossier = (await response.json()) as Dossier;
  assert.deepEqual(schemaErrors(dossier), []);
  assert.deepEqual(invalidSpans(dossier), []);
  assert.equal(dossier.articles.length, 4);
  const again = await fetch(`${server.url}/api/stories/${story.id}/dossier`, { headers: { 'if-none-match': response.headers.get('etag')! } });
  assert.equal(again.status, 304);
});

test('errors are JSON with a clear message and the right status', async () => {
  const cases: [Promise<Response>, number, RegExp][] = [
    [get('/api/stories/9999'), 404, /no story 9999/],
    [get('/api/stories/abc/dossier'), 400, /params\.id must be a story id/],
    [get('/api/stories?colour=red'), 400, /unknown field "colour"/],
    [get('/api/nothing-here'), 404, /no such resource/],
    [post({}), 400, /"text", "html" or "url"/],
    [post({ text: 'x', colour: 'red' }), 400, /unknown field "colour"/],
    [post('{"text":'), 400, /not valid JSON/],
    [post('just text', 'text/plain'), 415, /application\/json/],
    [post({ text: 'a'.repeat(70 * 1024) }), 413, /larger than the limit of 65536 bytes/],
    [post({ url: 'ftp://example.org/a' }), 400, /http:\/\/ or https:\/\//],
  ];
  for (const [pending, status, message] of cases) {
    const response = await pending;
    assert.equal(response.status, status, `${response.url}: ${status}`);
    const body = (await response.json()) as { error: { status: number; code: string; message: string } };
    assert.equal(body.error.status, status);
    assert.match(body.error.message, message);
    assert.doesNotMatch(body.error.message, /\n/);
  }
});

test('every response carries a Content-Security-Policy that forbids inline script', async () => {
  for (const url of ['/api/health', '/api/stories', '/nope', '/openapi.json']) {
    const csp = (await get(url)).headers.get('content-security-policy');
    assert.equal(csp, CONTENT_SECURITY_POLICY);
  }
  assert.match(CONTENT_SECURITY_POLICY, /script-src 'self'(;|$)/);
});

test('fetching a private or loopback URL is refused unless allowed', async () => {
  const response = await post({ url: pageUrl });
  assert.equal(response.status, 403);
  assert.match(((await response.json()) as { error: { message: string } }).error.message, /private or loopback/);
  const permissive = await startServer({ port: 0, db: ':memory:', allowPrivate: true, warmDossiers: false, webRoot: '/nonexistent' });
  try {
    const ok = await fetch(`${permissive.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: pageUrl }) });
    assert.equal(ok.status, 201);
    const added = (await ok.json()) as { status: string; title: string };
    assert.equal(added.status, 'stored');
    assert.equal(added.title, FOLLOW_UP.title);
  } finally {
    await permissive.close();
  }
});

test('an added article joins its story, and sending it again is a duplicate', async () => {
  const before = await firstStory();
  const response = await post(FOLLOW_UP);
  assert.equal(response.status, 201);
  const added = (await response.json()) as { status: string; storyId: number; story: { articleCount: number } };
  assert.equal(added.status, 'stored');
  assert.equal(added.storyId, before.id, 'the follow-up joined the fire story');
  assert.equal(added.story.articleCount, 5);
  const dossier = (await (await fetchWhenBuilt(`${server.url}/api/stories/${before.id}/dossier?wait=30000`)).json()) as Dossier;
  assert.ok(dossier.articles.some((a) => a.outlet === 'Harbour Gazette'), 'the dossier was rebuilt with the new article');

  const again = await post(FOLLOW_UP);
  assert.equal(again.status, 200);
  const duplicate = (await again.json()) as { status: string; storyId: number };
  assert.equal(duplicate.status, 'duplicate');
  assert.equal(duplicate.storyId, before.id);

  const sources = (await (await get('/api/sources')).json()) as { sources: { outlet: string; articles: number }[] };
  assert.ok(sources.sources.some((s) => s.outlet === 'Harbour Gazette' && s.articles === 1));
});

test('configured feeds are polled in the background and their articles become stories', async () => {
  const feed = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/feed+json' });
    res.end(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Harbour Gazette',
        items: [
          {
            id: 'fire-doors',
            url: 'https://gazette.example/fire-doors',
            title: FOLLOW_UP.title,
            date_published: '2025-03-18T09:00:00Z',
            content_html: FOLLOW_UP.text.split('\n\n').map((p) => `<p>${p}</p>`).join(''),
          },
        ],
      }),
    );
  });
  await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
  const feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/feed.json`;
  const watching = await startServer({ port: 0, db: ':memory:', feeds: [feedUrl], allowPrivate: true, everyMs: 60_000, warmDossiers: false, webRoot: '/nonexistent' });
  try {
    type Health = { store: { articles: number }; watcher: { rounds: number; feeds: number } | null };
    // The first round loads the language models to clean the article: seconds on a loaded machine.
    const health = await waitFor('the first polling round', async () => {
      const h = (await (await fetch(`${watching.url}/api/health`)).json()) as Health;
      return h.watcher && h.watcher.rounds > 0 ? h : null;
    }, { everyMs: 50 });
    assert.equal(health.watcher?.feeds, 1);
    assert.equal(health.store.articles, 1);
    const list = (await (await fetch(`${watching.url}/api/stories`)).json()) as { stories: { title: string }[] };
    assert.equal(list.stories[0].title, FOLLOW_UP.title);
  } finally {
    await watching.close();
    feed.close();
  }
});

test('the OpenAPI file documents every endpoint and the dossier schema', async () => {
  const doc = (await (await get('/openapi.json')).json()) as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };
  assert.equal(doc.openapi, '3.1.0');
  for (const p of ['/api/stories', '/api/stories/{id}', '/api/stories/{id}/dossier', '/api/articles', '/api/sources', '/api/health']) {
    assert.ok(doc.paths[p], `${p} documented`);
  }
  assert.ok(doc.components.schemas.Dossier);
  assert.ok(doc.components.schemas.StoryListItem);
  const addArticle = doc.paths['/api/articles'].post as { requestBody?: unknown };
  assert.ok(addArticle.requestBody, 'request body schema is documented');
});

test('an article sent again under the same URL with corrected text is stored as a new version, not ignored', async () => {
  const url = 'https://gazette.example/port-alder/correction';
  const text = FOLLOW_UP.text.replace('Fire chief Maria Lindqvist said', 'The fire chief, Maria Lindqvist, told reporters');
  const first = await post({ ...FOLLOW_UP, url, text, title: 'Port Alder fire: union says warnings went unheeded' });
  assert.equal(first.status, 201);
  const stored = (await first.json()) as { status: string; articleId: number; storyId: number };
  const corrected = text.replace('14 crews', '16 crews');
  const again = await post({ ...FOLLOW_UP, url, text: corrected, title: 'Port Alder fire: union says warnings went unheeded' });
  assert.equal(again.status, 200);
  const revised = (await again.json()) as { status: string; articleId: number; storyId: number };
  assert.equal(revised.status, 'revised');
  assert.equal(revised.articleId, stored.articleId);
  const dossier = (await (await fetchWhenBuilt(`${server.url}/api/stories/${revised.storyId}/dossier?wait=30000`)).json()) as Dossier;
  const texts = dossier.articles.map((a) => a.text).join('\n');
  assert.ok(texts.includes('16 crews'), 'the dossier reads the corrected text');
});
