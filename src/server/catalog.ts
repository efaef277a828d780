// A search index over stories (words, names, outlets, dates), kept beside the store because the store
// knows no language. Rebuilt incrementally: only stories whose version changed are read again.
import { contentTerms } from '../text/terms.js';
import { outletKey, type ArticleStore, type StorySummary } from '../store/index.js';

export interface StorySearch {
  /** Words that must all occur in the story's titles or texts (stemmed, so "denies" finds "denied"). */
  text?: string;
  /** A name that must occur capitalised in the story, e.g. "Vucic" or "Milan Mojsilovic". */
  entity?: string;
  /** An outlet name or host name of one of the story's articles (case-insensitive). */
  outlet?: string;
  /** ISO dates: the story's publication range must overlap [from, to]. */
  from?: string;
  to?: string;
  /** Only stories with at least this many (visible) articles. */
  minArticles?: number;
  /**
   * A further test every match must pass, applied before paging so that `total` counts only what passes
   * (the routes use it for what the catalog does not know, e.g. dispute counts from dossiers).
   */
  keep?: (entry: CatalogEntry) => boolean;
  limit?: number;
  offset?: number;
}

export interface CatalogEntry {
  summary: StorySummary;
  /** The story's title, or another article's title, or the opening words of its first article. */
  headline: string;
  /** Outlet names (or host names) of the story's articles, most frequent first. */
  outlets: string[];
  terms: Set<string>;
  names: Set<string>;
}

/** What a changed story adds to the index: its articles' outlets and dates, and the new articles' words. */
export interface StoryIndexDelta {
  storyId: number;
  /** Store ids of all the story's articles, in story order, with their outlet and date. */
  ids: number[];
  outlets: string[];
  published: (string | null)[];
  /** Words and names of the articles not in `known` (stemmed terms; folded names). */
  terms: string[];
  names: string[];
  /** Title of the first article with one, else the opening words of the first article. */
  headline: string;
}

/**
 * Reads a story's articles and takes the words and names of those not in `known` (store ids). Runs in a
 * dossier worker for large stories, where stemming thousands of articles would stall the event loop.
 */
export async function readStoryDelta(store: ArticleStore, storyId: number, known: ReadonlySet<number>): Promise<StoryIndexDelta> {
  const articles = await store.storyArticles(storyId);
  const terms = new Set<string>();
  const names = new Set<string>();
  const delta: StoryIndexDelta = { storyId, ids: [], outlets: [], published: [], terms: [], names: [], headline: '' };
  for (const { id, article } of articles) {
    if (!known.has(id)) {
      const body = `${article.title ?? ''}\n${article.text}`;
      for (const t of contentTerms(body)) terms.add(t);
      for (const n of nameTokens(body)) names.add(n);
    }
    delta.ids.push(id);
    delta.outlets.push(outletKey(article.outlet, article.url) ?? 'unknown outlet');
    delta.published.push(article.publishedAt);
  }
  delta.terms = [...terms];
  delta.names = [...names];
  delta.headline = articles.find((a) => a.article.title)?.article.title ?? openingWords(articles[0]?.article.text ?? '');
  return delta;
}

/** Stories above this many articles are re-indexed off the event loop when an `offload` is given. */
export const OFFLOAD_ARTICLES = 300;

// Capitalised words: the cheap stand-in for entity mentions that lets "entity" search run without NLP models.
const NAME_WORD = /\p{Lu}[\p{L}'’-]*/gu;

function nameTokens(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(NAME_WORD)) out.add(fold(m[0]));
  return out;
}

function fold(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s$/, '');
}

export class StoryCatalog {
  private readonly entries = new Map<number, CatalogEntry>();
  private readonly byTerm = new Map<string, Set<number>>();
  private readonly byName = new Map<string, Set<number>>();
  /** The store's change counter when last read. */
  private seenArticles = -1;
  private checkedAt = -Infinity;
  /** All entries newest first, kept between requests until the catalog changes. */
  private ordered: CatalogEntry[] | null = null;

