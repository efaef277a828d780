// Articles sent to the server (pasted text, an HTML page, or a URL to fetch) and the feed watcher's
// articles go through one ingestor, so the clusterer in memory always matches what this process stored.
import { createHash } from 'node:crypto';
import { readRecord, type RawArticle } from '../read/index.js';
import { cleanArticle, type Article } from '../clean/index.js';
import { fetchText, StoryIngestor, type BatchOutcome } from '../ingest/index.js';
import type { ArticleStore, ArticleVisibility } from '../store/index.js';

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
  /**
   * "revised": the same URL or file with changed text, stored as a new version of that article.
   * "restored": the article was stored before and an editor had hidden it; sending it again shows it again
   * (with the new text when its text had changed).
   */
  status: 'stored' | 'duplicate' | 'revised' | 'restored';
  articleId: number;
  storyId: number | null;
  title: string | null;
}

export interface IntakeOptions {
  allowPrivate?: boolean;
  /** Largest page fetched for a URL. */
  maxFetchBytes?: number;
  fetchTimeoutMs?: number;
  /**
   * Called after a write changed something (so readers of the store can look again at once); awaited before
   * the write's promise resolves, so its caller sees what the hook refreshed. Its rejection rejects the write's promise.
   */
  onChange?: () => void | Promise<void>;
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
   *
   * An article an editor hid and now sends again is shown again ("restored"): sending it is as deliberate as
   * hiding it was. Feeds and `ingest` runs (`addCleaned`) never restore one, since they deliver the same
   * items over and over and would undo every hiding.
   */
  async add(input: NewArticle): Promise<IntakeResult> {
    const raw = await this.toRaw(input);
    const article = cleanArticle(raw);
    // The batch and the restore run in one turn of the write queue, so no other batch comes in between.
    return this.queued(async () => {
      const outcome = await this.ingestor.addBatch([article]);
      const placed = outcome.placed[0];
      if (placed) return this.changed({ status: 'stored', articleId: placed.articleId, storyId: placed.storyId, title: article.title });
      const revision = outcome.revisions[0];
      const id = revision?.articleId ?? (await this.store.findArticleByUrl(article.url ?? '')) ?? (await this.store.findArticleByText(article.text));
      const stored = id !== null ? await this.store.getArticle(id) : null;
      if (stored?.hiddenAt) {
        const shown = (await this.store.restoreArticle(stored.id))!;
        return this.changed({ status: 'restored', articleId: stored.id, storyId: shown.storyId, title: revision ? article.title : stored.article.title });
      }
      if (revision) return this.changed({ status: 'revised', articleId: revision.articleId, storyId: revision.storyId, title: article.title });
      return { status: 'duplicate', articleId: stored?.id ?? 0, storyId: stored?.storyId ?? null, title: stored?.article.title ?? article.title };
    });
  }

  /**
   * Hides (`hide` true) or shows again a stored article, in turn with the other writes (see
   * ArticleStore.hideArticle). Resolves to null for an unknown id; rejects with StoreError 'busy' when
   * another process kept the store locked too long.
   */
  setHidden(articleId: number, hide: boolean): Promise<ArticleVisibility | null> {
    return this.queued(async () => {
      const result = await (hide ? this.store.hideArticle(articleId) : this.store.restoreArticle(articleId));
      if (result?.changed) await this.options.onChange?.();
      return result;
    });
  }

  /** Stores and clusters cleaned articles; writes run one at a time, in arrival order. */
  addCleaned(articles: Article[]): Promise<[BatchOutcome]> {
    return this.queued(async () => {
      const outcome = await this.ingestor.addBatch(articles);
      if (outcome.stored > 0 || outcome.revised > 0) await this.options.onChange?.();
      return [outcome] as [BatchOutcome];
    });
  }

  // Every write of this intake goes through one queue, in arrival order: the next starts when the last has
  // settled (its awaits included), so a batch and the restore that follows it are never split by another write.
  private queued<T>(write: () => Promise<T>): Promise<T> {
    const run = this.tail.then(write);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async changed(result: IntakeResult): Promise<IntakeResult> {
    await this.options.onChange?.();
    return result;
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

}
