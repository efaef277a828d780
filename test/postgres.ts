// A PostgreSQL server for tests: the one named by $TRIANGULATE_TEST_POSTGRES (CI starts one for the whole
// run, see scripts/test-postgres.sh), else a throwaway cluster started once per process from the local
// binaries and removed when the process exits. Tests that need it skip with the reason when neither works.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** A server to test against, or why there is none (a one-line reason, for `t.skip`). */
export type TestPostgres = { url: string } | { skip: string };

let server: Promise<TestPostgres> | undefined;

/**
 * The test server's URL (a superuser connection to its `postgres` database), started at most once per
 * process. Never throws: any failure becomes `{ skip: 'PostgreSQL could not start: <reason>' }` (or, for
 * $TRIANGULATE_TEST_POSTGRES, 'PostgreSQL at <url> does not answer: <reason>').
 */
export function testPostgres(): Promise<TestPostgres> {
  server ??= locate();
  return server;
}

async function locate(): Promise<TestPostgres> {
  const given = process.env.TRIANGULATE_TEST_POSTGRES;
  if (given) {
    try {
      await ping(given);
      return { url: given };
    } catch (error) {
      return { skip: `PostgreSQL at ${redact(given)} does not answer: ${oneLine(error)}` };
    }
  }
  try {
    return { url: await startCluster() };
  } catch (error) {
    return { skip: `PostgreSQL could not start: ${oneLine(error)}` };
  }
}

/**
 * Creates an empty database with a unique name on the server at `baseUrl` (which must allow CREATE
 * DATABASE). `drop()` removes it, closing connections still open to it (PostgreSQL 13+).
 */
export async function createTestDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `triangulate_test_${process.pid}_${Date.now().toString(36)}_${++databases}`;
  await admin(baseUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(baseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

let databases = 0;

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function ping(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  // An 'error' event after connect (server shutting down) must not crash the test process.
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query('SELECT 1');
  } finally {
    await client.end();
  }
}

/** Starts a cluster in a new temporary folder; resolves to its URL. Throws with a short reason. */
async function startCluster(): Promise<string> {
  const bin = findServerBinaries();
  if (!bin) throw new Error('initdb and pg_ctl not found in PATH nor in /usr/lib/postgresql/*/bin');
  const runAs = serverUser();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'triangulate-pg-'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  let running = false;
  const cleanUp = () => {
    // Synchronous: this runs in the 'exit' handler, where nothing asynchronous gets to finish.
    if (running) runSync(runAs, path.join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '10']);
    running = false;
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', cleanUp);
  // Without these, Ctrl-C or a runner's SIGTERM would leave the server running: clean up, then die as asked.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      cleanUp();
      process.kill(process.pid, signal);
    });
  }
  try {
    if (runAs) chownSync(dir, runAs.uid, runAs.gid);
    // Trust auth on localhost and a private socket folder: the cluster lives only as long as this process.
    await run(runAs, path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const port = await freePort();
    // Durability is useless for a throwaway cluster: no fsync, no full-page writes, asynchronous commits.
    const settings = [
      '-F',
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    running = true;
    await run(runAs, path.join(bin, 'pg_ctl'), ['start', '-D', data, '-w', '-t', '20', '-l', log, '-o', settings]);
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    await ping(url);
    return url;
  } catch (error) {
    cleanUp();
    throw error;
  }
}

/** The folder holding both initdb and pg_ctl: PATH first, then Debian's versioned folders, newest first. */
export function findServerBinaries(): string | null {
  const has = (dir: string) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'));
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir && has(dir)) return dir;
  const root = '/usr/lib/postgresql';
  let versions: string[] = [];
  try {
    versions = readdirSync(root).filter((v) => /^\d+(\.\d+)?$/.test(v));
  } catch {
    return null;
  }
  versions.sort((a, b) => Number(b) - Number(a));
  for (const version of versions) if (has(path.join(root, version, 'bin'))) return path.join(root, version, 'bin');
  return null;
}

interface ServerUser {
  uid: number;
  gid: number;
}

/** initdb refuses to run as root: then the cluster belongs to the `postgres` account. Null when not root. */
function serverUser(): ServerUser | null {
  if (process.getuid?.() !== 0) return null;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { uid, gid };
  } catch {
    throw new Error('running as root and there is no "postgres" user to run the server as');
  }
}

/** The command line running `file` (as `postgres` when root). */
function asServerUser(runAs: ServerUser | null, file: string, args: string[]): [string, string[]] {
  if (!runAs) return [file, args];
  // Absolute paths: a non-login root PATH may lack the sbin folders.
  const runuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((p) => existsSync(p));
  if (runuser) return [runuser, ['-u', 'postgres', '--', file, ...args]];
  return [existsSync('/bin/su') ? '/bin/su' : 'su', ['postgres', '-s', '/bin/sh', '-c', [file, ...args].map(shellQuote).join(' ')]];
}

// A folder the server user can read: initdb warns (or fails) when it cannot return to root's cwd.
const cwd = os.tmpdir();

function runSync(runAs: ServerUser | null, file: string, args: string[]): void {
  const [command, argv] = asServerUser(runAs, file, args);
  spawnSync(command, argv, { cwd, stdio: 'ignore', timeout: 15_000 });
}

/** Runs a server binary (as `postgres` when root); rejects with the last line of its error output. */
function run(runAs: ServerUser | null, file: string, args: string[]): Promise<void> {
  const [command, argv] = asServerUser(runAs, file, args);
  return new Promise((resolve, reject) => {
    execFile(command, argv, { cwd, timeout: 30_000 }, (error, _stdout, stderr) => {
      if (!error) return resolve();
      const lines = `${stderr}`.split('\n').map((l) => l.trim()).filter(Boolean);
      reject(new Error(`${path.basename(file)}: ${lines.at(-1) ?? error.message}`));
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].trim() || 'unknown error';
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}
