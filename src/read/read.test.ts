import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, truncateSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readInputs, readRecord, readText, isReadError, MAX_INPUT_BYTES } from './index.js';

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'triangulate-read-'));
}

test('reads a folder recursively in sorted order with ids from file names', async (t) => {
  const dir = tempDir();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, 'sub'));
  writeFileSync(path.join(dir, 'b story.txt'), 'Second story.\n');
  writeFileSync(path.join(dir, 'a.html'), '<html><body><p>First.</p></body></html>');
  writeFileSync(path.join(dir, 'sub', 'c.htm'), '<p>Third.</p>');
  writeFileSync(path.join(dir, 'notes.md'), 'not an input');
  writeFileSync(path.join(dir, '.hidden.txt'), 'hidden');
  const { articles, problems } = await readInputs([dir]);
  assert.deepEqual(problems, []);
  assert.deepEqual(
    articles.map((a) => [a.id, path.relative(dir, a.origin), a.format]),
    [
      ['a', 'a.html', 'html'],
      ['b-story', 'b story.txt', 'text'],
      ['c', path.join('sub', 'c.htm'), 'html'],
    ],
  );
  const again = await readInputs([dir, path.join(dir, 'a.html'), dir]);
  assert.deepEqual(again.articles.map((a) => a.id), articles.map((a) => a.id), 'same ids every run, each file read once');
});

test('reads JSON (one record or an array) and JSONL records with hints; a broken line is one problem naming the line', async (t) => {
  const dir = tempDir();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, 'one.json'), JSON.stringify({ title: 'A title', text: 'Body text.', url: 'https://example.org/a', outlet: 'Example', publishedAt: '2023-09-30' }));
  writeFileSync(path.join(dir, 'many.json'), JSON.stringify([{ html: '<p>Hi there.</p>' }, { text: 'Plain.', author: { name: 'Jane Doe' } }]));
  writeFileSync(path.join(dir, 'feed.jsonl'), ['{"id": "x-1", "text": "Line one."}', '', '{"text": "broken", }', '{"title": "no body"}', '{"text": "Line four."}'].join('\n'));
  const { articles, problems } = await readInputs([dir]);
  assert.deepEqual(
    articles.map((a) => [a.id, a.format, a.content]),
    [
      ['x-1', 'text', 'Line one.'],
      ['feed-5', 'text', 'Line four.'],
      ['many-1', 'html', '<p>Hi there.</p>'],
      ['many-2', 'text', 'Plain.'],
      ['one', 'text', 'Body text.'],
    ],
  );
  assert.deepEqual(articles.find((a) => a.id === 'one')?.hints, { title: 'A title', url: 'https://example.org/a', outlet: 'Example', publishedAt: '2023-09-30' });
  assert.equal(articles.find((a) => a.id === 'many-2')?.hints.byline, 'Jane Doe');
  assert.equal(problems.length, 2);
  assert.match(problems[0].origin, /feed\.jsonl#3$/);
  assert.match(problems[0].reason, /^invalid JSON on line 3 /);
  assert.match(problems[1].origin, /feed\.jsonl#4$/);
  assert.match(problems[1].reason, /no "text" or "html" field/);
});

test('every bad input becomes one one-line problem and the good ones are still read', async (t) => {
  const dir = tempDir();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string) => path.join(dir, name);
  writeFileSync(file('good.txt'), 'A good story.');
  writeFileSync(file('empty.txt'), '');
  writeFileSync(file('blank.txt'), '  \n\n ');
  writeFileSync(file('binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10]));
  writeFileSync(file('latin1.txt'), Buffer.from('Caf\xe9 in Belgrade', 'latin1'));
  writeFileSync(file('broken.json'), '{\n  "text": "x",\n  "title": \n}');
  // Sparse: 50 MB on paper, no data written. Refused by size before any byte is read.
  writeFileSync(file('huge.txt'), '');
  truncateSync(file('huge.txt'), 50 * 1024 * 1024);
  mkdirSync(file('empty-folder'));
  const { articles, problems } = await readInputs([dir, file('missing.txt'), file('empty-folder')]);
  assert.deepEqual(articles.map((a) => a.id), ['good']);
  const byName = Object.fromEntries(problems.map((p) => [path.basename(p.origin), p.reason]));
  assert.deepEqual(Object.keys(byName).sort(), ['binary.txt', 'blank.txt', 'broken.json', 'empty-folder', 'empty.txt', 'huge.txt', 'latin1.txt', 'missing.txt']);
  assert.equal(byName['empty.txt'], 'empty file');
  assert.match(byName['binary.txt'], /binary/);
  assert.match(byName['latin1.txt'], /not valid UTF-8 \(first bad byte at offset 3\)/);
  assert.match(byName['broken.json'], /^invalid JSON on line 4/);
  assert.match(byName['huge.txt'], /50\.0 MB, over the 20\.0 MB limit/);
  assert.equal(byName['missing.txt'], 'no such file or folder');
  assert.match(byName['empty-folder'], /^folder has no \.txt/);
  for (const p of problems) assert.doesNotMatch(p.reason, /\n/);
  assert.equal(MAX_INPUT_BYTES, 20 * 1024 * 1024);
});

test('readRecord and readText serve library users; mistakes are typed errors', () => {
  const article = readRecord({ headline: 'T', body: 'Text.', link: 'https://e.org', date: '2023-10-02' }, 'api#7');
  assert.equal(article.id, 'api-7');
  assert.deepEqual(article.hints, { title: 'T', url: 'https://e.org', publishedAt: '2023-10-02' });
  assert.equal(readText('<!doctype html><p>x</p>', 'memory').format, 'html');
  assert.equal(readText('Plain words.', 'memory').format, 'text');
  assert.throws(() => readRecord([1, 2], 'api'), (error: unknown) => isReadError(error) && error.code === 'invalid-record' && /not an array/.test(error.message));
  assert.throws(() => readRecord({ text: 42 }, 'api'), (error: unknown) => isReadError(error) && /"text" should be a string/.test(error.message));
  assert.throws(() => readText('   ', 'memory'), (error: unknown) => isReadError(error) && error.code === 'empty');
});
