export { SqliteStore, DEFAULT_BUSY_TIMEOUT_MS } from './sqlite.js';
export type { SqliteStoreOptions } from './sqlite.js';
export type { ArticleStore, ArticleVersion, ArticleVisibility, DuplicateReason, FeedState, PutArticleResult, StoredArticle, StoryRecord, StorySummary } from './types.js';
export { normaliseUrl, textHash, outletKey } from './identity.js';
export { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
export { StoreError, isStoreError } from './errors/store-error.js';
export type { StoreErrorCode } from './errors/store-error.js';

import { SqliteStore, type SqliteStoreOptions } from './sqlite.js';
import type { ArticleStore } from './types.js';

/** Default store file, overridable with $TRIANGULATE_STORE. */
export const DEFAULT_STORE_PATH = process.env.TRIANGULATE_STORE ?? 'triangulate.db';

/**
 * Opens (creating and upgrading when needed) the store at `file`. Several processes may open one file and
 * write to it at once; their write transactions take turns (see SqliteStore). Throws StoreError (one-line
 * message, no stack needed) for a file that cannot be opened, is not a Triangulate store, was written by a
 * newer program, or stays locked by another process past `busyTimeoutMs` while its schema is created.
 */
export function openStore(file: string = DEFAULT_STORE_PATH, options: SqliteStoreOptions = {}): ArticleStore {
  return new SqliteStore(file, options);
}
