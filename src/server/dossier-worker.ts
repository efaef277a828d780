// The body of a dossier-build worker thread (run by the piscina pool in dossier-pool.ts). The analysis is
// CPU-bound for seconds on large stories, so it runs here and the server's event loop stays free.
// A file store is opened read-only in the worker and read inside one transaction, so the articles and
// the version the dossier is labelled with come from the same snapshot, and the main thread never has to
// read (or copy) a huge story's rows; the main thread stays the only writer.
import type { Article } from '../clean/index.js';
import type { Dossier } from '../dossier/types.js';
import { openStore, type ArticleStore } from '../store/index.js';
import { buildStoryDossier } from '../story-dossier-build.js';
import { dossierStats, type DossierStats } from '../story-dossier.js';
import { readStoryDelta, type StoryIndexDelta } from './catalog.js';

/** What the main thread asks for: a story of a store file, or articles it read itself (in-memory stores). */
export type BuildTask =
  | { source: 'file'; storePath: string; storyId: number; maxArticles: number; delayMs?: number }
  /** `articles` may be the selection already made (then `storyArticles` says how many the story holds). */
  | { source: 'articles'; storyId: number; version: number; articles: Article[]; storyArticles?: number; maxArticles: number; delayMs?: number };

export type BuildResult =
  | { status: 'built' | 'cached'; storyId: number; version: number; json: string; stats: DossierStats; storyArticles: number }
  /** The story is gone from the store (it cannot be: stories are never deleted; kept for a clear error). */
  | { status: 'missing'; storyId: number };

// One store per worker thread and store, opened on first use and kept for the thread's life. The promise is
// kept, so tasks arriving while it opens share one connection; a failed open is forgotten and tried again.
const stores = new Map<string, Promise<ArticleStore>>();

function storeAt(file: string): Promise<ArticleStore> {
  let store = stores.get(file);
  if (!store) {
    store = openStore(file, { readonly: true });
    stores.set(file, store);
    store.catch(() => stores.delete(file));
  }
  return store;
}

// Tests and benchmarks stand in for a genuinely slow build: the thread is blocked, as a real analysis blocks it.
function block(ms: number): void {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The search-index update of a large story (catalog.ts), read and stemmed here for the same reason. */
export interface IndexTask {
  source: 'catalog';
  storePath: string;
  storyId: number;
  /** Store ids of the articles already indexed. */
  known: number[];
}

export type WorkerTask = BuildTask | IndexTask;
export type WorkerResult = BuildResult | StoryIndexDelta;

/**
 * Runs one task; a build rejects with what the analysis throws (NothingToAnalyzeError for an empty story),
 * and with StoreError when the store cannot be opened or read.
 */
export default async function runTask(task: WorkerTask): Promise<WorkerResult> {
  if (task.source === 'catalog') {
    const store = await storeAt(task.storePath);
    return store.readSnapshot(() => readStoryDelta(store, task.storyId, new Set(task.known)));
  }
  return buildTask(task);
}

async function buildTask(task: BuildTask): Promise<BuildResult> {
  block(task.delayMs ?? 0);
  if (task.source === 'articles') {
    const built = buildStoryDossier(task.storyId, task.articles, task.maxArticles, task.storyArticles);
    return { status: 'built', storyId: task.storyId, version: task.version, ...built };
  }
  const store = await storeAt(task.storePath);
  const snapshot = await store.readSnapshot(async () => {
    const story = await store.getStory(task.storyId);
    if (!story) return null;
    const cached = await store.getCachedDossier(story.id, story.version);
    return { story, cached, articles: cached === null ? (await store.storyArticles(story.id)).map((s) => s.article) : [] };
  });
  if (!snapshot) return { status: 'missing', storyId: task.storyId };
  const { story, cached } = snapshot;
  if (cached !== null) {
    // Written by an earlier run (or another process): only the counts are needed, and parsing a large
    // dossier is itself worth keeping off the main thread.
    return { status: 'cached', storyId: story.id, version: story.version, json: cached, stats: dossierStats(JSON.parse(cached) as Dossier), storyArticles: story.articleCount };
  }
  const built = buildStoryDossier(story.id, snapshot.articles, task.maxArticles);
  return { status: 'built', storyId: story.id, version: story.version, ...built };
}
