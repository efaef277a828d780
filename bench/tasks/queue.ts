// Ingest throughput through the PostgreSQL job queue with 1 and 2 worker processes, against single-process
// SQLite in the same run. The corpus is the synthetic stream of stream.ts (real sentences from
// ../shared/eval recombined into known stories), each article rendered as a whole news page (cookie banner,
// header and nav, byline and date, related links, footer): cleaning HTML is the per-article work workers
// share, while story assignment stays serial on one worker. A plain-text variant of the same articles shows
// the serial part nearly alone. Env: QUEUE_BENCH_ARTICLES (default 20,000), QUEUE_BENCH_WORKERS ("1,2"),
// QUEUE_BENCH_FORMATS ("html,text"), TRIANGULATE_BENCH_POSTGRES (a server URL allowed to CREATE DATABASE;
// else a throwaway cluster from the local binaries, as the tests do).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SqliteStore, openStore, type ArticleStore } from '../../src/store/index.js';
import { WRITE_LOCK_KEY, type PostgresStore } from '../../src/store/postgres.js';
import { ingestSources } from '../../src/ingest/index.js';
import { ingestThroughQueue } from '../../src/jobs/client.js';
import { ensureJobsSchema } from '../../src/jobs/schema.js';
import { liveWorkerCount } from '../../src/jobs/registry.js';
import { QUEUE_SCHEMA } from '../../src/jobs/queue.js';
import { createTestDatabase, testPostgres } from '../../test/postgres.js';
import { random } from '../synthetic.js';
import { markdownTable } from '../util.js';
import { sentencePool, syntheticStream, type SyntheticArticle } from './stream.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TOTAL = Number(process.env.QUEUE_BENCH_ARTICLES ?? 20_000);
const WORKER_COUNTS = (process.env.QUEUE_BENCH_WORKERS ?? '1,2').split(',').map(Number).filter((n) => n > 0);
const FORMATS = (process.env.QUEUE_BENCH_FORMATS ?? 'html,text').split(',').filter((f): f is Format => f === 'html' || f === 'text');
/** Also time a backlog (everything queued before the workers start): QUEUE_BENCH_BACKLOG=0 leaves it out. */
const BACKLOG = process.env.QUEUE_BENCH_BACKLOG !== '0';
const FILE_SIZE = 2_000;
/** Milliseconds between samples of the write lock and the database size. */
const SAMPLE_MS = 100;

type Format = 'html' | 'text';

/** A PostgreSQL server to benchmark against (superuser URL), or why there is none. */
export async function benchPostgres(): Promise<{ url: string } | { skip: string }> {
  const given = process.env.TRIANGULATE_BENCH_POSTGRES;
  if (given) return { url: given };
  return testPostgres();
}

const OUTLETS = ['The Daily Example', 'Morning Ledger', 'Northern Courier', 'Evening Standard Example', 'Global Wire Review'];
const SECTIONS = ['World', 'Politics', 'Business', 'Technology', 'Science', 'Health', 'Sport', 'Culture', 'Opinion', 'Climate'];
const AUTHORS = ['Maria Lopez', 'James Okafor', 'Anna Schmidt', 'Wei Chen', 'Priya Natarajan', 'Tom Becker', 'Sara Lindqvist'];

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * One synthetic article as the page a news site serves: head with scripts and meta, cookie banner, header
 * with nav and search, the article (headline, byline, date, paragraphs), related links, newsletter box,
 * footer. About 3x the article's text in markup and boilerplate, like real pages.
 */
