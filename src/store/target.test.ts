import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPostgresUrl, redactUrl } from './target.js';

test('PostgreSQL URLs are told from SQLite paths by their scheme', () => {
  assert.equal(isPostgresUrl('postgres://db.example/news'), true);
  assert.equal(isPostgresUrl('PostgreSQL://u@db.example:5433/news'), true);
  assert.equal(isPostgresUrl('triangulate.db'), false);
  assert.equal(isPostgresUrl('./postgres/store.db'), false);
  assert.equal(isPostgresUrl('postgres:news.db'), false);
});

test('passwords are hidden in printed URLs, wherever the URL carries them', () => {
  assert.equal(redactUrl('postgres://news:s3cret@db.example:5432/news'), 'postgres://news:***@db.example:5432/news');
  assert.equal(redactUrl('postgresql://db.example/news?password=s3cret&sslmode=require'), 'postgresql://db.example/news?password=***&sslmode=require');
  assert.equal(redactUrl('postgres://news@db.example/news'), 'postgres://news@db.example/news');
  assert.equal(redactUrl('postgres://news:s3cret@[broken/news'), 'postgres://news:***@[broken/news');
  assert.equal(redactUrl('store.db'), 'store.db');
});
