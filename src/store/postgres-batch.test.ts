// PostgreSQL holds back the inserts of a batch announced with expectArticles and writes them in one statement
// (see PendingInserts in postgres.ts). What the store holds afterwards must be what row-by-row inserts give:
// the same article ids, stories and story versions, and a failure in the batch must still fail it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase, testPostgres } from '../../test/postgres.js';
import type { Article } from '../clean/types.js';
import { PostgresStore } from './postgres.js';
import type { StoryPlacement } from './types.js';

const server = await testPostgres();
const skip = 'skip' in server ? server.skip : false;

async function withStore(fn: (store: PostgresStore) => Promise<void>): Promise<void> {
  if ('skip' in server) throw new Error(server.skip);
  const database = await createTestDatabase(server.url);
  const store = await PostgresStore.open(database.url);
  try {
    await fn(store);
  } finally {
    await store.close();
    await database.drop();
  }
}

function article(n: number, overrides: Partial<Article> = {}): Article {
  return {
    id: `a${n}`,
    origin: `feed#${n}`,
    url: `https://news.example/${n}`,
    outlet: 'Gazette',
    title: `Title ${n}`,
    publishedAt: '2020-01-01',
    byline: null,
    credits: [],
    text: `Text of article ${n}.`,
    removed: [],
    diagnostics: [],
    ...overrides,
  } as Article;
}

/** Rows that tell what a batch did: articles (id, url, story) and stories (id, version, merged into). */
async function snapshot(store: PostgresStore): Promise<unknown> {
  return {
    articles: await store.query('SELECT id, url, story_id, version FROM articles ORDER BY id'),
    stories: await store.query('SELECT id, version, merged_into, created_at <= updated_at AS ordered FROM stories ORDER BY id'),
    duplicates: await store.query('SELECT article_id, origin, reason FROM duplicates ORDER BY id'),
  };
}

/**
 * One batch: a story created and joined twice, two joins of a story stored before the batch, a duplicate of an
 * article of the batch, a story merge in the middle, then a row-by-row insert after the batch.
 */
async function runBatch(store: PostgresStore, announce: boolean): Promise<number[]> {
  const place = (storyId: number, newStory: boolean) => (): StoryPlacement => ({ storyId, newStory });
  await store.putArticle(article(0), { place: place(1, true) });
  const ids: number[] = [];
  const batch = [article(1), article(2), article(3), article(4), article(1, { origin: 'copy#1' }), article(5), article(6), article(8)];
  await store.transaction(async () => {
    if (announce) await store.expectArticles(batch);
    ids.push((await store.putArticle(batch[0], { place: place(2, true) })).id);
    ids.push((await store.putArticle(batch[1], { place: place(2, false) })).id);
    ids.push((await store.putArticle(batch[2], { place: place(1, false) })).id);
    ids.push((await store.putArticle(batch[3], { place: place(2, false) })).id);
    ids.push((await store.putArticle(batch[7], { place: place(1, false) })).id);
    ids.push((await store.putArticle(batch[4], { place: place(9, true) })).id);
    await store.mergeStory(1, 2);
    ids.push((await store.putArticle(batch[5], { place: place(3, true) })).id);
    ids.push((await store.putArticle(batch[6], { place: place(4, false) })).id);
  });
  ids.push((await store.putArticle(article(7))).id);
  return ids;
}

test('postgres batch: held-back inserts leave what row-by-row inserts leave', { skip }, async () => {
  let plain: { ids: number[]; rows: unknown } | undefined;
  await withStore(async (store) => {
    plain = { ids: await runBatch(store, false), rows: await snapshot(store) };
  });
  await withStore(async (store) => {
    const ids = await runBatch(store, true);
    assert.deepEqual(ids, plain!.ids);
    assert.deepEqual(await snapshot(store), plain!.rows);
    assert.equal((await store.getStory(2))!.articleCount, 6);
    assert.equal((await store.getStory(4))!.version, 1, 'a joined story that did not exist is created');
  });
});

test('postgres batch: a new story id already in use fails the batch, with nothing of it stored', { skip }, async () => {
  await withStore(async (store) => {
    await store.putArticle(article(0), { place: () => ({ storyId: 1, newStory: true }) });
    await assert.rejects(
      store.transaction(async () => {
        await store.expectArticles([article(1), article(2)]);
        await store.putArticle(article(1), { place: () => ({ storyId: 2, newStory: true }) });
        await store.putArticle(article(2), { place: () => ({ storyId: 1, newStory: true }) });
      }),
      /unique|duplicate/i,
    );
    assert.equal(await store.articleCount(), 1);
    assert.equal(await store.getStory(2), null);
    assert.equal((await store.putArticle(article(3))).status, 'stored', 'the store is usable afterwards');
  });
});

test('postgres batch: inserts held inside a failed nested transaction are undone with it, the others kept', { skip }, async () => {
  await withStore(async (store) => {
    const kept: number[] = [];
    await store.transaction(async () => {
      await store.expectArticles([article(1), article(2), article(3)]);
      kept.push((await store.putArticle(article(1), { place: () => ({ storyId: 1, newStory: true }) })).id);
      await assert.rejects(
        store.transaction(async () => {
          await store.putArticle(article(2), { place: () => ({ storyId: 1, newStory: false }) });
          throw new Error('inner failure');
        }),
        /inner failure/,
      );
      kept.push((await store.putArticle(article(3), { place: () => ({ storyId: 1, newStory: false }) })).id);
    });
    assert.deepEqual((await store.query<{ url: string }>('SELECT url FROM articles ORDER BY id')).map((r) => r.url), ['https://news.example/1', 'https://news.example/3']);
    assert.deepEqual((await store.storyArticles(1)).map((a) => a.id).sort(), kept.sort());
    assert.equal((await store.getStory(1))!.version, 2);
  });
});