  /**
   * `recheckMs`: how long a look at the store stays fresh. Writes through this server refresh at once
   * (`refresh(true)`); writes by another process (an `ingest` run on the same file) show up within it.
   */
  constructor(
    private readonly store: ArticleStore,
    private readonly recheckMs = 1000,
    /** Reads a story's delta elsewhere (a worker thread); without it every re-index runs here. */
    private readonly offload?: (storyId: number, known: number[]) => Promise<StoryIndexDelta>,
  ) {}

  /** Large stories being re-indexed off the event loop, with the newest summary seen meanwhile. */
  private readonly reindexing = new Map<number, StorySummary>();

  /** The refresh reading the store now, shared by everyone who asks meanwhile. */
  private running: Promise<void> | null = null;
  /** A forced refresh asked for while one ran: it starts when that one ends, shared by every such asker. */
  private followUp: Promise<void> | null = null;

  /**
   * Reads what changed in the store since the last call; cheap when nothing did (the change counter, at most
   * once per `recheckMs`). Concurrent callers share one refresh: an unforced call joins the one running; a
   * forced one (after a write) joins a single refresh that starts once the running one ends, since the
   * running one may have read the store before that write. Rejects with the store's error (StoreError).
   */
  refresh(force = false): Promise<void> {
    if (this.followUp) return this.followUp;
    if (this.running) {
      if (!force) return this.running;
      const previous = this.running;
      this.followUp = previous
        .catch(() => undefined)
        .then(() => {
          this.followUp = null;
          return this.start(true);
        });
      return this.followUp;
    }
    if (!force && performance.now() - this.checkedAt < this.recheckMs) return Promise.resolve();
    return this.start(force);
  }

