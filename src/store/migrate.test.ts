import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Article } from '../clean/types.js';
import { createTestDatabase, testPostgres } from '../../test/postgres.js';
import { command as migrateCommand } from '../cli/commands/migrate.js';
import { isStoreError } from './errors/store-error.js';
import { migrateSqliteToPostgres, type MigrateReport } from './migrate.js';
import { PostgresStore } from './postgres.js';
import { SqliteStore } from './sqlite.js';
import { redactUrl } from './target.js';
import type { ArticleStore } from './types.js';
import { article as storeArticle } from './contract.js';

/** The contract's article, saved as a web page. */
function article(over: Partial<Article> = {}): Article {
  return storeArticle({ origin: 'a.html', ...over });
}

function tempDir(t: TestContext): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'migrate-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A PostgreSQL database for one test, dropped after it; null (test skipped) when no server can run here. */
async function targetDatabase(t: TestContext): Promise<string | null> {
  const server = await testPostgres();
  if ('skip' in server) {
    t.skip(server.skip);
    return null;
  }
  const database = await createTestDatabase(server.url);
  t.after(() => database.drop());
  return database.url;
}

/**
 * An SQLite store holding one of everything: a revised article (with history), a duplicate link, a hidden
 * article, stories 1..3 with 2 merged into 1, a cached dossier, meta, counters and a feed's state; text in
 * several scripts so that both sides must hash the same UTF-8.
 */
async function fullStore(file: string): Promise<{ ids: number[] }> {
  const store = new SqliteStore(file);
  try {
    const put = async (a: Article) => {
      const result = await store.putArticle(a);
      assert.equal(result.status, 'stored');
      return (result as { id: number }).id;
    };
    const a1 = await put(article({ id: 'a1', origin: 'https://a.example/1', url: 'https://a.example/1', outlet: 'A' }));
    const revised = await store.putArticle(
      article({ id: 'a1', origin: 'https://a.example/1', url: 'https://a.example/1', outlet: 'A', text: 'A cruise ship struck a bridge pillar in Duisburg.\n\nTwenty-seven people were hurt.' }),
    );
    assert.equal(revised.status, 'revised');
    const a2 = await put(
      article({ id: 'a2', origin: 'https://b.example/2', url: 'https://b.example/2', outlet: 'Blatt', title: 'Schiff rammt Brücke bei Duisburg', publishedAt: '2017-12-28', text: 'Ein Schiff rammte die Brücke — 25 Verletzte in Zürich und 東京.' }),
    );
    const duplicate = await store.putArticle(article({ id: 'c', origin: 'copy.txt', text: 'Ein Schiff rammte die Brücke — 25 Verletzte in Zürich und 東京.' }));
    assert.deepEqual(duplicate, { status: 'duplicate', id: a2, reason: 'text', linked: true });
    const a3 = await put(article({ id: 'a3', origin: 'https://c.example/3', url: 'https://c.example/3', outlet: 'C', publishedAt: '2017-12-29', text: 'Posted by mistake.' }));
    const a4 = await put(article({ id: 'a4', origin: 'other.txt', outlet: 'D', title: 'Storm warning', publishedAt: '2018-01-02', text: 'A storm is expected on Tuesday.' }));
    await store.setArticleStory(a1, 1, { newStory: true });
    await store.setArticleStory(a2, 2, { newStory: true });
    await store.setArticleStory(a3, 2);
    await store.setArticleStory(a4, 3, { newStory: true });
    await store.saveStoryStates([
      { id: 1, lastDay: 17527, state: '{"terms":["bridge"]}' },
      { id: 2, lastDay: 17528, state: '{"terms":["brücke"]}' },
      { id: 3, lastDay: 17533, state: '{"terms":["storm"]}' },
    ]);
    await store.mergeStory(2, 1);
    assert.ok(await store.hideArticle(a3));
    const story = await store.getStory(1);
    await store.putCachedDossier(1, story!.version, '{"dossier":"one"}');
    await store.setMeta('clusterer', 'v2');
    await store.putCounters('df', [['bridge', 3], ['brücke', 2]]);
    await store.putFeedState({ url: 'https://a.example/feed', etag: '"abc"', lastModified: 'Tue, 02 Jan 2018 10:00:00 GMT', failures: 2, nextAttemptAt: '2018-01-02T11:00:00Z', lastStatus: '503', lastCheckedAt: '2018-01-02T10:00:00Z' });
    return { ids: [a1, a2, a3, a4] };
  } finally {
    await store.close();
  }
}

