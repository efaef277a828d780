// Ids of many records: distinct, stable, and assigned in one pass (no chain of renamings per record).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readRecords } from './records.js';
import { uniqueIds } from './ids.js';

test('100,000 one-line records get their line numbers as ids, none renamed', () => {
  const content = Array.from({ length: 100_000 }, (_, i) => JSON.stringify({ title: 'x', text: `Short line number ${i}.` })).join('\n');
  const { articles, problems } = readRecords(content, 'dump.jsonl', 'jsonl');
  assert.equal(problems.length, 0);
  const ids = uniqueIds(articles).map((a) => a.id);
  assert.equal(ids[0], 'dump-1');
  assert.equal(ids[99_999], 'dump-100000');
  assert.equal(new Set(ids).size, 100_000);
  assert.ok(ids.every((id) => /^dump-\d+$/.test(id)), 'no id was suffixed');
});

test('records that all give the same id: the first keeps it, the others are numbered, all distinct', () => {
  const items = Array.from({ length: 20_000 }, () => ({ id: 'same' }));
  const ids = uniqueIds(items).map((a) => a.id);
  assert.equal(ids[0], 'same');
  assert.equal(ids[1], 'same-2');
  assert.equal(ids[19_999], 'same-20000');
  assert.equal(new Set(ids).size, 20_000);
});

test('a record whose own id is a suffix given to another still gets a free one', () => {
  const ids = uniqueIds([{ id: 'a' }, { id: 'a' }, { id: 'a-2' }, { id: 'a-2' }]).map((a) => a.id);
  assert.equal(new Set(ids).size, 4);
  assert.deepEqual(ids.slice(0, 2), ['a', 'a-2']);
});
