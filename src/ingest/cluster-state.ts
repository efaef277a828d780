// Bridge between the clusterer (which knows language) and the store (which does not): the clusterer's
// state is saved as opaque JSON and counters in the same transaction as the articles it describes.
import { StoryClusterer, reachableSince, type ClusterOptions, type ClustererChanges, type StoryState } from '../stories/index.js';
import type { ArticleStore } from '../store/index.js';

const META_KEY = 'clusterer';
const DF_NAMESPACE = 'df';

interface ClustererMeta {
  documents: number;
  nextStoryId: number;
  clockDay: number | null;
}

/** A clusterer that continues exactly where the last committed batch left it. */
export function loadClusterer(store: ArticleStore, options: Partial<ClusterOptions> = {}): StoryClusterer {
  const raw = store.getMeta(META_KEY);
  if (!raw) return new StoryClusterer(options);
  const meta = JSON.parse(raw) as ClustererMeta;
  const stories = store.loadStoryStates(reachableSince(meta.clockDay, options)).map((r) => JSON.parse(r.state) as StoryState);
  return new StoryClusterer(options, { ...meta, documentFrequencies: store.loadCounters(DF_NAMESPACE), stories });
}

/** Writes what the clusterer learned; call inside the batch's transaction. */
export function saveClusterChanges(store: ArticleStore, changes: ClustererChanges): void {
  const meta: ClustererMeta = { documents: changes.documents, nextStoryId: changes.nextStoryId, clockDay: changes.clockDay };
  store.setMeta(META_KEY, JSON.stringify(meta));
  store.putCounters(DF_NAMESPACE, changes.documentFrequencies);
  store.saveStoryStates(changes.stories.map((state) => ({ id: state.id, lastDay: state.lastDay, state: JSON.stringify(state) })));
}
