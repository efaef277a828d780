// The store-and-cluster end of the pipeline: cleaned articles in, stories out, one transaction per batch.
import type { Article } from '../clean/types.js';
import { articleSignature, DEFAULT_SIGNATURE_OPTIONS, publicationOrder, type ClusterDecision, type ClusterOptions, type Signature, type SignatureOptions } from '../stories/index.js';
import type { ArticleStore } from '../store/index.js';
import { clusterGeneration, loadClusterState, saveClusterChanges, type LoadedClusterer } from './cluster-state.js';

export interface IngestorOptions {
  cluster?: Partial<ClusterOptions>;
  signature?: Partial<SignatureOptions>;
}

export interface BatchOutcome {
  stored: number;
  /** Articles already in the store (same URL and a text it already had, or the same text). */
  duplicates: number;
  /** Known articles (same URL, or same file) whose text changed: stored as a new version, story unchanged. */
  revised: number;
  storiesCreated: number;
  merges: number;
  /** Store id and story of each newly stored article, in processing order. */
  placed: { articleId: number; storyId: number }[];
  /** Store id, story and new version number of each revised article, in processing order. */
  revisions: { articleId: number; storyId: number | null; version: number }[];
  /**
   * True when another process had written to the store since this ingestor last did, so the clusterer was
   * loaded again before the batch (for tests and diagnostics).
   */
  reloaded: boolean;
}

/**
 * Stores and clusters batches of cleaned articles into one store. Safe next to other processes writing
 * the same store: each batch runs in one write transaction, and the clusterer kept in memory is used
 * only when the store's clusterer generation still matches it (else it is loaded again under the lock).
 */
export class StoryIngestor {
  /** Null until the first batch, and after a failed batch: loaded inside the next batch's transaction. */
  private loaded: LoadedClusterer | null = null;
  private readonly signatureOptions: SignatureOptions;
  /**
   * The batch running now (settled), so the next one starts only after it: the clusterer in memory is
   * shared by every batch of this ingestor, and a failed batch must have forgotten it before the next reads it.
   */
  private previous: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: ArticleStore,
    private readonly options: IngestorOptions = {},
  ) {
    this.signatureOptions = { ...DEFAULT_SIGNATURE_OPTIONS, ...options.signature };
  }

  /** The signature options this ingestor clusters with (defaults filled in). */
  get signatureSettings(): Readonly<SignatureOptions> {
    return this.signatureOptions;
  }

  /**
   * Stores, dedupes and clusters one batch in a single transaction: after a crash, a batch is all there or
   * not at all. Batches given while one runs wait for it (one at a time per ingestor). Rejects with
   * StoreError 'busy' when another process kept the store locked past the busy timeout (nothing of the
   * batch is stored; calling again with the same batch is safe).
   *
   * `signatures[i]`, when given, must be `articleSignature(articles[i], signatureSettings)` computed ahead
   * (the queue's workers do it in parallel, so the serial step only clusters); a missing one is computed here.
   */
  addBatch(articles: Article[], signatures: readonly (Signature | null | undefined)[] = []): Promise<BatchOutcome> {
    const run = this.previous.then(() => this.runBatch(articles, signatures));
    this.previous = run.catch(() => undefined);
    return run;
  }

  private async runBatch(articles: Article[], signatures: readonly (Signature | null | undefined)[]): Promise<BatchOutcome> {
    const outcome: BatchOutcome = { stored: 0, duplicates: 0, revised: 0, storiesCreated: 0, merges: 0, placed: [], revisions: [], reloaded: false };
    try {
      await this.store.transaction(async () => {
        // Under the write lock: what we read now stays true until commit.
        const generation = await clusterGeneration(this.store);
        if (this.loaded === null || this.loaded.generation !== generation) {
          outcome.reloaded = this.loaded !== null;
          this.loaded = await loadClusterState(this.store, this.options.cluster);
        }
        const loaded = this.loaded;
        const clusterer = loaded.clusterer;
        // Publication order, so a batch gives the same stories however it was listed; each article keeps its
        // precomputed signature, if it was given one.
        const ordered = publicationOrder(articles).map((i) => ({ article: articles[i], signature: signatures[i] ?? null }));
        // One lookup for the whole batch where lookups are round trips (PostgreSQL); results are the same.
        await this.store.expectArticles(ordered.map((o) => o.article));
        for (const { article, signature } of ordered) {
          // The clusterer decides only once the article turns out to be new (a duplicate must not count), and
          // the store writes it straight into that story.
          let decision: ClusterDecision | null = null;
          const put = await this.store.putArticle(article, {
            place: () => {
              decision = clusterer.add(signature ?? articleSignature(article, this.signatureOptions));
              return { storyId: decision.storyId, newStory: decision.created };
            },
          });
          if (put.status === 'duplicate') {
            outcome.duplicates++;
            continue;
          }
          if (put.status === 'revised') {
            // A correction of a known article stays in its story (the story version grew, so its dossier is
            // rebuilt from the new text); the clusterer counted the article once and keeps it counted once.
            outcome.revised++;
            outcome.revisions.push({ articleId: put.id, storyId: put.storyId, version: put.version });
            continue;
          }
          outcome.stored++;
          // A new story's row must not exist yet: if it did, two writers handed out one id (a bug), and the
          // insert failed, rolling the batch back, instead of silently mixing two stories.
          const placed = decision as ClusterDecision | null;
          if (placed === null) throw new Error('the store stored an article without asking for its story');
          for (const absorbed of placed.merged) await this.store.mergeStory(absorbed, placed.storyId);
          if (placed.created) outcome.storiesCreated++;
          outcome.merges += placed.merged.length;
          outcome.placed.push({ articleId: put.id, storyId: placed.storyId });
        }
        // Only a batch that clustered something saves (and bumps the generation): a batch of duplicates
        // must not make other writers reload for nothing.
        if (outcome.stored > 0) loaded.generation = await saveClusterChanges(this.store, clusterer.drainChanges());
      });
    } catch (error) {
      // The transaction rolled back: forget what the clusterer learned from this batch.
      this.loaded = null;
      throw error;
    }
    return outcome;
  }
}
