import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStore, MIGRATIONS, SCHEMA_VERSION, SqliteStore, isStoreError, normaliseUrl } from './index.js';
import type { Article } from '../clean/types.js';

function article(over: Partial<Article> = {}): Article {
  return {
    id: 'a',
    origin: 'a.txt',
    url: null,
    outlet: null,
    title: 'Bridge closed after ship strikes pillar',
    publishedAt: '2017-12-27',
    byline: null,
    credits: [],
    text: 'A cruise ship struck a bridge pillar on the Rhine near Duisburg.\n\nTwenty-five people were hurt.',
    removed: [],
    diagnostics: [],
    ...over,
  };
}

function tempFile(): { file: string; done: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'store-test-'));
  return { file: path.join(dir, 'store.db'), done: () => rmSync(dir, { recursive: true, force: true }) };
}

test('a new store is created at the current schema version in WAL mode', () => {
  const { file, done } = tempFile();
  const store = openStore(file);
  assert.equal(store.schemaVersion, SCHEMA_VERSION);
  store.close();
  const db = new Database(file, { readonly: true });
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  db.close();
  done();
});

test('a store of schema version 1 is upgraded in place, its articles at version 1', () => {
  const { file, done } = tempFile();
  const db = new Database(file);
  db.exec(MIGRATIONS[0]);
  db.pragma('user_version = 1');
  db.prepare(
    `INSERT INTO articles (source_id, origin, url, text_hash, title, outlet, published_at, ingested_at, body)
     VALUES ('a', 'a.txt', NULL, 'h', 't', NULL, NULL, '2024-01-01T00:00:00Z', ?)`,
  ).run(JSON.stringify(article()));
  db.close();
  const store = openStore(file);
  assert.equal(store.schemaVersion, SCHEMA_VERSION);
  assert.equal(store.getArticle(1)!.version, 1);
  assert.deepEqual(store.articleHistory(1), []);
  store.close();
  done();
});

test('a store written by a newer version is refused with a one-line error', () => {
  const { file, done } = tempFile();
  const db = new Database(file);
  db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  db.close();
  assert.throws(() => openStore(file), (error: unknown) => isStoreError(error) && error.code === 'newer-schema' && !error.message.includes('\n'));
  done();
});

test('the same text from another origin is linked to the first copy, not stored twice', () => {
  const store = openStore(':memory:');
  const first = store.putArticle(article());
  assert.equal(first.status, 'stored');
  const copy = store.putArticle(article({ id: 'b', origin: 'b.txt', text: `  ${article().text.replace('\n\n', '\n\n\n')} ` }));
  assert.deepEqual(copy, { status: 'duplicate', id: first.id, reason: 'text', linked: true });
  assert.equal(store.articleCount(), 1);
  assert.deepEqual(store.duplicatesOf(first.id), [{ origin: 'b.txt', url: null, reason: 'text' }]);
  // Reading the same origin again is not a new duplicate.
  assert.equal((store.putArticle(article()) as { linked: boolean }).linked, false);
  store.close();
});

test('the same URL (tracking parameters and fragment aside) with the same text is a duplicate', () => {
  const store = openStore(':memory:');
  store.putArticle(article({ url: 'http://news.example/story/1?utm_source=x#top' }));
  const again = store.putArticle(article({ origin: 'feed', url: 'https://news.example/story/1' }));
  assert.equal(again.status, 'duplicate');
  assert.equal(again.status === 'duplicate' && again.reason, 'url');
  assert.equal(normaliseUrl('https://News.example/a/?b=2&a=1&fbclid=z'), 'https://news.example/a/?a=1&b=2');
  store.close();
});

