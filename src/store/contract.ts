// The behaviour every ArticleStore backend must have, as node:test tests that each backend's test file
// registers with its own way of making empty stores (sqlite.test.ts, postgres.test.ts). Anything a caller
// (ingest, server, CLI) relies on belongs here, not in one backend's tests; what only one database has (WAL
// mode, file upgrades, connection strings) stays in that backend's test file.
//
// No assertion measures time: where a test must give a wrong implementation the chance to misbehave (a
// second writer that does not wait), it pauses briefly, then asserts on the order things happened in.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import type { Article } from '../clean/types.js';
import type { ArticleStore, PutArticleResult } from './types.js';

/** Makes empty stores of one backend for the contract tests. */
export interface StoreBackend {
  name: string; // 'sqlite' | 'postgres'
  /** Null when the backend can be used here, else the reason the contract tests skip (printed by node:test). */
  unavailable(): Promise<string | null>;
  /** A new, empty store location. `open` may be called several times: each call is another connection to the same store. */
  create(): Promise<{ open(options?: { busyTimeoutMs?: number }): Promise<ArticleStore>; dispose(): Promise<void> }>;
}

/** Long enough for a wrong implementation to run ahead of a transaction it should wait for. */
const HEAD_START_MS = 100;

/** A cleaned article for store tests (a short real-looking report), with `over` replacing fields. */
export function article(over: Partial<Article> = {}): Article {
  return {
    id: 'a',
    origin: 'a.txt',
    url: null,
    outlet: null,
    title: 'Bridge closed after ship strikes pillar',
    publishedAt: '2017-12-27',
    byline: null,
    credits: [],
    text: 'A cruise ship struck a bridge pillar on the Rhine near Duisburg.\n\nTwenty-five people were hurt.',
    removed: [],
    diagnostics: [],
    ...over,
  };
}

/** Another article, distinct in origin and text (`n` tells them apart). */
function other(n: number, over: Partial<Article> = {}): Article {
  return article({ id: `o${n}`, origin: `other-${n}.txt`, title: `Report ${n}`, text: `Report number ${n} on something else entirely.`, ...over });
}

