// SQLite-only behaviour (the file, its journal, its upgrades, its locks); what every backend must do is in
// contract.ts, run here against temporary files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { openStore, MIGRATIONS, SCHEMA_VERSION, SqliteStore, isStoreError, normaliseUrl } from './index.js';
import { article, runStoreContract, type StoreBackend } from './contract.js';
import type { Article } from '../clean/types.js';


function tempFile(): { file: string; done: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'store-test-'));
  return { file: path.join(dir, 'store.db'), done: () => rmSync(dir, { recursive: true, force: true }) };
}

const sqliteBackend: StoreBackend = {
  name: 'sqlite',
  unavailable: async () => null,
  create: async () => {
    const { file, done } = tempFile();
    return { open: (options) => openStore(file, options), dispose: async () => done() };
  },
};

await runStoreContract(sqliteBackend);

test('a new store is created at the current schema version in WAL mode', async () => {
  const { file, done } = tempFile();
  const store = await openStore(file);
  assert.equal(store.kind, 'sqlite');
  assert.equal(store.path, file);
  assert.equal(store.schemaVersion, SCHEMA_VERSION);
  assert.equal(await store.integrityCheck(), 'ok');
  await store.close();
  const db = new Database(file, { readonly: true });
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  db.close();
  done();
});

test('an in-memory store works for one process', async () => {
  const store = await openStore(':memory:');
  assert.equal((await store.putArticle(article())).status, 'stored');
  assert.equal(await store.articleCount(), 1);
  await store.close();
});

test('URLs are normalised: scheme, case, tracking parameters, fragment and parameter order', () => {
  assert.equal(normaliseUrl('https://News.example/a/?b=2&a=1&fbclid=z'), 'https://news.example/a/?a=1&b=2');
  assert.equal(normaliseUrl('http://news.example/story/1?utm_source=x#top'), 'https://news.example/story/1');
});

test('a store of schema version 1 is upgraded in place, its articles at version 1', async () => {
  const { file, done } = tempFile();
  const db = new Database(file);
  db.exec(MIGRATIONS[0]);
  db.pragma('user_version = 1');
  db.prepare(
    `INSERT INTO articles (source_id, origin, url, text_hash, title, outlet, published_at, ingested_at, body)
     VALUES ('a', 'a.txt', NULL, 'h', 't', NULL, NULL, '2024-01-01T00:00:00Z', ?)`,
  ).run(JSON.stringify(article()));
  db.close();
  const store = await openStore(file);
  assert.equal(store.schemaVersion, SCHEMA_VERSION);
  assert.equal((await store.getArticle(1))!.version, 1);
  assert.deepEqual(await store.articleHistory(1), []);
  await store.close();
  done();
});

test('a store of schema version 2 is upgraded with every article visible', async () => {
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
  const store = await openStore(file);
  assert.equal(store.schemaVersion, SCHEMA_VERSION);
  assert.equal((await store.getArticle(1))!.hiddenAt, null);
  assert.equal((await store.getStory(3))!.articleCount, 1);
  await store.close();
  done();
});

test('a store written by a newer version is refused with a one-line error', async () => {
  const { file, done } = tempFile();
  const db = new Database(file);
  db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  db.close();
  await assert.rejects(openStore(file), (error: unknown) => isStoreError(error) && error.code === 'newer-schema' && !error.message.includes('\n'));
  done();
});

test('a file that is not a database is refused with one line naming it', async () => {
  const { file, done } = tempFile();
  writeFileSync(file, 'title,text\nnot,a database\n'.repeat(100));
  await assert.rejects(
    openStore(file),
    (error: unknown) => isStoreError(error) && error.code === 'not-a-store' && error.message === `${file}: not a Triangulate store (file is not a database)`,
  );
  await assert.rejects(openStore(file, { readonly: true }), (error: unknown) => isStoreError(error) && error.code === 'not-a-store');
  // The synchronous constructor throws the same error.
  assert.throws(() => new SqliteStore(file), (error: unknown) => isStoreError(error) && error.code === 'not-a-store');
  done();
});

test("another program's SQLite database is refused, not filled with our tables", async () => {
  const { file, done } = tempFile();
  const db = new Database(file);
  db.exec('CREATE TABLE contacts (name TEXT)');
  db.close();
  await assert.rejects(openStore(file), (error: unknown) => isStoreError(error) && error.code === 'not-a-store' && !error.message.includes('\n'));
  const check = new Database(file, { readonly: true });
  assert.deepEqual(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all(), ['contacts']);
  check.close();
  done();
});

test('a read-only store reads, and refuses writes with a one-line error', async () => {
  const { file, done } = tempFile();
  const writer = await openStore(file);
  await writer.putArticle(article());
  await writer.close();
  await assert.rejects(openStore(path.join(path.dirname(file), 'missing.db'), { readonly: true }), (error: unknown) => isStoreError(error) && error.code === 'cannot-open');
  const reader = await openStore(file, { readonly: true });
  assert.equal(await reader.articleCount(), 1);
  assert.equal(await reader.transaction(async () => reader.articleCount()), 1, 'its transactions are read snapshots');
  await assert.rejects(reader.setMeta('k', 'v'), (error: unknown) => isStoreError(error) && error.code === 'read-only' && !error.message.includes('\n'));
  await assert.rejects(reader.transaction(() => reader.setMeta('k', 'v')), (error: unknown) => isStoreError(error) && error.code === 'read-only');
  assert.equal(await reader.getMeta('k'), null);
  await reader.close();
  done();
});