  private start(force: boolean): Promise<void> {
    const run = this.read(force).finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  private async read(force: boolean): Promise<void> {
    this.checkedAt = performance.now();
    // The change counter moves on any commit by any process (a revision by an ingest run changes no count).
    const count = await this.store.changeCounter();
    if (!force && count === this.seenArticles) return;
    // All pages from one snapshot: a write landing between two pages could shift a story past the page
    // boundary, and a story missing from the listing would be dropped from the index.
    const summaries = await this.store.readSnapshot(async () => {
      const all: StorySummary[] = [];
      for (let offset = 0; ; offset += 1000) {
        const page = await this.store.listStories({ limit: 1000, offset });
        all.push(...page);
        if (page.length < 1000) return all;
      }
    });
    const live = new Set<number>();
    for (const summary of summaries) {
      live.add(summary.id);
      const known = this.entries.get(summary.id);
      if (known && known.summary.version === summary.version) known.summary = summary;
      else if (known && this.offload && summary.articleCount > OFFLOAD_ARTICLES) this.reindexLater(known, summary);
      else await this.index(summary);
    }
    for (const id of [...this.entries.keys()]) if (!live.has(id)) this.unindex(id);
    this.ordered = null;
    // Only a completed refresh counts as having seen this state: a failed one is tried again next time.
    this.seenArticles = count;
  }

  get(id: number): CatalogEntry | undefined {
    return this.entries.get(id);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Stories newest first (latest publication, then id), filtered; `total` counts all matches. */
  search(query: StorySearch): { total: number; stories: CatalogEntry[] } {
    let candidates: Set<number> | null = null;
    const narrow = (ids: Set<number> | undefined) => {
      const next = new Set<number>();
      if (ids) for (const id of ids) if (!candidates || candidates.has(id)) next.add(id);
      candidates = next;
    };
    for (const term of query.text ? contentTerms(query.text) : []) narrow(this.byTerm.get(term));
    for (const m of query.entity ? query.entity.matchAll(/[\p{L}\p{N}'’-]+/gu) : []) narrow(this.byName.get(fold(m[0])));
    const outlet = query.outlet?.trim().toLowerCase();
    const minArticles = query.minArticles ?? 1;
    const all = candidates === null && !outlet && !query.from && !query.to && minArticles <= 1 && !query.keep;
    if (all && !this.ordered) this.ordered = [...this.entries.values()].sort(newestFirst);
    const keep = query.keep;
    const list = all
      ? this.ordered!
      : [...(candidates ?? this.entries.keys())]
      .map((id) => this.entries.get(id)!)
      .filter((e) => e.summary.articleCount >= minArticles)
      .filter((e) => !outlet || e.outlets.some((o) => o.toLowerCase() === outlet || o.toLowerCase().includes(outlet)))
      .filter((e) => overlaps(e.summary, query.from, query.to))
      .sort(newestFirst)
      // Last, and in order: a `keep` with side effects (counting, collecting) sees the matches newest first.
      .filter((e) => !keep || keep(e));
    const offset = query.offset ?? 0;
    return { total: list.length, stories: list.slice(offset, offset + (query.limit ?? 50)) };
  }

  /** Every outlet with its article and story counts, most articles first. */
  sources(): { outlet: string; articles: number; stories: number; lastPublished: string | null }[] {
    const byOutlet = new Map<string, { articles: number; stories: Set<number>; lastPublished: string | null }>();
    for (const entry of this.entries.values()) {
      for (const article of this.articlesOf(entry.summary.id)) {
        const name = article.outlet;
        const row = byOutlet.get(name) ?? { articles: 0, stories: new Set<number>(), lastPublished: null };
        row.articles++;
        row.stories.add(entry.summary.id);
        if (article.publishedAt && (!row.lastPublished || article.publishedAt > row.lastPublished)) row.lastPublished = article.publishedAt;
        byOutlet.set(name, row);
      }
    }
    return [...byOutlet.entries()]
      .map(([outlet, r]) => ({ outlet, articles: r.articles, stories: r.stories.size, lastPublished: r.lastPublished }))
      .sort((a, b) => b.articles - a.articles || a.outlet.localeCompare(b.outlet));
  }

  private readonly articleOutlets = new Map<number, { outlet: string; publishedAt: string | null }[]>();

  private articlesOf(storyId: number): { outlet: string; publishedAt: string | null }[] {
    return this.articleOutlets.get(storyId) ?? [];
  }

  /** Store ids of the articles each entry's words and names were taken from. */
  private readonly indexedArticles = new Map<number, Set<number>>();

  // Stories mostly gain articles (new ones, or a merged story's), so a changed story usually needs only its
  // new articles' words: stemming is what costs (3.4 s for a 3,000-article story), so a story that grows
  // by one article costs one article's stemming, not the whole story's.
  private async index(summary: StorySummary): Promise<void> {
    const against = new Set(this.indexedArticles.get(summary.id) ?? []);
    await this.apply(summary, await readStoryDelta(this.store, summary.id, against), against);
  }

  /** Large stories whose next re-index must read every article (an article left them). */
  private readonly readAfresh = new Set<number>();

  // A large story is read and stemmed in a worker; until that returns, its entry keeps its words and shows
  // the new counts. One re-index per story at a time; a story that changed meanwhile goes once more.
  private reindexLater(known: CatalogEntry, summary: StorySummary, afresh = false): void {
    const running = this.reindexing.has(summary.id);
    this.reindexing.set(summary.id, summary);
    if (afresh) this.readAfresh.add(summary.id);
    known.summary = { ...summary, version: known.summary.version };
    if (running) return;
    const go = (wanted: StorySummary) => {
      const against = this.readAfresh.delete(wanted.id) ? new Set<number>() : new Set(this.indexedArticles.get(wanted.id) ?? []);
      this.offload!(wanted.id, [...against])
        .then(async (delta) => {
          if (!this.entries.has(wanted.id)) return;
          await this.apply(wanted, delta, against);
          this.ordered = null;
        })
        // The worker failed (or the server is closing), or the store did while applying: read it here next time instead.
        .catch(() => {
          const entry = this.entries.get(wanted.id);
          if (entry) entry.summary = { ...wanted, version: -1 };
        })
        .finally(() => {
          const latest = this.reindexing.get(wanted.id);
          const again = latest && this.entries.has(wanted.id) && (latest.version !== wanted.version || this.readAfresh.has(wanted.id));
          if (again) go(latest);
          else {
            this.reindexing.delete(wanted.id);
            this.readAfresh.delete(wanted.id);
          }
        });
    };
    go(summary);
  }

  /**
   * Puts a story's delta in the index. `against` is the set of article ids the delta's words leave out
   * (already indexed); empty means the delta holds every article's words and replaces the entry's.
   */
  private async apply(summary: StorySummary, delta: StoryIndexDelta, against: ReadonlySet<number>): Promise<void> {
    const ids = new Set(delta.ids);
    if ([...against].some((id) => !ids.has(id))) {
      // An article left the story (an editor hid it): its words must stop finding the story, so the story's
      // words are read again from all its articles, in a worker for a large story (the entry keeps its old
      // words until then), here otherwise.
      const known = this.entries.get(summary.id);
      if (known && this.offload && summary.articleCount > OFFLOAD_ARTICLES) this.reindexLater(known, summary, true);
      else await this.apply(summary, await readStoryDelta(this.store, summary.id, new Set()), new Set());
      return;
    }
    // A delta of every article replaces the entry's words (dropping those only departed articles had).
    if (against.size === 0) this.unindex(summary.id);
    const known = this.entries.get(summary.id);
    const grows = !!known;
    const terms = grows ? known!.terms : new Set<string>();
    const names = grows ? known!.names : new Set<string>();
    for (const t of delta.terms) if (!terms.has(t)) {
      terms.add(t);
      addPosting(this.byTerm, t, summary.id);
    }
    for (const n of delta.names) if (!names.has(n)) {
      names.add(n);
      addPosting(this.byName, n, summary.id);
    }
    const outletCounts = new Map<string, number>();
    for (const outlet of delta.outlets) outletCounts.set(outlet, (outletCounts.get(outlet) ?? 0) + 1);
    const outlets = [...outletCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([o]) => o);
    this.entries.set(summary.id, { summary, headline: summary.title ?? delta.headline, outlets, terms, names });
    this.indexedArticles.set(summary.id, ids);
    this.articleOutlets.set(summary.id, delta.outlets.map((outlet, i) => ({ outlet, publishedAt: delta.published[i] })));
  }

  private unindex(id: number): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    for (const t of entry.terms) removePosting(this.byTerm, t, id);
    for (const n of entry.names) removePosting(this.byName, n, id);
    this.entries.delete(id);
    this.articleOutlets.delete(id);
    this.indexedArticles.delete(id);
  }
}

function openingWords(text: string): string {
  const line = text.split('\n')[0].replace(/\s+/g, ' ').trim();
  if (line.length <= 100) return line || 'Untitled story';
  return `${line.slice(0, line.lastIndexOf(' ', 100) > 50 ? line.lastIndexOf(' ', 100) : 100)}…`;
}

function addPosting(index: Map<string, Set<number>>, key: string, id: number): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(id);
}

function removePosting(index: Map<string, Set<number>>, key: string, id: number): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(id);
  if (set.size === 0) index.delete(key);
}

function overlaps(summary: StorySummary, from?: string, to?: string): boolean {
  if (!from && !to) return true;
  const first = summary.firstPublished?.slice(0, 10);
  const last = summary.lastPublished?.slice(0, 10);
  if (!first || !last) return false;
  return (!from || last >= from) && (!to || first <= to.slice(0, 10));
}

function newestFirst(a: CatalogEntry, b: CatalogEntry): number {
  const x = a.summary.lastPublished ?? '';
  const y = b.summary.lastPublished ?? '';
  return x < y ? 1 : x > y ? -1 : b.summary.id - a.summary.id;
}
