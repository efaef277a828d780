import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../../store/index.js';
import { StoryIngestor } from '../../ingest/index.js';
import type { Article } from '../../clean/types.js';
import { storyDossier } from './story.js';
import { command as storiesCommand } from './stories.js';

const report = (id: string, outlet: string, extra: string): Article => ({
  id,
  origin: `${id}.txt`,
  url: `https://${outlet}/${id}`,
  outlet,
  title: 'Ferry runs aground near Skarholm',
  publishedAt: '2024-02-01',
  byline: null,
  credits: [],
  text: `A passenger ferry ran aground near Skarholm on Thursday, the coast guard said. All 120 passengers were taken ashore. ${extra}`,
  removed: [],
  diagnostics: [],
});

test('a story dossier is cached until the story gains an article', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'story-cmd-'));
  const file = path.join(dir, 'store.db');
  const store = await openStore(file);
  const ingestor = new StoryIngestor(store);
  await ingestor.addBatch([report('a', 'herald.example', 'The ferry was refloated at high tide.'), report('b', 'post.example', 'Divers checked the hull.')]);
  const first = (await storyDossier(store, 1))!;
  assert.equal(first.cached, false);
  assert.equal(first.dossier.articles.length, 2);
  assert.equal((await storyDossier(store, 1))!.cached, true);
  await ingestor.addBatch([report('c', 'times.example', 'The operator apologised to passengers.')]);
  const updated = (await storyDossier(store, 1))!;
  assert.equal(updated.cached, false);
  assert.equal(updated.dossier.articles.length, 3);

  await store.close();

  let out = '';
  const code = await storiesCommand.run(['--store', file, '--format', 'json'], { stdout: (t) => (out += t), stderr: () => {} });
  assert.equal(code, 0);
  const listed = JSON.parse(out) as { id: number; articleCount: number; outletCount: number }[];
  assert.deepEqual(listed.map((s) => [s.id, s.articleCount, s.outletCount]), [[1, 3, 3]]);
  rmSync(dir, { recursive: true, force: true });
});
