// SQLite backend: one file, WAL journal (readers never block the ingest writer, and a killed process
// leaves a consistent database), schema upgraded by numbered migrations on open.
//
// Several processes may write one file at once (`serve --db X` and `ingest --store X`, or two ingests).
// SQLite serialises them: every write transaction starts with BEGIN IMMEDIATE, so a writer takes the lock
// before it reads anything it will act on, and a second writer waits (busy timeout) instead of failing
// half-way. What a writer keeps in memory between transactions (the clusterer) is checked against the
// store inside the transaction by its owner (see ingest/cluster-state.ts).
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../clean/types.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import { normaliseUrl, outletKey, textHash } from './identity.js';
import { StoreError } from './errors/store-error.js';
import type { ArticleStore, ArticleVersion, ArticleVisibility, DuplicateReason, FeedState, PutArticleResult, StoredArticle, StoryRecord, StorySummary } from './types.js';

interface ArticleRow {
  id: number;
  story_id: number | null;
  ingested_at: string;
  version: number;
  hidden_at: string | null;
  body: string;
}

interface IdentityRow {
  id: number;
  origin: string;
  url: string | null;
  text_hash: string;
}

/**
 * How long a writer waits for another process's write transaction before giving up. An ingest batch holds
 * the lock for well under a second; the wait blocks the calling thread (better-sqlite3 is synchronous), so
 * it must stay short enough for a server to answer, long enough for a slow batch on a busy machine.
 */
export const DEFAULT_BUSY_TIMEOUT_MS = 10_000;

const ARTICLE_COLUMNS = 'id, story_id, ingested_at, version, hidden_at, body';

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

// Hidden articles are not part of a story's summary: a story whose articles are all hidden has no row here,
// so it is neither listed nor found by id (until one of them is restored or a new article joins it).
const STORY_SUMMARY = `
  SELECT s.id, s.version, s.updated_at,
         COUNT(a.id) AS article_count, COUNT(DISTINCT a.outlet) AS outlet_count,
         MIN(a.published_at) AS first_published, MAX(a.published_at) AS last_published,
         (SELECT title FROM articles t WHERE t.story_id = s.id AND t.hidden_at IS NULL ORDER BY t.id LIMIT 1) AS title
  FROM stories s JOIN articles a ON a.story_id = s.id AND a.hidden_at IS NULL`;

export interface SqliteStoreOptions {
  /** Open without writing (no migrations); fails on a missing or outdated file. */
  readonly?: boolean;
  /** Milliseconds to wait for another process's write lock (default DEFAULT_BUSY_TIMEOUT_MS). */
  busyTimeoutMs?: number;
}

export class SqliteStore implements ArticleStore {
  readonly path: string;
  private readonly readonly: boolean;
  private readonly busyTimeoutMs: number;
  private readonly db: Database.Database;
  private readonly statements: ReturnType<SqliteStore['prepare']>;
  /** Transactions this connection committed (PRAGMA data_version only counts other connections'). */
  private ownCommits = 0;

  /**
   * Opens (creating and upgrading when needed) the store at `file`. Throws StoreError: 'cannot-open'
   * (missing folder rights, missing file in read-only mode, outdated file in read-only mode), 'not-a-store'
   * (not SQLite, or SQLite holding other tables), 'newer-schema', 'busy' (another process kept the lock past
   * the busy timeout while the schema had to be created), 'corrupt', 'read-only'.
   */
  constructor(file: string, options: SqliteStoreOptions = {}) {
    this.path = file;
    this.busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
    const readonly = (this.readonly = options.readonly ?? false);
    try {
      if (file !== ':memory:' && !readonly) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      // `timeout` is SQLite's busy timeout, set before the first statement so that even the journal-mode
      // switch and the schema creation of a brand-new file wait for a second process opening it at once.
      this.db = new Database(file, { readonly, fileMustExist: readonly, timeout: this.busyTimeoutMs });
    } catch (error) {
      throw new StoreError('cannot-open', `cannot open store ${file}: ${(error as Error).message}`);
    }
    try {
      if (!readonly) {
        // WAL persists in the file: readers (a server) never block the writer, and writers queue on one lock.
        this.db.pragma('journal_mode = WAL');
        // With WAL, NORMAL survives a killed process (only a power cut may lose the last batch).
        this.db.pragma('synchronous = NORMAL');
      }
      // 64 MB page cache: the unique URL and text-hash indexes take random inserts, and with SQLite's 2 MB
      // default every insert into a store of 100k articles misses the cache and slows the stream down.
      this.db.pragma('cache_size = -65536');
      this.migrate(readonly);
      this.statements = this.prepare();
    } catch (error) {
      this.db.close();
      throw this.translate(error);
    }
  }

