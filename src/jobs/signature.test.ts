// The story signature a queue worker computes while preparing an item must be exactly the one the assigner
// would compute itself: the clusterer's decisions (and so "N workers give the stories of one process") hang
// on it, map order included, since the clusterer breaks ties by iteration order.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type PgBoss from 'pg-boss';
import { createTestDatabase, testPostgres } from '../../test/postgres.js';
import { cleanArticle, type Article } from '../clean/index.js';
import type { RawArticle } from '../read/index.js';
import { StoryIngestor } from '../ingest/index.js';
import { articleSignature, DEFAULT_SIGNATURE_OPTIONS, type Signature, type SignatureOptions } from '../stories/index.js';
import { SqliteStore, type ArticleStore } from '../store/index.js';
import { PostgresStore } from '../store/postgres.js';
import { decodePrepared, encodePrepared, type IntakeItem } from './intake.js';
import type { PrepareJob } from './names.js';
import { prepareJob } from './prepare.js';
import { ensureJobsSchema } from './schema.js';

function raw(origin: string, content: string, format: 'text' | 'html', hints: RawArticle['hints'] = {}): RawArticle {
  return { id: origin, origin, format, content, hints };
}

/** Articles whose signatures use every part of it: names, lead, outlet from a URL or a byline, no date, German capitals. */
const RAWS: RawArticle[] = [
  raw('a.txt', 'Kim Jong Un met Moon Jae-in at Panmunjom on Friday.\n\nThe two leaders agreed to talks. "We will meet again," Kim said.', 'text', {
    title: 'Kim and Moon meet at the border',
    publishedAt: '2018-04-27',
    url: 'https://www.news.example/world/kim-moon',
  }),
  raw('b.txt', 'Equifax said hackers stole the data of 143 million Americans. The breach ran from May to July.', 'text', { title: 'Equifax breach', outlet: 'Ledger' }),
  raw('c.txt', 'Die Bundesregierung hat am Mittwoch in Berlin ein neues Gesetz zur Energiewende beschlossen. Die Opposition kritisierte den Entwurf.', 'text', {
    title: 'Kabinett beschließt Gesetz',
    publishedAt: '2019-05-08T10:30:00Z',
  }),
  raw(
    'page.html',
    `<html><head><title>Storm hits coast | Coast Times</title><meta property="og:site_name" content="Coast Times"></head><body>
     <nav><a href="/">Home</a></nav><article><h1>Storm hits coast</h1><p class="byline">By Ann Lee · <time datetime="2020-09-01">1 Sep 2020</time></p>
     <p>A storm named Laura hit the Louisiana coast on Thursday, cutting power to 500,000 homes.</p>
     <p>Officials in Lake Charles said the damage was the worst since Rita in 2005. The governor asked for federal help.</p></article></body></html>`,
    'html',
    { url: 'https://coast.example/storm' },
  ),
];

const ARTICLES: Article[] = RAWS.map((r) => cleanArticle(r));

/** Everything of a signature, maps as ordered entry lists (deepEqual alone would ignore map order). */
function plain(signature: Signature): unknown {
  return { ...signature, terms: [...signature.terms], headline: [...signature.headline] };
}

test('signature: what a worker stores decodes to the signature the assigner computes, map order included', () => {
  for (const options of [DEFAULT_SIGNATURE_OPTIONS, { ...DEFAULT_SIGNATURE_OPTIONS, titleWeight: 2.5, leadWords: 7, maxBodyChars: 90 }]) {
    for (const article of ARTICLES) {
      const decoded = decodePrepared(encodePrepared(article, options), options);
      assert.deepEqual(decoded.article, JSON.parse(JSON.stringify(article)));
      assert.ok(decoded.signature, `a signature for ${article.origin}`);
      // The assigner's own computation, on the article as it reads it back.
      assert.deepEqual(plain(decoded.signature), plain(articleSignature(decoded.article, options)), article.origin);
    }
  }
});

test('signature: an assigner with other options, or a row from an older worker, computes its own', () => {
  const article = ARTICLES[0];
  const other: SignatureOptions = { ...DEFAULT_SIGNATURE_OPTIONS, nameWeight: 2 };
  const stale = decodePrepared(encodePrepared(article, DEFAULT_SIGNATURE_OPTIONS), other);
  assert.equal(stale.signature, null);
  assert.deepEqual(stale.article, JSON.parse(JSON.stringify(article)));
  const bare = decodePrepared(JSON.stringify(article), DEFAULT_SIGNATURE_OPTIONS);
  assert.equal(bare.signature, null);
  assert.deepEqual(bare.article, JSON.parse(JSON.stringify(article)));
});

