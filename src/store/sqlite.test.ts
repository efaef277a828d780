import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStore, SCHEMA_VERSION, isStoreError, normaliseUrl } from './index.js';
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

test('the same URL (tracking parameters and fragment aside) is a duplicate even when the text changed', () => {
  const store = openStore(':memory:');
  store.putArticle(article({ url: 'http://news.example/story/1?utm_source=x#top' }));
  const again = store.putArticle(article({ origin: 'feed', url: 'https://news.example/story/1', text: 'Updated text of the same page.' }));
  assert.equal(again.status, 'duplicate');
  assert.equal(again.status === 'duplicate' && again.reason, 'url');
  assert.equal(normaliseUrl('https://News.example/a/?b=2&a=1&fbclid=z'), 'https://news.example/a/?a=1&b=2');
  store.close();
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
