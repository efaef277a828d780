// Files are what they claim: only regular files are read, reading stops at the cap by bytes actually read,
// and trouble inside a folder is one line per entry while the rest is read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readInputs, readLocalFile, isReadError } from './index.js';

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'triangulate-special-'));
  t.after(() => {
    // chmod back first, or the folder cannot be removed.
    for (const locked of ['locked']) if (existsSync(path.join(dir, locked))) chmodSync(path.join(dir, locked), 0o755);
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

const hasMkfifo = (() => {
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

test('a FIFO and a link to /dev/zero in a folder are one line each, refused without waiting, and the rest is read', { skip: !hasMkfifo || !existsSync('/dev/zero') ? 'needs mkfifo and /dev/zero' : false, timeout: 10_000 }, async (t) => {
  const dir = tempDir(t);
  writeFileSync(path.join(dir, 'good.txt'), 'A good story.');
  execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
  symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
  const { articles, problems } = await readInputs([dir]);
  assert.deepEqual(articles.map((a) => a.id), ['good']);
  assert.deepEqual(
    problems.map((p) => `${path.basename(p.origin)}: ${p.reason}`),
    ['pipe.txt: not a regular file (FIFO)', 'zero.txt: not a regular file (device)'],
  );
  // Named directly, too: refused by what they are, not by their names.
  const direct = await readInputs([path.join(dir, 'pipe.txt'), '/dev/zero', path.join(dir, 'zero.txt'), path.join(dir, 'good.txt')]);
  assert.deepEqual(direct.articles.map((a) => a.id), ['good']);
  assert.deepEqual(direct.problems.map((p) => p.reason), ['not a regular file (FIFO)', 'not a regular file (device)', 'not a regular file (device)']);
  await assert.rejects(readLocalFile(path.join(dir, 'pipe.txt')), (error: unknown) => isReadError(error) && error.code === 'not-a-regular-file');
});

test('reading stops at the cap by bytes actually read, whatever size the file system reports', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'eleven.txt');
  writeFileSync(file, 'eleven byte');
  assert.equal((await readLocalFile(file, 11)).toString(), 'eleven byte');
  await assert.rejects(readLocalFile(file, 10), (error: unknown) => isReadError(error) && error.code === 'too-large');
  // /proc files report a size of 0 and hold more: only the bytes read can tell.
  const procFile = '/proc/self/maps';
  if (existsSync(procFile) && statSync(procFile).size === 0) {
    await assert.rejects(readLocalFile(procFile, 64), (error: unknown) => isReadError(error) && error.code === 'too-large' && error.message === 'file is over the 0.0 MB limit');
    assert.ok((await readLocalFile(procFile, 10 * 1024 * 1024)).length > 64);
  }
});

test('an unreadable subfolder is one line and the rest of the folder is read', { skip: process.getuid?.() === 0 ? 'root reads any folder' : false }, async (t) => {
  const dir = tempDir(t);
  writeFileSync(path.join(dir, 'a.txt'), 'First story.');
  mkdirSync(path.join(dir, 'locked'));
  writeFileSync(path.join(dir, 'locked', 'secret.txt'), 'Hidden story.');
  mkdirSync(path.join(dir, 'open'));
  writeFileSync(path.join(dir, 'open', 'b.txt'), 'Second story.');
  chmodSync(path.join(dir, 'locked'), 0o000);
  const { articles, problems } = await readInputs([dir]);
  assert.deepEqual(articles.map((a) => a.id), ['a', 'b']);
  assert.deepEqual(problems.map((p) => `${path.relative(dir, p.origin)}: ${p.reason}`), ['locked: permission denied']);
});

test('dangling and looping links inside a folder get a line each; the rest is read', async (t) => {
  const dir = tempDir(t);
  writeFileSync(path.join(dir, 'real.txt'), 'A real story.');
  symlinkSync(path.join(dir, 'gone.txt'), path.join(dir, 'dangling.txt'));
  symlinkSync('loop-b', path.join(dir, 'loop-a'));
  symlinkSync('loop-a', path.join(dir, 'loop-b'));
  mkdirSync(path.join(dir, 'sub'));
  writeFileSync(path.join(dir, 'sub', 'inner.txt'), 'An inner story.');
  symlinkSync('..', path.join(dir, 'sub', 'up'));
  // A second way into an already read folder is no loop: it is read once, silently.
  symlinkSync('sub', path.join(dir, 'sub-again'));
  const { articles, problems } = await readInputs([dir]);
  assert.deepEqual(articles.map((a) => a.id), ['real', 'inner']);
  assert.deepEqual(problems.map((p) => `${path.relative(dir, p.origin)}: ${p.reason}`), [
    'dangling.txt: broken symbolic link (its target does not exist)',
    'loop-a: symbolic link loop',
    'loop-b: symbolic link loop',
    `${path.join('sub', 'up')}: symbolic link loop (leads back to ${realDir(dir)})`,
  ]);
  for (const p of problems) assert.doesNotMatch(p.reason, /\n/);
});

function realDir(dir: string): string {
  return execFileSync('realpath', [dir]).toString().trim();
}
