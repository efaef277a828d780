// Dossiers of stored stories. Builds run in worker threads (dossier-pool.ts), never on the event loop, and
// are coalesced per story: while a story's build runs, any number of new articles cause at most one more
// build, started when the running one ends. Results are cached by story version (in the store, and the
// recent ones in memory as the UTF-8 bytes the API sends, so the hot path never parses or re-encodes).
import type { ArticleStore, StorySummary } from '../store/index.js';
import { DEFAULT_MAX_DOSSIER_ARTICLES, distinctIds, selectArticles, type DossierStats } from '../story-dossier.js';
import { DossierPool, type DossierPoolOptions } from './dossier-pool.js';
import type { BuildResult, BuildTask } from './dossier-worker.js';

export { dossierStats } from '../story-dossier.js';
export type { DossierStats } from '../story-dossier.js';

/** Stories whose builds one server asks the queue's workers for at once. */
const REMOTE_BUILDS_AT_ONCE = 16;

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
  /**
   * The store as worker threads open it, when `store.path` is not enough (a PostgreSQL URL, whose password
   * `path` hides). Defaults to `store.path`.
   */
  storeTarget?: string;
  /** Builds done elsewhere (the job queue's workers); without it, or when it says 'no-workers', the pool builds. */
  remote?: RemoteDossierBuilds;
  /** Called when a build fails (the failure is also kept and reported to readers of that version). */
  onError?: (storyId: number, error: unknown) => void;
}

/**
 * Dossier builds another process does (QueuedDossierBuilds of src/jobs): resolves 'built' once a dossier of at
 * least `version` is saved in the store, 'missing' for a story with no visible article, 'no-workers' when
 * nobody can build it (the server's own pool then does).
 */
export interface RemoteDossierBuilds {
  build(storyId: number, version: number): Promise<'built' | 'missing' | 'no-workers'>;
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
   * Rejects with the store's error (StoreError).
   */
  async state(storyId: number): Promise<DossierState | null> {
    const story = await this.store.getStory(storyId);
    if (!story) return null;
    const current = await this.held(story.id, story.version);
    if (current) return { story, current, previous: null, building: false, failure: null };
    const known = this.latest.get(story.id);
    const previous = known && known.version < story.version ? await this.held(story.id, known.version) : null;
    // Read after the awaits, so a build that ended meanwhile is not reported as still running.
    const builds = this.builds.get(story.id);
    const failure = builds?.failure && builds.failure.version === story.version ? builds.failure.error : null;
    const building = !!builds && (builds.running || builds.queued);
    return { story, current: null, previous, building, failure };
  }

  /**
   * The dossier of the story's current version, building it in a worker when needed (coalesced with a build
   * already running or queued). `urgent` puts the story ahead of background warming. Rejects with
   * DossierBuildError when the analysis fails, and when the service is closed; with the store's error
   * (StoreError) when reading the story fails.
   */
  async ensure(storyId: number, options: { urgent?: boolean } = {}): Promise<StoredDossier> {
    const story = await this.store.getStory(storyId);
    if (!story) throw new DossierBuildError(storyId, `no story ${storyId}`);
    const held = (await this.held(story.id, story.version)) ?? this.inMemory(story.id, story.version);
    if (held) return held;
    // Closed while the store was read: a waiter added now would never be answered.
    if (this.closed) throw new DossierBuildError(storyId, 'the server is shutting down');
    const builds = this.buildsOf(story.id);
    if (builds.failure && builds.failure.version === story.version && !builds.running && !builds.queued) throw builds.failure.error;
    const promise = new Promise<StoredDossier>((resolve, reject) => builds.waiters.push({ version: story.version, resolve, reject }));
    this.request(story.id, options.urgent ?? false);
    return promise;
  }