/** Everything the read API says about the store built by `fullStore`, to compare two backends. */
async function readAll(store: ArticleStore, ids: number[]) {
  const perArticle = [];
  for (const id of [...ids, 999]) {
    perArticle.push({ article: await store.getArticle(id), history: await store.articleHistory(id), duplicates: await store.duplicatesOf(id) });
  }
  const stories = [];
  for (const id of [1, 2, 3, 4]) stories.push({ story: await store.getStory(id), articles: await store.storyArticles(id), dossier: await store.getLatestDossier(id) });
  const story1 = await store.getStory(1);
  return {
    perArticle,
    stories,
    list: await store.listStories(),
    listAll: await store.listStories({ minArticles: 1, limit: 10, offset: 0 }),
    cachedDossier: await store.getCachedDossier(1, story1!.version),
    states: await store.loadStoryStates(null),
    recentStates: await store.loadStoryStates(17530),
    meta: [await store.getMeta('clusterer'), await store.getMeta('missing')],
    counters: await store.loadCounters('df'),
    feed: await store.getFeedState('https://a.example/feed'),
    noFeed: await store.getFeedState('https://nowhere.example/feed'),
    articleCount: await store.articleCount(),
    hiddenArticleCount: await store.hiddenArticleCount(),
    maxStoryId: await store.maxStoryId(),
    byUrl: await store.findArticleByUrl('https://b.example/2'),
    byOldText: await store.findArticleByText('A cruise ship struck a bridge pillar on the Rhine near Duisburg.\n\nTwenty-five people were hurt.'),
  };
}

function tableCounts(report: MigrateReport): Record<string, [number, number]> {
  return Object.fromEntries(report.tables.map((t) => [t.table, [t.source, t.target]]));
}

test('a migrated store reads the same through every API, and new ids continue after the copied ones', async (t) => {
  const url = await targetDatabase(t);
  if (!url) return;
  const file = path.join(tempDir(t), 'store.db');
  const { ids } = await fullStore(file);
  const progress: string[] = [];
  const report = await migrateSqliteToPostgres(file, url, { onProgress: (p) => progress.push(`${p.table} ${p.copied}/${p.total}`) });
  assert.deepEqual(tableCounts(report), {
    stories: [3, 3],
    articles: [4, 4],
    article_versions: [1, 1],
    duplicates: [1, 1],
    dossiers: [1, 1],
    meta: [1, 1],
    counters: [2, 2],
    feeds: [1, 1],
  });
  assert.ok(progress.includes('articles 4/4'));
  assert.deepEqual(report.tables.flatMap((t) => t.uncheckedColumns), [], 'every column is checksummed');

  const sqlite = new SqliteStore(file, { readonly: true });
  const postgres = await PostgresStore.open(url, {});
  t.after(() => postgres.close());
  try {
    const expected = await readAll(sqlite, ids);
    // The fixture has what the comparison is meant to cover.
    assert.equal(expected.hiddenArticleCount, 1);
    assert.equal(expected.perArticle[0].history.length, 1);
    assert.equal(expected.perArticle[1].duplicates.length, 1);
    assert.equal(expected.stories[1].story?.id, 1, 'story 2 resolves to the story it was merged into');
    assert.ok(expected.stories[0].dossier);
    assert.deepEqual(await readAll(postgres, ids), expected);
  } finally {
    await sqlite.close();
  }
  const fresh = await postgres.putArticle(article({ id: 'new', origin: 'new.txt', text: 'A completely new text about the harbour.' }));
  assert.deepEqual(fresh, { status: 'stored', id: Math.max(...ids) + 1 });
  assert.deepEqual(report.sequences.find((s) => s.table === 'articles'), { table: 'articles', column: 'id', next: Math.max(...ids) + 1 });
});

test('a target that already holds articles is refused and left as it was', async (t) => {
  const url = await targetDatabase(t);
  if (!url) return;
  const file = path.join(tempDir(t), 'store.db');
  await fullStore(file);
  await migrateSqliteToPostgres(file, url);
  await assert.rejects(
    migrateSqliteToPostgres(file, url),
    (error: unknown) => isStoreError(error) && error.message === `target ${redactUrl(url)} already holds 4 articles; migrate into an empty database`,
  );
  const postgres = await PostgresStore.open(url, {});
  try {
    assert.equal(await postgres.articleCount(), 4);
  } finally {
    await postgres.close();
  }
});

test('a copy that fails half-way leaves nothing in the target', async (t) => {
  const url = await targetDatabase(t);
  if (!url) return;
  const file = path.join(tempDir(t), 'store.db');
  await fullStore(file);
  // PostgreSQL text cannot hold NUL; SQLite's can. The articles are written before feeds, and must go too.
  const db = new Database(file);
  db.prepare('UPDATE feeds SET last_status = ?').run('bad\u0000status');
  db.close();
  await assert.rejects(migrateSqliteToPostgres(file, url), /feeds/);
  const postgres = await PostgresStore.open(url, {});
  try {
    assert.equal(await postgres.articleCount(), 0);
    assert.equal(await postgres.maxStoryId(), 0);
  } finally {
    await postgres.close();
  }
});

