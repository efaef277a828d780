// SQLite backend: one file, WAL journal (readers never block the ingest writer, and a killed process
// leaves a consistent database), schema upgraded by numbered migrations on open.
//
// Several processes may write one file at once (`serve --db X` and `ingest --store X`, or two ingests).
// SQLite serialises them: every write transaction starts with BEGIN IMMEDIATE, so a writer takes the lock
// before it reads anything it will act on, and a second writer waits (busy timeout) instead of failing
// half-way. What a writer keeps in memory between transactions (the clusterer) is checked against the
// store inside the transaction by its owner (see ingest/cluster-state.ts).
//
// The ArticleStore interface is asynchronous (for PostgreSQL); here the statements themselves stay
// synchronous better-sqlite3 calls. What is asynchronous is a transaction: its callback awaits, and while
// it does, other code of this process may call the same store object. One connection has one transaction,
// so such calls wait on a mutex until it ends; calls made from inside the callback are recognised through
// AsyncLocalStorage and join it (a nested `transaction` becomes a savepoint).
import Database from 'better-sqlite3';
import { Mutex } from 'async-mutex';
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Article } from '../clean/types.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import { normaliseUrl, outletKey, textHash } from './identity.js';
import { StoreError } from './errors/store-error.js';
import type {
  ArticleStore,
  ArticleVersion,
  ArticleVisibility,
  CachedDossier,
  DuplicateReason,
  FeedState,
  PutArticleOptions,
  PutArticleResult,
  StoredArticle,
  StoryRecord,
  StorySummary,
} from './types.js';
import { ARTICLE_COLUMNS, formatSeconds, isFileOrigin, now, toStoredArticle, toSummary, type ArticleRow, type IdentityRow, type StoryRow } from './rows.js';

/**
 * How long a writer waits for another process's write transaction before giving up. An ingest batch holds
 * the lock for well under a second. Waiting to start a transaction does not block the thread (it is retried
 * on a timer), but a single statement that meets the lock (rare in WAL) waits inside SQLite and does block
 * it, so the timeout must stay short enough for a server to answer, long enough for a slow batch on a busy machine.
 */
export const DEFAULT_BUSY_TIMEOUT_MS = 10_000;

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

/**
 * Where a call runs: outside any transaction (the root), inside an open transaction, or inside a savepoint
 * of one. A call waits while its scope's lock is held by a child (a transaction or savepoint started from
 * that scope), so it never runs inside work that is not its own.
 */
interface Scope {
  readonly lock: Mutex;
  /** Null for the root. */
  readonly parent: Scope | null;
  /** False once the transaction or savepoint ended: a late call from its async context (a timer it set) belongs to the parent. */
  open: boolean;
}

/** SQLite's own busy-handler pauses (ms), then 100 ms each: retries of BEGIN IMMEDIATE wait on a timer instead. */
const BUSY_PAUSES_MS = [1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100];

