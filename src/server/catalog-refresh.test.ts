// Concurrent refreshes of the search index share the store reads: requests arriving together do not each
// list every story, and a refresh asked for after a write sees that write even when one was already running.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, type ArticleStore } from '../store/index.js';
import type { Article } from '../clean/types.js';
import { StoryCatalog } from './catalog.js';

function article(n: number, text: string): Article {
  return {
    id: `a${n}`,
    origin: `a${n}.txt`,
    url: null,
    outlet: `Outlet ${n}`,
    title: `Harbour report ${n}`,
    publishedAt: '2025-03-14',
    byline: null,
    credits: [],
    text,
    removed: [],
    diagnostics: [],
  };
}

async function addStory(store: ArticleStore, storyId: number, text: string): Promise<void> {
  const put = await store.putArticle(article(storyId, text));
  await store.setArticleStory(put.id, storyId, { newStory: true });
}

/** The store, counting story listings; `hold` makes the next story read wait until `release` is called. */
function watched(store: ArticleStore) {
  let listings = 0;
  let gate: Promise<void> | null = null;
  let open = () => {};
  const proxy = new Proxy(store, {
    get(target, key) {
      const value = Reflect.get(target, key) as unknown;
      if (key === 'listStories') {
        return (...args: Parameters<ArticleStore['listStories']>) => {
          listings++;
          return target.listStories(...args);
        };
      }
      if (key === 'storyArticles') {
        return async (id: number) => {
          const waiting = gate;
          gate = null;
          if (waiting) await waiting;
          return target.storyArticles(id);
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    store: proxy,
    listings: () => listings,
    hold: () => (gate = new Promise<void>((resolve) => (open = resolve))),
    release: () => open(),
  };
}

test('refreshes asked for together share one read of the store', async () => {
  const store = await openStore(':memory:');
  try {
    await addStory(store, 1, 'A zeppelin was seen over the harbour on Friday.');
    const w = watched(store);
    // recheckMs 0: every call would look at the store if it did not join the one running.
    const catalog = new StoryCatalog(w.store, 0);
    await Promise.all([catalog.refresh(), catalog.refresh(), catalog.refresh()]);
    assert.equal(w.listings(), 1, 'one listing for three concurrent refreshes');
    assert.equal(catalog.search({ text: 'zeppelin' }).total, 1);
  } finally {
    await store.close();
  }
});

test('a forced refresh during a running one runs once more after it, shared, and sees the write', async () => {
  const store = await openStore(':memory:');
  try {
    await addStory(store, 1, 'A zeppelin was seen over the harbour on Friday.');
    const w = watched(store);
    const catalog = new StoryCatalog(w.store, 0);
    w.hold();
    const first = catalog.refresh(true);
    // Let the first refresh list the stories and stop on reading story 1's articles.
    while (w.listings() === 0) await new Promise((r) => setImmediate(r));
    await addStory(store, 2, 'Harbour cranes were repaired by the night shift.');
    const second = catalog.refresh(true);
    const third = catalog.refresh(true);
    w.release();
    await Promise.all([first, second, third]);
    assert.equal(w.listings(), 2, 'the running refresh and one more, not one per caller');
    assert.ok(catalog.get(2), 'the story written while the first refresh ran is indexed');
    assert.equal(catalog.search({ text: 'cranes' }).total, 1);
  } finally {
    await store.close();
  }
});
