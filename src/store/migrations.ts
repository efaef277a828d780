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
  // 2: an article whose text changed under the same URL (or a corrected copy of the same file) is a new
  // version of that article, not a duplicate: the article row holds the current text, older texts are kept
  // here (their hashes still count as "already seen", so an old copy read again does not flip it back).
  `
  ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
  CREATE INDEX articles_origin ON articles(origin);
  CREATE TABLE article_versions (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    version INTEGER NOT NULL,
    origin TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    superseded_at TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (article_id, version)
  );
  CREATE INDEX article_versions_hash ON article_versions(text_hash);
  `,
  // 3: an editor can hide an article added by mistake. Nothing stored may be lost, so hiding is a mark, not a
  // delete: the row, its text and its versions stay (duplicate detection still finds them), and the article
  // is left out of its story's article list, counts and dossier while `hidden_at` is set.
  // The partial index holds only hidden rows, so counting them (the health endpoint) reads a handful of
  // entries, not the whole table.
  `
  ALTER TABLE articles ADD COLUMN hidden_at TEXT;
  CREATE INDEX articles_hidden ON articles(hidden_at) WHERE hidden_at IS NOT NULL;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