export class SqliteStore implements ArticleStore {
  readonly kind = 'sqlite' as const;
  readonly path: string;
  private readonly readonly: boolean;
  private readonly busyTimeoutMs: number;
  private readonly db: Database.Database;
  private readonly statements: ReturnType<SqliteStore['prepare']>;
  /** Transactions this connection committed (PRAGMA data_version only counts other connections'). */
  private ownCommits = 0;
  /** Held for as long as a transaction or snapshot of this connection is open. */
  private readonly root: Scope = { lock: new Mutex(), parent: null, open: true };
  private readonly scopes = new AsyncLocalStorage<Scope>();
  /** Makes savepoint names unique within the connection. */
  private savepointSeq = 0;

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
      this.setUp(readonly);
      this.statements = this.prepare();
    } catch (error) {
      this.db.close();
      throw this.translate(error);
    }
  }

  /**
   * Journal mode, cache and schema, retried while another process opening the same new file holds it. SQLite
   * skips its busy handler where waiting could deadlock (the switch of a fresh file to WAL, a read lock being
   * upgraded), so two processes creating one store at once can see SQLITE_BUSY at once instead of after the
   * timeout; every step here is idempotent, so trying again until the busy timeout is safe.
   */
  private setUp(readonly: boolean): void {
    const deadline = Date.now() + this.busyTimeoutMs;
    for (let attempt = 0; ; attempt++) {
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
        return;
      } catch (error) {
        const busy = error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY');
        if (!busy || Date.now() >= deadline) throw error;
        // The constructor is synchronous, so the pause is too; it happens only while another process is
        // creating the same file, for a few milliseconds.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.min(200, 10 * 2 ** Math.min(attempt, 4)));
      }
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
    if (code.startsWith('SQLITE_BUSY')) return this.busyError();
    if (code.startsWith('SQLITE_CORRUPT')) return new StoreError('corrupt', `${file}: the store is damaged (${error.message}); restore a copy or start a new store`);
    if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') return new StoreError('read-only', `${file}: cannot write to the store (${error.message})`);
    if (code === 'SQLITE_FULL') return new StoreError('disk-full', `${file}: the disk is full`);
    if (code.startsWith('SQLITE_CANTOPEN')) return new StoreError('cannot-open', `cannot open store ${file}: ${error.message}`);
    return error;
  }

  private busyError(): StoreError {
    return new StoreError('busy', `${this.path}: the store is busy (another process kept it locked for more than ${formatSeconds(this.busyTimeoutMs)}); try again`);
  }

  /** Runs `fn`, translating SQLite errors (see `translate`). */
  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw this.translate(error);
    }
  }

  /** The scope of the calling async context (the root outside any transaction of this store). */
  private current(): Scope {
    let scope = this.scopes.getStore() ?? this.root;
    while (!scope.open) scope = scope.parent!;
    return scope;
  }

  /**
   * Runs the synchronous `fn` in the caller's scope: at once when nothing else holds that scope, else after
   * it is released (a transaction of another caller ended). SQLite errors are translated.
   */
  private async run<T>(fn: () => T): Promise<T> {
    const scope = this.current();
    if (!scope.lock.isLocked()) return this.guard(fn);
    return scope.lock.runExclusive(() => this.guard(fn));
  }

  /**
   * Runs `fn` as one write: all of it or none. Inside the caller's transaction it is a savepoint there (a
   * failed call that the caller catches leaves no half of itself behind); outside, its own IMMEDIATE transaction.
   */
  private async write<T>(fn: () => T): Promise<T> {
    const scope = this.current();
    if (scope.parent !== null) return this.run(() => this.db.transaction(fn)());
    return scope.lock.runExclusive(async () => {
      await this.begin();
      let result: T;
      try {
        result = fn();
      } catch (error) {
        this.rollback();
        throw this.translate(error);
      }
      this.commit();
      this.ownCommits++;
      return result;
    });
  }

  /**
   * Starts the connection's transaction: BEGIN IMMEDIATE (the write lock), or BEGIN DEFERRED for a
   * snapshot or a read-only store. While another process holds the write lock, BEGIN IMMEDIATE is retried
   * on a timer until the busy timeout: SQLite's own wait would block the thread, and with it the very
   * transaction of this process that holds the lock (another connection in the same process). Throws
   * StoreError 'busy' when the timeout passed.
   */
  private async begin(mode: 'IMMEDIATE' | 'DEFERRED' = this.readonly ? 'DEFERRED' : 'IMMEDIATE'): Promise<void> {
    if (mode === 'DEFERRED') {
      this.guard(() => this.db.exec('BEGIN DEFERRED'));
      return;
    }
    const deadline = Date.now() + this.busyTimeoutMs;
    for (let attempt = 0; ; attempt++) {
      if (this.tryBeginImmediate()) return;
      const left = deadline - Date.now();
      if (left <= 0) throw this.busyError();
      await sleep(Math.min(BUSY_PAUSES_MS[attempt] ?? 100, left));
    }
  }

  /** One BEGIN IMMEDIATE without SQLite's busy wait; false when another connection holds the write lock. */
  private tryBeginImmediate(): boolean {
    this.db.pragma('busy_timeout = 0');
    try {
      this.db.exec('BEGIN IMMEDIATE');
      return true;
    } catch (error) {
      if (error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY')) return false;
      throw this.translate(error);
    } finally {
      this.db.pragma(`busy_timeout = ${this.busyTimeoutMs}`);
    }
  }

  /** Commits the connection's transaction (rolled back, and the error translated, when the commit fails); callers count `ownCommits`. */
  private commit(): void {
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      this.rollback();
      throw this.translate(error);
    }
  }

  /** Rolls the connection's transaction back if SQLite has not already; the error that led here is what matters. */
  private rollback(): void {
    try {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
    } catch {
      // The original failure is rethrown by the caller.
    }
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
      latestDossier: db.prepare<[number], { story_id: number; version: number; body: string }>('SELECT story_id, version, body FROM dossiers WHERE story_id = ?'),
      // Two builders of one story may finish out of order: the one built from the older version must not
      // overwrite the newer dossier (a reader would be sent back to a stale one, or rebuild for nothing).
      putDossier: db.prepare(
        `INSERT INTO dossiers (story_id, version, body) VALUES (?, ?, ?)
         ON CONFLICT(story_id) DO UPDATE SET version = excluded.version, body = excluded.body
         WHERE excluded.version >= dossiers.version`,
      ),
      totalChanges: db.prepare<[], { n: number }>('SELECT total_changes() AS n'),
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

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    const scope = this.current();
    const release = await scope.lock.acquire();
    const inner: Scope = { lock: new Mutex(), parent: scope, open: true };
    try {
      if (scope.parent !== null) return await this.savepoint(inner, fn);
      // A read-only store cannot write, so it has no write lock to take: its transactions are read snapshots.
      await this.begin();
      let result: T;
      try {
        result = await this.scopes.run(inner, fn);
      } catch (error) {
        this.rollback();
        throw this.translate(error);
      }
      this.commit();
      this.ownCommits++;
      return result;
    } finally {
      inner.open = false;
      release();
    }
  }

  /**
   * A transaction nested in an open one, as a savepoint: when `fn` fails only its own writes are undone,
   * and the outer `fn` may catch the error and go on (as better-sqlite3's nested transactions did).
   */
  private async savepoint<T>(inner: Scope, fn: () => Promise<T>): Promise<T> {
    const name = `nested_${++this.savepointSeq}`;
    this.guard(() => this.db.exec(`SAVEPOINT ${name}`));
    let result: T;
    try {
      result = await this.scopes.run(inner, fn);
    } catch (error) {
      // Some SQLite errors (disk full) roll the whole transaction back: then there is no savepoint left.
      if (this.db.inTransaction) this.guard(() => this.db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`));
      throw this.translate(error);
    }
    this.guard(() => this.db.exec(`RELEASE ${name}`));
    return result;
  }

  async readSnapshot<T>(fn: () => Promise<T>): Promise<T> {
    const scope = this.current();
    // Inside a transaction the snapshot is already pinned.
    if (scope.parent !== null) return fn();
    const release = await scope.lock.acquire();
    const inner: Scope = { lock: new Mutex(), parent: scope, open: true };
    try {
      // A deferred transaction that only reads never takes the write lock: in WAL it pins one snapshot.
      const changesBefore = this.totalChanges();
      await this.begin('DEFERRED');
      let result: T;
      try {
        result = await this.scopes.run(inner, fn);
      } catch (error) {
        this.rollback();
        throw this.translate(error);
      }
      this.commit();
      // Only a snapshot that wrote after all (against its contract) counts as a change.
      if (this.totalChanges() !== changesBefore) this.ownCommits++;
      return result;
    } finally {
      inner.open = false;
      release();
    }
  }

  /** Rows changed by this connection since it opened. */
  private totalChanges(): number {
    return this.guard(() => this.statements.totalChanges.get()!.n);
  }

  changeCounter(): Promise<number> {
    // data_version moves when another connection commits; our own commits are counted by hand.
    return this.run(() => (this.db.pragma('data_version', { simple: true }) as number) + this.ownCommits);
  }

  /** Nothing to do: SQLite's lookups are function calls, not round trips. */
  async expectArticles(): Promise<void> {}

  putArticle(article: Article, options: PutArticleOptions = {}): Promise<PutArticleResult> {
    return this.write(() => {
      const result = this.placeArticle(article);
      if (result.status === 'stored' && options.place) {
        const { storyId, newStory } = options.place();
        this.placeInStory(result.id, storyId, newStory);
      }
      return result;
    });
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

  getArticle(id: number): Promise<StoredArticle | null> {
    return this.run(() => {
      const row = this.statements.getArticle.get(id);
      return row ? toStoredArticle(row) : null;
    });
  }

  articleHistory(id: number): Promise<ArticleVersion[]> {
    return this.run(() =>
      this.statements.history.all(id).map((row) => ({
        version: row.version,
        ingestedAt: row.ingested_at,
        supersededAt: row.superseded_at,
        article: JSON.parse(row.body) as Article,
      })),
    );
  }

  findArticleByUrl(url: string): Promise<number | null> {
    const normalised = normaliseUrl(url);
    return this.run(() => (normalised ? (this.statements.byUrl.get(normalised)?.id ?? null) : null));
  }

  articleCount(): Promise<number> {
    return this.run(() => this.statements.countArticles.get()!.n);
  }

  hiddenArticleCount(): Promise<number> {
    return this.run(() => this.statements.countHidden.get()!.n);
  }

  findArticleByText(text: string): Promise<number | null> {
    const hash = textHash(text);
    return this.run(() => (this.statements.byHash.get(hash) ?? this.statements.byOldHash.get(hash))?.id ?? null);
  }

  hideArticle(id: number): Promise<ArticleVisibility | null> {
    return this.setVisibility(id, true);
  }

  restoreArticle(id: number): Promise<ArticleVisibility | null> {
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
  private setVisibility(id: number, hide: boolean): Promise<ArticleVisibility | null> {
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

  duplicatesOf(id: number): Promise<{ origin: string; url: string | null; reason: DuplicateReason }[]> {
    return this.run(() => this.statements.duplicatesOf.all(id));
  }

  setArticleStory(articleId: number, storyId: number, options: { newStory?: boolean } = {}): Promise<void> {
    return this.write(() => this.placeInStory(articleId, storyId, options.newStory ?? false));
  }

  private placeInStory(articleId: number, storyId: number, newStory: boolean): void {
    if (newStory) this.statements.createStory.run({ id: storyId, now: now() });
    else this.statements.touchStory.run({ id: storyId, now: now() });
    this.statements.setStory.run(storyId, articleId);
  }

  maxStoryId(): Promise<number> {
    return this.run(() => this.statements.maxStoryId.get()!.id);
  }

  saveStoryStates(records: StoryRecord[]): Promise<void> {
    return this.write(() => {
      for (const record of records) this.statements.saveState.run(record.state, record.lastDay, record.id);
    });
  }

  mergeStory(from: number, into: number): Promise<void> {
    const s = this.statements;
    return this.write(() => {
      const stamp = now();
      s.moveArticles.run(into, from);
      s.markMerged.run(into, stamp, from);
      s.repointMerged.run(into, from);
      s.bumpStory.run(stamp, into);
    });
  }

  loadStoryStates(sinceDay: number | null): Promise<StoryRecord[]> {
    return this.run(() =>
      (sinceDay === null ? this.statements.allStates.all() : this.statements.statesSince.all(sinceDay)).map((r) => ({ id: r.id, lastDay: r.last_day, state: r.state })),
    );
  }

  listStories(options: { limit?: number; offset?: number; minArticles?: number } = {}): Promise<StorySummary[]> {
    return this.run(() => this.statements.listStories.all(options.minArticles ?? 1, options.limit ?? 50, options.offset ?? 0).map(toSummary));
  }

  getStory(id: number): Promise<StorySummary | null> {
    return this.run(() => {
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

  storyArticles(id: number): Promise<StoredArticle[]> {
    return this.run(() => {
      const resolved = this.resolveStory(id);
      return resolved === null ? [] : this.statements.storyArticles.all(resolved).map(toStoredArticle);
    });
  }

  getCachedDossier(storyId: number, version: number): Promise<string | null> {
    return this.run(() => this.statements.getDossier.get(storyId, version)?.body ?? null);
  }

  getLatestDossier(storyId: number): Promise<CachedDossier | null> {
    return this.run(() => {
      const row = this.statements.latestDossier.get(storyId);
      return row ? { storyId: row.story_id, version: row.version, body: row.body } : null;
    });
  }

  async putCachedDossier(storyId: number, version: number, body: string): Promise<void> {
    await this.write(() => this.statements.putDossier.run(storyId, version, body));
  }

  getMeta(key: string): Promise<string | null> {
    return this.run(() => this.statements.getMeta.get(key)?.value ?? null);
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.write(() => this.statements.setMeta.run(key, value));
  }

  loadCounters(namespace: string): Promise<[string, number][]> {
    return this.run(() => this.statements.loadCounters.all(namespace).map((r): [string, number] => [r.key, r.value]));
  }

  putCounters(namespace: string, entries: [string, number][]): Promise<void> {
    return this.write(() => {
      for (const [key, value] of entries) this.statements.putCounter.run(namespace, key, value);
    });
  }

  getFeedState(url: string): Promise<FeedState | null> {
    return this.run(() => {
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
    });
  }

  async putFeedState(state: FeedState): Promise<void> {
    await this.write(() => this.statements.putFeed.run(state));
  }

  integrityCheck(): Promise<string> {
    return this.run(() => (this.db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; '));
  }

  /** Waits for a running transaction of this object to end, then closes. Rejects when called from inside one (it would wait for itself). */
  async close(): Promise<void> {
    if (this.current().parent !== null) throw new Error('SqliteStore.close() called inside one of its own transactions');
    await this.root.lock.runExclusive(() => {
      if (this.db.open) this.db.close();
    });
  }
}
