// Changed texts are new versions of the article they correct, not duplicates and not second articles; and a
// --store that is not a store is one clear line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../store/index.js';
import type { Article } from '../clean/types.js';
import { ingestSources } from './index.js';
import { StoryIngestor } from './ingestor.js';

function tempDir(): { dir: string; done: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'revisions-test-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

const FIRST = 'A cruise ship struck a pillar of the Rhine bridge near Duisburg on Tuesday evening.\n\nTwenty-five passengers were hurt, the river police in Duisburg said.';
const CORRECTED = 'A cruise ship struck a pillar of the Rhine bridge near Duisburg on Tuesday evening.\n\nTwenty-seven passengers were hurt, the river police in Duisburg said on Wednesday.';

function documentsCounted(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (JSON.parse((db.prepare("SELECT value FROM meta WHERE key = 'clusterer'").get() as { value: string }).value) as { documents: number }).documents;
  } finally {
    db.close();
  }
}

test('a corrected copy of a file is a new version of its article: one article, its story sees the new text', async () => {
  const { dir, done } = tempDir();
  try {
    const file = path.join(dir, 'bridge.txt');
    const db = path.join(dir, 'store.db');
    writeFileSync(file, `Ship hits Rhine bridge near Duisburg\n\n${FIRST}`);
    const store = await openStore(db);
    await ingestSources(store, [file]);
    const [story] = await store.listStories();
    const before = (await store.getStory(story.id))!.version;

    writeFileSync(file, `Ship hits Rhine bridge near Duisburg\n\n${CORRECTED}`);
    await ingestSources(store, [file]);
    assert.equal(await store.articleCount(), 1, 'not a second article');
    const current = (await store.getArticle(1))!;
    assert.equal(current.version, 2);
    assert.match(current.article.text, /Twenty-seven/);
    assert.deepEqual((await store.articleHistory(1)).map((v) => v.version), [1]);
    assert.match((await store.articleHistory(1))[0].article.text, /Twenty-five/, 'the old text is kept');
    assert.deepEqual((await store.storyArticles(story.id)).map((a) => a.version), [2], 'the story sees the new text');
    assert.ok((await store.getStory(story.id))!.version > before, 'its story version grew (cached dossiers are rebuilt)');

    // Reading the corrected file again changes nothing.
    await ingestSources(store, [file]);
    assert.equal((await store.getArticle(1))!.version, 2);
    await store.close();
    assert.equal(documentsCounted(db), 1, 'the clusterer counted the article once, not once per version');
  } finally {
    done();
  }
});

test('a changed text under the same URL is reported as a revision by the ingestor', async () => {
  const store = await openStore(':memory:');
  const ingestor = new StoryIngestor(store);
  const base: Article = {
    id: 'bridge',
    origin: 'https://news.example/bridge',
    url: 'https://news.example/bridge',
    outlet: 'News Example',
    title: 'Ship hits Rhine bridge near Duisburg',
    publishedAt: '2017-12-27',
    byline: null,
    credits: [],
    text: FIRST,
    removed: [],
    diagnostics: [],
  };
  const first = await ingestor.addBatch([base]);
  assert.equal(first.stored, 1);
  const second = await ingestor.addBatch([{ ...base, text: CORRECTED }]);
  assert.equal(second.stored, 0);
  assert.equal(second.duplicates, 0);
  assert.equal(second.revised, 1);
  assert.deepEqual(second.revisions, [{ articleId: first.placed[0].articleId, storyId: first.placed[0].storyId, version: 2 }]);
  assert.equal((await store.storyArticles(first.placed[0].storyId))[0].article.text, CORRECTED);
  await store.close();
});

test('ingest --store on a file that is not a database prints one line and exits 1', async () => {
  const { dir, done } = tempDir();
  try {
    const notADb = path.join(dir, 'notes.txt');
    writeFileSync(notADb, 'These are my notes, not a database.\n'.repeat(50));
    const input = path.join(dir, 'a.txt');
    writeFileSync(input, `Ship hits Rhine bridge\n\n${FIRST}`);
    const { command } = await import('../cli/commands/ingest.js');
    const lines: string[] = [];
    const code = await command.run([input, '--store', notADb], { stdout: () => {}, stderr: (line) => lines.push(line) });
    assert.equal(code, 1);
    assert.deepEqual(lines, [`${notADb}: not a Triangulate store (file is not a database)`]);
  } finally {
    done();
  }
});