test('rows changed on their way into PostgreSQL fail the check, and nothing is kept', async (t) => {
  const url = await targetDatabase(t);
  if (!url) return;
  const file = path.join(tempDir(t), 'store.db');
  await fullStore(file);
  const prepared = await PostgresStore.open(url, {});
  try {
    // Stands for any silent change on the way (a lossy type, an encoding slip): one title altered, one row dropped.
    await prepared.query(`CREATE FUNCTION shout() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.title := upper(NEW.title); RETURN NEW; END $$`);
    await prepared.query('CREATE TRIGGER shout BEFORE INSERT ON articles FOR EACH ROW WHEN (NEW.id = 2) EXECUTE FUNCTION shout()');
    await prepared.query(`CREATE FUNCTION drop_one() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`);
    await prepared.query(`CREATE TRIGGER drop_one BEFORE INSERT ON counters FOR EACH ROW WHEN (NEW.key = 'bridge') EXECUTE FUNCTION drop_one()`);
  } finally {
    await prepared.close();
  }
  await assert.rejects(migrateSqliteToPostgres(file, url), /articles differs between SQLite and PostgreSQL after the copy \(checksum\); nothing was kept/);
  const postgres = await PostgresStore.open(url, {});
  try {
    assert.equal(await postgres.articleCount(), 0);
    await postgres.query('DROP TRIGGER shout ON articles');
  } finally {
    await postgres.close();
  }
  await assert.rejects(migrateSqliteToPostgres(file, url), /counters has 1 rows in PostgreSQL after the copy, 2 in SQLite/);
});

test('a source that is not a Triangulate store of this version is refused in one line', async (t) => {
  const dir = tempDir(t);
  const target = 'postgres://someone:secret@127.0.0.1:1/none';
  const refused = async (file: string, code: string, message: RegExp) =>
    assert.rejects(migrateSqliteToPostgres(file, target), (error: unknown) => isStoreError(error) && error.code === code && message.test(error.message) && !error.message.includes('\n'));

  await refused(path.join(dir, 'missing.db'), 'cannot-open', /^no store at .*missing\.db$/);
  const text = path.join(dir, 'notes.txt');
  writeFileSync(text, 'these are not the droids you are looking for\n'.repeat(200));
  await refused(text, 'not-a-store', /file is not a database/);
  const other = path.join(dir, 'other.db');
  const db = new Database(other);
  db.exec('CREATE TABLE people (name TEXT)');
  db.close();
  await refused(other, 'not-a-store', /other tables/);
  const old = path.join(dir, 'old.db');
  const oldDb = new Database(old);
  oldDb.pragma('user_version = 1');
  oldDb.close();
  await refused(old, 'cannot-open', /schema version 1, older than this program's/);
  const newer = path.join(dir, 'newer.db');
  const newerDb = new Database(newer);
  newerDb.pragma('user_version = 99');
  newerDb.close();
  await refused(newer, 'newer-schema', /schema version 99/);
});

test('the target must be a PostgreSQL URL, and its password is never shown', async (t) => {
  const file = path.join(tempDir(t), 'store.db');
  await new SqliteStore(file).close();
  await assert.rejects(
    migrateSqliteToPostgres(file, 'mysql://me:hunter2@db.example/news'),
    (error: unknown) => isStoreError(error) && error.message === '--to mysql://me:***@db.example/news: not a PostgreSQL URL (use postgres://user@host:5432/database)',
  );
  // Nothing listens on port 1: the server cannot be reached.
  await assert.rejects(
    migrateSqliteToPostgres(file, 'postgres://me:hunter2@127.0.0.1:1/news'),
    (error: unknown) => isStoreError(error) && error.code === 'cannot-open' && error.message.includes('me:***@127.0.0.1:1') && !error.message.includes('hunter2') && !error.message.includes('\n'),
  );
});

test('triangulate migrate prints each table\'s counts on both sides, without the password', async (t) => {
  const url = await targetDatabase(t);
  if (!url) return;
  const withPassword = new URL(url);
  // Trust authentication accepts any password: it is given only to check it is not printed.
  withPassword.password = 'hunter2';
  const file = path.join(tempDir(t), 'store.db');
  await fullStore(file);
  const out: string[] = [];
  const err: string[] = [];
  const code = await migrateCommand.run(['--from', file, '--to', withPassword.toString()], { stdout: (s) => out.push(s), stderr: (l) => err.push(l) });
  assert.equal(code, 0);
  const text = out.join('');
  assert.match(text, /^ {2}articles +4 → 4$/m);
  assert.match(text, /^ {2}article_versions +1 → 1$/m);
  assert.match(text, /row counts and checksums match\n$/);
  assert.ok(!`${text}${err.join('\n')}`.includes('hunter2'));
  assert.ok(text.includes(':***@'));
  await assert.rejects(
    migrateCommand.run(['--from', file, '--to', withPassword.toString()], { stdout: () => {}, stderr: () => {} }),
    (error: unknown) => isStoreError(error) && /already holds 4 articles/.test(error.message) && !error.message.includes('hunter2'),
  );
});