  /**
   * Queues a background build of each story whose current version has no dossier (newest first, as given).
   * Never rejects: a store error ends the pass and goes to `onError` (the stories are warmed on a later call).
   */
  async warm(storyIds: number[]): Promise<void> {
    for (const id of storyIds) {
      if (this.closed) return;
      // Already on its way: skip before asking the store (a large story's summary is an aggregate query).
      const pending = this.builds.get(id);
      if (pending && (pending.running || pending.queued)) {
        if (pending.running) pending.again = true;
        continue;
      }
      let story: StorySummary | null;
      try {
        story = await this.store.getStory(id);
      } catch (error) {
        this.options.onError?.(id, error);
        return;
      }
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
    // A build done by queue workers only waits here, so more may be asked for at once than there are threads
    // (the pool still runs its own tasks one per thread, queueing the rest).
    const limit = this.options.remote ? Math.max(REMOTE_BUILDS_AT_ONCE, this.pool.threads) : this.pool.threads;
    while (!this.closed && this.runningCount < limit && this.queue.length > 0) {
      const storyId = this.queue.shift()!;
      const builds = this.buildsOf(storyId);
      builds.queued = false;
      builds.running = true;
      builds.again = false;
      this.runningCount++;
      this.started.set(storyId, (this.started.get(storyId) ?? 0) + 1);
      // Unknown until the build has read the story (see failed()).
      builds.version = -1;
      this.runBuild(storyId, builds)
        .then(
          (result) => this.finished(storyId, result),
          (error: unknown) => this.failed(storyId, error),
        )
        // Cannot happen (finished() and failed() catch their store reads); kept so nothing becomes an unhandled rejection.
        .catch((error: unknown) => this.options.onError?.(storyId, error))
        .finally(() => {
          this.runningCount--;
          this.pump();
        });
    }
  }

  // Sets `builds.version` to the story version the build starts from, once the story has been read.
  private async runBuild(storyId: number, builds: StoryBuilds): Promise<StoredDossier | null> {
    const common = { storyId, maxArticles: this.maxArticlesCap, delayMs: this.options.buildDelayMs };
    let task: BuildTask;
    if (this.store.path === ':memory:') {
      // A worker cannot open an in-memory database, so this thread reads the story and sends it over; from
      // one snapshot, so the version the dossier is labelled with is the one its articles come from.
      const read = await this.store.readSnapshot(async () => {
        const story = await this.store.getStory(storyId);
        if (!story) return null;
        const cached = await this.store.getCachedDossier(story.id, story.version);
        const known = this.latest.get(story.id);
        if (cached !== null && known?.version === story.version) return { story, cached, known, stored: [] };
        return { story, cached: null, known: null, stored: await this.store.storyArticles(story.id) };
      });
      builds.version = read?.story.version ?? 0;
      if (!read) return null;
      const { story, cached, known } = read;
      if (cached !== null && known) {
        return this.keep({ storyId: story.id, version: story.version, bytes: Buffer.from(cached, 'utf8'), stats: known.stats, storyArticles: known.storyArticles });
      }
      // Selected here, so only what the dossier analyses is copied to the worker.
      const all = distinctIds(read.stored.map((s) => s.article));
      const articles = selectArticles(all.map((article) => ({ article })), this.maxArticlesCap).map((c) => c.article);
      task = { source: 'articles', ...common, version: story.version, articles, storyArticles: all.length };
    } else {
      builds.version = (await this.store.getStory(storyId))?.version ?? 0;
      // With workers (a PostgreSQL store), they build it; the pool then only reads the saved dossier back and
      // counts it (a 'cached' result), off this thread. With no worker alive the pool builds it here.
      if (this.options.remote && (await this.options.remote.build(storyId, builds.version)) === 'missing') return null;
      task = { source: 'file', ...common, storePath: this.options.storeTarget ?? this.store.path };
    }
    const result: BuildResult = await this.pool.run(task);
    if (result.status === 'missing') return null;
    if (this.closed) return null;
    if (result.status === 'built') await this.store.putCachedDossier(result.storyId, result.version, result.json);
    return this.keep({ storyId: result.storyId, version: result.version, bytes: Buffer.from(result.json, 'utf8'), stats: result.stats, storyArticles: result.storyArticles });
  }

  private async finished(storyId: number, dossier: StoredDossier | null): Promise<void> {
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
    if (!builds.again && builds.waiters.length === 0) return;
    const story = await this.storyOrReject(storyId, builds);
    // New articles arrived while it ran: one more build covers all of them.
    if (story && story.version > dossier.version && (builds.again || builds.waiters.length > 0)) this.request(storyId, builds.waiters.length > 0);
  }

  private async failed(storyId: number, error: unknown): Promise<void> {
    const builds = this.buildsOf(storyId);
    builds.running = false;
    if (this.closed) return;
    this.options.onError?.(storyId, error);
    const reason = (error as Error)?.message?.split('\n')[0] ?? String(error);
    const failure = new DossierBuildError(storyId, `the analysis of story ${storyId} failed: ${reason}`);
    // A build that failed before it could read the story (a store error) fails every waiter and is not
    // remembered: the next reader tries again, and nothing retries in a loop while the store is down.
    const version = builds.version < 0 ? Infinity : builds.version;
    if (builds.version >= 0) builds.failure = { version: builds.version, error: failure };
    const failedNow = builds.waiters.filter((w) => w.version <= version);
    builds.waiters = builds.waiters.filter((w) => w.version > version);
    for (const w of failedNow) w.reject(failure);
    // Articles that arrived during the failed build get their own try.
    if (builds.waiters.length > 0 || builds.again) {
      const story = await this.storyOrReject(storyId, builds);
      if (story && story.version > version) this.request(storyId, builds.waiters.length > 0);
    }
  }

  // The story's summary, for deciding on one more build; when the store cannot be read, the waiters still
  // pending get its error (no build would answer them) and the error goes to `onError`.
  private async storyOrReject(storyId: number, builds: StoryBuilds): Promise<StorySummary | null> {
    try {
      return await this.store.getStory(storyId);
    } catch (error) {
      this.options.onError?.(storyId, error);
      const reason = error instanceof Error ? error : new Error(String(error));
      for (const w of builds.waiters.splice(0)) w.reject(reason);
      return null;
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
  private async held(storyId: number, version: number): Promise<StoredDossier | null> {
    const entry = this.inMemory(storyId, version);
    if (entry) return entry;
    const known = this.latest.get(storyId);
    if (!known || known.version !== version) return null;
    const json = await this.store.getCachedDossier(storyId, version);
    if (json === null) return null;
    // A build may have kept this version while the store was read: that copy is the one to share.
    return this.inMemory(storyId, version) ?? this.keep({ storyId, version, bytes: Buffer.from(json, 'utf8'), stats: known.stats, storyArticles: known.storyArticles });
  }

  // The dossier of one version when it is among the recent ones (marked as just used).
  private inMemory(storyId: number, version: number): StoredDossier | null {
    const entry = this.recent.get(storyId);
    if (!entry || entry.version !== version) return null;
    this.recent.delete(storyId);
    this.recent.set(storyId, entry);
    return entry;
  }
}
