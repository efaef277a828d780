// Which articles a capped dossier keeps: the same ones in every run, every outlet before any second article,
// newest first, and a cost that does not depend on how the articles are spread over outlets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectArticles, type SelectableArticle } from './select.js';

const article = (outlet: string | null, publishedAt: string | null, url: string | null = null): SelectableArticle => ({ outlet, publishedAt, url });
const self = (a: SelectableArticle) => a;

test('under the cap the input comes back as it is', () => {
  const items = [article('A', null), article('B', null)];
  assert.equal(selectArticles(items, { articles: 2 }, self), items);
});

test('every outlet gets its newest article before any outlet gets a second, and input order is kept', () => {
  const items = [
    article('A', '2024-01-01T00:00:00Z'),
    article('A', '2024-01-03T00:00:00Z'),
    article('A', '2024-01-02T00:00:00Z'),
    article('B', '2024-01-01T00:00:00Z'),
    article('C', null),
  ];
  const kept = selectArticles(items, { articles: 3 }, self);
  assert.deepEqual(kept, [items[1], items[3], items[4]]);
});

test('dates are compared as instants, whatever their offset; undated articles count as oldest', () => {
  const items = [article('A', '2024-01-01T10:00:00+02:00'), article('A', '2024-01-01T09:00:00Z'), article('A', null)];
  assert.deepEqual(selectArticles(items, { articles: 1 }, self), [items[1]]);
  assert.deepEqual(selectArticles(items, { articles: 2 }, self), [items[0], items[1]]);
});

test('undated records of one file: the later lines are kept (a stream is appended to)', () => {
  const items = Array.from({ length: 10 }, () => article(null, null));
  assert.deepEqual(selectArticles(items, { articles: 3 }, self), items.slice(7));
});

test('outlets without a name are told apart by the host of their URL', () => {
  const items = [article(null, '2024-01-02T00:00:00Z', 'https://a.example/1'), article(null, '2024-01-01T00:00:00Z', 'https://a.example/2'), article(null, '2024-01-01T00:00:00Z', 'https://b.example/1')];
  assert.deepEqual(selectArticles(items, { articles: 2 }, self), [items[0], items[2]]);
});

test('50,000 one-article outlets next to one outlet of 50,000: the exhausted outlets leave the rotation', () => {
  // Scanning every outlet in every round would be 2.5 billion steps here: this test would not end.
  const items = [...Array.from({ length: 50_000 }, (_, i) => article(`solo ${i}`, '2024-01-01T00:00:00Z')), ...Array.from({ length: 50_000 }, () => article('big', '2024-01-01T00:00:00Z'))];
  const kept = selectArticles(items, { articles: 60_000 }, self);
  assert.equal(kept.length, 60_000);
  assert.equal(kept.filter((a) => a.outlet === 'big').length, 10_000);
});

test('a text budget: the choice stops at the first article that would go over it, and keeps at least one', () => {
  const long = (outlet: string, day: number) => ({ ...article(outlet, `2024-01-0${day}T00:00:00Z`), text: 'x'.repeat(100) });
  const items = [long('A', 1), long('B', 2), long('C', 3), long('A', 4)];
  assert.deepEqual(selectArticles(items, { articles: 10, chars: 250 }, self), [items[2], items[3]]);
  assert.deepEqual(selectArticles(items, { articles: 10, chars: 50 }, self), [items[3]]);
  assert.equal(selectArticles(items, { articles: 10, chars: 400 }, self), items);
});
