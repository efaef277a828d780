// One poll of one feed: conditional request with the saved validators, per-feed exponential backoff
// after failures, and feed items turned into raw articles.
import type { RawArticle } from '../../read/index.js';
import { feedItemArticle } from '../../read/index.js';
import type { ArticleStore, FeedState } from '../../store/index.js';
import { fetchText } from '../fetch/http.js';
import { isIngestError } from '../errors/ingest-error.js';
import { parseFeed, type FeedItem, type ParsedFeed } from './parse.js';

/** First retry after one failure; doubles with each further failure up to the cap. */
export const BACKOFF_BASE_MS = 60_000;
export const BACKOFF_MAX_MS = 6 * 60 * 60_000;
/** Feed content shorter than this (characters of HTML) is a teaser: the article page is fetched instead. */
export const MIN_FEED_CONTENT_CHARS = 600;

export interface PollOptions {
  allowPrivate?: boolean;
  /** Fetch the linked page when the feed only carries a teaser (default true). */
  fetchPages?: boolean;
  now?: Date;
  /** Ignore a pending backoff (a one-off `ingest` run asked for this feed explicitly). */
  ignoreBackoff?: boolean;
  /** Deadline of each request (the feed, each linked page), body included, in milliseconds (default 20 000). */
  timeoutMs?: number;
  /**
   * Stops the poll at once (a stopped `watch`): the pending request is closed and the poll rejects with the
   * signal's reason; the feed is not counted as failed and no backoff is recorded.
   */
  signal?: AbortSignal;
}

export type PollResult =
  /** Not requested: the feed failed `failures` times in a row (the last with `lastStatus`) and waits until `until`. */
  | { status: 'backoff'; until: string; failures: number; lastStatus: string | null }
  | { status: 'not-modified' }
  | { status: 'ok'; articles: RawArticle[]; skippedKnown: number; problems: string[] }
  | { status: 'failed'; problem: string; retryAt: string };

/**
 * A feed's saved `lastStatus` as the reason alone: a failure is saved as its problem line, which opens with
 * the feed's URL ("https://x/feed.xml: HTTP 404"), and a line that names the feed itself must not say it twice.
 */
export function feedFailureReason(url: string, lastStatus: string): string {
  return lastStatus.startsWith(`${url}: `) ? lastStatus.slice(url.length + 2) : lastStatus;
}

export function backoffDelayMs(failures: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
}

function emptyState(url: string): FeedState {
  return { url, etag: null, lastModified: null, failures: 0, nextAttemptAt: null, lastStatus: null, lastCheckedAt: null };
}

/** A feed item not stored yet, with the origin its article will have. */
export interface NewFeedItem {
  item: FeedItem;
  origin: string;
}

/** What `pollFeedItems` found: like PollResult, with `consume`'s result in place of the raw articles. */
export type FeedPollOutcome<T> =
  | { status: 'backoff'; until: string; failures: number; lastStatus: string | null }
  | { status: 'not-modified' }
  | { status: 'ok'; feed: ParsedFeed; consumed: T; skippedKnown: number }
  | { status: 'failed'; problem: string; retryAt: string };

/**
 * Polls one feed: a conditional GET with the validators saved in `store`, then `consume` is given the items
 * whose URL is not stored yet (the others are counted in `skippedKnown`). A feed in backoff is not fetched
 * unless `ignoreBackoff`. A fetch or parse failure resolves as 'failed' with a one-line problem and doubles the
 * feed's backoff. The new validators are saved only after `consume` resolved, so items that were not taken
 * care of (a crash, a failed store) are fetched again next time instead of hidden behind a 304.
 * Rejects only with the reason of an aborted `signal`, `consume`'s own errors, or an internal error.
 */
