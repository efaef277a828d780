// Does the server stay responsive while a very large story's dossier builds? A store holds one story of
// SERVE_BUILD_ARTICLES synthetic articles (real sentences recombined, bench/synthetic.ts) plus the seeds;
// `triangulate serve` runs as its own process (the real CLI); a dossier request starts the build, and
// autocannon measures /api/health and the story list while it runs, next to the same load on an idle
// server. Goal: /api/health p99 under 100 ms during the build.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { seedsDir } from '../../eval/data.js';
import { readRecord, readText } from '../../src/read/index.js';
import { cleanArticle } from '../../src/clean/index.js';
import { openStore } from '../../src/store/index.js';
import { syntheticStory } from '../synthetic.js';
import { markdownTable } from '../util.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ARTICLES = Number(process.env.SERVE_BUILD_ARTICLES ?? 2_000);
const CONNECTIONS = 10;
const DURATION_S = Number(process.env.SERVE_BUILD_SECONDS ?? 8);

// The sources, like the store fixture this file writes with them (a dist/ build may be older than both).
const cli = () => ['--import', 'tsx', 'src/cli/main.ts'];

/**
 * Writes a store at `file` holding one story of `count` synthetic articles (story id 1, many outlets,
 * five days) and, when ../shared/seeds exists, the seeds as a second story. Resolves to the big story's id.
 */
export async function largeStoryStore(file: string, count: number): Promise<number> {
  const store = await openStore(file);
  try {
    const records = syntheticStory(count);
    await store.transaction(async () => {
      for (const [i, record] of records.entries()) {
        const put = await store.putArticle(cleanArticle(readRecord({ ...record, url: `https://outlet${i % 97}.example/story-${i}` }, `synthetic-${i}`)));
        if (put.status === 'stored') await store.setArticleStory(put.id, 1);
      }
      if (existsSync(seedsDir)) {
        for (const name of readdirSync(seedsDir).sort()) {
          const put = await store.putArticle(cleanArticle(readText(readFileSync(path.join(seedsDir, name), 'utf8'), name)));
          if (put.status === 'stored') await store.setArticleStory(put.id, 2);
        }
      }
    });
    return 1;
  } finally {
    await store.close();
  }
}

/** `triangulate serve --db DB --port 0` as its own process; resolves with its URL once it says it is serving. */
export function startServe(db: string, extra: string[] = []): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...cli(), 'serve', '--db', db, '--port', '0', ...extra], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const match = /serving (http:\/\/\S+)/.exec(err);
      if (match) resolve({ child, url: match[1] });
    });
    child.on('exit', (code) => reject(new Error(`serve exited (${code}): ${err}`)));
  });
}

interface Health {
  dossierBuilds: { running: number; queued: number };
}

async function idle(url: string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    const health = (await (await fetch(`${url}/api/health`)).json()) as Health;
    if (health.dossierBuilds.running + health.dossierBuilds.queued === 0) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

function row(name: string, result: autocannon.Result): (string | number)[] {
  const failures = result.errors + result.timeouts + result.non2xx;
  return [name, Math.round(result.requests.average).toLocaleString('en-US'), `${result.latency.p50} ms`, `${result.latency.p99} ms`, `${result.latency.max} ms`, String(failures)];
}

// Peak resident memory of the server process (Linux /proc; "n/a" elsewhere).
function peakRss(pid: number | undefined): string {
  try {
    const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Number.isFinite(kb) ? `${Math.round(kb / 1024)} MB` : 'n/a';
  } catch {
    return 'n/a';
  }
}

/** Runs the measurement; returns a Markdown section. */
export async function run(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'triangulate-serve-building-'));
  const db = path.join(dir, 'large.db');
  let server: ChildProcess | undefined;
  try {
    const storyId = await largeStoryStore(db, ARTICLES);
    const running = await startServe(db);
    server = running.child;
    const { url } = running;
    // The server starts building the dossiers of the newest stories at once (background warming): the
    // large story's build is running from the start, and the health endpoint is loaded while it runs.
    const started = performance.now();
    const before = (await (await fetch(`${url}/api/health`)).json()) as Health;
    const health = await autocannon({ url: `${url}/api/health`, connections: CONNECTIONS, duration: DURATION_S });
    let buildMs = 0;
    let analysed = '';
    for (;;) {
      const response = await fetch(`${url}/api/stories/${storyId}/dossier?wait=30000`);
      await response.arrayBuffer();
      if (response.status === 200) {
        buildMs = performance.now() - started;
        analysed = `${response.headers.get('x-dossier-articles')} of ${response.headers.get('x-story-articles')}`;
        break;
      }
    }
    const rows: (string | number)[][] = [];
    rows.push(row(`/api/health while the dossier builds (${before.dossierBuilds.running} build running at the start)`, health));
    rows.push(row('/api/health, idle server', await autocannon({ url: `${url}/api/health`, connections: CONNECTIONS, duration: 3 })));

    // Again with a story list under load, during a second build (a new article makes the story change).
    const store = await openStore(db);
    try {
      const late = cleanArticle(readRecord({ text: 'A late report on the same events, written for this benchmark, with enough words to be kept as an article text by the cleaner.', title: 'Late report' }, 'late-report'));
      // One transaction: the server must not see the article stored but in no story.
      await store.transaction(async () => {
        const put = await store.putArticle(late);
        if (put.status === 'stored') await store.setArticleStory(put.id, storyId);
      });
    } finally {
      await store.close();
    }
    await new Promise((r) => setTimeout(r, 1100)); // the catalog looks at the store again after a second
    await (await fetch(`${url}/api/stories/${storyId}/dossier?wait=0`)).arrayBuffer();
    rows.push(row('/api/stories while the dossier rebuilds', await autocannon({ url: `${url}/api/stories`, connections: CONNECTIONS, duration: DURATION_S })));
    await idle(url);

    const setup = `one story of ${ARTICLES.toLocaleString('en-US')} synthetic articles (dossier analyses ${analysed}); first build ${(buildMs / 1000).toFixed(1)} s in a worker thread; server peak memory ${peakRss(server.pid)}`;
    return `\n## Server responsiveness while a large dossier builds (autocannon, ${CONNECTIONS} connections, loopback, 2 cores shared with the load generator)\n\n${setup}\n\n${markdownTable(['endpoint', 'requests/s', 'p50', 'p99', 'max', 'failed'], rows)}\n`;
  } finally {
    server?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
