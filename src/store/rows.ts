// What both backends read back from their tables, and how a row becomes the type the store hands out. The
// two schemas have the same tables and columns (see migrations.ts and postgres-migrations.ts), so the rows
// and their conversion are one piece of code.
import type { Article } from '../clean/types.js';
import type { StoredArticle, StorySummary } from './types.js';

export interface ArticleRow {
  id: number;
  story_id: number | null;
  ingested_at: string;
  version: number;
  hidden_at: string | null;
  body: string;
}

/** What deciding on a new article needs to know of a stored one. */
export interface IdentityRow {
  id: number;
  origin: string;
  url: string | null;
  text_hash: string;
}

export interface StoryRow {
  id: number;
  version: number;
  updated_at: string;
  article_count: number;
  outlet_count: number;
  title: string | null;
  first_published: string | null;
  last_published: string | null;
}

/** The columns of `articles` an ArticleRow holds. */
export const ARTICLE_COLUMNS = 'id, story_id, ingested_at, version, hidden_at, body';

/** The time stamps stored (ISO 8601, UTC). */
export function now(): string {
  return new Date().toISOString();
}

export function toStoredArticle(row: ArticleRow): StoredArticle {
  return { id: row.id, storyId: row.story_id, ingestedAt: row.ingested_at, version: row.version, hiddenAt: row.hidden_at, article: JSON.parse(row.body) as Article };
}

export function toSummary(row: StoryRow): StorySummary {
  return {
    id: row.id,
    version: row.version,
    articleCount: row.article_count,
    outletCount: row.outlet_count,
    title: row.title,
    firstPublished: row.first_published,
    lastPublished: row.last_published,
    updatedAt: row.updated_at,
  };
}

/** A whole file read from a path: not a URL, not a record inside a JSON/JSONL file ("file#3"). */
export function isFileOrigin(origin: string): boolean {
  return !origin.includes('#') && !/^[a-z][a-z0-9+.-]*:\/\//i.test(origin) && !origin.startsWith('pasted-');
}

/** "10 s", "2.5 s": a busy timeout as the error message says it. */
export function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
