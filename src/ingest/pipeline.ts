// The ingest pipeline: read -> clean -> signature -> store -> cluster, in batches.
import { readFile } from 'node:fs/promises';
import { readInputs, isReadError, type RawArticle } from '../read/index.js';
import { cleanArticle, isNoArticleTextError, type Article } from '../clean/index.js';
import type { ArticleStore } from '../store/index.js';
import { StoryIngestor, type IngestorOptions } from './ingestor.js';
import { pollFeed, type PollOptions } from './feeds/poll.js';
import { looksLikeOpml, parseOpml } from './feeds/parse.js';
import { fetchText } from './fetch/http.js';
import { isIngestError } from './errors/ingest-error.js';
import { silentProgress, type Progress } from './progress.js';

export const DEFAULT_BATCH_SIZE = 200;

export interface IngestRunOptions extends IngestorOptions, Omit<PollOptions, 'now'> {
  /** Articles per transaction. */
  batchSize?: number;
  onProblem?: (origin: string, reason: string) => void;
  /** Called after each committed batch. */
  onBatch?: (committed: { stored: number; duplicates: number }) => void;
  progress?: Progress;
}

export interface IngestSummary {
  read: number;
  stored: number;
  duplicates: number;
  storiesCreated: number;
  merges: number;
  problems: number;
  feedsPolled: number;
  feedsNotModified: number;
}

export function emptySummary(): IngestSummary {
  return { read: 0, stored: 0, duplicates: 0, storiesCreated: 0, merges: 0, problems: 0, feedsPolled: 0, feedsNotModified: 0 };
}

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** Feed URLs behind sources that are URLs or OPML files/URLs; other sources are returned as local paths. */
export async function expandSources(
  sources: string[],
  options: { allowPrivate?: boolean },
  report: (origin: string, reason: string) => void,
): Promise<{ feeds: string[]; paths: string[] }> {
  const feeds: string[] = [];
  const paths: string[] = [];
  for (const source of sources) {
    if (isUrl(source)) {
      if (/\.opml(\?|$)/i.test(source)) {
        try {
          const body = (await fetchText(source, { allowPrivate: options.allowPrivate })).body;
          feeds.push(...parseOpml(body, source));
        } catch (error) {
          if (!isIngestError(error)) throw error;
          report(source, error.message);
        }
      } else feeds.push(source);
    } else if (/\.opml$/i.test(source)) {
      try {
        feeds.push(...parseOpml(await readFile(source, 'utf8'), source));
      } catch (error) {
        if (isIngestError(error)) report(source, error.message);
        else report(source, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message);
      }
    } else paths.push(source);
  }
  return { feeds: [...new Set(feeds)], paths };
}

/** Cleans and stores raw articles in batches of `batchSize`, one transaction each. */
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

  add(raws: RawArticle[]): void {
    const progress = this.options.progress ?? silentProgress;
    for (const raw of raws) {
      this.summary.read++;
      try {
        this.pending.push(cleanArticle(raw));
      } catch (error) {
        if (!isNoArticleTextError(error) && !isReadError(error)) throw error;
        this.problem(raw.origin, error.message);
        progress.advance(1);
      }
      if (this.pending.length >= (this.options.batchSize ?? DEFAULT_BATCH_SIZE)) this.flush();
    }
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const outcome = this.ingestor.addBatch(batch);
    this.summary.stored += outcome.stored;
    this.summary.duplicates += outcome.duplicates;
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

/** `triangulate ingest`: files, folders, JSON/JSONL, feed URLs and OPML lists, stored and clustered. */
export async function ingestSources(store: ArticleStore, sources: string[], options: IngestRunOptions = {}): Promise<IngestSummary> {
  const runner = new BatchRunner(store, options);
  const progress = options.progress ?? silentProgress;
  const { feeds, paths } = await expandSources(sources, options, (o, r) => runner.problem(o, r));
  if (paths.length > 0) {
    const read = await readInputs(paths);
    for (const problem of read.problems) runner.problem(problem.origin, problem.reason);
    progress.start(read.articles.length);
    runner.add(read.articles);
    runner.flush();
    progress.stop();
  }
  for (const feed of feeds) await pollInto(store, runner, feed, { ...options, ignoreBackoff: true });
  return runner.summary;
}

async function pollInto(store: ArticleStore, runner: BatchRunner, feed: string, options: IngestRunOptions): Promise<void> {
  const result = await pollFeed(store, feed, options);
  if (result.status === 'backoff') return;
  runner.summary.feedsPolled++;
  if (result.status === 'not-modified') runner.summary.feedsNotModified++;
  else if (result.status === 'failed') runner.problem(feed, result.problem);
  else {
    for (const problem of result.problems) runner.problem(feed, problem);
    runner.add(result.articles);
    runner.flush();
  }
}

export interface WatchOptions extends IngestRunOptions {
  everyMs: number;
  /** Stop after this many polling rounds (tests, `--once`); unlimited when absent. */
  rounds?: number;
  signal?: AbortSignal;
  onRound?: (round: number, summary: IngestSummary) => void;
}

/** `triangulate watch`: polls every feed each `everyMs` (feeds in backoff wait their turn) until aborted. */
export async function watchFeeds(store: ArticleStore, sources: string[], options: WatchOptions): Promise<IngestSummary> {
  const total = emptySummary();
  for (let round = 1; options.rounds === undefined || round <= options.rounds; round++) {
    const runner = new BatchRunner(store, options);
    const { feeds } = await expandSources(sources, options, (o, r) => runner.problem(o, r));
    for (const feed of feeds) {
      if (options.signal?.aborted) break;
      await pollInto(store, runner, feed, options);
    }
    for (const key of Object.keys(total) as (keyof IngestSummary)[]) total[key] += runner.summary[key];
    options.onRound?.(round, runner.summary);
    if (options.signal?.aborted || (options.rounds !== undefined && round >= options.rounds)) break;
    await sleep(options.everyMs, options.signal);
  }
  return total;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
