// PostgreSQL schema history, step for step the same as the SQLite one (src/store/migrations.ts): the same
// tables and column names, so a store can be copied table by table from one backend to the other, and the
// same version numbers (version N here holds what version N holds in SQLite). Each entry moves the database
// from version i to i + 1 and never changes once released; the version is kept in `triangulate_schema`.
//
// Types: ids and integers are BIGINT (SQLite's INTEGER is 64-bit); JSON bodies stay TEXT, exactly as
// stored by SQLite. Text that is compared or sorted (URLs, hashes, ISO dates) uses the "C" collation, so
// ordering and MIN/MAX are bytewise as in SQLite whatever the database's default locale is.
// Serial ids (articles.id, duplicates.id) come from sequences: a copy that inserts explicit ids must move
// them on afterwards, e.g. SELECT setval(pg_get_serial_sequence('articles', 'id'), MAX(id)) FROM articles.
export const PG_MIGRATIONS: string[] = [
  // 1: articles stored once, duplicates linked, stories with opaque clusterer state, feeds, caches; and the
  // PostgreSQL-only bookkeeping: the schema version and a clock bumped by every write transaction (what
  // changeCounter reads, since PostgreSQL has no equivalent of SQLite's data_version).
  `
  CREATE TABLE triangulate_schema (
    id INT PRIMARY KEY CHECK (id = 1),
    version INT NOT NULL
  );
  CREATE TABLE store_clock (
    id INT PRIMARY KEY CHECK (id = 1),
    n BIGINT NOT NULL
  );
  INSERT INTO store_clock (id, n) VALUES (1, 0);
  CREATE TABLE articles (
    id BIGSERIAL PRIMARY KEY,
    source_id TEXT NOT NULL,
    origin TEXT COLLATE "C" NOT NULL,
    url TEXT COLLATE "C" UNIQUE,
    text_hash TEXT COLLATE "C" NOT NULL UNIQUE,
    title TEXT,
    outlet TEXT COLLATE "C",
    published_at TEXT COLLATE "C",
    story_id BIGINT,
    ingested_at TEXT COLLATE "C" NOT NULL,
    body TEXT NOT NULL
  );
  CREATE INDEX articles_story ON articles(story_id);
  CREATE TABLE duplicates (
    id BIGSERIAL PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES articles(id),
    origin TEXT COLLATE "C" NOT NULL,
    url TEXT COLLATE "C",
    reason TEXT NOT NULL,
    seen_at TEXT COLLATE "C" NOT NULL,
    UNIQUE (article_id, origin)
  );
  CREATE TABLE stories (
    id BIGINT PRIMARY KEY,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TEXT COLLATE "C" NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL,
    merged_into BIGINT,
    last_day BIGINT,
    state TEXT
  );
  CREATE INDEX stories_last_day ON stories(last_day);
  CREATE TABLE dossiers (
    story_id BIGINT PRIMARY KEY,
    version BIGINT NOT NULL,
    body TEXT NOT NULL
  );
  CREATE TABLE meta (key TEXT COLLATE "C" PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE counters (
    namespace TEXT COLLATE "C" NOT NULL,
    key TEXT COLLATE "C" NOT NULL,
    value BIGINT NOT NULL,
    PRIMARY KEY (namespace, key)
  );
  CREATE TABLE feeds (
    url TEXT COLLATE "C" PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    failures BIGINT NOT NULL DEFAULT 0,
    next_attempt_at TEXT COLLATE "C",
    last_status TEXT,
    last_checked_at TEXT COLLATE "C"
  );
  `,
  // 2: article versions (see migrations.ts): the current text stays in `articles`, older texts here.
  `
  ALTER TABLE articles ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
  CREATE INDEX articles_origin ON articles(origin);
  CREATE TABLE article_versions (
    article_id BIGINT NOT NULL REFERENCES articles(id),
    version BIGINT NOT NULL,
    origin TEXT COLLATE "C" NOT NULL,
    text_hash TEXT COLLATE "C" NOT NULL,
    ingested_at TEXT COLLATE "C" NOT NULL,
    superseded_at TEXT COLLATE "C" NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (article_id, version)
  );
  CREATE INDEX article_versions_hash ON article_versions(text_hash);
  `,
  // 3: hidden articles (see migrations.ts); the partial index holds only hidden rows.
  `
  ALTER TABLE articles ADD COLUMN hidden_at TEXT COLLATE "C";
  CREATE INDEX articles_hidden ON articles(hidden_at) WHERE hidden_at IS NOT NULL;
  `,
];

/** The schema version a PostgreSQL store has after all migrations (equal to SQLite's SCHEMA_VERSION). */
export const PG_SCHEMA_VERSION = PG_MIGRATIONS.length;

/**
 * Tables the PostgreSQL backend adds for its own bookkeeping; a copy from SQLite leaves them alone (they
 * have no SQLite counterpart).
 */
export const PG_ONLY_TABLES = ['triangulate_schema', 'store_clock'] as const;
