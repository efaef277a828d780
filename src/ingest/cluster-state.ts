// Bridge between the clusterer (which knows language) and the store (which does not): the clusterer's
// state is saved as opaque JSON and counters in the same transaction as the articles it describes.
//
// Several processes may cluster into one store (`serve --db X` next to `ingest --store X`). Each keeps a
// clusterer in memory between batches, which goes stale as soon as another process commits a batch: its
// next story id may already be taken and its document frequencies miss the other's articles (writing them
// back would lose counts). So every save bumps a generation number kept with the state, and a writer checks
// it inside its write transaction (which holds the store's lock) before using its clusterer: a different
// generation means the store changed under it, and the clusterer is loaded again, still under the lock.
import { StoryClusterer, reachableSince, type ClusterOptions, type ClustererChanges, type StoryState } from '../stories/index.js';
import type { ArticleStore } from '../store/index.js';

const META_KEY = 'clusterer';
const DF_NAMESPACE = 'df';

interface ClustererMeta {
  documents: number;
  nextStoryId: number;
  clockDay: number | null;
  /** Number of saves so far (absent in stores written before it existed: read as 0). */
  generation?: number;
}

/** A clusterer and the generation of the saved state it was loaded from (0 for an empty store). */
export interface LoadedClusterer {
  clusterer: StoryClusterer;
  generation: number;
}

async function readMeta(store: ArticleStore): Promise<ClustererMeta | null> {
  const raw = await store.getMeta(META_KEY);
  return raw ? (JSON.parse(raw) as ClustererMeta) : null;
}

/**
 * Generation of the clusterer state saved in `store` (0 when none was saved yet). Read it inside a write
 * transaction and compare it with the one a clusterer was loaded at: different means reload.
 */
export async function clusterGeneration(store: ArticleStore): Promise<number> {
  return (await readMeta(store))?.generation ?? 0;
}

/**
 * The clusterer as the last committed batch left it, with its generation. Call inside a write transaction
 * when the clusterer will be used to write, so that nothing changes between loading and saving.
 */
export async function loadClusterState(store: ArticleStore, options: Partial<ClusterOptions> = {}): Promise<LoadedClusterer> {
  const meta = await readMeta(store);
  // Story ids come from the database: never below an id some story row already has, whatever the saved
  // counter says (a store written by an older program, or stories written outside the clusterer).
  const floor = (await store.maxStoryId()) + 1;
  if (!meta) return { clusterer: new StoryClusterer(options, { documents: 0, nextStoryId: floor, clockDay: null, documentFrequencies: [], stories: [] }), generation: 0 };
  const stories = (await store.loadStoryStates(reachableSince(meta.clockDay, options))).map((r) => JSON.parse(r.state) as StoryState);
  const clusterer = new StoryClusterer(options, {
    documents: meta.documents,
    nextStoryId: Math.max(meta.nextStoryId, floor),
    clockDay: meta.clockDay,
    documentFrequencies: await store.loadCounters(DF_NAMESPACE),
    stories,
  });
  return { clusterer, generation: meta.generation ?? 0 };
}

/** A clusterer that continues exactly where the last committed batch left it (see `loadClusterState`). */
export async function loadClusterer(store: ArticleStore, options: Partial<ClusterOptions> = {}): Promise<StoryClusterer> {
  return (await loadClusterState(store, options)).clusterer;
}

/**
 * Writes what the clusterer learned and bumps the generation; call inside the batch's transaction.
 * Resolves to the new generation (the one the caller's clusterer now matches).
 */
export async function saveClusterChanges(store: ArticleStore, changes: ClustererChanges): Promise<number> {
  const generation = (await clusterGeneration(store)) + 1;
  const meta: ClustererMeta = { documents: changes.documents, nextStoryId: changes.nextStoryId, clockDay: changes.clockDay, generation };
  await store.setMeta(META_KEY, JSON.stringify(meta));
  await store.putCounters(DF_NAMESPACE, changes.documentFrequencies);
  await store.saveStoryStates(changes.stories.map((state) => ({ id: state.id, lastDay: state.lastDay, state: JSON.stringify(state) })));
  return generation;
}
