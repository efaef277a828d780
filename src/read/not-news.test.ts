import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { notNewsReason, screenNotNews, textShape } from './not-news.js';
import type { RawArticle } from './types.js';

const README = `# fastq-lite

[![CI](https://example.org/badge.svg)](https://example.org/ci)

Fast, in-memory work queue for Node.js.

## Install

\`\`\`sh
npm install fastq-lite
\`\`\`

## Usage

\`\`\`js
import { queue } from 'fastq-lite';
const q = queue(worker, 2);
q.push(42);
\`\`\`

## Options

- \`concurrency\`: how many tasks run at once
- \`timeout\`: milliseconds before a task fails

## License

MIT
`;

const MIT = `MIT License

Copyright (c) 2024 Example

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
documentation files (the "Software"), to deal in the Software without restriction.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.
`;

const CHANGELOG = `# Changelog

## [1.2.0] - 2024-05-01
Added a timeout option.

## [1.1.0] - 2024-03-12
Fixed a crash when the queue was drained twice.
`;

const CODE = `import { readFile } from 'node:fs/promises';

export async function load(file) {
  const text = await readFile(file, 'utf8');
  return JSON.parse(text);
}
`;

const CONFIG = `server:
  port: 8080
  host: "127.0.0.1"
logging:
  level: info
  pretty: true
`;

// A real article kept as Markdown: a heading, a byline, prose paragraphs with attribution.
const MARKDOWN_ARTICLE = `# Harbour floods in Lindqvist after overnight storm

*By Maria Holm*

Lindqvist harbour flooded on Tuesday night after a storm pushed the sea over the quay, the coast guard said.
Crews worked along the waterfront until dawn and residents of the lower town were asked to stay indoors.

"We have not seen water this high in thirty years," harbour master Jon Berg told reporters on Wednesday.
Two fishing boats sank at their moorings, according to the port authority, and nobody was hurt.

## Clean-up begins

The town council said the clean-up would take at least a week and asked volunteers to register online.
Police closed the coastal road while engineers inspected the sea wall for damage.
`;

test('a README, a licence, a changelog, code and a config file are not news, and each says why', () => {
  const readme = notNewsReason(README, 'docs/README.md');
  assert.ok(readme, 'README');
  assert.match(readme, /file name README/);
  assert.match(readme, /Markdown headings, lists or code in \d+% of its lines/);
  assert.match(notNewsReason(MIT, 'LICENSE') ?? '', /licence text/);
  // Whatever the name: a licence is a licence.
  assert.match(notNewsReason(MIT, 'terms.txt') ?? '', /licence text/);
  assert.match(notNewsReason(CHANGELOG, 'notes.md') ?? '', /2 version headings, as in a changelog/);
  assert.match(notNewsReason(CODE, 'load.js') ?? '', /a \.js file/);
  assert.match(notNewsReason(CODE, 'load.txt') ?? '', /code or settings in \d+% of its lines/);
  assert.match(notNewsReason(CONFIG, 'settings.yaml') ?? '', /a \.yaml file/);
  // The same README found under another name is still told by its shape.
  assert.match(notNewsReason(README, 'notes.txt') ?? '', /Markdown headings/);
});

test('an article kept as Markdown is news, even with headings and under an unlucky name', () => {
  assert.equal(notNewsReason(MARKDOWN_ARTICLE, 'harbour-floods.md'), null);
  assert.equal(notNewsReason(MARKDOWN_ARTICLE, 'README.txt'), null);
  const shape = textShape(MARKDOWN_ARTICLE);
  assert.ok(shape.proseShare > 0.8, JSON.stringify(shape));
  assert.ok(shape.reportingCues >= 5, JSON.stringify(shape));
  // A short plain brief has nothing that marks it as a document.
  assert.equal(notNewsReason('Ferry service resumes. The line reopened at noon, the operator said.', 'brief.txt'), null);
});

test('an HTML page is judged by its name and wording, not by Markdown shapes', () => {
  const page = '<html><body><ul><li>a</li><li>b</li></ul><p>Officials said the bridge reopened on Monday, police confirmed.</p></body></html>';
  assert.equal(notNewsReason(page, 'bridge.html', 'html'), null);
  assert.match(notNewsReason(`<html><body><pre>${MIT}</pre></body></html>`, 'license.html', 'html') ?? '', /licence text/);
});

const raw = (origin: string, content: string): RawArticle => ({ id: 'x', origin, format: 'text', content, hints: {} });

test('a named file is analysed anyway with one line; one found in a folder is skipped with one line', () => {
  const read = { articles: [raw('README.md', README)], problems: [] };
  const named = screenNotNews(read, 'README.md', true);
  assert.equal(named.articles.length, 1);
  assert.equal(named.problems.length, 1);
  assert.match(named.problems[0].reason, /^does not look like a news article \(file name README; .+\); analysed anyway$/);
  const found = screenNotNews({ articles: [raw('notes/README.txt', README)], problems: [] }, 'notes/README.txt', false);
  assert.deepEqual(found.articles, []);
  assert.match(found.problems[0].reason, /; skipped$/);
  // News passes untouched; records and feed items ("file#2") are left to their fields.
  const article = { articles: [raw('flood.md', MARKDOWN_ARTICLE)], problems: [] };
  assert.equal(screenNotNews(article, 'flood.md', false), article);
  const items = { articles: [raw('feed.rss#1', README)], problems: [] };
  assert.equal(screenNotNews(items, 'feed.rss', false), items);
});

test('the seed articles are all news', (t) => {
  const seeds = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/seeds');
  if (!existsSync(seeds)) {
    t.skip(`no ${seeds}`);
    return;
  }
  for (const file of readdirSync(seeds)) {
    assert.equal(notNewsReason(readFileSync(path.join(seeds, file), 'utf8'), file), null, file);
  }
});
