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

/** Where a newly stored article goes: the story, and whether the story is new (see setArticleStory). */
export interface StoryPlacement {
  storyId: number;
  newStory: boolean;
}

export interface PutArticleOptions {
  /**
   * Called only when the article is stored as new (not for a duplicate or a revision), before it is written:
   * the article is written already in the story returned, as `setArticleStory` would put it, in the same
   * write. Saves a second write per article on a stream (the clusterer decides from the text alone).
   */
  place?: () => StoryPlacement;
}

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

/** A dossier as last saved for a story, whatever the story's version is now. */
export interface CachedDossier {
  storyId: number;
  /** The story version the dossier was built from (compare with StorySummary.version: lower means stale). */
  version: number;
  body: string;
}

/** Which database a store lives in. */
export type StoreKind = 'sqlite' | 'postgres';

/**
 * Persistence for articles, stories and feeds. Knows nothing about language: stories are ids with
 * opaque state. Two backends implement it, with the same contract (src/store/contract.ts): SQLite (one
 * file, the embedded default) and PostgreSQL (shared by any number of workers and servers). Every method is
 * asynchronous because the PostgreSQL one talks to a server; the SQLite one does its work synchronously.
 */
export interface ArticleStore {
  readonly kind: StoreKind;
  /** The SQLite file, or the PostgreSQL URL with its password replaced by "***" (safe to print). */
  readonly path: string;
  readonly schemaVersion: number;
  /**
   * Runs `fn` in one write transaction: all of its writes are saved, or none. The write lock is taken at
   * the start (other processes writing the same store wait for it, up to the busy timeout), so what `fn`
   * reads is not changed by anyone else before it commits. Calls made inside `fn` (on this store object,
   * awaited within `fn`) join the transaction; calls from elsewhere in the process wait until it ends.
   * Throws StoreError 'busy' when the lock could not be had in time; `fn`'s own errors pass through
   * (after the rollback).
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Runs `fn` (reads only) against one consistent snapshot of the store: another process committing in the
   * middle (e.g. a story's version read first, its articles after) is not seen half-way. Takes no write lock.
   */
  readSnapshot<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * A number that changes whenever anything was committed to the store, by this connection or another
   * process; cheap to read, for caches that must notice outside writes.
   */
  changeCounter(): Promise<number>;

  /**
   * Stores an article once. The same cleaned text (current or older version of any article) is a duplicate,
   * linked to the first copy; the same URL with the same text too. The same URL with a new text, or the same
   * file (origin without a record number, no URL) with a new text, is a new version of that article.
   */
  putArticle(article: Article, options?: PutArticleOptions): Promise<PutArticleResult>;
  /**
   * A hint, inside a write transaction: these articles are about to be put, in this transaction. A backend
   * that pays a round trip per lookup (PostgreSQL) looks all of them up at once, so each new one then costs
   * only its insert. Results never differ from putting them without the hint. A no-op for SQLite.
   */
  expectArticles(articles: Article[]): Promise<void>;
  getArticle(id: number): Promise<StoredArticle | null>;
  /** Older versions of article `id`, oldest first (empty when it never changed). */
  articleHistory(id: number): Promise<ArticleVersion[]>;
  /** Id of the stored article with this URL (normalised the same way as on insert), or null. */
  findArticleByUrl(url: string): Promise<number | null>;
  /** Id of the stored article that has (or once had) exactly this cleaned text, hidden or not, or null. */
  findArticleByText(text: string): Promise<number | null>;
  /** Articles stored, hidden ones included (nothing stored is ever removed). */
  articleCount(): Promise<number>;
  /** Articles an editor has hidden. */
  hiddenArticleCount(): Promise<number>;
  /**
   * Hides article `id` (soft delete: the row and its text stay, and duplicate detection still sees it). It
   * leaves its story's article list, counts and dossier, and the story's version grows; a story with no
   * visible article left is no longer listed nor found by `getStory`. The clusterer's saved state is not
   * touched (see SqliteStore.setVisibility for why). Idempotent: hiding a hidden article changes nothing (`changed` false).
   * Resolves to null for an unknown id; rejects with StoreError 'busy' / 'read-only' like any write.
   */
  hideArticle(id: number): Promise<ArticleVisibility | null>;
  /** Undoes `hideArticle` (the story's version grows again); idempotent; null for an unknown id. */
  restoreArticle(id: number): Promise<ArticleVisibility | null>;
  /** Records `origin`s that were linked to stored article `id` as duplicates. */
  duplicatesOf(id: number): Promise<{ origin: string; url: string | null; reason: DuplicateReason }[]>;

  /**
   * Puts an article in a story (creating the story row if new) and bumps the story's version. With
   * `newStory`, the story must not exist yet: an existing row rejects (two writers handed out one id).
   */
  setArticleStory(articleId: number, storyId: number, options?: { newStory?: boolean }): Promise<void>;
  /** Highest story id ever used (0 for none): new ids must be above it. */
  maxStoryId(): Promise<number>;
  saveStoryStates(records: StoryRecord[]): Promise<void>;
  /** Moves every article of `from` to `into`; `from` is kept as a pointer so old ids still resolve. */
  mergeStory(from: number, into: number): Promise<void>;
  /** States of stories not merged away whose last day is at least `sinceDay` (all when null). */
  loadStoryStates(sinceDay: number | null): Promise<StoryRecord[]>;
  /** Stories with at least `minArticles` (default 1) visible articles, newest publication first. */
  listStories(options?: { limit?: number; offset?: number; minArticles?: number }): Promise<StorySummary[]>;
  /** A story by id; a merged-away id resolves to the story it was merged into; null when none of its articles is visible. */
  getStory(id: number): Promise<StorySummary | null>;
  /** The story's visible (not hidden) articles, by publication date then id. */
  storyArticles(id: number): Promise<StoredArticle[]>;
  /** The dossier body saved for exactly this story version, or null. */
  getCachedDossier(storyId: number, version: number): Promise<string | null>;
  /** The last dossier saved for the story, whatever version it was built from (null when none was). */
  getLatestDossier(storyId: number): Promise<CachedDossier | null>;
  /** Saves a dossier built from story version `version`; an older version never replaces a newer one. */
  putCachedDossier(storyId: number, version: number, body: string): Promise<void>;

  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
  loadCounters(namespace: string): Promise<[string, number][]>;
  putCounters(namespace: string, entries: [string, number][]): Promise<void>;

  getFeedState(url: string): Promise<FeedState | null>;
  putFeedState(state: FeedState): Promise<void>;

  /** "ok", or the database's list of problems. */
  integrityCheck(): Promise<string>;
  /** Closes the connection(s); waits for a running transaction of this object to end first. */
  close(): Promise<void>;
}
