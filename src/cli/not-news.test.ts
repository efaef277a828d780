// `analyze README.md` says, on one line, that the input is no news article; an article in .md does not.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from './main.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cli-not-news-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);

const README = [
  '# harbourctl',
  '',
  'Command-line tools for harbour schedules.',
  '',
  '## Install',
  '',
  '```sh',
  'npm install -g harbourctl',
  '```',
  '',
  '## Usage',
  '',
  '- `harbourctl list`: list berths',
  '- `harbourctl book <berth>`: book a berth',
  '',
  '## License',
  '',
  'MIT',
  '',
].join('\n');

const ARTICLE = [
  '# Lindqvist harbour floods after storm',
  '',
  'Lindqvist harbour flooded on Tuesday night after a storm pushed the sea over the quay, the coast guard said.',
  'Crews worked along the waterfront until dawn and residents were asked to stay indoors, police said.',
  '',
  '"We have not seen water this high in thirty years," harbour master Jon Berg told reporters on Wednesday.',
  '',
].join('\n');

writeFileSync(at('README.md'), README);
writeFileSync(at('flood.md'), ARTICLE);
mkdirSync(at('coverage'));
writeFileSync(at('coverage/flood.txt'), ARTICLE);
writeFileSync(at('coverage/README.txt'), README);

async function analyze(...args: string[]): Promise<{ code: number; stderr: string[] }> {
  const stderr: string[] = [];
  const code = await main(['analyze', ...args, '--format', 'json'], { stdout: () => {}, stderr: (line) => stderr.push(line) });
  return { code, stderr };
}

test('a README named on the command line is analysed anyway, with one line saying it is no article', async () => {
  const { code, stderr } = await analyze(at('README.md'));
  assert.equal(code, 0, stderr.join('\n'));
  const lines = stderr.filter((l) => l.includes('does not look like a news article'));
  assert.equal(lines.length, 1, stderr.join('\n'));
  assert.match(lines[0], new RegExp(`^${at('README.md').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: does not look like a news article \\(file name README; .+\\); analysed anyway$`));
});

test('an article kept as Markdown is analysed without a word', async () => {
  const { code, stderr } = await analyze(at('flood.md'));
  assert.equal(code, 0);
  assert.deepEqual(stderr.filter((l) => l.includes('news article')), []);
});

test('a README found inside a folder of articles is skipped with one line', async () => {
  const { code, stderr } = await analyze(at('coverage'));
  assert.equal(code, 0, stderr.join('\n'));
  assert.deepEqual(
    stderr.filter((l) => l.includes('news article')),
    [`${at('coverage/README.txt')}: does not look like a news article (file name README; Markdown headings, lists or code in 82% of its lines; no reporting in it); skipped`],
  );
});
