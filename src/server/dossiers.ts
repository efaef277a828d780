// Dossiers of stored stories. Builds run in worker threads (dossier-pool.ts), never on the event loop, and
// are coalesced per story: while a story's build runs, any number of new articles cause at most one more
// build, started when the running one ends. Results are cached by story version (in the store, and the
// recent ones in memory as the UTF-8 bytes the API sends, so the hot path never parses or re-encodes).
import type { ArticleStore, StorySummary } from '../store/index.js';
import { DEFAULT_MAX_DOSSIER_ARTICLES, distinctIds, selectArticles, type DossierStats } from './dossier-build.js';
import { DossierPool, type DossierPoolOptions } from './dossier-pool.js';
import type { BuildResult, BuildTask } from './dossier-worker.js';

export { dossierStats } from './dossier-build.js';
export type { DossierStats } from './dossier-build.js';

export interface StoredDossier {
  storyId: number;
  /** The story version the dossier was built from. */
  version: number;
  /** The dossier JSON as UTF-8. */
  bytes: Buffer;
  stats: DossierStats;
  /** Articles the story held at that version (more than `stats.articles` when the cap applied). */
  storyArticles: number;
}

export interface DossierServiceOptions extends DossierPoolOptions {
  /** The worker pool to build in (the service closes it); by default it makes its own. */
  pool?: DossierPool;
  /** Most articles one dossier analyses (default 500); over it a representative selection is taken. */
  maxArticles?: number;
  /** Bytes of dossiers kept in memory (default 256 MiB); older ones are read back from the store. */
  maxRecentBytes?: number;
  /** Tests and benchmarks: each build first blocks its worker this long, like a genuinely slow story. */
  buildDelayMs?: number;
  /** Called when a build fails (the failure is also kept and reported to readers of that version). */
  onError?: (storyId: number, error: unknown) => void;
}

/** What a reader can be given now: the dossier of the current version, or the last one while it builds. */
export interface DossierState {
  story: StorySummary;
  /** The dossier of the story's current version, when built. */
  current: StoredDossier | null;
  /** The newest older dossier still available (only when `current` is null). */
  previous: StoredDossier | null;
  /** Whether a build for the current version is running or queued. */
  building: boolean;
  /** The error of the last failed build of this version, if it failed. */
  failure: Error | null;
}

interface Waiter {
  version: number;
  resolve: (dossier: StoredDossier) => void;
  reject: (error: Error) => void;
}

interface StoryBuilds {
  running: boolean;
  queued: boolean;
  /** Asked for again while running: build once more when the running build ends, if the story moved on. */
  again: boolean;
  waiters: Waiter[];
  /** Story version when the running build started. */
  version: number;
  failure: { version: number; error: Error } | null;
}

/** An analysis failure of one story, as readers see it. */
export class DossierBuildError extends Error {
  override readonly name = 'DossierBuildError';
  constructor(
    readonly storyId: number,
    message: string,
  ) {
    super(message);
  }
}

export class DossierService {
  private readonly recent = new Map<number, StoredDossier>();
  private recentBytes = 0;
  /** Stats and version of the newest dossier of each story, kept for every story (they are small). */
  private readonly latest = new Map<number, { version: number; stats: DossierStats; storyArticles: number }>();
  private readonly builds = new Map<number, StoryBuilds>();
  /** Stories waiting for a worker, in order; readers' requests go before background warming. */
  private readonly queue: number[] = [];
  private runningCount = 0;
  private closed = false;
  private readonly pool: DossierPool;
  private readonly maxArticlesCap: number;
  private readonly maxRecentBytes: number;
  /** Builds started, per story (tests and the health endpoint read it to see coalescing at work). */
  readonly started = new Map<number, number>();

  constructor(
    private readonly store: ArticleStore,
    private readonly options: DossierServiceOptions = {},
  ) {
    this.pool = options.pool ?? new DossierPool(options);
    this.maxArticlesCap = options.maxArticles ?? DEFAULT_MAX_DOSSIER_ARTICLES;
    this.maxRecentBytes = options.maxRecentBytes ?? 256 * 1024 * 1024;
  }

  /** Stats for the story at this version, when its dossier has been built; null while it has not. */
  statsOf(storyId: number, version: number): DossierStats | null {
    const known = this.latest.get(storyId);
    return known && known.version === version ? known.stats : null;
  }

  /** Worker threads builds run in. */
  get threads(): number {
    return this.pool.threads;
  }

  /** Most articles one dossier analyses. */
  get maxArticles(): number {
    return this.maxArticlesCap;
  }

  /** Builds running now. */
  get running(): number {
    return this.runningCount;
  }

