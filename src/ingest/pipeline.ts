// The ingest pipeline: read -> clean -> signature -> store -> cluster, in batches.
import { stat } from 'node:fs/promises';
import pLimit from 'p-limit';
import { decodeDocument, readFeedFile, readInputs, readLocalFile, isReadError, type ParsedFeed, type RawArticle } from '../read/index.js';
import { cleanArticle, isNoArticleTextError, teaserNotice, type Article } from '../clean/index.js';
import type { ArticleStore } from '../store/index.js';
import { StoryIngestor, type IngestorOptions } from './ingestor.js';
import { feedArticles, feedFailureReason, pollFeed, type PollOptions } from './feeds/poll.js';
import { looksLikeOpml, parseOpml } from './feeds/parse.js';
import { fetchText } from './fetch/http.js';
import { isIngestError } from './errors/ingest-error.js';
import { silentProgress, type Progress } from './progress.js';

export const DEFAULT_BATCH_SIZE = 200;
/**
 * Feeds fetched at once. Enough that one slow or dead site does not hold up the others for its whole timeout,
 * few enough not to flood a small machine or one host serving many of the feeds.
 */
export const DEFAULT_FEED_CONCURRENCY = 6;

export interface IngestRunOptions extends IngestorOptions, Omit<PollOptions, 'now'> {
  /** Articles per transaction. */
  batchSize?: number;
  /**
   * Fetch the linked pages of feed files named on the command line, as for feed URLs (default false: a local
   * feed is read from the content it carries and nothing is fetched). Feeds inside folders are never fetched.
   */
  fetchLocalFeedPages?: boolean;
  onProblem?: (origin: string, reason: string) => void;
  /** Called for an article stored with a caveat worth telling its user (a paywall teaser: "teaser only (paywalled page)"). */
  onNotice?: (origin: string, notice: string) => void;
  /** Called for a feed not requested because it waits out a backoff, with why and until when (one line). */
  onBackoff?: (feed: string, notice: string) => void;
  /** Called after each committed batch. */
  onBatch?: (committed: { stored: number; duplicates: number }) => void;
  progress?: Progress;
  /** Feeds polled at the same time (default DEFAULT_FEED_CONCURRENCY); each feed's own pages are fetched one by one. */
  feedConcurrency?: number;
}

/** Counts of one ingest run or one watch round (or the sum of rounds). */
export interface IngestSummary {
  read: number;
  stored: number;
  duplicates: number;
  /** Known articles (same URL or file) whose text changed, stored as a new version of the article. */
  revised: number;
  storiesCreated: number;
  merges: number;
  problems: number;
  /** Feeds requested (not those waiting out a backoff). */
  feedsPolled: number;
  /** Of those, feeds that answered 304 Not Modified. */
  feedsNotModified: number;
  /** Of those, feeds that could not be fetched or read (each also counted in `problems`). */
  feedsFailed: number;
  /** Feeds not requested because they failed before and wait out their backoff (see pollFeed). */
  feedsWaiting: number;
}

/** An IngestSummary with every count at zero. */
export function emptySummary(): IngestSummary {
  return { read: 0, stored: 0, duplicates: 0, revised: 0, storiesCreated: 0, merges: 0, problems: 0, feedsPolled: 0, feedsNotModified: 0, feedsFailed: 0, feedsWaiting: 0 };
}

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** Feed URLs behind sources that are URLs or OPML files/URLs; other sources are returned as local paths. */
export async function expandSources(
  sources: string[],
  options: { allowPrivate?: boolean; timeoutMs?: number; signal?: AbortSignal },
  report: (origin: string, reason: string) => void,
): Promise<{ feeds: string[]; paths: string[] }> {
  const feeds: string[] = [];
  const paths: string[] = [];
  for (const source of sources) {
    if (isUrl(source)) {
      if (/\.opml(\?|$)/i.test(source)) {
        try {
          const body = (await fetchText(source, { allowPrivate: options.allowPrivate, timeoutMs: options.timeoutMs, signal: options.signal })).body;
          feeds.push(...parseOpml(body, source));
        } catch (error) {
          if (!isIngestError(error)) throw error;
          report(source, error.message);
        }
      } else feeds.push(source);
    } else if (/\.opml$/i.test(source)) {
      try {
        // An OPML file is XML: its <?xml encoding?> (or BOM) says how to read it, UTF-8 otherwise.
        // Read like any input: a FIFO or a device named .opml is refused, not waited on or read forever.
        const text = decodeDocument(await readLocalFile(source), { kind: 'xml', undeclared: 'windows-1252' }).text;
        feeds.push(...parseOpml(text, source));
      } catch (error) {
        if (isIngestError(error) || isReadError(error)) report(source, error.message);
        else throw error;
      }
    } else paths.push(source);
  }
  return { feeds: [...new Set(feeds)], paths };
}

