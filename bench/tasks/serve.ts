// Load test of `triangulate serve` on loopback with autocannon: requests/s and latency percentiles for the
// story list and a cached dossier, 50 concurrent connections. The server runs as its own process (the real
// CLI) over a store holding the seeds plus a synthetic stream, so the list covers many stories.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { seedsDir } from '../../eval/data.js';
import { markdownTable } from '../util.js';
import { syntheticStream, sentencePool } from './stream.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CONNECTIONS = 50;
const DURATION_S = Number(process.env.SERVE_BENCH_SECONDS ?? 8);
const SYNTHETIC = Number(process.env.SERVE_BENCH_ARTICLES ?? 2_000);

const cli = () => (existsSync(path.join(root, 'dist/cli/main.js')) ? ['bin/triangulate.js'] : ['--import', 'tsx', 'src/cli/main.ts']);

function startServe(db: string): Promise<{ child: ChildProcess; url: string; startMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [...cli(), 'serve', '--db', db, '--port', '0'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const match = /serving (http:\/\/\S+)/.exec(err);
      if (match) resolve({ child, url: match[1], startMs: performance.now() - started });
    });
    child.on('exit', (code) => reject(new Error(`serve exited (${code}): ${err}`)));
  });
}

async function untilIdle(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const health = (await (await fetch(`${url}/api/health`)).json()) as { analysing: number };
    if (health.analysing === 0) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function load(url: string): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, pipelining: 1 });
}

export async function run(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'triangulate-serve-bench-'));
  const db = path.join(dir, 'bench.db');
  let server: ChildProcess | undefined;
  try {
    const sources: string[] = [];
    if (existsSync(seedsDir)) sources.push(seedsDir);
    else sources.push(path.join(root, 'examples/harbour-fire'));
    const pool = sentencePool();
    if (pool.length > 100 && SYNTHETIC > 0) {
      const file = path.join(dir, 'stream.jsonl');
      writeFileSync(file, [...syntheticStream(pool, SYNTHETIC)].map(({ story: _story, ...record }) => JSON.stringify(record)).join('\n'));
      sources.push(file);
    }
    const ingest = spawnSync(process.execPath, [...cli(), 'ingest', ...sources, '--store', db], { cwd: root, encoding: 'utf8' });
    if (ingest.status !== 0) throw new Error(`ingest failed: ${ingest.stderr}`);

    const running = await startServe(db);
    server = running.child;
    const { url } = running;
    const health = (await (await fetch(`${url}/api/health`)).json()) as { store: { articles: number; stories: number } };
    // The story the seeds (or the example) form, found by a name it mentions; else the largest story.
    const named = (await (await fetch(`${url}/api/stories?entity=${existsSync(seedsDir) ? 'Kosovo' : 'Port+Alder'}&limit=500`)).json()) as { stories: { id: number; articleCount: number }[] };
    const largest = (await (await fetch(`${url}/api/stories?limit=500`)).json()) as { stories: { id: number; articleCount: number }[] };
    const story = [...named.stories, ...largest.stories].sort((a, b) => b.articleCount - a.articleCount)[0];
    const firstDossier = performance.now();
    await fetch(`${url}/api/stories/${story.id}/dossier`);
    const buildMs = performance.now() - firstDossier;
    await untilIdle(url);

    const rows: (string | number)[][] = [];
    for (const [name, target] of [
      ['story list (50 newest)', `${url}/api/stories`],
      ['story list, word search', `${url}/api/stories?q=border+troops`],
      [`dossier of story ${story.id} (${story.articleCount} articles, cached)`, `${url}/api/stories/${story.id}/dossier`],
    ] as const) {
      const result = await load(target);
      const failures = result.errors + result.timeouts + result.non2xx;
      rows.push([
        name,
        Math.round(result.requests.average).toLocaleString('en-US'),
        `${result.latency.p50} ms`,
        `${result.latency.p99} ms`,
        `${(result.throughput.average / 1e6).toFixed(1)} MB/s`,
        failures === 0 ? '0' : `${failures} (errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx})`,
      ]);
    }
    const setup = `store: ${health.store.articles.toLocaleString('en-US')} articles in ${health.store.stories.toLocaleString('en-US')} stories; server ready in ${(running.startMs / 1000).toFixed(1)} s (search index built at start); first dossier build ${(buildMs / 1000).toFixed(2)} s`;
    return `\n## HTTP server under load (autocannon, ${CONNECTIONS} connections, ${DURATION_S} s each, loopback, load generator on the same 2 cores)\n\n${setup}\n\n${markdownTable(['endpoint', 'requests/s', 'p50', 'p99', 'throughput', 'failed requests'], rows)}\n`;
  } finally {
    server?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