  /** Builds waiting for a worker. */
  get queued(): number {
    return this.queue.length;
  }

  /**
   * What can be served for a story now, without waiting; null when there is no such story (a merged-away
   * id gives the story it went into). Reads the store (and a dossier it holds) but never analyses.
   */
  state(storyId: number): DossierState | null {
    const story = this.store.getStory(storyId);
    if (!story) return null;
    const builds = this.builds.get(story.id);
    const failure = builds?.failure && builds.failure.version === story.version ? builds.failure.error : null;
    const building = !!builds && (builds.running || builds.queued);
    const current = this.held(story.id, story.version);
    if (current) return { story, current, previous: null, building: false, failure: null };
    const known = this.latest.get(story.id);
    const previous = known && known.version < story.version ? this.held(story.id, known.version) : null;
    return { story, current: null, previous, building, failure };
  }

  /**
   * The dossier of the story's current version, building it in a worker when needed (coalesced with a build
   * already running or queued). `urgent` puts the story ahead of background warming. Rejects with
   * DossierBuildError when the analysis fails, and when the service is closed.
   */
  ensure(storyId: number, options: { urgent?: boolean } = {}): Promise<StoredDossier> {
    const story = this.store.getStory(storyId);
    if (!story) return Promise.reject(new DossierBuildError(storyId, `no story ${storyId}`));
    const held = this.held(story.id, story.version);
    if (held) return Promise.resolve(held);
    const builds = this.buildsOf(story.id);
    if (builds.failure && builds.failure.version === story.version && !builds.running && !builds.queued) {
      return Promise.reject(builds.failure.error);
    }
    const promise = new Promise<StoredDossier>((resolve, reject) => builds.waiters.push({ version: story.version, resolve, reject }));
    this.request(story.id, options.urgent ?? false);
    return promise;
  }

  /** Queues a background build of each story whose current version has no dossier (newest first, as given). */
  warm(storyIds: number[]): void {
    for (const id of storyIds) {
      // Already on its way: skip before asking the store (a large story's summary is an aggregate query).
      const pending = this.builds.get(id);
      if (pending && (pending.running || pending.queued)) {
        if (pending.running) pending.again = true;
        continue;
      }
      const story = this.store.getStory(id);
      if (!story || this.statsOf(story.id, story.version)) continue;
      const builds = this.buildsOf(story.id);
      if (builds.failure && builds.failure.version === story.version) continue;
      this.request(story.id, false);
    }
  }

