// PostgreSQL backend: one database shared by any number of ingest workers and web servers, with the same
// contract as the SQLite file (src/store/contract.ts), schema upgraded by numbered migrations on open.
//
// Writers take turns as with SQLite's BEGIN IMMEDIATE: every write transaction first takes one
// transaction-scoped advisory lock (WRITE_LOCK_KEY), so what a writer reads inside its transaction is not
// changed by anyone else before it commits (the ingest clusterer relies on that); a second writer waits, up
// to the busy timeout (PostgreSQL's lock_timeout), instead of failing half-way. Readers never wait.
//
// A transaction holds one pooled connection; AsyncLocalStorage carries it across the callback's awaits, so
// calls made on this store inside the callback run on that connection (nested `transaction` calls become
// savepoints), while calls from elsewhere in the process use other pooled connections (PostgreSQL isolates
// them; their writes wait for the lock).
import { AsyncLocalStorage } from 'node:async_hooks';
import { Mutex, withTimeout, type MutexInterface } from 'async-mutex';
import pg from 'pg';
import type { Article } from '../clean/types.js';
import { StoreError } from './errors/store-error.js';
import { normaliseUrl, outletKey, textHash } from './identity.js';
import { PG_MIGRATIONS, PG_SCHEMA_VERSION } from './postgres-migrations.js';
import type {
  ArticleStore,
  ArticleVersion,
  ArticleVisibility,
  CachedDossier,
  DuplicateReason,
  FeedState,
  PutArticleResult,
  StoredArticle,
  StoryRecord,
  StorySummary,
  PutArticleOptions,
  StoryPlacement,
} from './types.js';
import { redactUrl } from './target.js';
import { ARTICLE_COLUMNS, formatSeconds, isFileOrigin, now, toStoredArticle, toSummary, type ArticleRow, type IdentityRow, type StoryRow } from './rows.js';

/**
 * Key of the advisory lock every write transaction takes (the bytes of "TRIANGUL"). Other modules sharing
 * the database (job queue, copy tool) take it too when they must not interleave with store writers.
 */
export const WRITE_LOCK_KEY = '6075999392111220044';

/** Default wait for another writer's lock, in milliseconds (as SqliteStore's DEFAULT_BUSY_TIMEOUT_MS). */
export const DEFAULT_PG_BUSY_TIMEOUT_MS = 10_000;

/** Default number of pooled connections per store object. */
export const DEFAULT_POOL_SIZE = 10;

export interface PostgresStoreOptions {
  /**
   * Milliseconds to wait for the write lock (another writer's transaction), for any other lock, and for a
   * free pooled connection; past it the call rejects with StoreError 'busy'. Default 10 s.
   */
  busyTimeoutMs?: number;
  /** Open without writing: no migrations, every transaction READ ONLY (writes reject with 'read-only'). */
  readonly?: boolean;
  /** Connections kept by this store object (default 10); a transaction holds one until it ends. */
  poolSize?: number;
}

/** The connection of a running transaction (or savepoint), as seen by calls inside its callback. */
/** Identities looked up by expectArticles for one transaction ("u:" url, "h:" text hash, "o:" file origin). */
interface Expected {
  urls: Set<string>;
  hashes: Set<string>;
  origins: Set<string>;
  /** Identities stored before the transaction, or written in it since: an article with one is not new for certain. */
  seen: Set<string>;
}

/**
 * Article inserts of a batch announced with expectArticles, held back and written in one statement just before
 * the transaction's next statement (or its end): a batch of new articles then costs one round trip, not one
 * per article. Ids are handed out ahead from the articles' sequence, which only writers holding the write
 * lock advance, so they are the ids row-by-row inserts would have got.
 */
interface PendingInserts {
  /** Id the next held-back article gets; null until one is drawn from the sequence (after each flush). */
  nextId: number | null;
  /** Column values in insert order: id, source_id, origin, url, text_hash, title, outlet, published_at, ingested_at, body, story_id. */
  rows: unknown[][];
  /**
   * What the held-back rows do to their stories, per story id in first-seen order: created by one of them
   * (else joined, i.e. created if missing or its version bumped), placements, first and last stamp.
   */
  stories: Map<number, { created: boolean; placed: number; first: string; last: string }>;
}

interface Scope {
  client: pg.PoolClient;
  /** Serialises savepoints opened directly inside this scope: two at once would unwind each other. */
  nested: Mutex;
  /** False once the scope ended: a promise the callback left running must not reuse a returned connection. */
  live: boolean;
}

// A merged-away story id resolves to the story it was merged into, following the chain of pointers (bounded:
// a cycle, which mergeStory never makes, must not loop forever). Parameter $1 is the id asked for.
const RESOLVE_STORY = `(
  WITH RECURSIVE chain(id, merged_into, hops) AS (
    SELECT id, merged_into, 0 FROM stories WHERE id = $1
    UNION ALL
    SELECT s.id, s.merged_into, c.hops + 1 FROM stories s JOIN chain c ON s.id = c.merged_into WHERE c.hops < 1000
  )
  SELECT id FROM chain WHERE merged_into IS NULL LIMIT 1
)`;

// Hidden articles are not part of a story's summary (see sqlite.ts): a story whose articles are all hidden
// has no row here. NULL publication dates sort as in SQLite (lowest), hence the NULLS clauses below.
const STORY_SUMMARY = `
  SELECT s.id, s.version, s.updated_at,
         COUNT(a.id) AS article_count, COUNT(DISTINCT a.outlet) AS outlet_count,
         MIN(a.published_at) AS first_published, MAX(a.published_at) AS last_published,
         (SELECT title FROM articles t WHERE t.story_id = s.id AND t.hidden_at IS NULL ORDER BY t.id LIMIT 1) AS title
  FROM stories s JOIN articles a ON a.story_id = s.id AND a.hidden_at IS NULL`;