test('a changed text under the same URL is a new version: old text kept, the story sees the new one', () => {
  const store = openStore(':memory:');
  const first = store.putArticle(article({ url: 'https://news.example/story/1' }));
  store.setArticleStory(first.id, 1, { newStory: true });
  const storyVersion = store.getStory(1)!.version;
  const corrected = 'A cruise ship struck a bridge pillar on the Rhine near Duisburg.\n\nTwenty-seven people were hurt, police said.';
  const revised = store.putArticle(article({ origin: 'feed', url: 'https://news.example/story/1?utm_source=rss', text: corrected }));
  assert.deepEqual(revised, { status: 'revised', id: first.id, version: 2, storyId: 1 });
  assert.equal(store.articleCount(), 1);
  const current = store.getArticle(first.id)!;
  assert.equal(current.version, 2);
  assert.equal(current.article.text, corrected);
  assert.deepEqual(store.articleHistory(first.id).map((v) => [v.version, v.article.text]), [[1, article().text]]);
  assert.deepEqual(store.storyArticles(1).map((a) => a.article.text), [corrected]);
  assert.ok(store.getStory(1)!.version > storyVersion, 'cached dossiers of the old text are not served');
  // The old text seen again (a stale copy of the page) does not flip the article back, from any origin.
  const stale = store.putArticle(article({ origin: 'mirror', url: 'https://news.example/story/1' }));
  assert.equal(stale.status, 'duplicate');
  const staleCopy = store.putArticle(article({ origin: 'copy.txt' }));
  assert.deepEqual(staleCopy, { status: 'duplicate', id: first.id, reason: 'text', linked: true });
  assert.equal(store.getArticle(first.id)!.article.text, corrected);
  store.close();
});

test('a corrected copy of a file (same path, changed text) is a new version, not a second article', () => {
  const store = openStore(':memory:');
  const first = store.putArticle(article({ origin: 'in/bridge.txt' }));
  const corrected = store.putArticle(article({ origin: 'in/bridge.txt', text: 'A cruise ship hit a bridge pillar near Duisburg. Twenty-five were hurt.' }));
  assert.equal(corrected.status, 'revised');
  assert.equal(corrected.id, first.id);
  assert.equal(store.articleCount(), 1);
  // Records inside a JSONL file are numbered, and numbers shift when lines are added: no identity by origin.
  const r1 = store.putArticle(article({ origin: 'in/feed.jsonl#1', text: 'First record.' }));
  const r2 = store.putArticle(article({ origin: 'in/feed.jsonl#1', text: 'A different record now on line one.' }));
  assert.equal(r1.status, 'stored');
  assert.equal(r2.status, 'stored');
  store.close();
});

test('a file that is not a database is refused with one line naming it', () => {
  const { file, done } = tempFile();
  writeFileSync(file, 'title,text\nnot,a database\n'.repeat(100));
  assert.throws(
    () => openStore(file),
    (error: unknown) => isStoreError(error) && error.code === 'not-a-store' && error.message === `${file}: not a Triangulate store (file is not a database)`,
  );
  assert.throws(() => openStore(file, { readonly: true }), (error: unknown) => isStoreError(error) && error.code === 'not-a-store');
  done();
});

test("another program's SQLite database is refused, not filled with our tables", () => {
  const { file, done } = tempFile();
  const db = new Database(file);
  db.exec('CREATE TABLE contacts (name TEXT)');
  db.close();
  assert.throws(() => openStore(file), (error: unknown) => isStoreError(error) && error.code === 'not-a-store' && !error.message.includes('\n'));
  const check = new Database(file, { readonly: true });
  assert.deepEqual(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all(), ['contacts']);
  check.close();
  done();
});

test('a write that waits longer than the busy timeout fails with one line, and nothing is half-written', () => {
  const { file, done } = tempFile();
  openStore(file).close();
  const other = new Database(file);
  other.exec('BEGIN IMMEDIATE'); // another process in the middle of a batch
  const store = new SqliteStore(file, { busyTimeoutMs: 200 });
  const started = Date.now();
  assert.throws(
    () => store.transaction(() => store.putArticle(article())),
    (error: unknown) => isStoreError(error) && error.code === 'busy' && error.message.startsWith(`${file}: the store is busy`) && !error.message.includes('\n'),
  );
  assert.ok(Date.now() - started >= 150, 'it waited for the lock first');
  assert.throws(() => store.putArticle(article()), (error: unknown) => isStoreError(error) && error.code === 'busy');
  other.exec('COMMIT');
  other.close();
  assert.equal(store.putArticle(article()).status, 'stored');
  store.close();
  done();
});

