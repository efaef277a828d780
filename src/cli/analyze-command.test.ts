// `analyze` on a stream of many records: one dossier of at most --max-articles, said in one stderr line, and
// a file of bad records reported in a bounded number of lines.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../../test/cli.js';
import type { Dossier } from '../dossier/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cli-analyze-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('over --max-articles: one stderr line says so, and the dossier keeps that many and says so too', async () => {
  const file = path.join(dir, 'stream.jsonl');
  writeFileSync(file, Array.from({ length: 30 }, (_, i) => JSON.stringify({ title: 'x', outlet: `Outlet ${i % 3}`, text: `Short line number ${i}.` })).join('\n'));
  const result = await cli('analyze', file, '--max-articles', '10', '--format', 'json');
  assert.equal(result.code, 0, result.stderr.join('\n'));
  assert.equal(result.stderr.length, 1, result.stderr.join('\n'));
  assert.match(result.stderr[0], /^analyze is for one story: 30 articles \(\d+ characters\) given, the dossier keeps 10 \(limit: 10 articles\), .*triangulate ingest/);
  const dossier = JSON.parse(result.stdout) as Dossier;
  assert.equal(dossier.articles.length, 10);
  assert.ok(dossier.problems.some((p) => /analyses 10 of the 30 articles/.test(p.reason)));
  // Round the outlets, later lines first: each outlet has 3 or 4 of the 10.
  const perOutlet = new Map<string, number>();
  for (const a of dossier.articles) perOutlet.set(a.outlet ?? '', (perOutlet.get(a.outlet ?? '') ?? 0) + 1);
  assert.deepEqual([...perOutlet.values()].sort(), [3, 3, 4]);
});

test('under the cap nothing is said and nothing is left out', async () => {
  const file = path.join(dir, 'small.jsonl');
  writeFileSync(file, Array.from({ length: 5 }, (_, i) => JSON.stringify({ text: `Short line number ${i}.` })).join('\n'));
  const result = await cli('analyze', file, '--format', 'json');
  assert.equal(result.code, 0);
  assert.deepEqual(result.stderr, []);
  assert.equal((JSON.parse(result.stdout) as Dossier).articles.length, 5);
});

test('--max-articles takes a whole number above 0', async () => {
  const result = await cli('analyze', path.join(dir, 'small.jsonl'), '--max-articles', '0');
  assert.equal(result.code, 2);
  assert.match(result.stderr[0], /--max-articles takes a whole number/);
});

test('a file of bad records: 20 problem lines, then one line counting the rest; the dossier lists them all', async () => {
  const file = path.join(dir, 'bad.jsonl');
  writeFileSync(file, [...Array.from({ length: 25 }, () => '{"title": "no text"}'), '{"text": "One good line."}'].join('\n'));
  const result = await cli('analyze', file, '--format', 'json');
  assert.equal(result.code, 0);
  assert.equal(result.stderr.length, 21, result.stderr.join('\n'));
  assert.match(result.stderr[0], /bad\.jsonl#1: record has no "text"/);
  assert.match(result.stderr[20], /bad\.jsonl: 5 more problems not shown \(all listed in the dossier's problems\)$/);
  assert.equal((JSON.parse(result.stdout) as Dossier).problems.length, 25);
});

test('nothing usable: the count of problems not shown comes before the error', async () => {
  const file = path.join(dir, 'all-bad.jsonl');
  writeFileSync(file, Array.from({ length: 22 }, () => '{"title": "no text"}').join('\n'));
  const result = await cli('analyze', file);
  assert.equal(result.code, 1);
  assert.equal(result.stderr.length, 22);
  assert.match(result.stderr[20], /all-bad\.jsonl: 2 more problems not shown$/);
  assert.match(result.stderr[21], /nothing could be analysed/);
});
