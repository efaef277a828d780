// Articles sent to the server (pasted text, an HTML page, or a URL to fetch) and the feed watcher's
// articles go through one ingestor, so the clusterer in memory always matches what this process stored.
import { createHash } from 'node:crypto';
import { readRecord, type RawArticle } from '../read/index.js';
import { cleanArticle, type Article } from '../clean/index.js';
import { fetchText, StoryIngestor, type BatchOutcome } from '../ingest/index.js';
import type { ArticleStore } from '../store/index.js';

export interface NewArticle {
  text?: string;
  html?: string;
  url?: string;
  title?: string;
  outlet?: string;
  publishedAt?: string;
  byline?: string;
  /** Article id used in dossier spans; kept as given (the schema admits only ids the reader keeps unchanged). */
  id?: string;
}

export interface IntakeResult {
  /** "revised": the same URL or file with changed text, stored as a new version of that article. */
  status: 'stored' | 'duplicate' | 'revised';
  articleId: number;
  storyId: number | null;
  title: string | null;
}

export interface IntakeOptions {
  allowPrivate?: boolean;
  /** Largest page fetched for a URL. */
  maxFetchBytes?: number;
  fetchTimeoutMs?: number;
  /** Called after a batch stored something (so readers of the store can look again at once). */
  onChange?: () => void;
}

export class ArticleIntake {
  private readonly ingestor: StoryIngestor;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: ArticleStore,
    private readonly options: IntakeOptions = {},
  ) {
    this.ingestor = new StoryIngestor(store);
  }

  /**
   * One article from text, HTML or a URL (fetched unless text or HTML is given too). Throws ReadError /
   * NoArticleTextError for unusable input and IngestError when a URL cannot or may not be fetched.
   */
  async add(input: NewArticle): Promise<IntakeResult> {
    const raw = await this.toRaw(input);
    const article = cleanArticle(raw);
    const [outcome] = await this.addCleaned([article]);
    const placed = outcome.placed[0];
    if (placed) return { status: 'stored', articleId: placed.articleId, storyId: placed.storyId, title: article.title };
    const revision = outcome.revisions[0];
    if (revision) return { status: 'revised', articleId: revision.articleId, storyId: revision.storyId, title: article.title };
    const existing = this.store.findArticleByUrl(article.url ?? '') ?? null;
    const stored = existing !== null ? this.store.getArticle(existing) : this.findByText(article);
    return { status: 'duplicate', articleId: stored?.id ?? 0, storyId: stored?.storyId ?? null, title: stored?.article.title ?? article.title };
  }

  /** Stores and clusters cleaned articles; writes run one at a time, in arrival order. */
  addCleaned(articles: Article[]): Promise<[BatchOutcome]> {
    const run = this.tail.then(() => {
      const outcome = this.ingestor.addBatch(articles);
      if (outcome.stored > 0 || outcome.revised > 0) this.options.onChange?.();
      return [outcome] as [BatchOutcome];
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async toRaw(input: NewArticle): Promise<RawArticle> {
    const hints = { id: input.id, title: input.title, url: input.url, outlet: input.outlet, publishedAt: input.publishedAt, byline: input.byline };
    if (input.text !== undefined || input.html !== undefined) {
      const body = input.html ?? input.text ?? '';
      const origin = input.url ?? `pasted-${createHash('sha256').update(body).digest('hex').slice(0, 12)}`;
      return readRecord({ ...hints, text: input.text, html: input.html }, origin);
    }
    const url = input.url!;
    const page = await fetchText(url, {
      allowPrivate: this.options.allowPrivate,
      maxBytes: this.options.maxFetchBytes ?? 5 * 1024 * 1024,
      timeoutMs: this.options.fetchTimeoutMs ?? 15_000,
    });
    const isHtml = /html|xml/i.test(page.contentType ?? '') || /^\s*</.test(page.body);
    return readRecord({ ...hints, url: page.finalUrl, [isHtml ? 'html' : 'text']: page.body }, page.finalUrl);
  }

  // A text duplicate has no URL to look up by; its story is found among the newest stories' articles.
  private findByText(article: Article) {
    for (const story of this.store.listStories({ limit: 200 })) {
      const match = this.store.storyArticles(story.id).find((s) => s.article.text === article.text);
      if (match) return match;
    }
    return null;
  }
}
