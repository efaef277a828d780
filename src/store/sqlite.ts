// SQLite backend: one file, WAL journal (readers never block the ingest writer, and a killed process
// leaves a consistent database), schema upgraded by numbered migrations on open.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../clean/types.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import { normaliseUrl, outletKey, textHash } from './identity.js';
import { StoreError } from './errors/store-error.js';
import type { ArticleStore, DuplicateReason, FeedState, PutArticleResult, StoredArticle, StoryRecord, StorySummary } from './types.js';

interface ArticleRow {
  id: number;
  story_id: number | null;
  ingested_at: string;
  body: string;
}

interface StoryRow {
  id: number;
  version: number;
  updated_at: string;
  article_count: number;
  outlet_count: number;
  title: string | null;
  first_published: string | null;
  last_published: string | null;
}

const STORY_SUMMARY = `
  SELECT s.id, s.version, s.updated_at,
         COUNT(a.id) AS article_count, COUNT(DISTINCT a.outlet) AS outlet_count,
         MIN(a.published_at) AS first_published, MAX(a.published_at) AS last_published,
         (SELECT title FROM articles t WHERE t.story_id = s.id ORDER BY t.id LIMIT 1) AS title
  FROM stories s JOIN articles a ON a.story_id = s.id`;

export interface SqliteStoreOptions {
  /** Open without writing (no migrations); fails on a missing or outdated file. */
  readonly?: boolean;
}

export class SqliteStore implements ArticleStore {
  readonly path: string;
  private readonly db: Database.Database;
  private readonly statements: ReturnType<SqliteStore['prepare']>;