export async function pollFeedItems<T>(
  store: ArticleStore,
  url: string,
  options: PollOptions,
  consume: (feed: ParsedFeed, items: NewFeedItem[]) => Promise<T>,
): Promise<FeedPollOutcome<T>> {
  const now = options.now ?? new Date();
  const state = (await store.getFeedState(url)) ?? emptyState(url);
  if (!options.ignoreBackoff && state.nextAttemptAt && Date.parse(state.nextAttemptAt) > now.getTime()) {
    return { status: 'backoff', until: state.nextAttemptAt, failures: state.failures, lastStatus: state.lastStatus };
  }
  let saved: FeedState;
  let feed: ParsedFeed | null = null;
  try {
    const response = await fetchText(url, {
      allowPrivate: options.allowPrivate,
      etag: state.etag,
      lastModified: state.lastModified,
      timeoutMs: options.timeoutMs,
      signal: options.signal,
    });
    saved = {
      ...state,
      failures: 0,
      nextAttemptAt: null,
      lastCheckedAt: now.toISOString(),
      lastStatus: String(response.status),
      etag: response.notModified ? state.etag : response.etag,
      lastModified: response.notModified ? state.lastModified : response.lastModified,
    };
    if (!response.notModified) feed = parseFeed(response.body, url);
  } catch (error) {
    if (!isIngestError(error)) throw error;
    const failures = state.failures + 1;
    const retryAt = new Date(now.getTime() + backoffDelayMs(failures)).toISOString();
    await store.putFeedState({ ...state, failures, nextAttemptAt: retryAt, lastCheckedAt: now.toISOString(), lastStatus: error.message });
    return { status: 'failed', problem: error.message, retryAt };
  }
  if (feed === null) {
    await store.putFeedState(saved);
    return { status: 'not-modified' };
  }
  const items: NewFeedItem[] = [];
  let skippedKnown = 0;
  for (const item of feed.items) {
    if (item.url && (await store.findArticleByUrl(item.url)) !== null) skippedKnown++;
    else items.push({ item, origin: item.url ?? `${url}#${item.id ?? item.title ?? 'item'}` });
  }
  const consumed = await consume(feed, items);
  await store.putFeedState(saved);
  return { status: 'ok', feed, consumed, skippedKnown };
}

/**
 * Polls one feed (see `pollFeedItems`) and turns its new items into raw articles; teasers get their linked
 * page when `fetchPages` is not false. A page that cannot be fetched is one problem line and the feed's own
 * text is used.
 */
export async function pollFeed(store: ArticleStore, url: string, options: PollOptions = {}): Promise<PollResult> {
  const outcome = await pollFeedItems(store, url, options, async (feed, items) => {
    const problems: string[] = [];
    const articles: RawArticle[] = [];
    for (const { item, origin } of items) {
      const article = await itemToRaw(item, origin, feed.title, options, problems);
      if (article) articles.push(article);
    }
    return { articles, problems };
  });
  if (outcome.status !== 'ok') return outcome;
  return { status: 'ok', articles: outcome.consumed.articles, skippedKnown: outcome.skippedKnown, problems: outcome.consumed.problems };
}

/**
 * Raw articles from the items of a parsed feed (fetched or read from a local file). Items whose URL is
 * already stored are skipped and counted. An item whose feed content is a teaser (under
 * MIN_FEED_CONTENT_CHARS) gets its linked page fetched when `options.fetchPages` is not false; a page that
 * cannot be fetched is one problem line and the feed's own text is used. `originOf` names each item's origin.
 */
export async function feedArticles(
  store: ArticleStore,
  feed: ParsedFeed,
  originOf: (item: FeedItem, index: number) => string,
  options: Omit<PollOptions, 'now' | 'ignoreBackoff'>,
): Promise<{ articles: RawArticle[]; skippedKnown: number; problems: string[] }> {
  const problems: string[] = [];
  const articles: RawArticle[] = [];
  let skippedKnown = 0;
  for (const [index, item] of feed.items.entries()) {
    if (item.url && (await store.findArticleByUrl(item.url)) !== null) {
      skippedKnown++;
      continue;
    }
    const article = await itemToRaw(item, originOf(item, index), feed.title, options, problems);
    if (article) articles.push(article);
  }
  return { articles, skippedKnown, problems };
}

/**
 * The raw article of one feed item: the feed's own content when it is long enough, else the linked page when
 * `fetchPages` is not false (a page that cannot be fetched adds a line to `problems` and the feed's text is used).
 */
export async function itemToRaw(item: FeedItem, origin: string, feedTitle: string | null, options: Omit<PollOptions, 'now'>, problems: string[]): Promise<RawArticle | null> {
  const full = item.contentHtml !== null && item.contentHtml.length >= MIN_FEED_CONTENT_CHARS;
  let page: string | null = null;
  if (!full && item.url && (options.fetchPages ?? true)) {
    try {
      page = (await fetchText(item.url, { allowPrivate: options.allowPrivate, timeoutMs: options.timeoutMs, signal: options.signal })).body;
    } catch (error) {
      if (!isIngestError(error)) throw error;
      problems.push(error.message);
    }
  }
  return feedItemArticle(item, origin, feedTitle, page);
}
