// Schema history. Each entry moves the database from version i to i + 1 and never changes once
// released; the current version is kept in SQLite's `PRAGMA user_version`.
export const MIGRATIONS: string[] = [
  // 1: articles stored once, duplicates linked, stories with opaque clusterer state, feeds, caches.
  `
  CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    source_id TEXT NOT NULL,
    origin TEXT NOT NULL,
    url TEXT UNIQUE,
    text_hash TEXT NOT NULL UNIQUE,
    title TEXT,
    outlet TEXT,
    published_at TEXT,
    story_id INTEGER,
    ingested_at TEXT NOT NULL,
    body TEXT NOT NULL
  );
  CREATE INDEX articles_story ON articles(story_id);
  CREATE TABLE duplicates (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    origin TEXT NOT NULL,
    url TEXT,
    reason TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    UNIQUE (article_id, origin)
  );
  CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    merged_into INTEGER,
    last_day INTEGER,
    state TEXT
  );
  CREATE INDEX stories_last_day ON stories(last_day);
  CREATE TABLE dossiers (
    story_id INTEGER PRIMARY KEY,
    version INTEGER NOT NULL,
    body TEXT NOT NULL
  );
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE counters (
    namespace TEXT NOT NULL,
    key TEXT NOT NULL,
    value INTEGER NOT NULL,
    PRIMARY KEY (namespace, key)
  ) WITHOUT ROWID;
  CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_status TEXT,
    last_checked_at TEXT
  );
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
