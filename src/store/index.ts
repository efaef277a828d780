export { SqliteStore } from './sqlite.js';
export type { SqliteStoreOptions } from './sqlite.js';
export type { ArticleStore, DuplicateReason, FeedState, PutArticleResult, StoredArticle, StoryRecord, StorySummary } from './types.js';
export { normaliseUrl, textHash, outletKey } from './identity.js';
export { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
export { StoreError, isStoreError } from './errors/store-error.js';
export type { StoreErrorCode } from './errors/store-error.js';

import { SqliteStore } from './sqlite.js';
import type { ArticleStore } from './types.js';

/** Default store file, overridable with $TRIANGULATE_STORE. */
export const DEFAULT_STORE_PATH = process.env.TRIANGULATE_STORE ?? 'triangulate.db';

/** Opens (creating and upgrading when needed) the store at `file`. */
export function openStore(file: string = DEFAULT_STORE_PATH, options: { readonly?: boolean } = {}): ArticleStore {
  return new SqliteStore(file, options);
}