test('a new story id already in use is refused instead of mixing two stories', () => {
  const store = openStore(':memory:');
  const a = store.putArticle(article());
  const b = store.putArticle(article({ origin: 'b', text: 'Something else entirely.' }));
  store.setArticleStory(a.id, 1, { newStory: true });
  assert.equal(store.maxStoryId(), 1);
  assert.throws(() => store.setArticleStory(b.id, 1, { newStory: true }), /UNIQUE/);
  assert.equal(store.getArticle(b.id)!.storyId, null);
  store.close();
});

test('a read snapshot does not see another process commit half-way through it', () => {
  const { file, done } = tempFile();
  const reader = openStore(file);
  const writer = openStore(file);
  const a = writer.putArticle(article());
  writer.setArticleStory(a.id, 1, { newStory: true });
  const seen = reader.readSnapshot(() => {
    const version = reader.getStory(1)!.version;
    const b = writer.putArticle(article({ origin: 'b', text: 'A second report on the bridge.' }));
    writer.setArticleStory(b.id, 1);
    return { version, articles: reader.storyArticles(1).length };
  });
  assert.deepEqual(seen, { version: 1, articles: 1 });
  assert.equal(reader.storyArticles(1).length, 2);
  reader.close();
  writer.close();
  done();
});

test('the change counter moves on commits by this connection and by others', () => {
  const { file, done } = tempFile();
  const store = openStore(file);
  const other = openStore(file);
  const c0 = store.changeCounter();
  assert.equal(store.changeCounter(), c0);
  store.setMeta('k', '1');
  const c1 = store.changeCounter();
  assert.notEqual(c1, c0);
  other.setMeta('k', '2');
  assert.notEqual(store.changeCounter(), c1);
  store.close();
  other.close();
  done();
});

test('a merged story id resolves to the story it was merged into, whose version grew', () => {
  const store = openStore(':memory:');
  const a = store.putArticle(article());
  const b = store.putArticle(article({ origin: 'b', text: 'Another report on the Duisburg bridge accident.', publishedAt: '2017-12-28' }));
  store.transaction(() => {
    store.setArticleStory(a.id, 1);
    store.setArticleStory(b.id, 2);
  });
  const before = store.getStory(1)!.version;
  store.mergeStory(2, 1);
  const merged = store.getStory(2)!;
  assert.equal(merged.id, 1);
  assert.equal(merged.articleCount, 2);
  assert.ok(merged.version > before);
  assert.deepEqual(store.listStories().map((s) => s.id), [1]);
  store.close();
});

test('a failed batch leaves nothing behind', () => {
  const store = openStore(':memory:');
  assert.throws(() =>
    store.transaction(() => {
      store.putArticle(article());
      throw new Error('crash in the middle of a batch');
    }),
  );
  assert.equal(store.articleCount(), 0);
  store.close();
});

test('cached dossiers are returned only for the story version they were built from', () => {
  const store = openStore(':memory:');
  const a = store.putArticle(article());
  store.setArticleStory(a.id, 7);
  const version = store.getStory(7)!.version;
  store.putCachedDossier(7, version, '{"cached":true}');
  assert.equal(store.getCachedDossier(7, version), '{"cached":true}');
  const b = store.putArticle(article({ origin: 'b', text: 'A second article joins the story.' }));
  store.setArticleStory(b.id, 7);
  assert.equal(store.getCachedDossier(7, store.getStory(7)!.version), null);
  store.close();
});

