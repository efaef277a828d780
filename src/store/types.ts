import type { Article } from '../clean/types.js';

/** An article as kept by the store, with its store id and story. */
export interface StoredArticle {
  id: number;
  storyId: number | null;
  ingestedAt: string;
  article: Article;
}

export type DuplicateReason = 'url' | 'text';

export type PutArticleResult =
  | { status: 'stored'; id: number }
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
  /** Runs `fn` in one transaction: all of its writes are saved, or none. */
  transaction<T>(fn: () => T): T;

  /** Stores an article once: the same URL or the same cleaned text is a duplicate, linked to the first copy. */
  putArticle(article: Article): PutArticleResult;
  getArticle(id: number): StoredArticle | null;
  /** Id of the stored article with this URL (normalised the same way as on insert), or null. */
  findArticleByUrl(url: string): number | null;
  articleCount(): number;
  /** Records `origin`s that were linked to stored article `id` as duplicates. */
  duplicatesOf(id: number): { origin: string; url: string | null; reason: DuplicateReason }[];

  /** Puts an article in a story (creating the story row if new) and bumps the story's version. */
  setArticleStory(articleId: number, storyId: number): void;
  saveStoryStates(records: StoryRecord[]): void;
  /** Moves every article of `from` to `into`; `from` is kept as a pointer so old ids still resolve. */
  mergeStory(from: number, into: number): void;
  /** States of stories not merged away whose last day is at least `sinceDay` (all when null). */
  loadStoryStates(sinceDay: number | null): StoryRecord[];
  listStories(options?: { limit?: number; offset?: number; minArticles?: number }): StorySummary[];
  /** A story by id; a merged-away id resolves to the story it was merged into. */
  getStory(id: number): StorySummary | null;
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