  constructor(file: string, options: SqliteStoreOptions = {}) {
    this.path = file;
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    try {
      this.db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    } catch (error) {
      throw new StoreError('cannot-open', `cannot open store ${file}: ${(error as Error).message}`);
    }
    if (!options.readonly) {
      this.db.pragma('journal_mode = WAL');
      // With WAL, NORMAL survives a killed process (only a power cut may lose the last batch).
      this.db.pragma('synchronous = NORMAL');
    }
    this.db.pragma('busy_timeout = 5000');
    // 64 MB page cache: the unique URL and text-hash indexes take random inserts, and with SQLite's 2 MB
    // default every insert into a store of 100k articles misses the cache and slows the stream down.
    this.db.pragma('cache_size = -65536');
    this.migrate(options.readonly ?? false);
    this.statements = this.prepare();
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  private migrate(readonly: boolean): void {
    const current = this.schemaVersion;
    if (current > SCHEMA_VERSION) {
      throw new StoreError('newer-schema', `store ${this.path} has schema version ${current}, newer than this program's ${SCHEMA_VERSION}; upgrade triangulate`);
    }
    if (current === SCHEMA_VERSION) return;
    if (readonly) throw new StoreError('cannot-open', `store ${this.path} needs an upgrade; open it once for writing`);
    for (let version = current; version < SCHEMA_VERSION; version++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[version]);
        this.db.pragma(`user_version = ${version + 1}`);
      })();
    }
  }

  private prepare() {
    const db = this.db;
    return {
      byUrl: db.prepare<[string], { id: number; origin: string }>('SELECT id, origin FROM articles WHERE url = ?'),
      byHash: db.prepare<[string], { id: number; origin: string }>('SELECT id, origin FROM articles WHERE text_hash = ?'),
      insertArticle: db.prepare(
        `INSERT INTO articles (source_id, origin, url, text_hash, title, outlet, published_at, ingested_at, body)
         VALUES (@sourceId, @origin, @url, @hash, @title, @outlet, @publishedAt, @now, @body)`,
      ),
      linkDuplicate: db.prepare(
        `INSERT OR IGNORE INTO duplicates (article_id, origin, url, reason, seen_at) VALUES (?, ?, ?, ?, ?)`,
      ),
      duplicatesOf: db.prepare<[number], { origin: string; url: string | null; reason: DuplicateReason }>(
        'SELECT origin, url, reason FROM duplicates WHERE article_id = ? ORDER BY id',
      ),
      getArticle: db.prepare<[number], ArticleRow>('SELECT id, story_id, ingested_at, body FROM articles WHERE id = ?'),
      countArticles: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM articles'),
      setStory: db.prepare('UPDATE articles SET story_id = ? WHERE id = ?'),
      touchStory: db.prepare(
        `INSERT INTO stories (id, version, created_at, updated_at) VALUES (@id, 1, @now, @now)
         ON CONFLICT(id) DO UPDATE SET version = version + 1, updated_at = excluded.updated_at`,
      ),
      saveState: db.prepare('UPDATE stories SET state = ?, last_day = ? WHERE id = ?'),
      moveArticles: db.prepare('UPDATE articles SET story_id = ? WHERE story_id = ?'),
      markMerged: db.prepare('UPDATE stories SET merged_into = ?, state = NULL, updated_at = ? WHERE id = ?'),
      repointMerged: db.prepare('UPDATE stories SET merged_into = ? WHERE merged_into = ?'),
      bumpStory: db.prepare('UPDATE stories SET version = version + 1, updated_at = ? WHERE id = ?'),
      statesSince: db.prepare<[number], { id: number; last_day: number; state: string }>(
        'SELECT id, last_day, state FROM stories WHERE merged_into IS NULL AND state IS NOT NULL AND last_day >= ? ORDER BY id',
      ),
      allStates: db.prepare<[], { id: number; last_day: number; state: string }>(
        'SELECT id, last_day, state FROM stories WHERE merged_into IS NULL AND state IS NOT NULL ORDER BY id',
      ),
      mergedInto: db.prepare<[number], { merged_into: number | null }>('SELECT merged_into FROM stories WHERE id = ?'),
      storySummary: db.prepare<[number], StoryRow>(`${STORY_SUMMARY} WHERE s.id = ? GROUP BY s.id`),
      listStories: db.prepare<[number, number, number], StoryRow>(
        `${STORY_SUMMARY} WHERE s.merged_into IS NULL GROUP BY s.id HAVING COUNT(a.id) >= ?
         ORDER BY MAX(a.published_at) DESC, s.id DESC LIMIT ? OFFSET ?`,
      ),
      storyArticles: db.prepare<[number], ArticleRow>(
        'SELECT id, story_id, ingested_at, body FROM articles WHERE story_id = ? ORDER BY published_at, id',
      ),
      getDossier: db.prepare<[number, number], { body: string }>('SELECT body FROM dossiers WHERE story_id = ? AND version = ?'),
      putDossier: db.prepare(
        `INSERT INTO dossiers (story_id, version, body) VALUES (?, ?, ?)
         ON CONFLICT(story_id) DO UPDATE SET version = excluded.version, body = excluded.body`,
      ),
      getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      setMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      loadCounters: db.prepare<[string], { key: string; value: number }>('SELECT key, value FROM counters WHERE namespace = ?'),
      putCounter: db.prepare(
        'INSERT INTO counters (namespace, key, value) VALUES (?, ?, ?) ON CONFLICT(namespace, key) DO UPDATE SET value = excluded.value',
      ),
      getFeed: db.prepare<[string], Record<string, unknown>>('SELECT * FROM feeds WHERE url = ?'),
      putFeed: db.prepare(
        `INSERT INTO feeds (url, etag, last_modified, failures, next_attempt_at, last_status, last_checked_at)
         VALUES (@url, @etag, @lastModified, @failures, @nextAttemptAt, @lastStatus, @lastCheckedAt)
         ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
           failures = excluded.failures, next_attempt_at = excluded.next_attempt_at,
           last_status = excluded.last_status, last_checked_at = excluded.last_checked_at`,
      ),
    };
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  putArticle(article: Article): PutArticleResult {
    const url = normaliseUrl(article.url);
    const hash = textHash(article.text);
    const s = this.statements;
    const existing: [{ id: number; origin: string } | undefined, DuplicateReason][] = [
      [url ? s.byUrl.get(url) : undefined, 'url'],
      [s.byHash.get(hash), 'text'],
    ];
    for (const [row, reason] of existing) {
      if (!row) continue;
      // The same input read again is not news; another origin carrying the same article is recorded.
      const linked = row.origin !== article.origin && s.linkDuplicate.run(row.id, article.origin, url, reason, now()).changes > 0;
      return { status: 'duplicate', id: row.id, reason, linked };
    }
    const info = s.insertArticle.run({
      sourceId: article.id,
      origin: article.origin,
      url,
      hash,
      title: article.title,
      outlet: outletKey(article.outlet, article.url),
      publishedAt: article.publishedAt,
      now: now(),
      body: JSON.stringify(article),
    });
    return { status: 'stored', id: Number(info.lastInsertRowid) };
  }

  getArticle(id: number): StoredArticle | null {
    const row = this.statements.getArticle.get(id);
    return row ? toStoredArticle(row) : null;
  }

  findArticleByUrl(url: string): number | null {
    const normalised = normaliseUrl(url);
    return normalised ? (this.statements.byUrl.get(normalised)?.id ?? null) : null;
  }

  articleCount(): number {
    return this.statements.countArticles.get()!.n;
  }

  duplicatesOf(id: number) {
    return this.statements.duplicatesOf.all(id);
  }

  setArticleStory(articleId: number, storyId: number): void {
    this.statements.touchStory.run({ id: storyId, now: now() });
    this.statements.setStory.run(storyId, articleId);
  }

  saveStoryStates(records: StoryRecord[]): void {
    for (const record of records) this.statements.saveState.run(record.state, record.lastDay, record.id);
  }

  mergeStory(from: number, into: number): void {
    const s = this.statements;
    const stamp = now();
    s.moveArticles.run(into, from);
    s.markMerged.run(into, stamp, from);
    s.repointMerged.run(into, from);
    s.bumpStory.run(stamp, into);
  }

  loadStoryStates(sinceDay: number | null): StoryRecord[] {
    const rows = sinceDay === null ? this.statements.allStates.all() : this.statements.statesSince.all(sinceDay);
    return rows.map((r) => ({ id: r.id, lastDay: r.last_day, state: r.state }));
  }

  listStories(options: { limit?: number; offset?: number; minArticles?: number } = {}): StorySummary[] {
    return this.statements.listStories.all(options.minArticles ?? 1, options.limit ?? 50, options.offset ?? 0).map(toSummary);
  }

  getStory(id: number): StorySummary | null {
    const resolved = this.resolveStory(id);
    if (resolved === null) return null;
    const row = this.statements.storySummary.get(resolved);
    return row ? toSummary(row) : null;
  }

  private resolveStory(id: number): number | null {
    let current = id;
    for (let hops = 0; hops < 1000; hops++) {
      const row = this.statements.mergedInto.get(current);
      if (!row) return null;
      if (row.merged_into === null) return current;
      current = row.merged_into;
    }
    return null;
  }

  storyArticles(id: number): StoredArticle[] {
    const resolved = this.resolveStory(id);
    return resolved === null ? [] : this.statements.storyArticles.all(resolved).map(toStoredArticle);
  }

  getCachedDossier(storyId: number, version: number): string | null {
    return this.statements.getDossier.get(storyId, version)?.body ?? null;
  }

  putCachedDossier(storyId: number, version: number, body: string): void {
    this.statements.putDossier.run(storyId, version, body);
  }

  getMeta(key: string): string | null {
    return this.statements.getMeta.get(key)?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.statements.setMeta.run(key, value);
  }

  loadCounters(namespace: string): [string, number][] {
    return this.statements.loadCounters.all(namespace).map((r) => [r.key, r.value]);
  }

  putCounters(namespace: string, entries: [string, number][]): void {
    for (const [key, value] of entries) this.statements.putCounter.run(namespace, key, value);
  }

  getFeedState(url: string): FeedState | null {
    const row = this.statements.getFeed.get(url);
    if (!row) return null;
    return {
      url: row.url as string,
      etag: (row.etag as string | null) ?? null,
      lastModified: (row.last_modified as string | null) ?? null,
      failures: Number(row.failures ?? 0),
      nextAttemptAt: (row.next_attempt_at as string | null) ?? null,
      lastStatus: (row.last_status as string | null) ?? null,
      lastCheckedAt: (row.last_checked_at as string | null) ?? null,
    };
  }

  putFeedState(state: FeedState): void {
    this.statements.putFeed.run(state);
  }

  integrityCheck(): string {
    const rows = this.db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join('; ');
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function now(): string {
  return new Date().toISOString();
}

function toStoredArticle(row: ArticleRow): StoredArticle {
  return { id: row.id, storyId: row.story_id, ingestedAt: row.ingested_at, article: JSON.parse(row.body) as Article };
}

function toSummary(row: StoryRow): StorySummary {
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
