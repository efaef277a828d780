// The search index forgets a hidden article's words: a small story is re-read at once, a large one in the
// background (a worker in the server; a stand-in here) while its entry keeps answering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../store/index.js';
import type { Article } from '../clean/types.js';
import { OFFLOAD_ARTICLES, readStoryDelta, StoryCatalog } from './catalog.js';
import { waitFor } from '../../test/wait.js';

function article(n: number, text: string): Article {
  return {
    id: `a${n}`,
    origin: `a${n}.txt`,
    url: null,
    outlet: `Outlet ${n % 7}`,
    title: `Harbour report ${n}`,
    publishedAt: '2025-03-14',
    byline: null,
    credits: [],
    text,
    removed: [],
    diagnostics: [],
  };
}

async function storyOf(size: number) {
  const store = await openStore(':memory:');
  const ids: number[] = [];
  for (let n = 0; n < size; n++) {
    const text = n === 0 ? 'A zeppelin was seen over the harbour on Friday.' : `Harbour cranes were repaired on day ${n} of the works.`;
    const put = await store.putArticle(article(n, text));
    await store.setArticleStory(put.id, 1, { newStory: n === 0 });
    ids.push(put.id);
  }
  return { store, ids };
}

/** Waits until `check` holds (the off-loop re-read has landed); a deadline against hanging, not a timing claim. */
async function until(check: () => boolean): Promise<void> {
  await waitFor('the re-read to land', check, { everyMs: 10 });
}

test("a small story's words are read again at once when an article is hidden, and again when it is restored", async () => {
  const { store, ids } = await storyOf(3);
  const catalog = new StoryCatalog(store, 0);
  await catalog.refresh(true);
  assert.equal(catalog.search({ text: 'zeppelin' }).total, 1);
  await store.hideArticle(ids[0]);
  await catalog.refresh(true);
  assert.equal(catalog.search({ text: 'zeppelin' }).total, 0);
  assert.equal(catalog.search({ text: 'cranes' }).total, 1);
  assert.equal(catalog.get(1)!.summary.articleCount, 2);
  await store.restoreArticle(ids[0]);
  await catalog.refresh(true);
  assert.equal(catalog.search({ text: 'zeppelin' }).total, 1);
  await store.close();
});

test("a large story is re-read whole off the event loop when an article is hidden", async () => {
  const { store, ids } = await storyOf(OFFLOAD_ARTICLES + 2);
  const calls: number[][] = [];
  const catalog = new StoryCatalog(store, 0, async (storyId, known) => {
    calls.push(known);
    await new Promise((r) => setTimeout(r, 5));
    return readStoryDelta(store, storyId, new Set(known));
  });
  await catalog.refresh(true);
  assert.equal(catalog.search({ text: 'zeppelin' }).total, 1);
  await store.hideArticle(ids[0]);
  await catalog.refresh(true);
  assert.equal(catalog.get(1)!.summary.articleCount, OFFLOAD_ARTICLES + 1, 'the new counts show at once');
  await until(() => catalog.search({ text: 'zeppelin' }).total === 0);
  assert.equal(catalog.search({ text: 'cranes' }).total, 1);
  assert.deepEqual(calls.at(-1), [], 'the last read took every article');
  assert.equal(catalog.search({ minArticles: OFFLOAD_ARTICLES + 1 }).total, 1);
  assert.equal(catalog.search({ minArticles: OFFLOAD_ARTICLES + 2 }).total, 0);
  await store.close();
});