/**
 * Cleans and stores raw articles in batches of `batchSize`, one transaction each. Several feeds polled at once
 * share one runner: their articles may share a batch, and batches commit one at a time (see StoryIngestor).
 */
export class BatchRunner {
  readonly summary = emptySummary();
  private readonly ingestor: StoryIngestor;
  private pending: Article[] = [];

  constructor(
    store: ArticleStore,
    private readonly options: IngestRunOptions = {},
  ) {
    this.ingestor = new StoryIngestor(store, options);
  }

  /** Cleans `raws` and stores each full batch; the rest waits for `flush`. Rejects with a store error of a batch. */
  async add(raws: RawArticle[]): Promise<void> {
    const progress = this.options.progress ?? silentProgress;
    for (const raw of raws) {
      this.summary.read++;
      try {
        const article = cleanArticle(raw);
        const notice = teaserNotice(article.diagnostics);
        if (notice) this.options.onNotice?.(raw.origin, notice);
        this.pending.push(article);
      } catch (error) {
        if (!isNoArticleTextError(error) && !isReadError(error)) throw error;
        this.problem(raw.origin, error.message);
        progress.advance(1);
      }
      if (this.pending.length >= (this.options.batchSize ?? DEFAULT_BATCH_SIZE)) await this.flush();
    }
  }

  /** Stores the articles waiting for a batch (one transaction). Rejects with the batch's store error; the batch is then dropped. */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    // Taken before the await: articles added meanwhile (another feed) go into the next batch.
    const batch = this.pending;
    this.pending = [];
    const outcome = await this.ingestor.addBatch(batch);
    this.summary.stored += outcome.stored;
    this.summary.duplicates += outcome.duplicates;
    this.summary.revised += outcome.revised;
    this.summary.storiesCreated += outcome.storiesCreated;
    this.summary.merges += outcome.merges;
    this.options.progress?.advance(batch.length, `${this.summary.stored} new`);
    this.options.onBatch?.({ stored: outcome.stored, duplicates: outcome.duplicates });
  }

  problem(origin: string, reason: string): void {
    this.summary.problems++;
    this.options.onProblem?.(origin, reason);
  }
}

/**
 * `triangulate ingest`: files, folders, JSON/JSONL, feed files, feed URLs and OPML lists, stored and clustered.
 * Feed URLs are fetched (with their linked pages unless `fetchPages` is false); feed files are read as their
 * items without any request unless `fetchLocalFeedPages`. Problems go to `onProblem`, one line each.
 */
export async function ingestSources(store: ArticleStore, sources: string[], options: IngestRunOptions = {}): Promise<IngestSummary> {
  const runner = new BatchRunner(store, options);
  const progress = options.progress ?? silentProgress;
  const { feeds, paths: sourcePaths } = await expandSources(sources, options, (o, r) => runner.problem(o, r));
  let paths = sourcePaths;
  if (options.fetchLocalFeedPages) {
    paths = [];
    for (const source of sourcePaths) {
      const feed = await localFeed(source, (o, r) => runner.problem(o, r));
      if (feed === undefined) continue;
      if (feed === null) paths.push(source);
      else await feedFileInto(store, runner, source, feed, options);
    }
  }
  if (paths.length > 0) {
    const read = await readInputs(paths);
    for (const problem of read.problems) runner.problem(problem.origin, problem.reason);
    progress.start(read.articles.length);
    await runner.add(read.articles);
    await runner.flush();
    progress.stop();
  }
  await pollAll(store, runner, feeds, { ...options, ignoreBackoff: true });
  return runner.summary;
}

/**
 * The feed in a local file named as a source; null when the source is a folder or not a feed (it is then read
 * as usual), undefined when it is a feed file that could not be read (the problem was reported).
 */
async function localFeed(source: string, report: (origin: string, reason: string) => void): Promise<ParsedFeed | null | undefined> {
  const info = await stat(source).catch(() => null);
  if (!info?.isFile()) return null;
  try {
    return await readFeedFile(source);
  } catch (error) {
    if (!isReadError(error)) return null; // unexpected trouble: readInputs reports it in its own words
    report(error.origin, error.message);
    return undefined;
  }
}

