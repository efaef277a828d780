// User mistakes never show a stack trace: each is one line on stderr and a non-zero exit code.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isUsageError } from '../errors.js';
import { cli } from '../../test/cli.js';
import { checkInputPaths, checkOutputPath, checkStorePath, parseDuration, parsePositiveInt } from './commands/shared.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cli-mistakes-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);

const story = (extra: string) =>
  `Lindqvist harbour flooded on Tuesday night, the coast guard said. Crews worked along the quay until dawn and residents were asked to stay indoors. ${extra}`;
writeFileSync(at('story.txt'), story('Two boats sank.'));
writeFileSync(at('not-a-db.db'), 'these are notes, not a database\n'.repeat(20));
mkdirSync(at('a-folder'));

/** Exactly one stderr line, no stack frame, the given exit code, and the line matches `pattern`. */
async function mistake(expectedCode: number, pattern: RegExp, ...args: string[]): Promise<void> {
  const result = await cli(...args);
  const shown = `${args.join(' ')} -> ${result.code}: ${JSON.stringify(result.stderr)}`;
  assert.equal(result.code, expectedCode, shown);
  assert.equal(result.stderr.length, 1, shown);
  assert.doesNotMatch(result.stderr[0], /\n|\bat .+:\d+:\d+/, shown);
  assert.match(result.stderr[0], pattern, shown);
}

test('--store on a file that is not a database is its one-line message, for every store command', async () => {
  const db = at('not-a-db.db');
  const notAStore = new RegExp(`^${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not a Triangulate store`);
  await mistake(1, notAStore, 'stories', '--store', db);
  await mistake(1, notAStore, 'story', '1', '--store', db);
  await mistake(1, notAStore, 'ingest', at('story.txt'), '--store', db);
  await mistake(1, notAStore, 'watch', 'https://news.example/feed.xml', '--once', '--store', db);
});

test('counts out of range are one line, exit 2', async () => {
  for (const value of ['99999999999999999999', '0', '1.5', '1e3', 'ten', '2147483648']) {
    await mistake(2, /--limit takes a whole number from 1 to 2147483647/, 'stories', '--limit', value);
  }
  await mistake(2, /--batch takes a whole number/, 'ingest', at('story.txt'), '--batch', '1e400');
  await mistake(2, /--every must be at most 24d/, 'watch', 'https://news.example/f', '--every', '99999d');
  await mistake(2, /story id should be a positive whole number/, 'story', '1e3');
  assert.equal(parsePositiveInt('12', '--n', 1), 12);
  assert.equal(parseDuration('90s', '--every'), 90_000);
});

test('--out into a missing folder or onto a folder is refused before the analysis runs', async () => {
  await mistake(2, /--out .*: folder .*missing-folder does not exist$/, 'analyze', at('story.txt'), '--out', at('missing-folder/report.md'));
  await mistake(2, /--out .*a-folder: is a folder/, 'analyze', at('story.txt'), '--out', at('a-folder'));
  // Checked first: with an input that cannot be read, the --out mistake is still what is reported.
  await mistake(2, /--out .*missing-folder/, 'analyze', at('no-such-input.txt'), '--out', at('missing-folder/report.md'));
  assert.ok(!existsSync(at('missing-folder')));
  const written = await cli('analyze', at('story.txt'), '--out', at('report.md'));
  assert.equal(written.code, 0, written.stderr.join('\n'));
  assert.match(written.stderr.at(-1) ?? '', /^wrote .*report\.md \(1 article, \d+ facts?, 0 disputes\)$/);

  const db = at('out.db');
  assert.equal((await cli('ingest', at('story.txt'), '--store', db)).code, 0);
  await mistake(2, /--out .*: folder .* does not exist/, 'story', '1', '--store', db, '--out', at('missing-folder/s.md'));
  await mistake(2, /--out .*a-folder: is a folder/, 'story', '1', '--store', db, '--out', at('a-folder'));
});

test('serve path checks: --db into a missing folder or onto a folder, --from a missing path', () => {
  const usage = (pattern: RegExp) => (error: unknown) => isUsageError(error) && pattern.test(error.message) && !error.message.includes('\n');
  assert.throws(() => checkStorePath(at('missing-folder/store.db'), '--db'), usage(/^--db .*store\.db: folder .*missing-folder does not exist$/));
  assert.throws(() => checkStorePath(at('a-folder'), '--db'), usage(/^--db .*a-folder: is a folder/));
  assert.throws(() => checkStorePath(at('story.txt/x.db'), '--db'), usage(/is not a folder/));
  checkStorePath(at('new.db'), '--db');
  checkStorePath(at('not-a-db.db'), '--db'); // exists: whether it is a store is openStore's to say
  checkStorePath(':memory:', '--db');
  assert.ok(!existsSync(at('new.db')), 'checking creates nothing');
  assert.throws(() => checkInputPaths([at('story.txt'), at('nope')], '--from'), usage(/^--from .*nope: no such file or folder$/));
  checkInputPaths([at('story.txt'), at('a-folder'), 'https://news.example/feed.xml'], '--from');
  assert.throws(() => checkOutputPath(at('missing-folder/x.html')), usage(/^--out /));
});

test('a corrected file is counted as revised and is a success; counts are worded for one', async () => {
  const db = at('revised.db');
  const file = at('revised.txt');
  writeFileSync(file, story('Two boats sank.'));
  const first = await cli('ingest', file, '--store', db);
  assert.equal(first.code, 0, first.stderr.join('\n'));
  assert.match(first.stderr.at(-1) ?? '', /^1 new article, 1 new story; store /);
  writeFileSync(file, story('Three boats sank, the coast guard said later, correcting an earlier figure.'));
  const corrected = await cli('ingest', file, '--store', db);
  assert.equal(corrected.code, 0, corrected.stderr.join('\n'));
  assert.match(corrected.stderr.at(-1) ?? '', /^0 new articles, 1 revised, 0 new stories; store /);
  const again = await cli('ingest', file, '--store', db);
  assert.equal(again.code, 0);
  assert.match(again.stderr.at(-1) ?? '', /^0 new articles, 1 already stored, 0 new stories; store /);
});

test('worker and status on an SQLite path are a usage error that leaves no store file behind', async () => {
  const file = at('never-created.db');
  await mistake(2, /^triangulate worker: a PostgreSQL store is needed \(--store postgres:\/\/… or \$TRIANGULATE_STORE\); .*never-created\.db is an SQLite file/, 'worker', '--store', file);
  await mistake(2, /^triangulate status: only a PostgreSQL store has a job queue \(--store postgres:\/\/… or \$TRIANGULATE_STORE\); .*never-created\.db is an SQLite file$/, 'status', '--store', file);
  assert.equal(existsSync(file), false, 'no empty store was created');
});
