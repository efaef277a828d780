// The store-and-cluster end of the pipeline: cleaned articles in, stories out, one transaction per batch.
import type { Article } from '../clean/types.js';
import { articleSignature, DEFAULT_SIGNATURE_OPTIONS, type ClusterOptions, type SignatureOptions, type StoryClusterer } from '../stories/index.js';
import type { ArticleStore } from '../store/index.js';
import { loadClusterer, saveClusterChanges } from './cluster-state.js';

export interface IngestorOptions {
  cluster?: Partial<ClusterOptions>;
  signature?: Partial<SignatureOptions>;
}

export interface BatchOutcome {
  stored: number;
  /** Articles already in the store (same URL or same text). */
  duplicates: number;
  storiesCreated: number;
  merges: number;
  /** Store id and story of each newly stored article, in processing order. */
  placed: { articleId: number; storyId: number }[];
}

/** Publication order inside a batch (undated last, then by origin), so a batch gives the same stories however it was listed. */
function streamOrder(articles: Article[]): Article[] {
  return articles
    .map((article, index) => ({ article, index }))
    .sort(
      (a, b) =>
        (a.article.publishedAt ?? '\uffff').localeCompare(b.article.publishedAt ?? '\uffff') ||
        (a.article.origin < b.article.origin ? -1 : a.article.origin > b.article.origin ? 1 : 0) ||
        a.index - b.index,
    )
    .map(({ article }) => article);
}

export class StoryIngestor {
  private clusterer: StoryClusterer;
  private readonly signatureOptions: SignatureOptions;

  constructor(
    private readonly store: ArticleStore,
    private readonly options: IngestorOptions = {},
  ) {
    this.signatureOptions = { ...DEFAULT_SIGNATURE_OPTIONS, ...options.signature };
    this.clusterer = loadClusterer(store, options.cluster);
  }

  /** Stores, dedupes and clusters one batch in a single transaction: after a crash, a batch is all there or not at all. */
  addBatch(articles: Article[]): BatchOutcome {
    const outcome: BatchOutcome = { stored: 0, duplicates: 0, storiesCreated: 0, merges: 0, placed: [] };
    try {
      this.store.transaction(() => {
        for (const article of streamOrder(articles)) {
          const put = this.store.putArticle(article);
          if (put.status === 'duplicate') {
            outcome.duplicates++;
            continue;
          }
          outcome.stored++;
          const decision = this.clusterer.add(articleSignature(article, this.signatureOptions));
          this.store.setArticleStory(put.id, decision.storyId);
          for (const absorbed of decision.merged) this.store.mergeStory(absorbed, decision.storyId);
          if (decision.created) outcome.storiesCreated++;
          outcome.merges += decision.merged.length;
          outcome.placed.push({ articleId: put.id, storyId: decision.storyId });
        }
        saveClusterChanges(this.store, this.clusterer.drainChanges());
      });
    } catch (error) {
      // The transaction rolled back: forget what the clusterer learned from this batch.
      this.clusterer = loadClusterer(this.store, this.options.cluster);
      throw error;
    }
    return outcome;
  }
}