test('a hidden article is kept but leaves its story; a story with no visible article is not listed', () => {
  const store = openStore(':memory:');
  const a = store.putArticle(article({ title: 'First report', outlet: 'Gazette', publishedAt: '2017-12-27' }));
  const b = store.putArticle(article({ origin: 'b', title: 'Second report', outlet: 'Wire', publishedAt: '2017-12-28', text: 'A second article joins the story.' }));
  store.setArticleStory(a.id, 7);
  store.setArticleStory(b.id, 7);
  const before = store.getStory(7)!;
  assert.equal(before.articleCount, 2);

  const hidden = store.hideArticle(a.id)!;
  assert.equal(hidden.changed, true);
  assert.equal(hidden.storyId, 7);
  assert.ok(hidden.hiddenAt);
  const after = store.getStory(7)!;
  assert.equal(after.articleCount, 1);
  assert.equal(after.outletCount, 1);
  assert.equal(after.title, 'Second report', 'the title comes from a visible article');
  assert.equal(after.firstPublished, '2017-12-28');
  assert.ok(after.version > before.version, 'the version grows, so the cached dossier is not served');
  assert.deepEqual(store.storyArticles(7).map((s) => s.id), [b.id]);
  assert.equal(store.getArticle(a.id)!.hiddenAt, hidden.hiddenAt, 'the row and its text are kept');
  assert.equal(store.getArticle(a.id)!.article.text, article().text);
  assert.equal(store.articleCount(), 2);
  assert.equal(store.hiddenArticleCount(), 1);

  const again = store.hideArticle(a.id)!;
  assert.equal(again.changed, false);
  assert.equal(store.getStory(7)!.version, after.version, 'hiding twice writes nothing');

  // Duplicate detection still knows the hidden text.
  const copy = store.putArticle(article({ origin: 'elsewhere.txt' }));
  assert.equal(copy.status, 'duplicate');
  assert.equal(copy.id, a.id);
  assert.equal(store.findArticleByText(article().text), a.id);
  assert.equal(store.findArticleByText('never stored'), null);

  store.hideArticle(b.id);
  assert.equal(store.getStory(7), null, 'no visible article: not found');
  assert.deepEqual(store.listStories(), []);
  assert.deepEqual(store.storyArticles(7), []);

  const shown = store.restoreArticle(a.id)!;
  assert.equal(shown.changed, true);
  assert.equal(shown.hiddenAt, null);
  assert.equal(store.getStory(7)!.articleCount, 1);
  assert.deepEqual(store.listStories().map((s) => s.id), [7]);
  assert.equal(store.restoreArticle(a.id)!.changed, false);

  assert.equal(store.hideArticle(999), null);
  assert.equal(store.restoreArticle(999), null);
  store.close();
});

test('hidden articles move with their story when it is merged, and stay hidden', () => {
  const store = openStore(':memory:');
  const a = store.putArticle(article());
  const b = store.putArticle(article({ origin: 'b', text: 'A second article, in another story.' }));
  store.setArticleStory(a.id, 1);
  store.setArticleStory(b.id, 2);
  store.hideArticle(b.id);
  store.mergeStory(2, 1);
  assert.equal(store.getArticle(b.id)!.storyId, 1);
  assert.equal(store.getStory(1)!.articleCount, 1);
  assert.equal(store.getStory(2)!.id, 1, 'the merged-away id still resolves');
  assert.equal(store.restoreArticle(b.id)!.storyId, 1);
  assert.equal(store.getStory(1)!.articleCount, 2);
  store.close();
});

test('a store of schema version 2 is upgraded with every article visible', () => {
  const { file, done } = tempFile();
  const db = new Database(file);
  db.exec(MIGRATIONS[0]);
  db.exec(MIGRATIONS[1]);
  db.pragma('user_version = 2');
  db.prepare(
    `INSERT INTO articles (source_id, origin, url, text_hash, title, outlet, published_at, story_id, ingested_at, body)
     VALUES ('a', 'a.txt', NULL, 'h', 't', NULL, NULL, 3, '2024-01-01T00:00:00Z', ?)`,
  ).run(JSON.stringify(article()));
  db.prepare(`INSERT INTO stories (id, version, created_at, updated_at) VALUES (3, 1, '2024-01-01', '2024-01-01')`).run();
  db.close();
  const store = openStore(file);
  assert.equal(store.schemaVersion, SCHEMA_VERSION);
  assert.equal(store.getArticle(1)!.hiddenAt, null);
  assert.equal(store.getStory(3)!.articleCount, 1);
  store.close();
  done();
});