export function renderPage(a: SyntheticArticle, related: string[], seed: number): string {
  const outlet = OUTLETS[seed % OUTLETS.length];
  const author = AUTHORS[seed % AUTHORS.length];
  const date = new Date(a.publishedAt);
  const nav = SECTIONS.map((s) => `<li><a href="/${s.toLowerCase()}">${s}</a></li>`).join('');
  const paragraphs = a.text.split(/\n\n+/).map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const links = related.map((r, i) => `<li><a href="/${SECTIONS[(seed + i) % SECTIONS.length].toLowerCase()}/${seed}-${i}">${escapeHtml(r)}</a></li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(a.title)} | ${outlet}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="description" content="${escapeHtml(a.text.slice(0, 150))}">
<link rel="stylesheet" href="/static/site.css"><link rel="canonical" href="${a.url}">
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());</script>
<script type="application/ld+json">{"@type":"NewsArticle","headline":${JSON.stringify(a.title)},"datePublished":"${a.publishedAt}"}</script>
</head><body>
<div class="cookie-banner" id="cookie-consent" role="dialog"><p>We use cookies and similar technologies to improve your experience, measure our audience and show you personalised advertising. By continuing to browse this site you agree to our use of cookies.</p><button>Accept all</button><button>Manage preferences</button></div>
<header class="site-header"><a class="logo" href="/">${outlet}</a><nav aria-label="Sections"><ul>${nav}</ul></nav>
<form class="search" action="/search"><input name="q" placeholder="Search ${outlet}"><button>Search</button></form><a class="subscribe" href="/subscribe">Subscribe</a> <a href="/login">Sign in</a></header>
<main><div class="breadcrumb"><a href="/">Home</a> &rsaquo; <a href="/${SECTIONS[seed % SECTIONS.length].toLowerCase()}">${SECTIONS[seed % SECTIONS.length]}</a></div>
<article class="story">
<h1>${escapeHtml(a.title)}</h1>
<p class="byline">By <a rel="author" href="/authors/${seed % AUTHORS.length}">${author}</a> &middot; <time datetime="${a.publishedAt}">${date.toUTCString().slice(0, 16)}</time></p>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
${paragraphs}
</article>
<aside class="related"><h2>Related stories</h2><ul>${links}</ul></aside>
<div class="newsletter"><h3>The morning briefing</h3><p>Sign up for our newsletter and get the day's most important stories in your inbox every morning.</p><form><input type="email" placeholder="Your email"><button>Sign up</button></form></div>
</main>
<footer class="site-footer"><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li><li><a href="/advertise">Advertise</a></li></ul>
<p>&copy; 2020 ${outlet}. All rights reserved.</p></footer>
<script src="/static/analytics.js" async></script>
</body></html>`;
}

/** The corpus as JSONL files of FILE_SIZE records, one set per format; `count` is the number of articles. */
export function writeCorpus(dir: string, pool: string[], total: number, formats: Format[]): { files: Record<Format, string[]>; count: number; htmlBytes: number } {
  const files: Record<Format, string[]> = { html: [], text: [] };
  const chunks: Record<Format, string[]> = { html: [], text: [] };
  const rand = random(99);
  let count = 0;
  let htmlBytes = 0;
  const flush = (format: Format) => {
    const file = path.join(dir, `${format}-${String(files[format].length).padStart(4, '0')}.jsonl`);
    writeFileSync(file, chunks[format].join('\n'));
    files[format].push(file);
    chunks[format] = [];
  };
  for (const a of syntheticStream(pool, total)) {
    count++;
    if (formats.includes('html')) {
      const related = Array.from({ length: 6 }, () => pool[Math.floor(rand() * pool.length)].split(/\s+/).slice(0, 9).join(' '));
      const html = renderPage(a, related, count);
      htmlBytes += html.length;
      chunks.html.push(JSON.stringify({ html, url: a.url, publishedAt: a.publishedAt }));
    }
    if (formats.includes('text')) chunks.text.push(JSON.stringify({ title: a.title, text: a.text, publishedAt: a.publishedAt, url: a.url }));
    for (const format of formats) if (chunks[format].length === FILE_SIZE) flush(format);
  }
  for (const format of formats) if (chunks[format].length) flush(format);
  return { files, count, htmlBytes };
}

/** The stories of a store as a partition of article URLs (one sorted, joined string per story). */
async function partition(store: ArticleStore): Promise<{ articles: number; stories: Set<string> }> {
  const stories = new Set<string>();
  let articles = 0;
  for (const story of await store.listStories({ limit: -1 })) {
    const urls = (await store.storyArticles(story.id)).map((s) => s.article.url ?? '').sort();
    articles += urls.length;
    stories.add(urls.join(' '));
  }
  return { articles, stories };
}

/** Starts `count` `triangulate worker` processes on `url` and resolves once they are registered alive. */
export async function startWorkers(store: PostgresStore, url: string, count: number, options: { nice?: number } = {}): Promise<ChildProcess[]> {
  const children: ChildProcess[] = [];
  const alive = await liveWorkerCount(store);
  for (let i = 0; i < count; i++) {
    const argv = ['--import', 'tsx', 'src/cli/main.ts', 'worker', '--store', url, '-q'];
    // `nice` lowers the workers' CPU priority below the server's (a deployment choice the bench compares).
    const child =
      options.nice === undefined
        ? spawn(process.execPath, argv, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] })
        : spawn('nice', ['-n', String(options.nice), process.execPath, ...argv], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      // Failures only (-q): shown at once, since a failing worker makes the figures meaningless.
      for (const line of chunk.toString().split('\n')) if (/failed:|error|assigner:/i.test(line)) process.stderr.write(`worker ${i + 1}: ${line}\n`);
    });
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal !== 'SIGTERM') process.stderr.write(`worker ${i + 1} exited (${code ?? signal}): ${err.slice(-500)}\n`);
    });
    children.push(child);
  }
  const deadline = Date.now() + 60_000;
  while ((await liveWorkerCount(store)) < alive + count) {
    if (Date.now() > deadline) throw new Error(`only ${(await liveWorkerCount(store)) - alive} of ${count} workers registered within 60 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return children;
}

/** Stops worker processes with SIGTERM and waits for them to exit. */
export async function stopWorkers(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
}

interface Measure {
  name: string;
  seconds: number;
  articles: number;
  stories: number;
  /** Stories of this row that are not stories of the SQLite row (0 = the same partition). */
  differing: number;
  detail: string;
  sizePer1k?: number;
}

async function sqliteRow(dir: string, files: string[], format: Format): Promise<{ measure: Measure; stories: Set<string> }> {
  const store = new SqliteStore(path.join(dir, `${format}.db`));
  try {
    const started = performance.now();
    const summary = await ingestSources(store, files);
    const seconds = (performance.now() - started) / 1000;
    const { articles, stories } = await partition(store);
    return {
      measure: { name: 'SQLite, one process', seconds, articles, stories: stories.size, differing: 0, detail: `${summary.stored} stored, ${summary.problems} problems` },
      stories,
    };
  } finally {
    await store.close();
  }
}

/**
 * One queued run on a fresh database: `workers` worker processes, the corpus enqueued by this process,
 * timed from the start of enqueueing until every batch is assigned to stories. With `backlog`, the whole
 * corpus is queued before the workers start, and the run is timed from the first prepare job's start to the
 * last batch's assignment (database clocks): a backlog, without the enqueue running alongside.
 */
async function postgresRow(baseUrl: string, files: string[], workers: number, reference: Set<string>, backlog = false): Promise<Measure> {
  const database = await createTestDatabase(baseUrl);
  const store = (await openStore(database.url)) as PostgresStore;
  const sampler = new pg.Client({ connectionString: database.url });
  let children: ChildProcess[] = [];
  let stopSampling = async () => {};
  try {
    await ensureJobsSchema(store);
    await sampler.connect();
    let backlogEnqueue = 0;
    if (backlog) {
      const queued = performance.now();
      await ingestThroughQueue(store, files, { noWait: true });
      backlogEnqueue = (performance.now() - queued) / 1000;
    }
    children = await startWorkers(store, database.url, workers);
    // Samples: is the store's write lock held (by an assigner transaction, or an enqueue transaction while
    // this process still enqueues), and the database size.
    let enqueueDone = false;
    const samples = { during: 0, duringHeld: 0, after: 0, afterHeld: 0, peakBytes: 0 };
    let sampling = true;
    let tick = 0;
    const sampleLoop = (async () => {
      while (sampling) {
        const sizeNow = tick++ % 5 === 0;
        const [row] = (
          await sampler.query<{ held: string; size: string | null }>(
            `SELECT (SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1
                       AND ((classid::bigint << 32) | objid::bigint) = $1::bigint) AS held,
                    CASE WHEN $2 THEN pg_database_size(current_database()) END AS size`,
            [WRITE_LOCK_KEY, sizeNow],
          )
        ).rows;
        const held = Number(row.held) > 0;
        if (enqueueDone) {
          samples.after++;
          if (held) samples.afterHeld++;
        } else {
          samples.during++;
          if (held) samples.duringHeld++;
        }
        if (row.size !== null) samples.peakBytes = Math.max(samples.peakBytes, Number(row.size));
        await new Promise((r) => setTimeout(r, SAMPLE_MS));
      }
    })();
    // A run that fails ends the sampler by closing its client: that rejection is not the error to report.
    stopSampling = async () => {
      sampling = false;
      await sampleLoop.catch(() => undefined);
    };
    const started = performance.now();
    if (!backlog) await ingestThroughQueue(store, files, { noWait: true });
    const enqueueSeconds = (performance.now() - started) / 1000;
    enqueueDone = true;
    let lastPrepared = 0;
    for (;;) {
      const [state] = await store.query<{ batches: string; assigned: string; queued: string }>(
        `SELECT (SELECT COUNT(*) FROM intake_batches) AS batches, (SELECT COUNT(assigned_at) FROM intake_batches) AS assigned,
                (SELECT COUNT(*) FROM intake WHERE state = 'queued') AS queued`,
      );
      if (Number(state.queued) === 0 && lastPrepared === 0) lastPrepared = performance.now();
      if (Number(state.batches) > 0 && state.assigned === state.batches) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    let seconds = (performance.now() - started) / 1000;
    await stopSampling();
    // Prepare work as pg-boss recorded it: the sum of every prepare job's run time, on all workers.
    const [prep] = await store.query<{ n: string; busy: number | null }>(
      `SELECT COUNT(*) AS n, SUM(EXTRACT(EPOCH FROM completed_on - started_on))::float8 AS busy FROM (
         SELECT started_on, completed_on FROM ${QUEUE_SCHEMA}.job WHERE name = 'article-prepare' AND state = 'completed'
         UNION ALL SELECT started_on, completed_on FROM ${QUEUE_SCHEMA}.archive WHERE name = 'article-prepare' AND state = 'completed') j`,
    );
    if (backlog) {
      const [span] = await store.query<{ s: number }>(
        `SELECT EXTRACT(EPOCH FROM (SELECT MAX(assigned_at) FROM intake_batches) - (SELECT MIN(started_on) FROM (
           SELECT started_on FROM ${QUEUE_SCHEMA}.job WHERE name = 'article-prepare' UNION ALL SELECT started_on FROM ${QUEUE_SCHEMA}.archive WHERE name = 'article-prepare') j))::float8 AS s`,
      );
      seconds = Number(span.s);
    }
    const [batches] = await store.query<{ n: string; failed: string }>(`SELECT COUNT(*) AS n, (SELECT COUNT(*) FROM intake WHERE state = 'failed') AS failed FROM intake_batches`);
    const { articles, stories } = await partition(store);
    let differing = 0;
    for (const s of stories) if (!reference.has(s)) differing++;
    // Shares of samples times the window: a sample takes a query plus SAMPLE_MS, so counts alone undercount.
    const afterSeconds = seconds - enqueueSeconds;
    const heldAfter = samples.after ? (samples.afterHeld / samples.after) * afterSeconds : 0;
    const heldDuring = samples.during ? (samples.duringHeld / samples.during) * enqueueSeconds : 0;
    const detail = [
      backlog ? `queued beforehand in ${backlogEnqueue.toFixed(1)} s (not timed)` : `enqueue ${enqueueSeconds.toFixed(1)} s`,
      `prepare ${Number(prep.busy ?? 0).toFixed(1)} s summed over ${prep.n} jobs`,
      `write lock held ${samples.after ? Math.round((100 * samples.afterHeld) / samples.after) : 0}% of the ${afterSeconds.toFixed(1)} s after enqueueing (≈${heldAfter.toFixed(1)} s of assignment) and ${samples.during ? Math.round((100 * samples.duringHeld) / samples.during) : 0}% while enqueueing (≤${heldDuring.toFixed(1)} s, shared with the enqueue)`,
      `last item prepared at ${((lastPrepared - started) / 1000).toFixed(1)} s`,
      `${batches.n} batches, ${batches.failed} items failed`,
    ].join('; ');
    return { name: `PostgreSQL, ${workers} worker${workers > 1 ? 's' : ''}${backlog ? ', backlog queued first' : ''}`, seconds, articles, stories: stories.size, differing, detail, sizePer1k: samples.peakBytes / (articles / 1000) };
  } finally {
    await stopSampling();
    await stopWorkers(children);
    await sampler.end().catch(() => undefined);
    await store.close();
    await database.drop();
  }
}

/** Runs the measurement; returns a Markdown section (or one line saying why it was skipped). */
export async function run(): Promise<string> {
  const pool = sentencePool();
  if (pool.length < 100) return 'queue bench skipped: no sentences available (../shared/eval and ../shared/seeds are absent)';
  const server = await benchPostgres();
  if ('skip' in server) return `queue bench skipped: ${server.skip}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'triangulate-queue-'));
  try {
    const corpus = writeCorpus(dir, pool, TOTAL, FORMATS);
    const sections: string[] = [];
    for (const format of FORMATS) {
      const files = corpus.files[format];
      const sqlite = await sqliteRow(dir, files, format);
      const rows: Measure[] = [sqlite.measure];
      const failures: string[] = [];
      // A run that fails (e.g. the enqueue refused with 'busy') is a finding to print, not a reason to lose the others.
      const attempt = async (workers: number, backlog: boolean) => {
        try {
          rows.push(await postgresRow(server.url, files, workers, sqlite.stories, backlog));
        } catch (error) {
          failures.push(`- PostgreSQL, ${workers} worker${workers > 1 ? 's' : ''}${backlog ? ', backlog queued first' : ''}: FAILED: ${(error as Error).message.split('\n')[0]}`);
        }
      };
      for (const workers of WORKER_COUNTS) await attempt(workers, false);
      if (BACKLOG) for (const workers of WORKER_COUNTS) await attempt(workers, true);
      const rate = (m: Measure) => m.articles / m.seconds;
      // Each 2-worker row against the 1-worker row of the same kind (enqueued alongside, or backlog).
      const oneOf = (m: Measure) => rows.find((r) => r.name === m.name.replace(/\d+ workers?/, '1 worker'));
      const table = rows.map((m) => [
        m.name,
        `${rate(m).toFixed(0)} articles/s`,
        `${m.seconds.toFixed(1)} s`,
        `${(rate(m) / rate(sqlite.measure)).toFixed(2)}x`,
        m.name.startsWith('PostgreSQL') && oneOf(m) && oneOf(m) !== m ? `${(rate(m) / rate(oneOf(m)!)).toFixed(2)}x` : '',
        `${m.articles} / ${m.stories}${m === sqlite.measure ? '' : m.differing === 0 ? ' (same stories)' : ` (${m.differing} stories differ)`}`,
        m.sizePer1k === undefined ? '' : `${(m.sizePer1k / 1024 / 1024).toFixed(1)} MB`,
      ]);
      const notes = [...rows.map((m) => `- ${m.name}: ${m.detail}`), ...failures].join('\n');
      const what = format === 'html' ? `HTML pages (avg ${Math.round(corpus.htmlBytes / corpus.count / 1024)} KB: the article plus banner, nav, related links, footer)` : 'plain text records (no cleaning to share: the serial part shows)';
      sections.push(
        `### ${corpus.count.toLocaleString('en-US')} articles as ${what}\n\n` +
          markdownTable(['store', 'rate', 'wall', 'vs SQLite', 'vs 1 worker (goal 2w ≥ 1.7x)', 'articles / stories', 'peak DB size per 1,000 articles'], table) +
          `\n\n${notes}\n`,
      );
    }
    return `\n## Ingest through the PostgreSQL queue (one run each; 2 cores shared by PostgreSQL, the workers and this process, which enqueues)\n\n${sections.join('\n')}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