/** Story of each article (by origin), as a partition independent of story ids. */
async function partition(store: ArticleStore): Promise<string[]> {
  const stories: string[] = [];
  for (const story of await store.listStories({ limit: -1 })) stories.push((await store.storyArticles(story.id)).map((s) => s.article.origin).sort().join(' '));
  return stories.sort();
}

test('signature: a batch given precomputed signatures is clustered as one without them, whatever its order', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'triangulate-signature-'));
  try {
    // Listed against publication order, so the ingestor's sort must carry each signature with its article;
    // two near-copies of one event so that a signature swapped between articles changes the stories.
    const twin = cleanArticle(raw('a2.txt', 'Kim Jong Un and Moon Jae-in met at Panmunjom. The leaders agreed to hold more talks.', 'text', { title: 'Kim meets Moon at Panmunjom', publishedAt: '2018-04-28' }));
    const batch = [ARTICLES[3], twin, ARTICLES[2], ARTICLES[1], ARTICLES[0]];
    const plainStore = new SqliteStore(path.join(dir, 'plain.db'));
    const givenStore = new SqliteStore(path.join(dir, 'given.db'));
    try {
      const plainOutcome = await new StoryIngestor(plainStore).addBatch(batch);
      const signatures = batch.map((a) => decodePrepared(encodePrepared(a, DEFAULT_SIGNATURE_OPTIONS), DEFAULT_SIGNATURE_OPTIONS).signature);
      const givenOutcome = await new StoryIngestor(givenStore).addBatch(batch, signatures);
      assert.equal(givenOutcome.stored, plainOutcome.stored);
      assert.equal(givenOutcome.storiesCreated, plainOutcome.storiesCreated);
      assert.deepEqual(await partition(givenStore), await partition(plainStore));
      assert.ok((await partition(plainStore)).includes('a.txt a2.txt'), 'the two reports of one meeting share a story');
      // A signature paired with the wrong article is not caught here by luck: given swapped, the stories change.
      const swappedStore = new SqliteStore(path.join(dir, 'swapped.db'));
      try {
        await new StoryIngestor(swappedStore).addBatch(batch, [signatures[4], signatures[1], signatures[2], signatures[3], signatures[0]]);
        assert.notDeepEqual(await partition(swappedStore), await partition(plainStore));
      } finally {
        await swappedStore.close();
      }
    } finally {
      await plainStore.close();
      await givenStore.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const server = await testPostgres();

test('signature: prepareJob writes each item with the signature the assigner would compute', { skip: 'skip' in server ? server.skip : false }, async () => {
  if ('skip' in server) return;
  const database = await createTestDatabase(server.url);
  const store = await PostgresStore.open(database.url);
  try {
    await ensureJobsSchema(store);
    const [batch] = await store.query<{ id: number }>("INSERT INTO intake_batches (run_id, size) VALUES ('t', $1) RETURNING id", [RAWS.length]);
    const items: IntakeItem[] = RAWS.map((r) => ({ kind: 'raw', raw: r }));
    const rows = await store.query<{ seq: number }>(
      `INSERT INTO intake (batch_id, run_id, origin, item) SELECT $1, 't', o, i FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS t(o, i, n) ORDER BY n RETURNING seq`,
      [batch.id, RAWS.map((r) => r.origin), items.map((item) => JSON.stringify(item))],
    );
    const job = { id: 'j', data: { seqs: rows.map((r) => Number(r.seq)) }, retryCount: 0, retryLimit: 2 } as unknown as PgBoss.JobWithMetadata<PrepareJob>;
    assert.deepEqual(await prepareJob(store, job), { prepared: RAWS.length, failed: 0 });
    const stored = await store.query<{ article: string }>('SELECT article FROM intake WHERE batch_id = $1 ORDER BY seq', [batch.id]);
    assert.equal(stored.length, RAWS.length);
    for (const row of stored) {
      const { article, signature } = decodePrepared(row.article, DEFAULT_SIGNATURE_OPTIONS);
      assert.ok(signature, `a signature for ${article.origin}`);
      assert.deepEqual(plain(signature), plain(articleSignature(article, DEFAULT_SIGNATURE_OPTIONS)), article.origin);
    }
  } finally {
    await store.close();
    await database.drop();
  }
});