  /** Stops: queued builds are dropped, running ones abandoned (their workers are terminated at once). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.queue.length = 0;
    const closedError = new DossierBuildError(0, 'the server is shutting down');
    for (const builds of this.builds.values()) for (const w of builds.waiters.splice(0)) w.reject(closedError);
    await this.pool.destroy();
  }

  private buildsOf(storyId: number): StoryBuilds {
    let builds = this.builds.get(storyId);
    if (!builds) {
      builds = { running: false, queued: false, again: false, waiters: [], version: 0, failure: null };
      this.builds.set(storyId, builds);
    }
    return builds;
  }

  // One running and at most one pending build per story: a story already queued only moves up when
  // urgent, and one running is marked to go again rather than started twice.
  private request(storyId: number, urgent: boolean): void {
    if (this.closed) return;
    const builds = this.buildsOf(storyId);
    if (builds.running) {
      builds.again = true;
      return;
    }
    if (builds.queued) {
      if (urgent) {
        this.queue.splice(this.queue.indexOf(storyId), 1);
        this.queue.unshift(storyId);
      }
      return;
    }
    builds.queued = true;
    if (urgent) this.queue.unshift(storyId);
    else this.queue.push(storyId);
    this.pump();
  }

  private pump(): void {
    while (!this.closed && this.runningCount < this.pool.threads && this.queue.length > 0) {
      const storyId = this.queue.shift()!;
      const builds = this.buildsOf(storyId);
      builds.queued = false;
      builds.running = true;
      builds.again = false;
      this.runningCount++;
      this.started.set(storyId, (this.started.get(storyId) ?? 0) + 1);
      builds.version = this.store.getStory(storyId)?.version ?? 0;
      this.runBuild(storyId)
        .then(
          (result) => this.finished(storyId, result),
          (error: unknown) => this.failed(storyId, error),
        )
        // A store error while keeping the result must not become an unhandled rejection.
        .catch((error: unknown) => this.options.onError?.(storyId, error))
        .finally(() => {
          this.runningCount--;
          this.pump();
        });
    }
  }

  private async runBuild(storyId: number): Promise<StoredDossier | null> {
    const common = { storyId, maxArticles: this.maxArticlesCap, delayMs: this.options.buildDelayMs };
    let task: BuildTask;
    if (this.store.path === ':memory:') {
      // A worker cannot open an in-memory database, so this thread reads the story and sends it over.
      const story = this.store.getStory(storyId);
      if (!story) return null;
      const cached = this.store.getCachedDossier(story.id, story.version);
      const known = this.latest.get(story.id);
      if (cached !== null && known?.version === story.version) {
        return this.keep({ storyId: story.id, version: story.version, bytes: Buffer.from(cached, 'utf8'), stats: known.stats, storyArticles: known.storyArticles });
      }
      // Selected here, so only what the dossier analyses is copied to the worker.
      const all = distinctIds(this.store.storyArticles(story.id).map((s) => s.article));
      const articles = selectArticles(all.map((article) => ({ article })), this.maxArticlesCap).map((c) => c.article);
      task = { source: 'articles', ...common, version: story.version, articles, storyArticles: all.length };
    } else {
      task = { source: 'file', ...common, storePath: this.store.path };
    }
    const result: BuildResult = await this.pool.run(task);
    if (result.status === 'missing') return null;
    if (this.closed) return null;
    if (result.status === 'built') this.store.putCachedDossier(result.storyId, result.version, result.json);
    return this.keep({ storyId: result.storyId, version: result.version, bytes: Buffer.from(result.json, 'utf8'), stats: result.stats, storyArticles: result.storyArticles });
  }

  private finished(storyId: number, dossier: StoredDossier | null): void {
    const builds = this.buildsOf(storyId);
    builds.running = false;
    if (!dossier) {
      const gone = new DossierBuildError(storyId, `no story ${storyId}`);
      for (const w of builds.waiters.splice(0)) w.reject(gone);
      return;
    }
    builds.failure = null;
    const satisfied = builds.waiters.filter((w) => w.version <= dossier.version);
    builds.waiters = builds.waiters.filter((w) => w.version > dossier.version);
    for (const w of satisfied) w.resolve(dossier);
    const story = this.store.getStory(storyId);
    // New articles arrived while it ran: one more build covers all of them.
    if (story && story.version > dossier.version && (builds.again || builds.waiters.length > 0)) this.request(storyId, builds.waiters.length > 0);
  }

  private failed(storyId: number, error: unknown): void {
    const builds = this.buildsOf(storyId);
    builds.running = false;
    if (this.closed) return;
    this.options.onError?.(storyId, error);
    const reason = (error as Error)?.message?.split('\n')[0] ?? String(error);
    const failure = new DossierBuildError(storyId, `the analysis of story ${storyId} failed: ${reason}`);
    builds.failure = { version: builds.version, error: failure };
    const failedNow = builds.waiters.filter((w) => w.version <= builds.version);
    builds.waiters = builds.waiters.filter((w) => w.version > builds.version);
    for (const w of failedNow) w.reject(failure);
    // Articles that arrived during the failed build get their own try.
    if (builds.waiters.length > 0 || builds.again) {
      const story = this.store.getStory(storyId);
      if (story && story.version > builds.version) this.request(storyId, builds.waiters.length > 0);
    }
  }

  private keep(entry: StoredDossier): StoredDossier {
    const known = this.latest.get(entry.storyId);
    if (!known || known.version <= entry.version) {
      this.latest.set(entry.storyId, { version: entry.version, stats: entry.stats, storyArticles: entry.storyArticles });
    }
    const old = this.recent.get(entry.storyId);
    if (old) {
      this.recent.delete(entry.storyId);
      this.recentBytes -= old.bytes.length;
    }
    this.recent.set(entry.storyId, entry);
    this.recentBytes += entry.bytes.length;
    // Oldest out first, but the newest entry always stays, however large.
    for (const [id, held] of this.recent) {
      if (this.recentBytes <= this.maxRecentBytes || this.recent.size <= 1) break;
      this.recent.delete(id);
      this.recentBytes -= held.bytes.length;
    }
    return entry;
  }

  // The dossier of one version, from memory or else from the store (which keeps each story's newest one).
  private held(storyId: number, version: number): StoredDossier | null {
    const entry = this.recent.get(storyId);
    if (entry && entry.version === version) {
      this.recent.delete(storyId);
      this.recent.set(storyId, entry);
      return entry;
    }
    const known = this.latest.get(storyId);
    if (!known || known.version !== version) return null;
    const json = this.store.getCachedDossier(storyId, version);
    if (json === null) return null;
    return this.keep({ storyId, version, bytes: Buffer.from(json, 'utf8'), stats: known.stats, storyArticles: known.storyArticles });
  }
}