// BIGINT (int8) arrives from pg as a string, since it may exceed 2^53; the store's ids and counts never do.
const INT8_OID = 20;
const typeParsers = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** SQLSTATE codes of connection problems the user can fix (wrong password, user or database name). */
const CANNOT_CONNECT = new Set(['28P01', '28000', '3D000', '57P03', '08001', '08004', '08006']);
/** Node socket errors: server down, wrong host or port, network trouble. */
const NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EPIPE', 'ENOENT']);

/**
 * The ArticleStore contract on a PostgreSQL database (see the file comment for locking). Open with
 * `PostgresStore.open(url, options)`; close with `close()` (ends the pool). Beyond the contract it offers
 * `query` and `pool` to modules of this project that keep their own tables in the same database.
 */
export class PostgresStore implements ArticleStore {
  readonly kind = 'postgres' as const;
  /** The URL with its password replaced by "***" (safe to print). */
  readonly path: string;
  private version = 0;
  private readonly connections: pg.Pool;
  private readonly readonly: boolean;
  private readonly busyTimeoutMs: number;
  /** The password as given, scrubbed from any error message that might echo it. */
  private readonly secret: string | null;
  private readonly scope = new AsyncLocalStorage<Scope>();
  // Writers of this process queue here before taking a connection: waiting for the advisory lock would
  // otherwise hold one pooled connection per waiting writer and starve the readers.
  private readonly writers: MutexInterface;
  private readonly running = new Set<Promise<unknown>>();
  /** expectArticles' findings, per connection of a running transaction; dropped when it ends. */
  private readonly expected = new Map<pg.PoolClient, Expected>();
  /** Held-back article inserts, per connection of a running transaction (see PendingInserts). */
  private readonly pending = new Map<pg.PoolClient, PendingInserts>();
  private closing: Promise<void> | null = null;

