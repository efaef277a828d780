// The API is as strict as the file reader: wrong JSON types, impossible dates, control-character text,
// odd story ids, foreign Host headers, slow request bodies; and `serve` stops at once on SIGTERM.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from './index.js';
import { isIsoDate } from './validation.js';
import { allowedHost } from './security.js';
import type { Dossier } from '../dossier/types.js';
import { fetchWhenBuilt } from '../../test/wait.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const examples = path.join(root, 'examples/harbour-fire');

const ARTICLE = {
  title: 'Port Alder quay reopens after repairs',
  outlet: 'Harbour Gazette',
  text: 'The Port Alder quay reopened on Monday after three weeks of repairs, harbour officials said.\n\nOfficials said the work cost less than planned and that ferries would run to the usual timetable.',
};

let server: RunningServer;

before(async () => {
  server = await startServer({ from: [examples], port: 0, warmDossiers: false, webRoot: '/nonexistent' });
});

after(async () => {
  await server?.close();
});

const post = (body: unknown) =>
  fetch(`${server.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

async function refused(response: Response, status: number, message: RegExp): Promise<void> {
  assert.equal(response.status, status, `${response.url}: expected ${status}`);
  const body = (await response.json()) as { error: { status: number; code: string; message: string } };
  assert.equal(body.error.status, status);
  assert.match(body.error.message, message);
  assert.doesNotMatch(body.error.message, /\n|at .*\(/, 'one line, no stack');
}

test('body fields must have their JSON types: numbers and arrays are not turned into text', async () => {
  await refused(await post({ text: 123 }), 400, /body\.text must be string/);
  await refused(await post({ text: ['a long enough article text'] }), 400, /body\.text must be string/);
  await refused(await post({ ...ARTICLE, title: 42 }), 400, /body\.title must be string/);
  await refused(await post({ ...ARTICLE, title: null }), 400, /body\.title must be string/);
  await refused(await post([ARTICLE]), 400, /body must be object/);
  await refused(await post('"just a string"'), 400, /body must be object/);
});

test('dates must be real: impossible days and times are refused, never moved or dropped', async () => {
  for (const bad of ['2023-02-30', '2023-13-45T99:99', '2023-02-29', '2024-04-31', '2024-05-31T24:00', '2024-05-31T12:60', '2024-05-31T12:00+15:00', '2024-05-31garbage', '31/05/2024']) {
    await refused(await post({ ...ARTICLE, publishedAt: bad }), 400, /body\.publishedAt must be a real date/);
  }
  await refused(await fetch(`${server.url}/api/stories?from=2023-02-30`), 400, /querystring\.from must be a real date/);
  await refused(await fetch(`${server.url}/api/stories?to=2023-13-01`), 400, /querystring\.to must be a real date/);
  for (const good of ['2024-02-29', '2024-05-31', '2024-05-31T14:30', '2024-05-31T14:30:05Z', '2024-05-31T14:30:05.123+02:00']) assert.ok(isIsoDate(good), good);
  const stored = await post({ ...ARTICLE, publishedAt: '2024-02-29' });
  assert.equal(stored.status, 201);
});

test('text made of control characters is refused, as binary files are', async () => {
  await refused(await post({ text: '\u0001\u0002\u0003\u0004 \u0005' }), 422, /body\.text contains control characters \(U\+0001\)/);
  await refused(await post({ ...ARTICLE, text: `${ARTICLE.text}\u0000` }), 422, /binary data, not text/);
  await refused(await post({ ...ARTICLE, title: 'Quay\u0007reopens' }), 422, /body\.title contains control characters/);
  await refused(await post({ text: '\u200b\u200b\u200b' }), 422, /body\.text has no readable characters/);
  await refused(await post('{"text": "broken \\ud800 surrogate"}'), 400, /unpaired UTF-16 surrogate/);
});

test('an explicit article id is kept as given; an id the reader would rewrite is refused', async () => {
  const response = await post({ ...ARTICLE, text: `${ARTICLE.text}\n\nA second ferry line will start in June.`, id: 'gazette-quay-0318' });
  assert.equal(response.status, 201);
  const added = (await response.json()) as { storyId: number };
  const dossier = (await (await fetchWhenBuilt(`${server.url}/api/stories/${added.storyId}/dossier?wait=60000`)).json()) as Dossier;
  assert.ok(dossier.articles.some((a) => a.id === 'gazette-quay-0318'), 'the given id names the article in the dossier');
  await refused(await post({ ...ARTICLE, id: 'Gazette Quay!' }), 400, /body\.id must be lower-case letters and digits/);
  await refused(await post({ ...ARTICLE, id: 7 }), 400, /body\.id must be string/);
});

test('story ids in URLs are positive decimal integers: others are 400 or 404, never 500', async () => {
  for (const id of ['abc', '0x10', '1e3', '-1', '1.5', '%20' + '1', '1%00']) {
    await refused(await fetch(`${server.url}/api/stories/${id}`), 400, /params\.id must be a story id/);
    await refused(await fetch(`${server.url}/api/stories/${id}/dossier`), 400, /params\.id must be a story id/);
  }
  for (const id of ['0', '99999999999999999999', '9007199254740993', '424242']) {
    await refused(await fetch(`${server.url}/api/stories/${id}`), 404, /no story/);
    await refused(await fetch(`${server.url}/api/stories/${id}/dossier`), 404, /no story/);
  }
  await refused(await fetch(`${server.url}/api/stories?limit=10&limit=20`), 400, /querystring\.limit/);
});

test('Host headers other than the bound address and localhost names are refused (DNS rebinding)', async () => {
  const app = server.app;
  for (const host of ['evil.example', 'evil.example:8080', '127.0.0.1.evil.example', '10.0.0.7']) {
    const response = await app.inject({ method: 'GET', url: '/api/health', headers: { host } });
    assert.equal(response.statusCode, 403, host);
    assert.match(response.json<{ error: { message: string } }>().error.message, /refused; allow it with --allow-host/);
  }
  for (const host of ['127.0.0.1', '127.0.0.1:8080', 'localhost:3000', 'app.localhost', '[::1]:8080']) {
    assert.equal((await app.inject({ method: 'GET', url: '/api/health', headers: { host } })).statusCode, 200, host);
  }
  const wide = allowedHost('0.0.0.0', ['news.example', '.corp.example']);
  assert.ok(wide('192.168.1.20:8080'), 'bound to every interface: IP addresses are fine');
  assert.ok(wide('news.example') && wide('a.corp.example') && wide('corp.example'));
  assert.ok(!wide('evil.example') && !wide(undefined));
  assert.ok(allowedHost('127.0.0.1', ['*'])('anything.example'));
});

test('health shows no file paths', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'triangulate-health-'));
  const onDisk = await startServer({ db: path.join(dir, 'secret-name.db'), port: 0, warmDossiers: false, webRoot: '/nonexistent' });
  try {
    const text = await (await fetch(`${onDisk.url}/api/health`)).text();
    assert.doesNotMatch(text, /secret-name|\/tmp|triangulate-health/);
    assert.match(text, /"status":"ok"/);
  } finally {
    await onDisk.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a request whose body arrives too slowly is cut off after the deadline', async () => {
  const slow = await startServer({ db: ':memory:', port: 0, warmDossiers: false, webRoot: '/nonexistent', requestTimeoutMs: 600 });
  try {
    const { port } = new URL(slow.url);
    const socket = net.connect(Number(port), '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => (answer += d.toString()));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('error', () => undefined);
    socket.write('POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{"text": "');
    const drip = setInterval(() => socket.writable && socket.write('a'), 100);
    const outcome = await Promise.race([closed.then(() => 'closed'), new Promise((r) => setTimeout(r, 15_000, 'still open'))]);
    clearInterval(drip);
    socket.destroy();
    assert.equal(outcome, 'closed', 'the server hung up on the slow body');
    if (answer) assert.match(answer, /^HTTP\/1\.1 408/);
  } finally {
    await slow.close();
  }
});

test('SIGTERM stops `serve --watch` at once, even with a build and a feed poll in progress', async () => {
  let feedReached!: () => void;
  const feedPolled = new Promise<void>((resolve) => (feedReached = resolve));
  // Accepts and never answers: the poll hangs until its 20 s fetch timeout unless SIGTERM cuts it.
  const feedServer = net.createServer((socket) => {
    socket.on('error', () => undefined);
    feedReached();
  });
  await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
  const feed = `http://127.0.0.1:${(feedServer.address() as net.AddressInfo).port}/feed.xml`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--from', examples, '--watch', feed, '--allow-private'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    let err = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr!.on('data', (chunk: Buffer) => {
        err += chunk.toString();
        const m = /serving (http:\/\/\S+)/.exec(err);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`serve exited early (${code}): ${err}`)));
    });
    // A dossier build is under way (background warming) and the feed request hangs.
    await fetch(`${url}/api/stories/1/dossier?wait=0`).then((r) => r.arrayBuffer()).catch(() => undefined);
    const polling = await Promise.race([feedPolled.then(() => 'polling'), new Promise((r) => setTimeout(r, 60_000, 'never polled').unref())]);
    assert.equal(polling, 'polling', `the feed was polled: ${err}`);
    const stopped = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    // Below the poll's 20 s fetch timeout (so the hanging request was cut, not waited for), with room for a loaded machine.
    const outcome = await Promise.race([stopped, new Promise((r) => setTimeout(r, 15_000, 'still running').unref())]);
    assert.notEqual(outcome, 'still running', 'serve stopped within seconds of SIGTERM');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    feedServer.close();
  }
});