  get schemaVersion(): number {
    return this.guard(() => this.db.pragma('user_version', { simple: true }) as number);
  }

  /** Current schema version; throws 'newer-schema' for a file written by a newer program. */
  private checkedVersion(): number {
    const current = this.db.pragma('user_version', { simple: true }) as number;
    if (current > SCHEMA_VERSION) {
      throw new StoreError('newer-schema', `store ${this.path} has schema version ${current}, newer than this program's ${SCHEMA_VERSION}; upgrade triangulate`);
    }
    if (current === 0) {
      const tables = this.db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").get() as { n: number };
      // Version 0 with tables: some other program's database. Adding ours to it would mix two programs' data.
      if (tables.n > 0) throw new StoreError('not-a-store', `${this.path}: not a Triangulate store (an SQLite database with other tables)`);
    }
    return current;
  }

  private migrate(readonly: boolean): void {
    if (this.checkedVersion() === SCHEMA_VERSION) return;
    if (readonly) throw new StoreError('cannot-open', `store ${this.path} needs an upgrade; open it once for writing`);
    // All steps in one IMMEDIATE transaction, version read again under the lock: when two processes open a
    // new (or old) file at once, the second waits, then finds the schema current and does nothing.
    this.db
      .transaction(() => {
        for (let version = this.checkedVersion(); version < SCHEMA_VERSION; version++) {
          this.db.exec(MIGRATIONS[version]);
          this.db.pragma(`user_version = ${version + 1}`);
        }
      })
      .immediate();
  }

  /** SQLite failures a user can act on become one-line StoreErrors; anything else keeps its stack. */
  private translate(error: unknown): unknown {
    if (!(error instanceof Database.SqliteError)) return error;
    const code = error.code;
    const file = this.path;
    if (code === 'SQLITE_NOTADB') return new StoreError('not-a-store', `${file}: not a Triangulate store (file is not a database)`);
    if (code.startsWith('SQLITE_BUSY')) {
      return new StoreError('busy', `${file}: the store is busy (another process kept it locked for more than ${formatSeconds(this.busyTimeoutMs)}); try again`);
    }
    if (code.startsWith('SQLITE_CORRUPT')) return new StoreError('corrupt', `${file}: the store is damaged (${error.message}); restore a copy or start a new store`);
    if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') return new StoreError('read-only', `${file}: cannot write to the store (${error.message})`);
    if (code === 'SQLITE_FULL') return new StoreError('disk-full', `${file}: the disk is full`);
    if (code.startsWith('SQLITE_CANTOPEN')) return new StoreError('cannot-open', `cannot open store ${file}: ${error.message}`);
    return error;
  }

