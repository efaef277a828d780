// Background feed polling inside the server. It mirrors `watchFeeds` but hands articles to the server's
// own intake, so the watcher and the "add article" endpoint share one clusterer.
import { cleanArticle, isNoArticleTextError, type Article } from '../clean/index.js';
import { isReadError } from '../read/index.js';
import { expandSources, pollFeed } from '../ingest/index.js';
import type { ArticleStore } from '../store/index.js';
import type { ArticleIntake } from './intake.js';

export interface WatcherOptions {
  everyMs: number;
  allowPrivate?: boolean;
  onProblem?: (origin: string, reason: string) => void;
  onRound?: (stored: number) => void;
}

export interface WatcherStatus {
  feeds: number;
  rounds: number;
  lastRoundAt: string | null;
  stored: number;
}

export class FeedWatcher {
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private running: Promise<unknown> | null = null;
  readonly status: WatcherStatus = { feeds: 0, rounds: 0, lastRoundAt: null, stored: 0 };

  constructor(
    private readonly store: ArticleStore,
    private readonly intake: ArticleIntake,
    private readonly sources: string[],
    private readonly options: WatcherOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      // A failed round (a store error, say) is reported, not left as an unhandled rejection that ends the process.
      this.running = this.round()
        .catch((error: unknown) => this.options.onProblem?.('feed watcher', `a polling round failed: ${(error as Error)?.message ?? String(error)}`))
        .finally(() => {
          this.running = null;
          this.schedule(this.options.everyMs);
        });
    }, delay);
    this.timer.unref();
  }

  /** One polling round over every feed; feeds in backoff wait for their turn. */
  async round(): Promise<number> {
    const report = this.options.onProblem ?? (() => {});
    const { feeds } = await expandSources(this.sources, { allowPrivate: this.options.allowPrivate }, report);
    this.status.feeds = feeds.length;
    let stored = 0;
    for (const feed of feeds) {
      if (this.stopped) break;
      const result = await pollFeed(this.store, feed, { allowPrivate: this.options.allowPrivate });
      if (result.status === 'failed') report(feed, result.problem);
      if (result.status !== 'ok') continue;
      for (const problem of result.problems) report(feed, problem);
      const articles: Article[] = [];
      for (const raw of result.articles) {
        try {
          articles.push(cleanArticle(raw));
        } catch (error) {
          if (!isNoArticleTextError(error) && !isReadError(error)) throw error;
          report(raw.origin, error.message);
        }
      }
      if (articles.length) stored += (await this.intake.addCleaned(articles))[0].stored;
    }
    this.status.rounds++;
    this.status.stored += stored;
    this.status.lastRoundAt = new Date().toISOString();
    this.options.onRound?.(stored);
    return stored;
  }
}