test('a file the user may not write is refused for writing with a one-line error', { skip: process.getuid?.() === 0 ? 'root writes any file' : false }, async () => {
  const { file, done } = tempFile();
  await (await openStore(file)).close();
  // Checkpointed and closed, so the WAL files are gone and only the database file's mode matters.
  chmodSync(file, 0o444);
  chmodSync(path.dirname(file), 0o555);
  try {
    await assert.rejects(
      (async () => {
        const store = await openStore(file);
        try {
          await store.setMeta('k', 'v');
        } finally {
          await store.close();
        }
      })(),
      (error: unknown) => isStoreError(error) && (error.code === 'read-only' || error.code === 'cannot-open') && !error.message.includes('\n'),
    );
  } finally {
    chmodSync(path.dirname(file), 0o755);
    done();
  }
});

test('a write that waits longer than the busy timeout fails with one line, and nothing is half-written', async () => {
  const { file, done } = tempFile();
  await (await openStore(file)).close();
  const other = new Database(file);
  other.exec('BEGIN IMMEDIATE'); // another process in the middle of a batch
  const store = new SqliteStore(file, { busyTimeoutMs: 200 });
  const started = Date.now();
  await assert.rejects(
    store.transaction(() => store.putArticle(article())),
    (error: unknown) => isStoreError(error) && error.code === 'busy' && error.message.startsWith(`${file}: the store is busy`) && !error.message.includes('\n'),
  );
  assert.ok(Date.now() - started >= 150, 'it waited for the lock first');
  await assert.rejects(store.putArticle(article()), (error: unknown) => isStoreError(error) && error.code === 'busy');
  other.exec('COMMIT');
  other.close();
  assert.equal((await store.putArticle(article())).status, 'stored');
  assert.equal(await store.articleCount(), 1);
  await store.close();
  done();
});

test('waiting for another writer does not block the thread: that writer can finish meanwhile', async () => {
  const { file, done } = tempFile();
  await (await openStore(file)).close();
  const other = new Database(file);
  other.exec('BEGIN IMMEDIATE');
  other.prepare("INSERT INTO meta (key, value) VALUES ('other', '1')").run();
  const store = new SqliteStore(file, { busyTimeoutMs: 5_000 });
  let timerRan = false;
  // With a blocking wait this timer could not fire before the write gave up.
  setTimeout(() => {
    timerRan = true;
    other.exec('COMMIT');
  }, 50);
  await store.setMeta('k', 'v');
  assert.equal(timerRan, true);
  assert.equal(await store.getMeta('other'), '1');
  other.close();
  await store.close();
  done();
});

test('a failed write inside a transaction is undone alone; the transaction goes on', async () => {
  const store = await openStore(':memory:');
  const a = (await store.putArticle(article())).id;
  const b = (await store.putArticle(article({ origin: 'b', text: 'Something else entirely.' }))).id;
  await store.setArticleStory(a, 1, { newStory: true });
  await store.transaction(async () => {
    await store.setMeta('before', '1');
    await assert.rejects(store.setArticleStory(b, 1, { newStory: true }), /UNIQUE/);
    // Fails on its second row, after writing the first: that first row must go too.
    await assert.rejects(store.putCounters('df', [['kept?', 1], ['broken', null as unknown as number]]), /NOT NULL/);
    await store.setMeta('after', '1');
  });
  assert.equal(await store.getMeta('before'), '1');
  assert.equal(await store.getMeta('after'), '1');
  assert.equal((await store.getArticle(b))!.storyId, null);
  assert.deepEqual(await store.loadCounters('df'), []);
  await store.close();
});

test('nested transactions started side by side inside one take turns, and a failing one undoes only itself', async () => {
  const store = await openStore(':memory:');
  await store.transaction(async () => {
    const results = await Promise.allSettled([
      store.transaction(async () => {
        await store.setMeta('one', '1');
        await delay(10);
        throw new Error('first nested fails');
      }),
      store.transaction(async () => {
        await store.setMeta('two', '1');
        await delay(5);
      }),
      store.setMeta('three', '1'),
    ]);
    assert.deepEqual(results.map((r) => r.status), ['rejected', 'fulfilled', 'fulfilled']);
  });
  assert.equal(await store.getMeta('one'), null);
  assert.equal(await store.getMeta('two'), '1');
  assert.equal(await store.getMeta('three'), '1');
  await store.close();
});

test('a call a transaction left behind (a timer) runs on its own after the transaction ended', async () => {
  const store = await openStore(':memory:');
  let late: Promise<void> | undefined;
  await store.transaction(async () => {
    setTimeout(() => (late = store.setMeta('late', '1')), 20);
  });
  // The timer fires while another caller's transaction is open: the late write must not land in it.
  await assert.rejects(
    store.transaction(async () => {
      await delay(150);
      throw new Error('the other batch fails');
    }),
  );
  assert.ok(late, 'the timer fired during the other transaction');
  await late;
  assert.equal(await store.getMeta('late'), '1');
  await store.close();
});

test('closing a store from inside its own transaction is refused instead of waiting forever', async () => {
  const store = await openStore(':memory:');
  await store.transaction(async () => {
    await assert.rejects(store.close(), /inside one of its own transactions/);
  });
  await store.close();
});
