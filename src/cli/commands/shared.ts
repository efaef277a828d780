// Options and helpers shared by the store-backed commands (ingest, watch, stories, story).
import { existsSync } from 'node:fs';
import { UsageError } from '../../errors.js';
import { DEFAULT_STORE_PATH, isStoreError, openStore, type ArticleStore } from '../../store/index.js';
import type { CliIO } from '../command.js';

export const STORE_OPTION = { store: { type: 'string', short: 's', default: DEFAULT_STORE_PATH } } as const;

/** Runs `fn` with an open store; a store the user pointed at wrongly is one line on stderr, exit 1. */
export async function withStore(
  file: string,
  io: CliIO,
  fn: (store: ArticleStore) => Promise<number>,
  options: { mustExist?: boolean } = {},
): Promise<number> {
  if (options.mustExist && file !== ':memory:' && !existsSync(file)) {
    io.stderr(`no store at ${file} (create one with: triangulate ingest <sources> --store ${file})`);
    return 1;
  }
  let store: ArticleStore;
  try {
    store = openStore(file);
  } catch (error) {
    if (!isStoreError(error)) throw error;
    io.stderr(error.message);
    return 1;
  }
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

/** "90s", "5m", "2h", "1d" or a number of seconds -> milliseconds. */
export function parseDuration(value: string, option: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(value.trim());
  if (!match) throw new UsageError(`${option} takes a duration such as 30s, 5m or 1h, not "${value}"`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] ?? 's'] as number;
  const ms = Number(match[1]) * unit;
  if (ms < 1000) throw new UsageError(`${option} must be at least 1s`);
  return ms;
}

export function parsePositiveInt(value: string | undefined, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${option} takes a positive whole number, not "${value}"`);
  return n;
}
