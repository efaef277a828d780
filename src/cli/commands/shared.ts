// Options and helpers shared by the store-backed commands (ingest, watch, stories, story, serve).
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../errors.js';
import { DEFAULT_STORE_PATH, isPostgresUrl, isStoreError, openStore, type ArticleStore } from '../../store/index.js';
import type { CliIO, CliOption } from '../command.js';

export { checkInputPaths, checkOutputPath, writeOutput } from '../paths.js';

/** --store of the store-backed commands; its default follows $TRIANGULATE_STORE, and the help says which applies. */
export const STORE_OPTION = {
  name: 'store',
  short: 's',
  value: 'FILE|URL',
  description: 'the store: an SQLite file Triangulate keeps articles and stories in, or a PostgreSQL URL (postgres://user@host/database) shared with workers',
  default: DEFAULT_STORE_PATH,
  defaultNote: process.env.TRIANGULATE_STORE ? '(from $TRIANGULATE_STORE)' : 'in the current folder, or $TRIANGULATE_STORE when set',
} as const satisfies CliOption;

/**
 * Runs `fn` with an open store and closes it after. A store the user pointed at wrongly (not a database, too
 * new, locked, read-only), whether found on opening or while `fn` uses it, is its one-line StoreError message
 * on stderr and exit code 1; any other error is thrown as it is. With `mustExist`, a missing SQLite file is one
 * line and exit 1 instead of creating an empty store (a PostgreSQL URL is checked by `openStore` itself).
 */
export async function withStore(
  file: string,
  io: CliIO,
  fn: (store: ArticleStore) => Promise<number>,
  options: { mustExist?: boolean } = {},
): Promise<number> {
  if (options.mustExist && file !== ':memory:' && !isPostgresUrl(file) && !existsSync(file)) {
    io.stderr(`no store at ${file} (create one with: triangulate ingest <sources> --store ${file})`);
    return 1;
  }
  let store: ArticleStore | null = null;
  try {
    store = await openStore(file);
    return await fn(store);
  } catch (error) {
    if (!isStoreError(error)) throw error;
    io.stderr(error.message);
    return 1;
  } finally {
    await store?.close();
  }
}

/**
 * Throws UsageError (one line naming `option`) unless `file` can be a store: it is ":memory:", or an
 * existing file (not a folder), or a new file in an existing folder. The store itself would create missing
 * folders, which turns a typo in the folder name into a new empty store; only the default store path
 * (DEFAULT_STORE_PATH) may have its folder created. Whether an existing file is a database is left to
 * `openStore`, which says so in a StoreError.
 */
export function checkStorePath(file: string, option = '--store'): void {
  if (file === ':memory:' || isPostgresUrl(file)) return;
  if (file === '') throw new UsageError(`${option} takes a file name`);
  let info;
  try {
    info = statSync(file);
  } catch {
    info = null;
  }
  if (info?.isDirectory()) throw new UsageError(`${option} ${file}: is a folder; give a store file (for example ${path.join(file, 'triangulate.db')})`);
  if (info && !info.isFile()) throw new UsageError(`${option} ${file}: not a regular file`);
  if (info || file === DEFAULT_STORE_PATH) return;
  const folder = path.dirname(path.resolve(file));
  if (!existsSync(folder)) throw new UsageError(`${option} ${file}: folder ${folder} does not exist`);
  if (!statSync(folder).isDirectory()) throw new UsageError(`${option} ${file}: ${folder} is not a folder`);
}

/** "90s", "5m", "2h", "1d" or a number of seconds -> milliseconds. Throws UsageError below 1 s or past 30 days. */
export function parseDuration(value: string, option: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(value.trim());
  if (!match) throw new UsageError(`${option} takes a duration such as 30s, 5m or 1h, not "${value}"`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] ?? 's'] as number;
  const ms = Number(match[1]) * unit;
  if (ms < 1000) throw new UsageError(`${option} must be at least 1s`);
  // setTimeout fires at once for delays past 2^31-1 ms (about 24.8 days): a longer wait would become a busy loop.
  if (ms > MAX_DURATION_MS) throw new UsageError(`${option} must be at most 24d, not "${value}"`);
  return ms;
}

const MAX_DURATION_MS = 24 * 86_400_000;

/** Largest count an option takes: SQLite and the array code behind the options all handle a 32-bit count. */
export const MAX_COUNT = 2_147_483_647;

/**
 * `value` as a whole number from 1 to `max` (MAX_COUNT), or `fallback` when the option was not given.
 * Throws UsageError naming `option` for anything else ("0", "-3", "1.5", "1e3", "99999999999999999999").
 */
export function parsePositiveInt(value: string | undefined, option: string, fallback: number, max = MAX_COUNT): number {
  return value === undefined ? fallback : parseCount(value, option, max);
}

/**
 * `value` as a whole number from 1 to `max` (MAX_COUNT), for an option whose default is in its option table.
 * Throws UsageError naming `option` for anything else ("0", "-3", "1.5", "1e3", "99999999999999999999").
 */
export function parseCount(value: string, option: string, max = MAX_COUNT): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0 || n > max) throw new UsageError(`${option} takes a whole number from 1 to ${max}, not "${value}"`);
  return n;
}
