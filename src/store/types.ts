import type { Article } from '../clean/types.js';

/** An article as kept by the store (its current version), with its store id and story. */
export interface StoredArticle {
  id: number;
  storyId: number | null;
  /** When the current version was stored. */
  ingestedAt: string;
  /** 1 for the first text seen; grows each time the text under the same URL (or file) changed. */
  version: number;
  /** When an editor hid the article (ISO time), null while it is visible. Hidden articles belong to no story's list. */
  hiddenAt: string | null;
  article: Article;
}

/** An article's visibility after `hideArticle` / `restoreArticle`. */
export interface ArticleVisibility {
  articleId: number;
  /** The story the article is filed under (kept while hidden), or null when it was never placed in one. */
  storyId: number | null;
  /** When it was hidden, or null when visible. */
  hiddenAt: string | null;
  /** False when it already was in the asked-for state (nothing was written). */
  changed: boolean;
}

/** An older text of a stored article, replaced by a later version. */
export interface ArticleVersion {
  version: number;
  ingestedAt: string;
  /** When the next version replaced it. */
  supersededAt: string;
  article: Article;
}

export type DuplicateReason = 'url' | 'text';

export type PutArticleResult =
  | { status: 'stored'; id: number }
  /**
   * The text under a known URL (or of a known file) changed: article `id` now holds the new text as
   * `version`, the old text is kept, and the version of its story `storyId` (if any) grew.
   */
  | { status: 'revised'; id: number; version: number; storyId: number | null }
  /** `linked` is false when the same origin was simply read again (nothing new to record). */
  | { status: 'duplicate'; id: number; reason: DuplicateReason; linked: boolean };

export interface StorySummary {
  id: number;
  /** Grows whenever the story's set of articles changes: cached dossiers are keyed by it. */
  version: number;
  articleCount: number;
  outletCount: number;
  /** Headline of the story's first stored article. */
  title: string | null;
  firstPublished: string | null;
  lastPublished: string | null;
  updatedAt: string;
}

/** Conditional-request and backoff state of one feed. */
export interface FeedState {
  url: string;
  etag: string | null;
  lastModified: string | null;
  /** Consecutive failures; drives the backoff. */
  failures: number;
  /** ISO time before which the feed is not fetched again. */
  nextAttemptAt: string | null;
  lastStatus: string | null;
  lastCheckedAt: string | null;
}

/** A saved story: `state` is opaque to the store (the clusterer's serialised state). */
export interface StoryRecord {
  id: number;
  /** Day number of the story's latest article, used only to load stories that can still grow. */
  lastDay: number;
  state: string;
}

/**
 * Persistence for articles, stories and feeds. Knows nothing about language: stories are ids with
 * opaque state. SQLite implements it today; a PostgreSQL backend can implement the same interface.
 */
export interface ArticleStore {
  readonly path: string;
  readonly schemaVersion: number;
  /**
   * Runs `fn` in one write transaction: all of its writes are saved, or none. The write lock is taken at
   * the start (other processes writing the same file wait for it, up to the busy timeout), so what `fn`
   * reads is not changed by anyone else before it commits. Nested calls join the outer transaction.
   * Throws StoreError 'busy' when the lock could not be had in time; `fn`'s own errors pass through.
   */
  transaction<T>(fn: () => T): T;
  /**
   * Runs `fn` (reads only) against one consistent snapshot of the store: another process committing in the
   * middle (e.g. a story's version read first, its articles after) is not seen half-way. Takes no lock.
   */
  readSnapshot<T>(fn: () => T): T;
  /**
   * A number that changes whenever anything was committed to the store, by this connection or another
   * process; cheap to read, for caches that must notice outside writes.
   */
  changeCounter(): number;

  /**
   * Stores an article once. The same cleaned text (current or older version of any article) is a duplicate,
   * linked to the first copy; the same URL with the same text too. The same URL with a new text, or the same
   * file (origin without a record number, no URL) with a new text, is a new version of that article.
   */
  putArticle(article: Article): PutArticleResult;
  getArticle(id: number): StoredArticle | null;
  /** Older versions of article `id`, oldest first (empty when it never changed). */
  articleHistory(id: number): ArticleVersion[];
  /** Id of the stored article with this URL (normalised the same way as on insert), or null. */
  findArticleByUrl(url: string): number | null;
  /** Id of the stored article that has (or once had) exactly this cleaned text, hidden or not, or null. */
  findArticleByText(text: string): number | null;
  /** Articles stored, hidden ones included (nothing stored is ever removed). */
  articleCount(): number;
  /** Articles an editor has hidden. */
  hiddenArticleCount(): number;
  /**
   * Hides article `id` (soft delete: the row and its text stay, and duplicate detection still sees it). It
   * leaves its story's article list, counts and dossier, and the story's version grows; a story with no
   * visible article left is no longer listed nor found by `getStory`. The clusterer's saved state is not
   * touched (see SqliteStore.setVisibility for why). Idempotent: hiding a hidden article changes nothing (`changed` false).
   * Returns null for an unknown id; throws StoreError 'busy' / 'read-only' like any write.
   */
  hideArticle(id: number): ArticleVisibility | null;
  /** Undoes `hideArticle` (the story's version grows again); idempotent; null for an unknown id. */
  restoreArticle(id: number): ArticleVisibility | null;
  /** Records `origin`s that were linked to stored article `id` as duplicates. */
  duplicatesOf(id: number): { origin: string; url: string | null; reason: DuplicateReason }[];

  /**
   * Puts an article in a story (creating the story row if new) and bumps the story's version. With
   * `newStory`, the story must not exist yet: an existing row throws (two writers handed out one id).
   */
  setArticleStory(articleId: number, storyId: number, options?: { newStory?: boolean }): void;
  /** Highest story id ever used (0 for none): new ids must be above it. */
  maxStoryId(): number;
  saveStoryStates(records: StoryRecord[]): void;
  /** Moves every article of `from` to `into`; `from` is kept as a pointer so old ids still resolve. */
  mergeStory(from: number, into: number): void;
  /** States of stories not merged away whose last day is at least `sinceDay` (all when null). */
  loadStoryStates(sinceDay: number | null): StoryRecord[];
  /** Stories with at least `minArticles` (default 1) visible articles, newest publication first. */
  listStories(options?: { limit?: number; offset?: number; minArticles?: number }): StorySummary[];
  /** A story by id; a merged-away id resolves to the story it was merged into; null when none of its articles is visible. */
  getStory(id: number): StorySummary | null;
  /** The story's visible (not hidden) articles, by publication date then id. */
  storyArticles(id: number): StoredArticle[];
  getCachedDossier(storyId: number, version: number): string | null;
  putCachedDossier(storyId: number, version: number, body: string): void;

  getMeta(key: string): string | null;
  setMeta(key: string, value: string): void;
  loadCounters(namespace: string): [string, number][];
  putCounters(namespace: string, entries: [string, number][]): void;

  getFeedState(url: string): FeedState | null;
  putFeedState(state: FeedState): void;

  /** "ok", or SQLite's list of problems. */
  integrityCheck(): string;
  close(): void;
}