/** Items of a local feed file, their linked pages fetched like a fetched feed's; origins are "<file>#<n>". */
async function feedFileInto(store: ArticleStore, runner: BatchRunner, file: string, feed: ParsedFeed, options: IngestRunOptions): Promise<void> {
  const result = await feedArticles(store, feed, (_item, index) => `${file}#${index + 1}`, {
    allowPrivate: options.allowPrivate,
    fetchPages: true,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
  });
  for (const problem of result.problems) runner.problem(file, problem);
  if (feed.items.length === 0) runner.problem(file, 'feed has no items');
  await runner.add(result.articles);
  await runner.flush();
}

async function pollInto(store: ArticleStore, runner: BatchRunner, feed: string, options: IngestRunOptions): Promise<void> {
  const result = await pollFeed(store, feed, options);
  if (result.status === 'backoff') {
    // Counted and (for a one-off run) said: a cron job's `watch --once` must not pass quietly over a feed
    // that keeps failing just because its last failure put it in backoff.
    runner.summary.feedsWaiting++;
    const last = result.lastStatus && feedFailureReason(feed, result.lastStatus);
    options.onBackoff?.(feed, `not polled: failed ${result.failures === 1 ? 'once' : `${result.failures} times in a row`}${last ? ` (last: ${last})` : ''}; next try after ${result.until}`);
    return;
  }
  runner.summary.feedsPolled++;
  if (result.status === 'not-modified') runner.summary.feedsNotModified++;
  else if (result.status === 'failed') {
    runner.summary.feedsFailed++;
    runner.problem(feed, result.problem);
  }
  else {
    // Items whose URL is stored already were not fetched again; they are what a file's re-read calls
    // "already stored", so a re-poll of a known feed is no failure.
    runner.summary.read += result.skippedKnown;
    runner.summary.duplicates += result.skippedKnown;
    for (const problem of result.problems) runner.problem(feed, problem);
    await runner.add(result.articles);
    await runner.flush();
  }
}

/**
 * Polls `feeds` into `runner`, `feedConcurrency` at a time, storing each feed's articles as soon as it answers
 * (so a slow feed holds up nobody). Rejects with the first internal error; a stop through `options.signal`
 * resolves once the pending requests are closed.
 */
async function pollAll(store: ArticleStore, runner: BatchRunner, feeds: string[], options: IngestRunOptions): Promise<void> {
  const limit = pLimit(options.feedConcurrency ?? DEFAULT_FEED_CONCURRENCY);
  const signal = options.signal;
  const results = await Promise.allSettled(
    feeds.map((feed) =>
      limit(async () => {
        if (!signal?.aborted) await pollInto(store, runner, feed, options);
      }),
    ),
  );
  for (const result of results) {
    // A stop rejects the pending polls with the signal's own reason: that is no error.
    if (result.status === 'rejected' && !(signal?.aborted && result.reason === signal.reason)) throw result.reason;
  }
}

export interface WatchOptions extends IngestRunOptions {
  everyMs: number;
  /** Stop after this many polling rounds (tests, `--once`); unlimited when absent. */
  rounds?: number;
  signal?: AbortSignal;
  onRound?: (round: number, summary: IngestSummary) => void;
}

/**
 * `triangulate watch`: polls every feed each `everyMs` (feeds in backoff wait their turn; `feedConcurrency` at
 * a time) until `rounds` are done or `signal` aborts. An abort closes pending requests and ends the wait
 * between rounds at once; the round it interrupted is still reported. Resolves with the sum of all rounds.
 */
export async function watchFeeds(store: ArticleStore, sources: string[], options: WatchOptions): Promise<IngestSummary> {
  const total = emptySummary();
  for (let round = 1; options.rounds === undefined || round <= options.rounds; round++) {
    const runner = new BatchRunner(store, options);
    try {
      const { feeds, paths } = await expandSources(sources, options, (o, r) => runner.problem(o, r));
      // Files are read once by ingest; polling them again every round would only find them unchanged.
      if (round === 1) for (const file of paths) runner.problem(file, 'watch polls feed URLs and OPML lists; read a local file with: triangulate ingest FILE');
      await pollAll(store, runner, feeds, options);
    } catch (error) {
      // Stopped while an OPML list was being fetched: the round ends with what it had.
      if (!(options.signal?.aborted && error === options.signal.reason)) throw error;
    }
    for (const key of Object.keys(total) as (keyof IngestSummary)[]) total[key] += runner.summary[key];
    options.onRound?.(round, runner.summary);
    if (options.signal?.aborted || (options.rounds !== undefined && round >= options.rounds)) break;
    await sleep(options.everyMs, options.signal);
  }
  return total;
}

/** Waits `ms`, or less when `signal` aborts. The abort listener is removed either way: a `watch` runs for
 * weeks on one signal, and one listener left per round is a leak (and a MaxListenersExceededWarning). */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