  private constructor(url: string, options: PostgresStoreOptions) {
    const { shown, secret } = passwordOf(url);
    this.path = shown;
    this.secret = secret;
    this.readonly = options.readonly ?? false;
    this.busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_PG_BUSY_TIMEOUT_MS;
    this.writers = withTimeout(new Mutex(), this.busyTimeoutMs, this.busyError());
    this.connections = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? DEFAULT_POOL_SIZE,
      connectionTimeoutMillis: this.busyTimeoutMs,
      // Applies to every lock wait, the advisory write lock included: a stuck writer elsewhere gives 'busy'.
      lock_timeout: this.busyTimeoutMs,
      application_name: 'triangulate',
      options: this.readonly ? '-c default_transaction_read_only=on' : undefined,
      types: typeParsers,
      // A program that forgets close() still exits once its connections are idle.
      allowExitOnIdle: true,
    });
    // An idle pooled connection that breaks (server restart) is dropped by the pool; without a listener the
    // 'error' event would end the process.
    this.connections.on('error', () => {});
  }

  /**
   * Connects to the database at `url` (postgres:// or postgresql://), creating or upgrading the schema when
   * needed (unless `readonly`). Throws StoreError: 'cannot-open' (bad URL, server unreachable, login
   * refused, database missing, schema missing or outdated in read-only mode), 'not-a-store' (a database
   * holding other tables), 'newer-schema', 'busy' (another process kept the write lock past the busy
   * timeout while the schema had to be created). Messages are one line and never show the password.
   */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const store = new PostgresStore(url, options);
    try {
      await store.migrate();
    } catch (error) {
      await store.connections.end().catch(() => {});
      throw store.translate(error);
    }
    return store;
  }

  get schemaVersion(): number {
    return this.version;
  }

  /**
   * The connection pool, for modules of this project that share the database (job queue, copy tool).
   * BIGINT columns come back as numbers on its connections. Closed by `close()`.
   */
  get pool(): pg.Pool {
    return this.connections;
  }

  /**
   * Runs one SQL statement (parameters $1, $2, ...) and resolves to its rows; BIGINT values arrive as
   * numbers. Inside `transaction` / `readSnapshot` (awaited within the callback) it runs on that
   * transaction's connection, so it sees and joins its writes; elsewhere on any pooled connection (a write
   * then commits on its own and does not take the store's write lock). Rejects with StoreError for the
   * conditions `translate` knows (busy, read-only, disk full, unreachable server), else with pg's error.
   */
  async query<R extends object = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]> {
    return (await this.run<R & pg.QueryResultRow>(sql, params)).rows;
  }

  private async migrate(): Promise<void> {
    let client: pg.PoolClient;
    try {
      client = await this.connections.connect();
    } catch (error) {
      throw new StoreError('cannot-open', `cannot open store ${this.path}: ${this.describe(error)}`);
    }
    try {
      // Without the lock a migration running elsewhere may commit between two catalog reads (tables seen, no
      // version row yet), so "not a store" is only decided here in read-only mode, else under the lock.
      let current = await this.checkedVersion(client, this.readonly);
      if (current === PG_SCHEMA_VERSION) {
        this.version = current;
        return;
      }
      if (this.readonly) {
        throw new StoreError('cannot-open', `store ${this.path} ${current === 0 ? 'has no schema yet' : 'needs an upgrade'}; open it once for writing`);
      }
      // All steps in one transaction under the write lock, version read again once it is held: when two
      // processes open a new (or old) database at once, the second waits, then finds the schema current.
      await client.query('BEGIN');
      try {
        await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK_KEY]);
        current = await this.checkedVersion(client, true);
        for (let step = current; step < PG_SCHEMA_VERSION; step++) await client.query(PG_MIGRATIONS[step]);
        if (current < PG_SCHEMA_VERSION) {
          await client.query(
            'INSERT INTO triangulate_schema (id, version) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET version = excluded.version',
            [PG_SCHEMA_VERSION],
          );
          await client.query('UPDATE store_clock SET n = n + 1 WHERE id = 1');
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
      this.version = PG_SCHEMA_VERSION;
    } finally {
      client.release();
    }
  }

  /**
   * The schema version (0 for an empty database); throws 'newer-schema', and with `decide` 'not-a-store'
   * for version 0 in a database holding other tables.
   */
  private async checkedVersion(client: pg.PoolClient, decide: boolean): Promise<number> {
    // A scan of pg_tables, not to_regclass: the latter answers from a cache that may still hold "no such
    // table" from before the lock was taken, while another process created it.
    const exists = await client.query<{ found: boolean }>(
      "SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'triangulate_schema') AS found",
    );
    let current = 0;
    if (exists.rows[0].found) {
      const row = await client.query<{ version: number }>('SELECT version FROM triangulate_schema WHERE id = 1');
      current = row.rows[0]?.version ?? 0;
    }
    if (current > PG_SCHEMA_VERSION) {
      throw new StoreError('newer-schema', `store ${this.path} has schema version ${current}, newer than this program's ${PG_SCHEMA_VERSION}; upgrade triangulate`);
    }
    if (current === 0 && decide) {
      // Version 0 with tables: some other program's database. Adding ours to it would mix two programs' data.
      const tables = await client.query<{ n: number }>(
        "SELECT COUNT(*) AS n FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'triangulate_schema'",
      );
      if (tables.rows[0].n > 0) throw new StoreError('not-a-store', `${this.path}: not a Triangulate store (a PostgreSQL database with other tables)`);
    }
    return current;
  }

  /** The scope of the transaction the caller runs in, if any (and still running). */
  /** What expectArticles found for the transaction running on the caller's connection, if it was called. */
  private expectedFor(): Expected | undefined {
    const scope = this.current();
    return scope ? this.expected.get(scope.client) : undefined;
  }

  private current(): Scope | undefined {
    const scope = this.scope.getStore();
    return scope?.live ? scope : undefined;
  }

  /** One statement on the caller's transaction connection, else on the pool; errors translated. */
  // Without parameters the text goes by the simple query protocol, which may hold several statements (the job
  // queue library sends its schema set-up that way).
  private async run<R extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>> {
    const scope = this.current();
    try {
      // Held-back inserts go first, so every statement sees all the writes made before it.
      if (scope) await this.flush(scope.client);
      return await (scope ? scope.client.query<R>(sql, params) : this.connections.query<R>(sql, params));
    } catch (error) {
      throw this.translate(error);
    }
  }

  private async rows<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    return (await this.run<R>(sql, params)).rows;
  }

  private async row<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R | undefined> {
    return (await this.run<R>(sql, params)).rows[0];
  }

  /** Runs `fn` as one write: inside the caller's transaction if there is one, else in its own. */
  private write<T>(fn: () => Promise<T>): Promise<T> {
    return this.current() ? fn() : this.transaction(fn);
  }

  /**
   * Runs `fn` in a plain transaction on one connection, WITHOUT the store's write lock and without moving the
   * change counter: for tables outside the store's contract (the job system's intake and queue tables),
   * whose writers must not wait behind story assignment. `query` inside `fn` runs on it. Store methods must
   * not be called inside (they would write without the lock); a nested `transaction` becomes a savepoint of it.
   */
  sideTransaction<T>(fn: () => Promise<T>): Promise<T> {
    const outer = this.current();
    if (outer) return this.savepoint(outer, fn);
    return this.track(this.begin('BEGIN', false, fn));
  }

  transaction<T>(fn: () => Promise<T>): Promise<T> {
    const outer = this.current();
    if (outer) return this.savepoint(outer, fn);
    // A read-only store has no write lock to take: its transactions are read snapshots.
    if (this.readonly) return this.track(this.begin('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', false, fn));
    return this.track(this.writers.runExclusive(() => this.begin('BEGIN', true, fn)));
  }

  readSnapshot<T>(fn: () => Promise<T>): Promise<T> {
    if (this.current()) return fn();
    return this.track(this.begin('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', false, fn));
  }

  /** Runs `fn` in a new transaction on its own connection; a writer takes the write lock first. */
  private async begin<T>(start: string, write: boolean, fn: () => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.connections.connect();
    } catch (error) {
      throw this.translate(error);
    }
    // A connection that breaks between two statements emits 'error' rather than rejecting a query: keep the
    // process alive and throw the connection away on release.
    let broken: Error | undefined;
    const onError = (error: Error) => (broken = error);
    client.on('error', onError);
    const scope: Scope = { client, nested: new Mutex(), live: true };
    try {
      // One round trip for a writer's start: the lock (waits up to lock_timeout), then the clock bump (rolled
      // back with the rest when the transaction fails, so the counter moves only on commits).
      await client.query(write ? `${start}; SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY}); UPDATE store_clock SET n = n + 1 WHERE id = 1` : start);
      const result = await this.scope.run(scope, fn);
      scope.live = false;
      await this.flush(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      scope.live = false;
      await client.query('ROLLBACK').catch((failure: Error) => (broken ??= failure));
      throw this.translate(error);
    } finally {
      scope.live = false;
      client.off('error', onError);
      this.expected.delete(client);
      this.pending.delete(client);
      client.release(broken);
    }
  }

  private savepoint<T>(outer: Scope, fn: () => Promise<T>): Promise<T> {
    return outer.nested.runExclusive(async () => {
      const client = outer.client;
      const name = 'triangulate_nested';
      // Savepoints stack: within this scope only one is open at a time, so one name suffices (an inner one of
      // the same name shadows it until released).
      // Inserts held back before the savepoint belong before it (a rollback to it must keep them).
      await this.flushTranslated(client);
      await this.runOn(client, `SAVEPOINT ${name}`);
      const inner: Scope = { client, nested: new Mutex(), live: true };
      try {
        const result = await this.scope.run(inner, fn);
        inner.live = false;
        await this.flushTranslated(client);
        await this.runOn(client, `RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        inner.live = false;
        // Held back inside the savepoint: undone with it. The next insert draws its id afresh.
        this.pending.delete(client);
        await client.query(`ROLLBACK TO SAVEPOINT ${name}`);
        await client.query(`RELEASE SAVEPOINT ${name}`);
        throw this.translate(error);
      } finally {
        inner.live = false;
      }
    });
  }

  /**
   * Writes the inserts held back on `client` (see PendingInserts): the articles' sequence moved past the ids
   * handed out, then stories and articles in one statement. Both are queued on the connection before the first
   * await, so a statement queued meanwhile runs after them. Errors are pg's (callers translate).
   */
  private async flush(client: pg.PoolClient): Promise<void> {
    const pending = this.pending.get(client);
    if (!pending || pending.rows.length === 0) return;
    const { rows, stories } = pending;
    // A row-by-row insert elsewhere may follow (it takes its id from the sequence): draw again after it.
    this.pending.set(client, { nextId: null, rows: [], stories: new Map() });
    const created = [...stories].filter(([, s]) => s.created);
    const joined = [...stories].filter(([, s]) => !s.created);
    const column = (i: number) => rows.map((r) => r[i]);
    const lastId = rows[rows.length - 1][0];
    const moved = client.query("SELECT setval(pg_get_serial_sequence('articles', 'id'), $1)", [lastId]);
    // A created story starts at version 1 and each later placement bumps it; a joined one is created if missing
    // (version 1) or bumped, then bumped again per later placement: the versions row-by-row statements give.
    // No ON CONFLICT for created stories: an id already in use must fail the batch, as storyUpsert does.
    const written = client.query(
      `WITH created AS (
         INSERT INTO stories (id, version, created_at, updated_at)
         SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[])
       ), joined AS (
         INSERT INTO stories (id, version, created_at, updated_at)
         SELECT * FROM unnest($5::bigint[], $6::bigint[], $7::text[], $8::text[])
         ON CONFLICT (id) DO UPDATE SET version = stories.version + excluded.version, updated_at = excluded.updated_at
       )
       INSERT INTO articles (id, source_id, origin, url, text_hash, title, outlet, published_at, ingested_at, body, story_id)
       SELECT * FROM unnest($9::bigint[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::bigint[])`,
      [
        created.map(([id]) => id),
        created.map(([, s]) => s.placed),
        created.map(([, s]) => s.first),
        created.map(([, s]) => s.last),
        joined.map(([id]) => id),
        joined.map(([, s]) => s.placed),
        joined.map(([, s]) => s.first),
        joined.map(([, s]) => s.last),
        ...Array.from({ length: 11 }, (_, i) => column(i)),
      ],
    );
    await Promise.all([moved, written]);
  }

  private async flushTranslated(client: pg.PoolClient): Promise<void> {
    try {
      await this.flush(client);
    } catch (error) {
      throw this.translate(error);
    }
  }

  private async runOn(client: pg.PoolClient, sql: string): Promise<void> {
    try {
      await client.query(sql);
    } catch (error) {
      throw this.translate(error);
    }
  }

  /** Remembers a running transaction until it settles, so that `close` can wait for it. */
  private track<T>(promise: Promise<T>): Promise<T> {
    this.running.add(promise);
    const forget = () => this.running.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  async changeCounter(): Promise<number> {
    return (await this.row<{ n: number }>('SELECT n FROM store_clock WHERE id = 1'))?.n ?? 0;
  }

  async expectArticles(articles: Article[]): Promise<void> {
    const scope = this.current();
    if (!scope || articles.length === 0) return;
    const urls = [...new Set(articles.map((a) => normaliseUrl(a.url)).filter((u): u is string => u !== null))];
    const hashes = [...new Set(articles.map((a) => textHash(a.text)))];
    const origins = [...new Set(articles.filter((a) => isFileOrigin(a.origin)).map((a) => a.origin))];
    const rows = await this.rows<{ url: string | null; text_hash: string | null; origin: string | null }>(
      `SELECT url, text_hash, CASE WHEN url IS NULL THEN origin END AS origin FROM articles
         WHERE url = ANY($1::text[]) OR text_hash = ANY($2::text[]) OR (url IS NULL AND origin = ANY($3::text[]))
       UNION ALL
       SELECT NULL, text_hash, NULL FROM article_versions WHERE text_hash = ANY($2::text[])`,
      [urls, hashes, origins],
    );
    const seen = new Set<string>();
    for (const row of rows) {
      if (row.url) seen.add(`u:${row.url}`);
      if (row.text_hash) seen.add(`h:${row.text_hash}`);
      if (row.origin) seen.add(`o:${row.origin}`);
    }
    this.expected.set(scope.client, { urls: new Set(urls), hashes: new Set(hashes), origins: new Set(origins), seen });
  }

  putArticle(article: Article, options: PutArticleOptions = {}): Promise<PutArticleResult> {
    return this.write(() => this.placeArticle(article, options.place));
  }

  private async placeArticle(article: Article, place?: () => StoryPlacement): Promise<PutArticleResult> {
    const url = normaliseUrl(article.url);
    const hash = textHash(article.text);
    const duplicate = async (row: IdentityRow, reason: DuplicateReason): Promise<PutArticleResult> => {
      // The same input read again is not news; another origin carrying the same article is recorded.
      let linked = false;
      if (row.origin !== article.origin) {
        const inserted = await this.run(
          'INSERT INTO duplicates (article_id, origin, url, reason, seen_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (article_id, origin) DO NOTHING',
          [row.id, article.origin, url, reason, now()],
        );
        linked = (inserted.rowCount ?? 0) > 0;
      }
      return { status: 'duplicate', id: row.id, reason, linked };
    };
    const expected = this.expectedFor();
    const keys = [`h:${hash}`, ...(url ? [`u:${url}`] : []), ...(isFileOrigin(article.origin) ? [`o:${article.origin}`] : [])];
    // Looked up with the batch (expectArticles) and matching nothing stored, nor anything written since in
    // this transaction: new for certain, so straight to the insert.
    const fresh =
      expected !== undefined &&
      expected.hashes.has(hash) &&
      (url === null || expected.urls.has(url)) &&
      (!isFileOrigin(article.origin) || expected.origins.has(article.origin)) &&
      keys.every((key) => !expected.seen.has(key));
    // Whatever happens next may write these identities: later articles of the batch take the full lookup.
    for (const key of keys) expected?.seen.add(key);
    if (!fresh) return this.decideArticle(article, url, hash, duplicate, place);
    return this.insertArticle(article, url, hash, place);
  }

  /** The full decision for one article (duplicate, revision or new), from one lookup of what is stored. */
  private async decideArticle(
    article: Article,
    url: string | null,
    hash: string,
    duplicate: (row: IdentityRow, reason: DuplicateReason) => Promise<PutArticleResult>,
    place?: () => StoryPlacement,
  ): Promise<PutArticleResult> {
    // Everything the decision below may need, in one round trip: on a stream this runs once per article
    // under the write lock, and each extra round trip there is time no other writer can use.
    const found = await this.rows<IdentityRow & { k: 'url' | 'had' | 'hash' | 'old' | 'origin' }>(
      `SELECT 'url' AS k, id, origin, url, text_hash FROM articles WHERE url = $1
       UNION ALL
       SELECT 'had', v.article_id, '', NULL, v.text_hash FROM articles a JOIN article_versions v ON v.article_id = a.id
         WHERE a.url = $1 AND v.text_hash = $2
       UNION ALL
       SELECT 'hash', id, origin, url, text_hash FROM articles WHERE text_hash = $2
       UNION ALL
       (SELECT 'old', a.id, a.origin, a.url, a.text_hash FROM article_versions v JOIN articles a ON a.id = v.article_id
         WHERE v.text_hash = $2 ORDER BY v.article_id LIMIT 1)
       UNION ALL
       (SELECT 'origin', id, origin, url, text_hash FROM articles WHERE $3 AND origin = $4 AND url IS NULL ORDER BY id LIMIT 1)`,
      [url, hash, isFileOrigin(article.origin), article.origin],
    );
    const pick = (k: string): IdentityRow | undefined => found.find((r) => r.k === k);
    const sameText = pick('hash') ?? pick('old');
    const byUrl = url ? pick('url') : undefined;
    if (byUrl) {
      // Same page, a text it already had (now or before): nothing new, and an old copy must not flip it back.
      if (byUrl.text_hash === hash || pick('had')) return duplicate(byUrl, 'url');
      // The page now carries exactly another stored article's text: that text is already stored once.
      if (sameText) return duplicate(sameText, 'text');
      return this.revise(byUrl.id, article, url, hash);
    }
    if (sameText) return duplicate(sameText, 'text');
    // No URL to go by: a whole file read again from the same path with a changed text is a corrected copy.
    const byOrigin = pick('origin');
    if (byOrigin) return this.revise(byOrigin.id, article, url, hash);
    return this.insertArticle(article, url, hash, place);
  }

  private async insertArticle(article: Article, url: string | null, hash: string, place?: () => StoryPlacement): Promise<PutArticleResult> {
    const values = [article.id, article.origin, url, hash, article.title, outletKey(article.outlet, article.url), article.publishedAt, now(), JSON.stringify(article)];
    const placement = place?.();
    // In a batch announced with expectArticles, held back and written with the others (see PendingInserts).
    const scope = this.current();
    if (scope && this.expected.has(scope.client)) return { status: 'stored', id: await this.holdInsert(scope.client, values, placement) };
    // Placed at once: the row is written with its story (and the story row with it) in one statement, instead
    // of an insert and then an update that rewrites the whole row and its indexes.
    const inserted = placement
      ? await this.row<{ id: number }>(
          `WITH story AS (${storyUpsert(placement.newStory, '$10', '$8')} RETURNING id)
           INSERT INTO articles (source_id, origin, url, text_hash, title, outlet, published_at, ingested_at, body, story_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, (SELECT id FROM story)) RETURNING id`,
          [...values, placement.storyId],
        )
      : await this.row<{ id: number }>(
          `INSERT INTO articles (source_id, origin, url, text_hash, title, outlet, published_at, ingested_at, body)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
          values,
        );
    return { status: 'stored', id: inserted!.id };
  }

  /**
   * Holds back the insert of one article row (`values` as insertArticle builds them) placed in `placement`'s
   * story, and resolves with the id it will have. A story created twice must fail as row-by-row inserts do:
   * the rows held so far are written first, so the second creation fails when the next ones are.
   */
  private async holdInsert(client: pg.PoolClient, values: unknown[], placement: StoryPlacement | undefined): Promise<number> {
    if (placement?.newStory && this.pending.get(client)?.stories.has(placement.storyId)) await this.flushTranslated(client);
    if ((this.pending.get(client)?.nextId ?? null) === null) {
      // The first id after a flush (or of the transaction) comes from the sequence; the next ones follow it.
      let drawn: number;
      try {
        drawn = (await client.query<{ id: number }>("SELECT nextval(pg_get_serial_sequence('articles', 'id')) AS id")).rows[0].id;
      } catch (error) {
        throw this.translate(error);
      }
      const pending = this.pending.get(client);
      if (!pending) this.pending.set(client, { nextId: drawn, rows: [], stories: new Map() });
      else pending.nextId ??= drawn;
    }
    const pending = this.pending.get(client)!;
    const id = pending.nextId!;
    pending.nextId = id + 1;
    const stamp = values[7] as string;
    pending.rows.push([id, ...values, placement?.storyId ?? null]);
    if (placement) {
      const story = pending.stories.get(placement.storyId);
      if (story) {
        story.placed++;
        story.last = stamp;
      } else pending.stories.set(placement.storyId, { created: placement.newStory, placed: 1, first: stamp, last: stamp });
    }
    return id;
  }

  /** The article whose current or an older text has this hash. */
  private async sameText(hash: string): Promise<IdentityRow | undefined> {
    return (
      (await this.row<IdentityRow>('SELECT id, origin, url, text_hash FROM articles WHERE text_hash = $1', [hash])) ??
      (await this.row<IdentityRow>(
        `SELECT a.id, a.origin, a.url, a.text_hash FROM article_versions v JOIN articles a ON a.id = v.article_id
         WHERE v.text_hash = $1 ORDER BY v.article_id LIMIT 1`,
        [hash],
      ))
    );
  }

  /** Keeps the current text of article `id` as an old version and stores `article` as the new current one. */
  private async revise(id: number, article: Article, url: string | null, hash: string): Promise<PutArticleResult> {
    const current = (await this.row<{ version: number; origin: string; text_hash: string; ingested_at: string; body: string; story_id: number | null }>(
      'SELECT version, origin, text_hash, ingested_at, body, story_id FROM articles WHERE id = $1',
      [id],
    ))!;
    const stamp = now();
    await this.run(
      `INSERT INTO article_versions (article_id, version, origin, text_hash, ingested_at, superseded_at, body)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, current.version, current.origin, current.text_hash, current.ingested_at, stamp, current.body],
    );
    await this.run(
      `UPDATE articles SET version = version + 1, source_id = $2, origin = $3, url = COALESCE($4, url), text_hash = $5,
         title = $6, outlet = $7, published_at = $8, ingested_at = $9, body = $10
       WHERE id = $1`,
      [id, article.id, article.origin, url, hash, article.title, outletKey(article.outlet, article.url), article.publishedAt, stamp, JSON.stringify(article)],
    );
    // The story's text changed: a new story version, so dossiers cached for the old text are not served.
    if (current.story_id !== null) await this.bumpStory(current.story_id, stamp);
    return { status: 'revised', id, version: current.version + 1, storyId: current.story_id };
  }

  private async bumpStory(storyId: number, stamp: string): Promise<void> {
    await this.run('UPDATE stories SET version = version + 1, updated_at = $1 WHERE id = $2', [stamp, storyId]);
  }

  async getArticle(id: number): Promise<StoredArticle | null> {
    const row = await this.row<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = $1`, [id]);
    return row ? toStoredArticle(row) : null;
  }

  async articleHistory(id: number): Promise<ArticleVersion[]> {
    const rows = await this.rows<{ version: number; ingested_at: string; superseded_at: string; body: string }>(
      'SELECT version, ingested_at, superseded_at, body FROM article_versions WHERE article_id = $1 ORDER BY version',
      [id],
    );
    return rows.map((row) => ({ version: row.version, ingestedAt: row.ingested_at, supersededAt: row.superseded_at, article: JSON.parse(row.body) as Article }));
  }

  async findArticleByUrl(url: string): Promise<number | null> {
    const normalised = normaliseUrl(url);
    if (!normalised) return null;
    return (await this.row<{ id: number }>('SELECT id FROM articles WHERE url = $1', [normalised]))?.id ?? null;
  }

  async findArticleByText(text: string): Promise<number | null> {
    return (await this.sameText(textHash(text)))?.id ?? null;
  }

  async articleCount(): Promise<number> {
    return (await this.row<{ n: number }>('SELECT COUNT(*) AS n FROM articles'))!.n;
  }

  async hiddenArticleCount(): Promise<number> {
    return (await this.row<{ n: number }>('SELECT COUNT(*) AS n FROM articles WHERE hidden_at IS NOT NULL'))!.n;
  }

  hideArticle(id: number): Promise<ArticleVisibility | null> {
    return this.setVisibility(id, true);
  }

  restoreArticle(id: number): Promise<ArticleVisibility | null> {
    return this.setVisibility(id, false);
  }

  // One write: the mark and the story's version move together (see SqliteStore.setVisibility, which also
  // explains why the clusterer's saved state is left alone).
  private setVisibility(id: number, hide: boolean): Promise<ArticleVisibility | null> {
    return this.write(async () => {
      const row = await this.row<{ story_id: number | null; hidden_at: string | null }>('SELECT story_id, hidden_at FROM articles WHERE id = $1', [id]);
      if (!row) return null;
      if ((row.hidden_at !== null) === hide) return { articleId: id, storyId: row.story_id, hiddenAt: row.hidden_at, changed: false };
      const stamp = now();
      await this.run('UPDATE articles SET hidden_at = $1 WHERE id = $2', [hide ? stamp : null, id]);
      if (row.story_id !== null) await this.bumpStory(row.story_id, stamp);
      return { articleId: id, storyId: row.story_id, hiddenAt: hide ? stamp : null, changed: true };
    });
  }

  duplicatesOf(id: number): Promise<{ origin: string; url: string | null; reason: DuplicateReason }[]> {
    return this.rows('SELECT origin, url, reason FROM duplicates WHERE article_id = $1 ORDER BY id', [id]);
  }

  setArticleStory(articleId: number, storyId: number, options: { newStory?: boolean } = {}): Promise<void> {
    return this.write(async () => {
      // The story row and the article's link in one statement (one round trip per placed article).
      const story = storyUpsert(options.newStory ?? false, '$1', '$2');
      await this.run(`WITH story AS (${story} RETURNING id) UPDATE articles SET story_id = (SELECT id FROM story) WHERE id = $3`, [storyId, now(), articleId]);
    });
  }

  async maxStoryId(): Promise<number> {
    return (await this.row<{ id: number }>('SELECT COALESCE(MAX(id), 0) AS id FROM stories'))!.id;
  }

  saveStoryStates(records: StoryRecord[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    // A story given twice keeps its last state, as with one UPDATE per record.
    const last = [...new Map(records.map((r) => [r.id, r])).values()];
    return this.write(async () => {
      // One statement for the whole batch: an ingest saves hundreds of states per transaction.
      await this.run(
        `UPDATE stories SET state = r.state, last_day = r.last_day
         FROM unnest($1::bigint[], $2::bigint[], $3::text[]) AS r(id, last_day, state) WHERE stories.id = r.id`,
        [last.map((r) => r.id), last.map((r) => r.lastDay), last.map((r) => r.state)],
      );
    });
  }

  mergeStory(from: number, into: number): Promise<void> {
    return this.write(async () => {
      const stamp = now();
      await this.run('UPDATE articles SET story_id = $1 WHERE story_id = $2', [into, from]);
      await this.run('UPDATE stories SET merged_into = $1, state = NULL, updated_at = $2 WHERE id = $3', [into, stamp, from]);
      await this.run('UPDATE stories SET merged_into = $1 WHERE merged_into = $2', [into, from]);
      await this.bumpStory(into, stamp);
    });
  }

  async loadStoryStates(sinceDay: number | null): Promise<StoryRecord[]> {
    const rows =
      sinceDay === null
        ? await this.rows<{ id: number; last_day: number; state: string }>(
            'SELECT id, last_day, state FROM stories WHERE merged_into IS NULL AND state IS NOT NULL ORDER BY id',
          )
        : await this.rows<{ id: number; last_day: number; state: string }>(
            'SELECT id, last_day, state FROM stories WHERE merged_into IS NULL AND state IS NOT NULL AND last_day >= $1 ORDER BY id',
            [sinceDay],
          );
    return rows.map((r) => ({ id: r.id, lastDay: r.last_day, state: r.state }));
  }

  async listStories(options: { limit?: number; offset?: number; minArticles?: number } = {}): Promise<StorySummary[]> {
    const limit = options.limit ?? 50;
    // SQLite reads a negative LIMIT as "no limit"; PostgreSQL's is LIMIT NULL.
    const rows = await this.rows<StoryRow>(
      `${STORY_SUMMARY} WHERE s.merged_into IS NULL GROUP BY s.id HAVING COUNT(a.id) >= $1
       ORDER BY MAX(a.published_at) DESC NULLS LAST, s.id DESC LIMIT $2 OFFSET $3`,
      [options.minArticles ?? 1, limit < 0 ? null : limit, Math.max(0, options.offset ?? 0)],
    );
    return rows.map(toSummary);
  }

  async getStory(id: number): Promise<StorySummary | null> {
    const row = await this.row<StoryRow>(`${STORY_SUMMARY} WHERE s.id = ${RESOLVE_STORY} GROUP BY s.id`, [id]);
    return row ? toSummary(row) : null;
  }

  async storyArticles(id: number): Promise<StoredArticle[]> {
    const rows = await this.rows<ArticleRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE story_id = ${RESOLVE_STORY} AND hidden_at IS NULL ORDER BY published_at NULLS FIRST, id`,
      [id],
    );
    return rows.map(toStoredArticle);
  }

  async getCachedDossier(storyId: number, version: number): Promise<string | null> {
    return (await this.row<{ body: string }>('SELECT body FROM dossiers WHERE story_id = $1 AND version = $2', [storyId, version]))?.body ?? null;
  }

  async getLatestDossier(storyId: number): Promise<CachedDossier | null> {
    const row = await this.row<{ story_id: number; version: number; body: string }>('SELECT story_id, version, body FROM dossiers WHERE story_id = $1', [
      storyId,
    ]);
    return row ? { storyId: row.story_id, version: row.version, body: row.body } : null;
  }

  putCachedDossier(storyId: number, version: number, body: string): Promise<void> {
    return this.write(async () => {
      // Two builders may finish out of order (a slow build of version 3 after a quick one of 4): keep the newer.
      await this.run(
        `INSERT INTO dossiers (story_id, version, body) VALUES ($1, $2, $3)
         ON CONFLICT (story_id) DO UPDATE SET version = excluded.version, body = excluded.body WHERE dossiers.version <= excluded.version`,
        [storyId, version, body],
      );
    });
  }

  async getMeta(key: string): Promise<string | null> {
    return (await this.row<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key]))?.value ?? null;
  }

  setMeta(key: string, value: string): Promise<void> {
    return this.write(async () => {
      await this.run('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
    });
  }

  async loadCounters(namespace: string): Promise<[string, number][]> {
    const rows = await this.rows<{ key: string; value: number }>('SELECT key, value FROM counters WHERE namespace = $1', [namespace]);
    return rows.map((r) => [r.key, r.value]);
  }

  putCounters(namespace: string, entries: [string, number][]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return this.write(async () => {
      // One statement per batch; a key given twice keeps its last value, as with one upsert per entry.
      const last = new Map(entries);
      await this.run(
        `INSERT INTO counters (namespace, key, value) SELECT $1, e.key, e.value FROM unnest($2::text[], $3::bigint[]) AS e(key, value)
         ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value`,
        [namespace, [...last.keys()], [...last.values()]],
      );
    });
  }

  async getFeedState(url: string): Promise<FeedState | null> {
    const row = await this.row<{
      url: string;
      etag: string | null;
      last_modified: string | null;
      failures: number | null;
      next_attempt_at: string | null;
      last_status: string | null;
      last_checked_at: string | null;
    }>('SELECT url, etag, last_modified, failures, next_attempt_at, last_status, last_checked_at FROM feeds WHERE url = $1', [url]);
    if (!row) return null;
    return {
      url: row.url,
      etag: row.etag,
      lastModified: row.last_modified,
      failures: Number(row.failures ?? 0),
      nextAttemptAt: row.next_attempt_at,
      lastStatus: row.last_status,
      lastCheckedAt: row.last_checked_at,
    };
  }

  putFeedState(state: FeedState): Promise<void> {
    return this.write(async () => {
      await this.run(
        `INSERT INTO feeds (url, etag, last_modified, failures, next_attempt_at, last_status, last_checked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
           failures = excluded.failures, next_attempt_at = excluded.next_attempt_at,
           last_status = excluded.last_status, last_checked_at = excluded.last_checked_at`,
        [state.url, state.etag, state.lastModified, state.failures, state.nextAttemptAt, state.lastStatus, state.lastCheckedAt],
      );
    });
  }

  /**
   * "ok", or the problems found, joined by "; ". PostgreSQL checks its own pages; this looks for links the
   * schema does not enforce: articles filed under a missing story, merge pointers to a missing story,
   * version rows not older than their article, and the bookkeeping rows.
   */
  integrityCheck(): Promise<string> {
    const checks: [string, string][] = [
      ['articles filed under a missing story', 'SELECT COUNT(*) AS n FROM articles a WHERE a.story_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = a.story_id)'],
      ['stories merged into a missing story', 'SELECT COUNT(*) AS n FROM stories s WHERE s.merged_into IS NOT NULL AND NOT EXISTS (SELECT 1 FROM stories t WHERE t.id = s.merged_into)'],
      ['article versions not older than their article', 'SELECT COUNT(*) AS n FROM article_versions v JOIN articles a ON a.id = v.article_id WHERE v.version >= a.version'],
      ['missing store_clock row', 'SELECT 1 - COUNT(*) AS n FROM store_clock WHERE id = 1'],
      ['missing schema version row', 'SELECT 1 - COUNT(*) AS n FROM triangulate_schema WHERE id = 1'],
    ];
    return this.readSnapshot(async () => {
      const problems: string[] = [];
      for (const [problem, sql] of checks) {
        const n = (await this.row<{ n: number }>(sql))!.n;
        if (n > 0) problems.push(`${n} ${problem}`);
      }
      return problems.length === 0 ? 'ok' : problems.join('; ');
    });
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.allSettled([...this.running]);
      await this.connections.end();
    })();
    return this.closing;
  }

  private busyError(): StoreError {
    return new StoreError('busy', `${this.path}: the store is busy (another writer kept it locked for more than ${formatSeconds(this.busyTimeoutMs)}); try again`);
  }

  /**
   * PostgreSQL and network failures a user can act on become one-line StoreErrors; anything else (SQL
   * mistakes, constraint violations) keeps its stack.
   */
  private translate(error: unknown): unknown {
    if (error instanceof StoreError || !(error instanceof Error)) return error;
    const code = (error as { code?: unknown }).code;
    if (code === '55P03') return this.busyError();
    if (code === '25006') return new StoreError('read-only', `${this.path}: cannot write to the store (${this.describe(error)})`);
    if (code === '53100') return new StoreError('disk-full', `${this.path}: the database server's disk is full`);
    if (code === '53300') return new StoreError('busy', `${this.path}: the database server has no free connection (${this.describe(error)}); try again`);
    if ((typeof code === 'string' && (CANNOT_CONNECT.has(code) || NETWORK.has(code))) || /connection terminated|connection timeout/i.test(error.message)) {
      return new StoreError('cannot-open', `cannot reach store ${this.path}: ${this.describe(error)}`);
    }
    if (/timeout exceeded when trying to connect/i.test(error.message)) {
      return new StoreError('busy', `${this.path}: no free database connection within ${formatSeconds(this.busyTimeoutMs)} (pool of this process full); try again`);
    }
    return error;
  }

  /** First line of an error's message, with the password scrubbed in case a driver echoed it. */
  private describe(error: unknown): string {
    const errors = error instanceof AggregateError && error.errors.length > 0 ? error.errors : [error];
    let message = errors.map((e) => (e instanceof Error ? e.message || (e as { code?: string }).code || e.name : String(e))).join(', ');
    message = message.split('\n')[0].trim() || 'unknown error';
    if (this.secret && this.secret.length >= 3) message = message.split(this.secret).join('***');
    return message;
  }
}

/**
 * The URL as safe to print (see target.ts's redactUrl) and its password, which error messages from the server
 * or the driver are scrubbed of. Throws StoreError 'cannot-open' for a string that is not a URL, without
 * echoing it.
 */
function passwordOf(url: string): { shown: string; secret: string | null } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StoreError('cannot-open', 'cannot open store: not a valid PostgreSQL URL (use postgres://user:password@host:5432/database)');
  }
  let secret: string | null = parsed.searchParams.get('password');
  if (parsed.password) {
    try {
      secret = decodeURIComponent(parsed.password);
    } catch {
      secret = parsed.password;
    }
  }
  return { shown: redactUrl(url), secret };
}

/**
 * The statement that creates the story whose id is parameter `id` (stamped with parameter `stamp`) or, unless
 * `newStory`, bumps its version. No ON CONFLICT for a new story: a second writer handing out an id already in
 * use must fail loudly, not merge stories.
 */
function storyUpsert(newStory: boolean, id: string, stamp: string): string {
  const insert = `INSERT INTO stories (id, version, created_at, updated_at) VALUES (${id}::bigint, 1, ${stamp}, ${stamp})`;
  return newStory ? insert : `${insert} ON CONFLICT (id) DO UPDATE SET version = stories.version + 1, updated_at = excluded.updated_at`;
}
