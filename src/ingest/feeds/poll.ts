// One poll of one feed: conditional request with the saved validators, per-feed exponential backoff
// after failures, and feed items turned into raw articles.
import type { RawArticle } from '../../read/index.js';
import { idFromOrigin } from '../../read/index.js';
import type { ArticleStore, FeedState } from '../../store/index.js';
import { fetchText } from '../fetch/http.js';
import { isIngestError } from '../errors/ingest-error.js';
import { parseFeed, type FeedItem } from './parse.js';

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
}

export type PollResult =
  | { status: 'backoff'; until: string }
  | { status: 'not-modified' }
  | { status: 'ok'; articles: RawArticle[]; skippedKnown: number; problems: string[] }
  | { status: 'failed'; problem: string; retryAt: string };

export function backoffDelayMs(failures: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
}

function emptyState(url: string): FeedState {
  return { url, etag: null, lastModified: null, failures: 0, nextAttemptAt: null, lastStatus: null, lastCheckedAt: null };
}

export async function pollFeed(store: ArticleStore, url: string, options: PollOptions = {}): Promise<PollResult> {
  const now = options.now ?? new Date();
  const state = store.getFeedState(url) ?? emptyState(url);
  if (!options.ignoreBackoff && state.nextAttemptAt && Date.parse(state.nextAttemptAt) > now.getTime()) {
    return { status: 'backoff', until: state.nextAttemptAt };
  }
  try {
    const response = await fetchText(url, { allowPrivate: options.allowPrivate, etag: state.etag, lastModified: state.lastModified });
    const saved: FeedState = {
      ...state,
      failures: 0,
      nextAttemptAt: null,
      lastCheckedAt: now.toISOString(),
      lastStatus: String(response.status),
      etag: response.notModified ? state.etag : response.etag,
      lastModified: response.notModified ? state.lastModified : response.lastModified,
    };
    if (response.notModified) {
      store.putFeedState(saved);
      return { status: 'not-modified' };
    }
    const feed = parseFeed(response.body, url);
    const problems: string[] = [];
    const articles: RawArticle[] = [];
    let skippedKnown = 0;
    for (const item of feed.items) {
      if (item.url && store.findArticleByUrl(item.url) !== null) {
        skippedKnown++;
        continue;
      }
      const article = await itemToRaw(item, url, feed.title, options, problems);
      if (article) articles.push(article);
    }
    // Validators are saved only after the items were read, so a failed read is retried in full.
    store.putFeedState(saved);
    return { status: 'ok', articles, skippedKnown, problems };
  } catch (error) {
    if (!isIngestError(error)) throw error;
    const failures = state.failures + 1;
    const retryAt = new Date(now.getTime() + backoffDelayMs(failures)).toISOString();
    store.putFeedState({ ...state, failures, nextAttemptAt: retryAt, lastCheckedAt: now.toISOString(), lastStatus: error.message });
    return { status: 'failed', problem: error.message, retryAt };
  }
}

async function itemToRaw(item: FeedItem, feedUrl: string, feedTitle: string | null, options: PollOptions, problems: string[]): Promise<RawArticle | null> {
  const origin = item.url ?? `${feedUrl}#${item.id ?? item.title ?? 'item'}`;
  let html = item.contentHtml && item.contentHtml.length >= MIN_FEED_CONTENT_CHARS ? item.contentHtml : null;
  let fromPage = false;
  if (!html && item.url && (options.fetchPages ?? true)) {
    try {
      html = (await fetchText(item.url, { allowPrivate: options.allowPrivate })).body;
      fromPage = true;
    } catch (error) {
      if (!isIngestError(error)) throw error;
      problems.push(error.message);
    }
  }
  html ??= item.contentHtml ?? item.summary;
  if (!html) return null;
  return {
    id: idFromOrigin(origin),
    origin,
    format: 'html',
    // Feed content is a fragment; wrapping it lets the page cleaner treat it like a page body.
    content: fromPage ? html : `<!doctype html><html><body><article>${html}</article></body></html>`,
    hints: {
      title: item.title ?? undefined,
      url: item.url ?? undefined,
      outlet: feedTitle ?? undefined,
      publishedAt: item.publishedAt ?? undefined,
      byline: item.author ?? undefined,
    },
  };
}
