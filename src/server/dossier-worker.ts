// The body of a dossier-build worker thread (run by the piscina pool in dossier-pool.ts). The analysis is
// CPU-bound for seconds on large stories, so it runs here and the server's event loop stays free.
// A file store is opened read-only in the worker and read inside one transaction, so the articles and
// the version the dossier is labelled with come from the same snapshot, and the main thread never has to
// read (or copy) a huge story's rows; the main thread stays the only writer.
import type { Article } from '../clean/index.js';
import type { Dossier } from '../dossier/types.js';
import { openStore, type ArticleStore } from '../store/index.js';
import { analyzeArticles } from '../analyze.js';
import { distinctIds, dossierStats, selectArticles, type DossierStats } from './dossier-build.js';
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

const stores = new Map<string, ArticleStore>();

function storeAt(file: string): ArticleStore {
  let store = stores.get(file);
  if (!store) {
    store = openStore(file, { readonly: true });
    stores.set(file, store);
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

/** Runs one task; a build throws what the analysis throws (NothingToAnalyzeError for an empty story). */
export default function runTask(task: WorkerTask): WorkerResult {
  if (task.source === 'catalog') {
    const store = storeAt(task.storePath);
    return store.readSnapshot(() => readStoryDelta(store, task.storyId, new Set(task.known)));
  }
  return buildTask(task);
}

function buildTask(task: BuildTask): BuildResult {
  block(task.delayMs ?? 0);
  if (task.source === 'articles') {
    const built = buildStoryDossier(task.storyId, task.articles, task.maxArticles, task.storyArticles);
    return { status: 'built', storyId: task.storyId, version: task.version, ...built };
  }
  const store = storeAt(task.storePath);
  const snapshot = store.readSnapshot(() => {
    const story = store.getStory(task.storyId);
    if (!story) return null;
    const cached = store.getCachedDossier(story.id, story.version);
    return { story, cached, articles: cached === null ? store.storyArticles(story.id).map((s) => s.article) : [] };
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

export interface BuiltDossier {
  json: string;
  stats: DossierStats;
  /** Articles the story held when the build read it. */
  storyArticles: number;
}

/**
 * Builds the dossier of one story from its articles (in story order). Over `maxArticles` only a selection
 * is analysed and the dossier says so in `problems`. Throws NothingToAnalyzeError for an empty story.
 */
export function buildStoryDossier(storyId: number, articles: Article[], maxArticles: number, storyArticles = articles.length): BuiltDossier {
  // Ids are made distinct over the whole story, before the selection, so an article has the same id in
  // every dossier of the story and in the story's article list (GET /api/stories/:id).
  const chosen = selectArticles(distinctIds(articles).map((article) => ({ article })), maxArticles).map((c) => c.article);
  const problems =
    chosen.length < storyArticles
      ? [
          {
            origin: `story ${storyId}`,
            reason: `this dossier analyses ${chosen.length} of the story's ${storyArticles} articles (the limit per dossier); the newest article of each outlet was taken first`,
          },
        ]
      : [];
  const dossier = analyzeArticles(chosen, problems);
  return { json: JSON.stringify(dossier), stats: dossierStats(dossier), storyArticles };
}
