// Worker processes for the job-system tests: `triangulate worker` started as a real child process (so it can
// be killed with SIGKILL or stopped with SIGTERM like in production), and the CLI run as a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** The repository root (the children run `src/cli/main.ts` through tsx from there). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const CLI = ['--import', 'tsx', 'src/cli/main.ts'];

/** A running `triangulate worker` child. */
export interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  /** Its worker id (the `workers` row it registered). */
  id: string;
  /** What it has written to stderr so far. */
  stderr(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | NodeJS.Signals>;
}

export interface SpawnWorkerOptions {
  /** Job lease given with --lease (e.g. '3s'). */
  lease?: string;
  /** Further arguments (e.g. ['--allow-private']). */
  args?: string[];
  /** Milliseconds to wait for its registry row before giving up (default 60 000). */
  timeoutMs?: number;
}

/** How long a worker may take to start and register by default: tsx compiles the CLI first, slow on a loaded machine. */
const REGISTER_TIMEOUT_MS = 60_000;

/**
 * Starts `triangulate worker --store URL -q --nice 0` and resolves once its row in the `workers` table says it
 * is running (it then takes jobs). Rejects with the child's stderr when it exits or does not register in time
 * (the child is then killed). `--nice 0`: at the default nice 10 the workers get a tenth of the CPU of anything
 * else busy on a loaded CI machine (this test process, PostgreSQL, other jobs), and the tests' deadlines are
 * about the work getting done, not about scheduling priority.
 */
export async function spawnWorker(url: string, options: SpawnWorkerOptions = {}): Promise<WorkerProcess> {
  const args = [...CLI, 'worker', '--store', url, '-q', '--nice', '0', ...(options.lease ? ['--lease', options.lease] : []), ...(options.args ?? [])];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | NodeJS.Signals>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  let ended = false;
  void exited.then(() => (ended = true));
  const timeoutMs = options.timeoutMs ?? REGISTER_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    for (;;) {
      // The table may not exist until the first worker has created the job schema.
      const rows = await client
        .query<{ id: string }>(`SELECT id FROM workers WHERE pid = $1 AND state = 'running'`, [child.pid])
        .then((r) => r.rows)
        .catch(() => []);
      if (rows.length > 0) return { child, pid: child.pid!, id: rows[0].id, stderr: () => stderr, exited };
      if (ended) throw new Error(`worker exited before registering: ${stderr.trim()}`);
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`worker did not register within ${timeoutMs} ms: ${stderr.trim()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await client.end();
  }
}

/** Kills the worker outright (SIGKILL: no chance to finish or deregister) and waits until it is gone. */
export async function killWorker(worker: WorkerProcess): Promise<void> {
  worker.child.kill('SIGKILL');
  await worker.exited;
}

/** Sends SIGTERM (graceful stop) and resolves with the exit code once the process has ended. */
export async function terminateWorker(worker: WorkerProcess): Promise<number | NodeJS.Signals> {
  worker.child.kill('SIGTERM');
  return worker.exited;
}

/** Ends every worker still running (SIGKILL), for `finally` blocks after a failed assertion. */
export async function killAll(workers: (WorkerProcess | null | undefined)[]): Promise<void> {
  await Promise.all(workers.map(async (w) => {
    if (w && w.child.exitCode === null && w.child.signalCode === null) await killWorker(w);
  }));
}

/** Output and exit code of one CLI run. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `triangulate ARGS...` as a child process and resolves when it ends (killed after `timeoutMs`, default 120 s: slow starts on a loaded machine). */
export function runCli(args: string[], options: { timeoutMs?: number } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : -1), stdout, stderr });
    });
  });
}

/** Runs SQL on a connection of its own (outside any store): what another process would see. */
export async function sql<R extends pg.QueryResultRow = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    return (await client.query<R>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** Polling for a condition with a generous deadline (see test/wait.ts); re-exported for the job tests. */
export { waitFor } from './wait.js';

/** What both store backends offer for reading stories (SqliteStore and PostgresStore). */
interface StoryReader {
  listStories(options?: { limit?: number }): Promise<{ id: number }[]>;
  storyArticles(id: number): Promise<{ article: { url: string | null } }[]>;
}

/**
 * The store's stories as a partition of article URLs, independent of story ids: each story's sorted URLs
 * joined by spaces, the stories sorted. Two stores with the same clustering give equal arrays.
 */
export async function storyPartition(store: StoryReader): Promise<string[]> {
  const groups: string[] = [];
  for (const story of await store.listStories({ limit: 1_000_000 })) {
    const urls = (await store.storyArticles(story.id)).map((s) => s.article.url ?? '(no url)').sort();
    groups.push(urls.join(' '));
  }
  return groups.sort();
}