/** A promise and the function that resolves it: lets a test hold a transaction open until it says so. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

async function stored(store: ArticleStore, input: Article): Promise<number> {
  const result: PutArticleResult = await store.putArticle(input);
  assert.equal(result.status, 'stored', `${input.origin} is new`);
  return result.id;
}

/** Registers the store contract tests (node:test `describe`/`test`) for one backend; skipped with the backend's reason when unavailable. */
export async function runStoreContract(backend: StoreBackend): Promise<void> {
  const reason = await backend.unavailable();

  /** Runs `fn` with a fresh store (plus a way to open more connections to it), closing and disposing all after. */
  async function withStore(fn: (store: ArticleStore, connect: (options?: { busyTimeoutMs?: number }) => Promise<ArticleStore>) => Promise<void>): Promise<void> {
    const place = await backend.create();
    const opened: ArticleStore[] = [];
    const connect = async (options?: { busyTimeoutMs?: number }) => {
      const store = await place.open(options);
      opened.push(store);
      return store;
    };
    try {
      await fn(await connect(), connect);
    } finally {
      // A test may have closed some already; closing twice is not part of the contract.
      for (const store of opened) await store.close().catch(() => undefined);
      await place.dispose();
    }
  }

  describe(`store contract: ${backend.name}`, { skip: reason ?? undefined }, () => {
    test('a new store is empty and says which backend it is', () =>
      withStore(async (store) => {
        assert.equal(store.kind, backend.name);
        assert.equal(typeof store.path, 'string');
        assert.ok(store.schemaVersion >= 1);
        assert.equal(await store.articleCount(), 0);
        assert.equal(await store.hiddenArticleCount(), 0);
        assert.equal(await store.maxStoryId(), 0);
        assert.equal(await store.getArticle(1), null);
        assert.deepEqual(await store.articleHistory(1), []);
        assert.equal(await store.getStory(1), null);
        assert.deepEqual(await store.storyArticles(1), []);
        assert.deepEqual(await store.listStories(), []);
        assert.deepEqual(await store.loadStoryStates(null), []);
      }));

    test('the same text from another origin is linked to the first copy, not stored twice', () =>
      withStore(async (store) => {
        const first = await store.putArticle(article());
        assert.equal(first.status, 'stored');
        const copy = await store.putArticle(article({ id: 'b', origin: 'b.txt', text: `  ${article().text.replace('\n\n', '\n\n\n')} ` }));
        assert.deepEqual(copy, { status: 'duplicate', id: first.id, reason: 'text', linked: true });
        assert.equal(await store.articleCount(), 1);
        assert.deepEqual(await store.duplicatesOf(first.id), [{ origin: 'b.txt', url: null, reason: 'text' }]);
        // Reading the same origin again is not a new duplicate.
        assert.deepEqual(await store.putArticle(article()), { status: 'duplicate', id: first.id, reason: 'text', linked: false });
        assert.deepEqual(await store.putArticle(article({ id: 'b', origin: 'b.txt' })), { status: 'duplicate', id: first.id, reason: 'text', linked: false });
        assert.equal((await store.duplicatesOf(first.id)).length, 1);
        assert.equal(await store.findArticleByText(article().text), first.id);
        assert.equal(await store.findArticleByText('never stored'), null);
      }));

    test('the same URL (tracking parameters and fragment aside) with the same text is a duplicate', () =>
      withStore(async (store) => {
        const first = await store.putArticle(article({ url: 'http://news.example/story/1?utm_source=x#top' }));
        const again = await store.putArticle(article({ origin: 'feed', url: 'https://news.example/story/1' }));
        assert.deepEqual(again, { status: 'duplicate', id: first.id, reason: 'url', linked: true });
        assert.deepEqual(await store.duplicatesOf(first.id), [{ origin: 'feed', url: 'https://news.example/story/1', reason: 'url' }]);
        assert.equal(await store.findArticleByUrl('https://News.example/story/1?fbclid=z'), first.id);
        assert.equal(await store.findArticleByUrl('https://news.example/story/2'), null);
        assert.equal(await store.findArticleByUrl('not a url'), null);
      }));

    test('a changed text under the same URL is a new version: old text kept, the story sees the new one', () =>
      withStore(async (store) => {
        const first = await store.putArticle(article({ url: 'https://news.example/story/1' }));
        await store.setArticleStory(first.id, 1, { newStory: true });
        const storyVersion = (await store.getStory(1))!.version;
        const corrected = 'A cruise ship struck a bridge pillar on the Rhine near Duisburg.\n\nTwenty-seven people were hurt, police said.';
        const revised = await store.putArticle(article({ origin: 'feed', url: 'https://news.example/story/1?utm_source=rss', text: corrected }));
        assert.deepEqual(revised, { status: 'revised', id: first.id, version: 2, storyId: 1 });
        assert.equal(await store.articleCount(), 1);
        const current = (await store.getArticle(first.id))!;
        assert.equal(current.version, 2);
        assert.equal(current.storyId, 1);
        assert.equal(current.article.text, corrected);
        const history = await store.articleHistory(first.id);
        assert.deepEqual(history.map((v) => [v.version, v.article.text]), [[1, article().text]]);
        assert.ok(!Number.isNaN(Date.parse(history[0].supersededAt)) && !Number.isNaN(Date.parse(history[0].ingestedAt)));
        assert.deepEqual((await store.storyArticles(1)).map((a) => a.article.text), [corrected]);
        assert.ok((await store.getStory(1))!.version > storyVersion, 'cached dossiers of the old text are not served');
        // The old text seen again (a stale copy of the page) does not flip the article back, from any origin.
        const stale = await store.putArticle(article({ origin: 'mirror', url: 'https://news.example/story/1' }));
        assert.equal(stale.status, 'duplicate');
        assert.deepEqual(await store.putArticle(article({ origin: 'copy.txt' })), { status: 'duplicate', id: first.id, reason: 'text', linked: true });
        assert.equal((await store.getArticle(first.id))!.article.text, corrected);
        assert.equal(await store.findArticleByText(article().text), first.id, 'an older text is still known');
        // A third text: versions keep counting, history keeps growing, oldest first.
        const third = await store.putArticle(article({ url: 'https://news.example/story/1', text: 'A third text of the page.' }));
        assert.deepEqual(third, { status: 'revised', id: first.id, version: 3, storyId: 1 });
        assert.deepEqual((await store.articleHistory(first.id)).map((v) => [v.version, v.article.text]), [
          [1, article().text],
          [2, corrected],
        ]);
      }));

    test('a changed URL page that now carries another stored text is a duplicate of that article', () =>
      withStore(async (store) => {
        const page = await stored(store, article({ url: 'https://news.example/a' }));
        const elsewhere = await stored(store, other(1));
        const moved = await store.putArticle(other(1, { origin: 'feed', url: 'https://news.example/a' }));
        assert.deepEqual(moved, { status: 'duplicate', id: elsewhere, reason: 'text', linked: true });
        assert.equal((await store.getArticle(page))!.version, 1);
      }));

    test('a corrected copy of a file (same path, changed text) is a new version, not a second article', () =>
      withStore(async (store) => {
        const first = await store.putArticle(article({ origin: 'in/bridge.txt' }));
        const corrected = await store.putArticle(article({ origin: 'in/bridge.txt', text: 'A cruise ship hit a bridge pillar near Duisburg. Twenty-five were hurt.' }));
        assert.deepEqual(corrected, { status: 'revised', id: first.id, version: 2, storyId: null });
        assert.equal(await store.articleCount(), 1);
        // Records inside a JSONL file are numbered, and numbers shift when lines are added: no identity by origin.
        const r1 = await store.putArticle(article({ origin: 'in/feed.jsonl#1', text: 'First record.' }));
        const r2 = await store.putArticle(article({ origin: 'in/feed.jsonl#1', text: 'A different record now on line one.' }));
        assert.equal(r1.status, 'stored');
        assert.equal(r2.status, 'stored');
        assert.notEqual(r1.id, r2.id);
      }));

    test('a new story id already in use is refused instead of mixing two stories', () =>
      withStore(async (store) => {
        const a = await stored(store, article());
        const b = await stored(store, other(1));
        await store.setArticleStory(a, 1, { newStory: true });
        assert.equal(await store.maxStoryId(), 1);
        await assert.rejects(store.setArticleStory(b, 1, { newStory: true }), /unique|duplicate/i);
        assert.equal((await store.getArticle(b))!.storyId, null);
        assert.equal((await store.getStory(1))!.articleCount, 1);
        // Without `newStory` an existing story is simply joined.
        await store.setArticleStory(b, 1);
        assert.equal((await store.getStory(1))!.articleCount, 2);
      }));

    test('an article placed as it is stored lands in its story; duplicates and revisions are never placed', () =>
      withStore(async (store) => {
        let asked = 0;
        const place = (storyId: number, newStory: boolean) => () => {
          asked++;
          return { storyId, newStory };
        };
        const first = await store.putArticle(article({ url: 'https://news.example/a' }), { place: place(3, true) });
        assert.equal(first.status, 'stored');
        assert.equal((await store.getArticle(first.id))!.storyId, 3);
        assert.equal((await store.getStory(3))!.version, 1);
        const second = await store.putArticle(other(1), { place: place(3, false) });
        assert.equal((await store.getStory(3))!.articleCount, 2);
        assert.equal((await store.getStory(3))!.version, 2, 'joining a story moves its version, as setArticleStory does');
        assert.deepEqual((await store.storyArticles(3)).map((a) => a.id).sort(), [first.id, second.id].sort());
        assert.equal(asked, 2);
        assert.equal((await store.putArticle(other(1, { origin: 'copy.txt' }), { place: place(4, true) })).status, 'duplicate');
        assert.equal((await store.putArticle(article({ url: 'https://news.example/a', text: 'A corrected text.' }), { place: place(5, true) })).status, 'revised');
        assert.equal(asked, 2, 'no story asked for a duplicate or a revision');
        assert.equal(await store.getStory(4), null);
        // A new story id already in use is refused, and the article is not stored half-way.
        await assert.rejects(store.transaction(() => store.putArticle(other(2), { place: place(3, true) })), /unique|duplicate/i);
        assert.equal(await store.articleCount(), 2);
      }));

    test('a batch announced with expectArticles gives exactly what putting it without the hint gives', () =>
      withStore(async (store) => {
        // Already stored before the batch: an article with a URL, one revised once (its old text counts as
        // seen), and a whole file.
        await store.putArticle(article({ url: 'https://news.example/known', text: 'Known text one.' }));
        await store.putArticle(article({ url: 'https://news.example/revised', text: 'Old wording.' }));
        await store.putArticle(article({ url: 'https://news.example/revised', text: 'New wording.' }));
        await store.putArticle(other(9, { origin: 'desk/file.txt', url: null, text: 'A file as first saved.' }));
        const batch = [
          other(1),
          other(1, { origin: 'copy-of-1.txt' }), // the same text again in the batch
          article({ url: 'https://news.example/known', text: 'Known text one.' }), // same URL, same text
          article({ url: 'https://news.example/known', text: 'Known text, corrected.' }), // same URL, new text
          other(2, { url: 'https://news.example/x', text: 'Old wording.' }), // an old version's text
          other(3, { origin: 'desk/file.txt', url: null, text: 'The file, corrected.' }), // the same file, changed
          other(4, { url: 'https://news.example/y' }),
          other(5, { url: 'https://news.example/y', text: 'Same page, changed within the batch.' }),
          other(6),
        ];
        const results = await store.transaction(async () => {
          await store.expectArticles(batch);
          const out = [];
          for (const input of batch) out.push((await store.putArticle(input)).status);
          return out;
        });
        assert.deepEqual(results, ['stored', 'duplicate', 'duplicate', 'revised', 'duplicate', 'revised', 'stored', 'revised', 'stored']);
        assert.equal(await store.articleCount(), 6);
      }));

    test("a story's summary counts its visible articles and outlets, titled by its first stored article", () =>
      withStore(async (store) => {
        const a = await stored(store, article({ title: 'First stored', outlet: 'Gazette', publishedAt: '2017-12-28' }));
        const b = await stored(store, other(1, { title: 'Earlier published', outlet: 'Wire', publishedAt: '2017-12-27' }));
        const c = await stored(store, other(2, { title: 'Latest', outlet: 'Gazette', publishedAt: '2017-12-29' }));
        await store.setArticleStory(a, 5, { newStory: true });
        const v1 = (await store.getStory(5))!.version;
        await store.setArticleStory(b, 5);
        await store.setArticleStory(c, 5);
        const story = (await store.getStory(5))!;
        assert.deepEqual(
          { ...story, version: undefined, updatedAt: undefined },
          { id: 5, version: undefined, articleCount: 3, outletCount: 2, title: 'First stored', firstPublished: '2017-12-27', lastPublished: '2017-12-29', updatedAt: undefined },
        );
        assert.ok(story.version > v1, 'each new article grows the version');
        assert.ok(!Number.isNaN(Date.parse(story.updatedAt)));
        assert.deepEqual((await store.storyArticles(5)).map((s) => s.id), [b, a, c], 'by publication date');
        assert.ok((await store.storyArticles(5)).every((s) => s.storyId === 5 && s.hiddenAt === null));
      }));

    test('stories are listed newest publication first, by page, with a minimum size', () =>
      withStore(async (store) => {
        const place = async (n: number, storyId: number, publishedAt: string) => store.setArticleStory(await stored(store, other(n, { publishedAt })), storyId);
        await place(1, 1, '2017-12-27');
        await place(2, 2, '2017-12-29');
        await place(3, 3, '2017-12-28');
        await place(4, 3, '2017-12-20');
        await place(5, 4, '2017-12-26');
        assert.deepEqual((await store.listStories()).map((s) => s.id), [2, 3, 1, 4]);
        assert.deepEqual((await store.listStories({ limit: 2 })).map((s) => s.id), [2, 3]);
        assert.deepEqual((await store.listStories({ limit: 2, offset: 1 })).map((s) => s.id), [3, 1]);
        assert.deepEqual((await store.listStories({ offset: 4 })).map((s) => s.id), []);
        assert.deepEqual((await store.listStories({ minArticles: 2 })).map((s) => [s.id, s.articleCount]), [[3, 2]]);
        // A merged-away story is not listed on its own.
        await store.mergeStory(4, 1);
        assert.deepEqual((await store.listStories()).map((s) => [s.id, s.articleCount]), [[2, 1], [3, 2], [1, 2]]);
      }));

    test('a merged story id resolves to the story it was merged into, whose version grew', () =>
      withStore(async (store) => {
        const a = await stored(store, article());
        const b = await stored(store, other(1, { publishedAt: '2017-12-28' }));
        const c = await stored(store, other(2, { publishedAt: '2017-12-29' }));
        await store.transaction(async () => {
          await store.setArticleStory(a, 1);
          await store.setArticleStory(b, 2);
          await store.setArticleStory(c, 3);
        });
        const before = (await store.getStory(1))!.version;
        await store.mergeStory(2, 1);
        const merged = (await store.getStory(2))!;
        assert.equal(merged.id, 1);
        assert.equal(merged.articleCount, 2);
        assert.ok(merged.version > before);
        assert.equal((await store.getArticle(b))!.storyId, 1);
        // Merging the survivor on: old pointers follow, so every id ever handed out still resolves.
        await store.mergeStory(1, 3);
        assert.equal((await store.getStory(2))!.id, 3);
        assert.equal((await store.getStory(1))!.id, 3);
        assert.deepEqual((await store.storyArticles(2)).map((s) => s.id), [a, b, c]);
        assert.deepEqual((await store.listStories()).map((s) => s.id), [3]);
        assert.equal(await store.maxStoryId(), 3);
      }));

    test('story states are saved, loaded by last day, and dropped for merged-away stories', () =>
      withStore(async (store) => {
        for (const n of [1, 2, 3]) await store.setArticleStory(await stored(store, other(n)), n, { newStory: true });
        assert.equal(await store.maxStoryId(), 3);
        await store.saveStoryStates([
          { id: 1, lastDay: 10, state: '{"s":1}' },
          { id: 2, lastDay: 20, state: '{"s":2}' },
        ]);
        const byId = (records: { id: number }[]) => [...records].sort((x, y) => x.id - y.id);
        assert.deepEqual(byId(await store.loadStoryStates(null)), [
          { id: 1, lastDay: 10, state: '{"s":1}' },
          { id: 2, lastDay: 20, state: '{"s":2}' },
        ]);
        assert.deepEqual(await store.loadStoryStates(15), [{ id: 2, lastDay: 20, state: '{"s":2}' }]);
        assert.deepEqual(await store.loadStoryStates(20), [{ id: 2, lastDay: 20, state: '{"s":2}' }]);
        assert.deepEqual(await store.loadStoryStates(21), []);
        await store.saveStoryStates([{ id: 1, lastDay: 30, state: '{"s":"1b"}' }]);
        assert.deepEqual(await store.loadStoryStates(25), [{ id: 1, lastDay: 30, state: '{"s":"1b"}' }]);
        await store.mergeStory(2, 1);
        assert.deepEqual(await store.loadStoryStates(null), [{ id: 1, lastDay: 30, state: '{"s":"1b"}' }]);
      }));

    test('a hidden article is kept but leaves its story; a story with no visible article is not listed', () =>
      withStore(async (store) => {
        const a = await stored(store, article({ title: 'First report', outlet: 'Gazette', publishedAt: '2017-12-27' }));
        const b = await stored(store, other(1, { title: 'Second report', outlet: 'Wire', publishedAt: '2017-12-28' }));
        await store.setArticleStory(a, 7);
        await store.setArticleStory(b, 7);
        const before = (await store.getStory(7))!;
        assert.equal(before.articleCount, 2);

        const hidden = (await store.hideArticle(a))!;
        assert.equal(hidden.articleId, a);
        assert.equal(hidden.changed, true);
        assert.equal(hidden.storyId, 7);
        assert.ok(hidden.hiddenAt && !Number.isNaN(Date.parse(hidden.hiddenAt)));
        const after = (await store.getStory(7))!;
        assert.equal(after.articleCount, 1);
        assert.equal(after.outletCount, 1);
        assert.equal(after.title, 'Second report', 'the title comes from a visible article');
        assert.equal(after.firstPublished, '2017-12-28');
        assert.ok(after.version > before.version, 'the version grows, so the cached dossier is not served');
        assert.deepEqual((await store.storyArticles(7)).map((s) => s.id), [b]);
        assert.equal((await store.getArticle(a))!.hiddenAt, hidden.hiddenAt, 'the row and its text are kept');
        assert.equal((await store.getArticle(a))!.article.text, article().text);
        assert.equal(await store.articleCount(), 2);
        assert.equal(await store.hiddenArticleCount(), 1);

        const again = (await store.hideArticle(a))!;
        assert.equal(again.changed, false);
        assert.equal(again.hiddenAt, hidden.hiddenAt);
        assert.equal((await store.getStory(7))!.version, after.version, 'hiding twice writes nothing');

        // Duplicate detection still knows the hidden text.
        const copy = await store.putArticle(article({ origin: 'elsewhere.txt' }));
        assert.equal(copy.status, 'duplicate');
        assert.equal(copy.id, a);
        assert.equal(await store.findArticleByText(article().text), a);

        await store.hideArticle(b);
        assert.equal(await store.getStory(7), null, 'no visible article: not found');
        assert.deepEqual(await store.listStories(), []);
        assert.deepEqual(await store.storyArticles(7), []);

        const shown = (await store.restoreArticle(a))!;
        assert.equal(shown.changed, true);
        assert.equal(shown.hiddenAt, null);
        assert.equal((await store.getStory(7))!.articleCount, 1);
        assert.deepEqual((await store.listStories()).map((s) => s.id), [7]);
        assert.equal((await store.restoreArticle(a))!.changed, false);
        assert.equal(await store.hiddenArticleCount(), 1);

        assert.equal(await store.hideArticle(999_999), null);
        assert.equal(await store.restoreArticle(999_999), null);
      }));

    test('hiding an article in no story changes only the article', () =>
      withStore(async (store) => {
        const a = await stored(store, article());
        assert.deepEqual({ ...(await store.hideArticle(a))!, hiddenAt: null }, { articleId: a, storyId: null, hiddenAt: null, changed: true });
        assert.equal(await store.hiddenArticleCount(), 1);
      }));

    test('hidden articles move with their story when it is merged, and stay hidden', () =>
      withStore(async (store) => {
        const a = await stored(store, article());
        const b = await stored(store, other(1));
        await store.setArticleStory(a, 1);
        await store.setArticleStory(b, 2);
        await store.hideArticle(b);
        await store.mergeStory(2, 1);
        assert.equal((await store.getArticle(b))!.storyId, 1);
        assert.equal((await store.getStory(1))!.articleCount, 1);
        assert.equal((await store.getStory(2))!.id, 1, 'the merged-away id still resolves');
        assert.equal((await store.restoreArticle(b))!.storyId, 1);
        assert.equal((await store.getStory(1))!.articleCount, 2);
      }));

    test('cached dossiers are returned only for the story version they were built from', () =>
      withStore(async (store) => {
        const a = await stored(store, article());
        await store.setArticleStory(a, 7);
        const version = (await store.getStory(7))!.version;
        assert.equal(await store.getLatestDossier(7), null);
        await store.putCachedDossier(7, version, '{"cached":true}');
        assert.equal(await store.getCachedDossier(7, version), '{"cached":true}');
        assert.deepEqual(await store.getLatestDossier(7), { storyId: 7, version, body: '{"cached":true}' });
        await store.setArticleStory(await stored(store, other(1)), 7);
        const newer = (await store.getStory(7))!.version;
        assert.equal(await store.getCachedDossier(7, newer), null);
        assert.deepEqual(await store.getLatestDossier(7), { storyId: 7, version, body: '{"cached":true}' }, 'the stale one is still there to show');
        assert.equal(await store.getLatestDossier(8), null);
      }));

    test('a dossier built from an older story version never replaces a newer one', () =>
      withStore(async (store) => {
        await store.putCachedDossier(3, 5, 'v5');
        await store.putCachedDossier(3, 4, 'v4, finished late');
        assert.deepEqual(await store.getLatestDossier(3), { storyId: 3, version: 5, body: 'v5' });
        assert.equal(await store.getCachedDossier(3, 4), null);
        await store.putCachedDossier(3, 5, 'v5 rebuilt');
        assert.deepEqual(await store.getLatestDossier(3), { storyId: 3, version: 5, body: 'v5 rebuilt' });
        await store.putCachedDossier(3, 6, 'v6');
        assert.equal(await store.getCachedDossier(3, 6), 'v6');
        assert.equal(await store.getCachedDossier(3, 5), null, 'one dossier per story');
      }));

    test('meta values, counters and feed states are saved and overwritten', () =>
      withStore(async (store) => {
        assert.equal(await store.getMeta('k'), null);
        await store.setMeta('k', '1');
        await store.setMeta('k', '2');
        assert.equal(await store.getMeta('k'), '2');

        assert.deepEqual(await store.loadCounters('df'), []);
        await store.putCounters('df', [
          ['bridge', 3],
          ['ship', 1],
        ]);
        await store.putCounters('df', [['ship', 7]]);
        await store.putCounters('other', [['bridge', 100]]);
        const sorted = (entries: [string, number][]) => [...entries].sort(([x], [y]) => x.localeCompare(y));
        assert.deepEqual(sorted(await store.loadCounters('df')), [
          ['bridge', 3],
          ['ship', 7],
        ]);
        assert.deepEqual(await store.loadCounters('other'), [['bridge', 100]]);

        const url = 'https://news.example/feed.xml';
        assert.equal(await store.getFeedState(url), null);
        const state = { url, etag: '"abc"', lastModified: 'Wed, 27 Dec 2017 10:00:00 GMT', failures: 0, nextAttemptAt: null, lastStatus: '200', lastCheckedAt: '2017-12-27T10:00:00.000Z' };
        await store.putFeedState(state);
        assert.deepEqual(await store.getFeedState(url), state);
        const failing = { ...state, etag: null, lastModified: null, failures: 2, nextAttemptAt: '2017-12-27T11:00:00.000Z', lastStatus: '503' };
        await store.putFeedState(failing);
        assert.deepEqual(await store.getFeedState(url), failing);
      }));

    test('a failed transaction leaves nothing behind, and its error passes through', () =>
      withStore(async (store) => {
        const crash = new Error('crash in the middle of a batch');
        await assert.rejects(
          store.transaction(async () => {
            await store.putArticle(article());
            await store.setMeta('k', 'v');
            throw crash;
          }),
          (error: unknown) => error === crash,
        );
        assert.equal(await store.articleCount(), 0);
        assert.equal(await store.getMeta('k'), null);
        assert.equal(await store.transaction(async () => 42), 42, 'the store is usable after a rollback');
      }));

    test('a nested transaction joins the outer one; when it fails only its own writes are undone', () =>
      withStore(async (store) => {
        const a = await stored(store, article());
        const b = await stored(store, other(1));
        await store.setArticleStory(a, 1, { newStory: true });
        await store.transaction(async () => {
          await store.setMeta('outer', 'kept');
          // The inner failure is a database error (a story id in use), after an inner write.
          await assert.rejects(
            store.transaction(async () => {
              await store.setMeta('inner', 'undone');
              await store.setArticleStory(b, 1, { newStory: true });
            }),
          );
          assert.equal(await store.getMeta('inner'), null);
          assert.equal(await store.getMeta('outer'), 'kept', 'the outer transaction is still usable');
          await store.transaction(async () => store.setMeta('second inner', 'kept'));
          // A snapshot inside a transaction reads the transaction's own writes.
          assert.equal(await store.readSnapshot(() => store.getMeta('second inner')), 'kept');
        });
        assert.equal(await store.getMeta('outer'), 'kept');
        assert.equal(await store.getMeta('inner'), null);
        assert.equal(await store.getMeta('second inner'), 'kept');
        assert.equal((await store.getArticle(b))!.storyId, null);

        // An inner transaction that succeeded is still undone when the outer one fails.
        await assert.rejects(
          store.transaction(async () => {
            await store.transaction(async () => store.setMeta('inner ok', '1'));
            throw new Error('outer fails');
          }),
          /outer fails/,
        );
        assert.equal(await store.getMeta('inner ok'), null);
      }));

    test('concurrent transactions on one store object take turns', () =>
      withStore(async (store) => {
        // Read, pause, write: interleaved, two of them would read the same value and one increment would be lost.
        const increment = () =>
          store.transaction(async () => {
            const value = Number((await store.getMeta('n')) ?? '0');
            await delay(5);
            await store.setMeta('n', String(value + 1));
            return value;
          });
        const seen = await Promise.all([increment(), increment(), increment(), increment()]);
        assert.equal(await store.getMeta('n'), '4');
        assert.deepEqual([...seen].sort(), [0, 1, 2, 3]);
      }));

    test('concurrent writes on one store object are all kept, and the same article at once is stored once', () =>
      withStore(async (store) => {
        const results = await Promise.all(Array.from({ length: 10 }, (_, n) => store.putArticle(other(n))));
        assert.ok(results.every((r) => r.status === 'stored'));
        assert.equal(new Set(results.map((r) => r.id)).size, 10);
        const same = await Promise.all([store.putArticle(article()), store.putArticle(article({ origin: 'b.txt' })), store.putArticle(article({ origin: 'c.txt' }))]);
        assert.deepEqual(same.map((r) => r.status).sort(), ['duplicate', 'duplicate', 'stored']);
        assert.equal(new Set(same.map((r) => r.id)).size, 1);
        assert.equal(await store.articleCount(), 11);
      }));

    test('a call made outside a running transaction is not swept into it', () =>
      withStore(async (store) => {
        const inside = gate();
        const release = gate();
        const transaction = store.transaction(async () => {
          await store.setMeta('inside', '1');
          inside.open();
          await release.opened;
          throw new Error('abort the batch');
        });
        await inside.opened;
        // Not awaited inside the transaction's callback: these belong to someone else.
        const outsideWrite = store.setMeta('outside', '1');
        const outsideRead = store.getMeta('inside');
        await delay(HEAD_START_MS);
        release.open();
        await assert.rejects(transaction, /abort the batch/);
        await outsideWrite;
        assert.equal(await outsideRead, null, 'an uncommitted write is never seen from outside');
        assert.equal(await store.getMeta('outside'), '1', 'the outside write was not rolled back with the batch');
        assert.equal(await store.getMeta('inside'), null);
      }));

    test('close waits for a running transaction of the same object to end', () =>
      withStore(async (store, connect) => {
        const inside = gate();
        const release = gate();
        const transaction = store.transaction(async () => {
          await store.setMeta('k', 'v');
          inside.open();
          await release.opened;
        });
        await inside.opened;
        let closed = false;
        const closing = store.close().then(() => (closed = true));
        await delay(HEAD_START_MS);
        assert.equal(closed, false, 'still closing while the transaction is open');
        release.open();
        await transaction;
        await closing;
        assert.equal(await (await connect()).getMeta('k'), 'v', 'the transaction committed');
      }));

    test('the change counter moves on commits by this connection and by others, not on reads', () =>
      withStore(async (store, connect) => {
        const second = await connect();
        const c0 = await store.changeCounter();
        assert.equal(await store.changeCounter(), c0);
        await store.getMeta('k');
        await store.readSnapshot(() => store.listStories());
        assert.equal(await store.changeCounter(), c0, 'reads are not changes');
        await store.setMeta('k', '1');
        const c1 = await store.changeCounter();
        assert.notEqual(c1, c0);
        await second.setMeta('k', '2');
        const c2 = await store.changeCounter();
        assert.notEqual(c2, c1);
        await store.transaction(async () => {
          await store.setMeta('a', '1');
          await store.setMeta('b', '1');
        });
        assert.notEqual(await store.changeCounter(), c2);
      }));

    test('a read snapshot does not see another connection commit half-way through it', () =>
      withStore(async (reader, connect) => {
        const writer = await connect();
        await writer.setArticleStory(await stored(writer, article()), 1, { newStory: true });
        const seen = await reader.readSnapshot(async () => {
          const version = (await reader.getStory(1))!.version;
          await writer.setArticleStory(await stored(writer, other(1)), 1);
          return { version, articles: (await reader.storyArticles(1)).length, count: await reader.articleCount() };
        });
        assert.deepEqual(seen, { version: 1, articles: 1, count: 1 });
        assert.equal((await reader.storyArticles(1)).length, 2);
        assert.ok((await reader.getStory(1))!.version > 1);
      }));

    test("a second connection's transaction waits for the first one's write lock, then sees its writes", () =>
      withStore(async (first, connect) => {
        const second = await connect();
        const order: string[] = [];
        const inside = gate();
        const release = gate();
        const one = first.transaction(async () => {
          await first.setMeta('k', 'first');
          inside.open();
          await release.opened;
          order.push('first commits');
        });
        await inside.opened;
        const two = second.transaction(async () => {
          order.push('second starts');
          await second.setMeta('k', `${await second.getMeta('k')} then second`);
        });
        await delay(HEAD_START_MS);
        release.open();
        await Promise.all([one, two]);
        assert.deepEqual(order, ['first commits', 'second starts']);
        assert.equal(await first.getMeta('k'), 'first then second');
      }));

    test('two connections storing the same article at once keep one copy', () =>
      withStore(async (first, connect) => {
        const second = await connect();
        const results = await Promise.all([first.putArticle(article()), second.putArticle(article({ origin: 'b.txt' }))]);
        assert.deepEqual(results.map((r) => r.status).sort(), ['duplicate', 'stored']);
        assert.equal(results[0].id, results[1].id);
        assert.equal(await first.articleCount(), 1);
      }));
  });
}