  /** Runs `fn`, translating SQLite errors (see `translate`). */
  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw this.translate(error);
    }
  }

  /** Runs `fn` as one write: inside the caller's transaction if there is one, else in its own IMMEDIATE one. */
  private write<T>(fn: () => T): T {
    if (this.db.inTransaction) return this.guard(fn);
    return this.transaction(fn);
  }

  private prepare() {
    const db = this.db;
    return {
      byUrl: db.prepare<[string], IdentityRow>('SELECT id, origin, url, text_hash FROM articles WHERE url = ?'),
      byHash: db.prepare<[string], IdentityRow>('SELECT id, origin, url, text_hash FROM articles WHERE text_hash = ?'),
      // An older text of some article: seeing it again is not news either.
      byOldHash: db.prepare<[string], IdentityRow>(
        `SELECT a.id, a.origin, a.url, a.text_hash FROM article_versions v JOIN articles a ON a.id = v.article_id
         WHERE v.text_hash = ? ORDER BY v.article_id LIMIT 1`,
      ),
      hadHash: db.prepare<[number, string], { found: number }>('SELECT 1 AS found FROM article_versions WHERE article_id = ? AND text_hash = ?'),
      byOrigin: db.prepare<[string], IdentityRow>('SELECT id, origin, url, text_hash FROM articles WHERE origin = ? AND url IS NULL ORDER BY id LIMIT 1'),
      insertArticle: db.prepare(
        `INSERT INTO articles (source_id, origin, url, text_hash, title, outlet, published_at, ingested_at, body)
         VALUES (@sourceId, @origin, @url, @hash, @title, @outlet, @publishedAt, @now, @body)`,
      ),
      currentVersion: db.prepare<[number], { version: number; origin: string; text_hash: string; ingested_at: string; body: string; story_id: number | null }>(
        'SELECT version, origin, text_hash, ingested_at, body, story_id FROM articles WHERE id = ?',
      ),
      keepVersion: db.prepare(
        `INSERT INTO article_versions (article_id, version, origin, text_hash, ingested_at, superseded_at, body)
         VALUES (@id, @version, @origin, @hash, @ingestedAt, @now, @body)`,
      ),
      reviseArticle: db.prepare(
        `UPDATE articles SET version = version + 1, source_id = @sourceId, origin = @origin, url = COALESCE(@url, url),
           text_hash = @hash, title = @title, outlet = @outlet, published_at = @publishedAt, ingested_at = @now, body = @body
         WHERE id = @id`,
      ),
      history: db.prepare<[number], { version: number; ingested_at: string; superseded_at: string; body: string }>(
        'SELECT version, ingested_at, superseded_at, body FROM article_versions WHERE article_id = ? ORDER BY version',
      ),
      linkDuplicate: db.prepare(
        `INSERT OR IGNORE INTO duplicates (article_id, origin, url, reason, seen_at) VALUES (?, ?, ?, ?, ?)`,
      ),
      duplicatesOf: db.prepare<[number], { origin: string; url: string | null; reason: DuplicateReason }>(
        'SELECT origin, url, reason FROM duplicates WHERE article_id = ? ORDER BY id',
      ),
      getArticle: db.prepare<[number], ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ?`),
      countArticles: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM articles'),
      countHidden: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM articles WHERE hidden_at IS NOT NULL'),
      visibility: db.prepare<[number], { story_id: number | null; hidden_at: string | null }>('SELECT story_id, hidden_at FROM articles WHERE id = ?'),
      setHidden: db.prepare<[string | null, number]>('UPDATE articles SET hidden_at = ? WHERE id = ?'),
      setStory: db.prepare('UPDATE articles SET story_id = ? WHERE id = ?'),
      touchStory: db.prepare(
        `INSERT INTO stories (id, version, created_at, updated_at) VALUES (@id, 1, @now, @now)
         ON CONFLICT(id) DO UPDATE SET version = version + 1, updated_at = excluded.updated_at`,
      ),
      // No ON CONFLICT: a second writer handing out an id already in use must fail loudly, not merge stories.
      createStory: db.prepare('INSERT INTO stories (id, version, created_at, updated_at) VALUES (@id, 1, @now, @now)'),
      maxStoryId: db.prepare<[], { id: number }>('SELECT COALESCE(MAX(id), 0) AS id FROM stories'),
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
        `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE story_id = ? AND hidden_at IS NULL ORDER BY published_at, id`,
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
    // Nested calls become savepoints inside the outer transaction (better-sqlite3 ignores the mode there).
    // A read-only store cannot write, so it has no write lock to take: its transactions are read snapshots.
    const outer = !this.db.inTransaction;
    const result = this.guard(() => (this.readonly ? this.db.transaction(fn).deferred() : this.db.transaction(fn).immediate()));
    if (outer) this.ownCommits++;
    return result;
  }

  readSnapshot<T>(fn: () => T): T {
    // A deferred transaction that only reads never takes the write lock: in WAL it pins one snapshot.
    if (this.db.inTransaction) return this.guard(fn);
    return this.guard(() => this.db.transaction(fn).deferred());
  }

  changeCounter(): number {
    // data_version moves when another connection commits; our own commits are counted by hand.
    return this.guard(() => (this.db.pragma('data_version', { simple: true }) as number) + this.ownCommits);
  }

  putArticle(article: Article): PutArticleResult {
    return this.write(() => this.placeArticle(article));
  }

  private placeArticle(article: Article): PutArticleResult {
    const url = normaliseUrl(article.url);
    const hash = textHash(article.text);
    const s = this.statements;
    const duplicate = (row: IdentityRow, reason: DuplicateReason): PutArticleResult => {
      // The same input read again is not news; another origin carrying the same article is recorded.
      const linked = row.origin !== article.origin && s.linkDuplicate.run(row.id, article.origin, url, reason, now()).changes > 0;
      return { status: 'duplicate', id: row.id, reason, linked };
    };
    const sameText = () => s.byHash.get(hash) ?? s.byOldHash.get(hash);
    const byUrl = url ? s.byUrl.get(url) : undefined;
    if (byUrl) {
      // Same page, a text it already had (now or before): nothing new, and an old copy must not flip it back.
      if (byUrl.text_hash === hash || s.hadHash.get(byUrl.id, hash)) return duplicate(byUrl, 'url');
      // The page now carries exactly another stored article's text: that text is already stored once.
      const other = sameText();
      if (other) return duplicate(other, 'text');
      return this.revise(byUrl.id, article, url, hash);
    }
    const byText = sameText();
    if (byText) return duplicate(byText, 'text');
    // No URL to go by: a whole file read again from the same path with a changed text is a corrected copy.
    // Records inside a JSON/JSONL file ("file#3") and URLs are left out: record numbers shift when lines are
    // added, and a URL origin already had its URL checked above.
    if (isFileOrigin(article.origin)) {
      const byOrigin = s.byOrigin.get(article.origin);
      if (byOrigin) return this.revise(byOrigin.id, article, url, hash);
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

  /** Keeps the current text of article `id` as an old version and stores `article` as the new current one. */
  private revise(id: number, article: Article, url: string | null, hash: string): PutArticleResult {
    const s = this.statements;
    const current = s.currentVersion.get(id)!;
    const stamp = now();
    s.keepVersion.run({ id, version: current.version, origin: current.origin, hash: current.text_hash, ingestedAt: current.ingested_at, now: stamp, body: current.body });
    s.reviseArticle.run({
      id,
      sourceId: article.id,
      origin: article.origin,
      url,
      hash,
      title: article.title,
      outlet: outletKey(article.outlet, article.url),
      publishedAt: article.publishedAt,
      now: stamp,
      body: JSON.stringify(article),
    });
    // The story's text changed: a new story version, so dossiers cached for the old text are not served.
    if (current.story_id !== null) s.bumpStory.run(stamp, current.story_id);
    return { status: 'revised', id, version: current.version + 1, storyId: current.story_id };
  }

  getArticle(id: number): StoredArticle | null {
    const row = this.guard(() => this.statements.getArticle.get(id));
    return row ? toStoredArticle(row) : null;
  }

  articleHistory(id: number): ArticleVersion[] {
    return this.guard(() => this.statements.history.all(id)).map((row) => ({
      version: row.version,
      ingestedAt: row.ingested_at,
      supersededAt: row.superseded_at,
      article: JSON.parse(row.body) as Article,
    }));
  }

  findArticleByUrl(url: string): number | null {
    const normalised = normaliseUrl(url);
    return normalised ? (this.guard(() => this.statements.byUrl.get(normalised))?.id ?? null) : null;
  }

  articleCount(): number {
    return this.guard(() => this.statements.countArticles.get()!.n);
  }

  hiddenArticleCount(): number {
    return this.guard(() => this.statements.countHidden.get()!.n);
  }

  findArticleByText(text: string): number | null {
    const hash = textHash(text);
    return this.guard(() => (this.statements.byHash.get(hash) ?? this.statements.byOldHash.get(hash))?.id ?? null);
  }

  hideArticle(id: number): ArticleVisibility | null {
    return this.setVisibility(id, true);
  }

  restoreArticle(id: number): ArticleVisibility | null {
    return this.setVisibility(id, false);
  }

  // One write: the mark and the story's version move together, so a dossier cached for the story as it was
  // is never served for the story as it is now (and a reader of the version sees the article set it names).
  //
  // The clusterer's saved state (document frequencies, story profiles and sizes, the story an article went
  // to) is deliberately left alone: a hidden article stays counted in the term statistics and in its story's
  // profile. Taking it out would mean subtracting its weights from a profile that was truncated and averaged
  // since, which cannot be done exactly, and a restore would have to add them back: the counts would drift
  // from what was ingested. So membership stays as clustered and only what readers see (story lists, counts,
  // article lists, dossiers) leaves hidden articles out. The cost is small: a mistaken article keeps
  // pulling its story's profile slightly towards its words.
  private setVisibility(id: number, hide: boolean): ArticleVisibility | null {
    return this.write(() => {
      const s = this.statements;
      const row = s.visibility.get(id);
      if (!row) return null;
      const hidden = row.hidden_at !== null;
      if (hidden === hide) return { articleId: id, storyId: row.story_id, hiddenAt: row.hidden_at, changed: false };
      const stamp = now();
      s.setHidden.run(hide ? stamp : null, id);
      if (row.story_id !== null) s.bumpStory.run(stamp, row.story_id);
      return { articleId: id, storyId: row.story_id, hiddenAt: hide ? stamp : null, changed: true };
    });
  }

  duplicatesOf(id: number) {
    return this.guard(() => this.statements.duplicatesOf.all(id));
  }

  setArticleStory(articleId: number, storyId: number, options: { newStory?: boolean } = {}): void {
    this.write(() => {
      if (options.newStory) this.statements.createStory.run({ id: storyId, now: now() });
      else this.statements.touchStory.run({ id: storyId, now: now() });
      this.statements.setStory.run(storyId, articleId);
    });
  }

  maxStoryId(): number {
    return this.guard(() => this.statements.maxStoryId.get()!.id);
  }

  saveStoryStates(records: StoryRecord[]): void {
    this.write(() => {
      for (const record of records) this.statements.saveState.run(record.state, record.lastDay, record.id);
    });
  }

  mergeStory(from: number, into: number): void {
    const s = this.statements;
    this.write(() => {
      const stamp = now();
      s.moveArticles.run(into, from);
      s.markMerged.run(into, stamp, from);
      s.repointMerged.run(into, from);
      s.bumpStory.run(stamp, into);
    });
  }

  loadStoryStates(sinceDay: number | null): StoryRecord[] {
    const rows = this.guard(() => (sinceDay === null ? this.statements.allStates.all() : this.statements.statesSince.all(sinceDay)));
    return rows.map((r) => ({ id: r.id, lastDay: r.last_day, state: r.state }));
  }

  listStories(options: { limit?: number; offset?: number; minArticles?: number } = {}): StorySummary[] {
    return this.guard(() => this.statements.listStories.all(options.minArticles ?? 1, options.limit ?? 50, options.offset ?? 0)).map(toSummary);
  }

  getStory(id: number): StorySummary | null {
    return this.guard(() => {
      const resolved = this.resolveStory(id);
      if (resolved === null) return null;
      const row = this.statements.storySummary.get(resolved);
      return row ? toSummary(row) : null;
    });
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
    return this.guard(() => {
      const resolved = this.resolveStory(id);
      return resolved === null ? [] : this.statements.storyArticles.all(resolved).map(toStoredArticle);
    });
  }

  getCachedDossier(storyId: number, version: number): string | null {
    return this.guard(() => this.statements.getDossier.get(storyId, version)?.body ?? null);
  }

  putCachedDossier(storyId: number, version: number, body: string): void {
    this.write(() => this.statements.putDossier.run(storyId, version, body));
  }

  getMeta(key: string): string | null {
    return this.guard(() => this.statements.getMeta.get(key)?.value ?? null);
  }

  setMeta(key: string, value: string): void {
    this.write(() => this.statements.setMeta.run(key, value));
  }

  loadCounters(namespace: string): [string, number][] {
    return this.guard(() => this.statements.loadCounters.all(namespace)).map((r) => [r.key, r.value]);
  }

  putCounters(namespace: string, entries: [string, number][]): void {
    this.write(() => {
      for (const [key, value] of entries) this.statements.putCounter.run(namespace, key, value);
    });
  }

  getFeedState(url: string): FeedState | null {
    const row = this.guard(() => this.statements.getFeed.get(url));
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
    this.write(() => this.statements.putFeed.run(state));
  }

  integrityCheck(): string {
    const rows = this.guard(() => this.db.pragma('integrity_check') as { integrity_check: string }[]);
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
  return { id: row.id, storyId: row.story_id, ingestedAt: row.ingested_at, version: row.version, hiddenAt: row.hidden_at, article: JSON.parse(row.body) as Article };
}

/** A whole file read from a path: not a URL, not a record inside a JSON/JSONL file ("file#3"). */
function isFileOrigin(origin: string): boolean {
  return !origin.includes('#') && !/^[a-z][a-z0-9+.-]*:\/\//i.test(origin) && !origin.startsWith('pasted-');
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
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
