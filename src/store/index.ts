export { SqliteStore, DEFAULT_BUSY_TIMEOUT_MS } from './sqlite.js';
export type { SqliteStoreOptions } from './sqlite.js';
export type {
  ArticleStore,
  ArticleVersion,
  ArticleVisibility,
  CachedDossier,
  DuplicateReason,
  FeedState,
  PutArticleOptions,
  PutArticleResult,
  StoreKind,
  StoryPlacement,
  StoredArticle,
  StoryRecord,
  StorySummary,
} from './types.js';
export { normaliseUrl, textHash, outletKey } from './identity.js';
export { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
export { StoreError, isStoreError } from './errors/store-error.js';
export type { StoreErrorCode } from './errors/store-error.js';
export { isPostgresUrl, redactUrl } from './target.js';
export type { PostgresStore, PostgresStoreOptions } from './postgres.js';

import { SqliteStore } from './sqlite.js';
// Static, not loaded on demand: a dynamic import of a .ts sibling fails in worker threads run under tsx
// (dossier builds), and the driver is plain JavaScript, cheap to load.
import { PostgresStore } from './postgres.js';
import { isPostgresUrl } from './target.js';
import type { ArticleStore } from './types.js';

/** Default store: an SQLite file, or a PostgreSQL URL, overridable with $TRIANGULATE_STORE. */
export const DEFAULT_STORE_PATH = process.env.TRIANGULATE_STORE ?? 'triangulate.db';

/** Options of `openStore`, understood by both backends. */
export interface OpenStoreOptions {
  /** Open without writing (no migrations); fails on a missing or outdated store. */
  readonly?: boolean;
  /** Milliseconds to wait for another writer's lock before StoreError 'busy' (default DEFAULT_BUSY_TIMEOUT_MS). */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating and upgrading when needed) the store at `target`: a PostgreSQL database for a
 * `postgres://` or `postgresql://` URL, else the SQLite file at that path. Several processes may open one
 * store and write to it at once; their write transactions take turns. Rejects with StoreError (one-line
 * message, no stack needed) for a store that cannot be opened, is not a Triangulate store, was written by a
 * newer program, or stays locked by another process past `busyTimeoutMs` while its schema is created.
 * The PostgreSQL driver is loaded only when a URL asks for it.
 */
export async function openStore(target: string = DEFAULT_STORE_PATH, options: OpenStoreOptions = {}): Promise<ArticleStore> {
  if (isPostgresUrl(target)) {
    return PostgresStore.open(target, options);
  }
  return new SqliteStore(target, options);
}
