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
  ) {}

  /** Reads what changed in the store since the last call; cheap when nothing did (one COUNT, at most once per `recheckMs`). */
  refresh(force = false): void {
    const now = performance.now();
    if (!force && now - this.checkedAt < this.recheckMs) return;
    this.checkedAt = now;
    const count = this.store.articleCount();
    if (!force && count === this.seenArticles) return;
    this.seenArticles = count;
    const live = new Set<number>();
    for (let offset = 0; ; offset += 1000) {
      const page = this.store.listStories({ limit: 1000, offset });
      for (const summary of page) {
        live.add(summary.id);
        const known = this.entries.get(summary.id);
        if (known && known.summary.version === summary.version) known.summary = summary;
        else this.index(summary);
      }
      if (page.length < 1000) break;
    }
    for (const id of [...this.entries.keys()]) if (!live.has(id)) this.unindex(id);
    this.ordered = null;
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
    const all = candidates === null && !outlet && !query.from && !query.to;
    if (all && !this.ordered) this.ordered = [...this.entries.values()].sort(newestFirst);
    const list = all
      ? this.ordered!
      : [...(candidates ?? this.entries.keys())]
      .map((id) => this.entries.get(id)!)
      .filter((e) => !outlet || e.outlets.some((o) => o.toLowerCase() === outlet || o.toLowerCase().includes(outlet)))
      .filter((e) => overlaps(e.summary, query.from, query.to))
      .sort(newestFirst);
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

  private index(summary: StorySummary): void {
    this.unindex(summary.id);
    const articles = this.store.storyArticles(summary.id);
    const terms = new Set<string>();
    const names = new Set<string>();
    const outletCounts = new Map<string, number>();
    const perArticle: { outlet: string; publishedAt: string | null }[] = [];
    for (const { article } of articles) {
      const body = `${article.title ?? ''}\n${article.text}`;
      for (const t of contentTerms(body)) terms.add(t);
      for (const n of nameTokens(body)) names.add(n);
      const outlet = outletKey(article.outlet, article.url) ?? 'unknown outlet';
      outletCounts.set(outlet, (outletCounts.get(outlet) ?? 0) + 1);
      perArticle.push({ outlet, publishedAt: article.publishedAt });
    }
    const outlets = [...outletCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([o]) => o);
    const headline = summary.title ?? articles.find((a) => a.article.title)?.article.title ?? openingWords(articles[0]?.article.text ?? '');
    this.entries.set(summary.id, { summary, headline, outlets, terms, names });
    this.articleOutlets.set(summary.id, perArticle);
    for (const t of terms) addPosting(this.byTerm, t, summary.id);
    for (const n of names) addPosting(this.byName, n, summary.id);
  }

  private unindex(id: number): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    for (const t of entry.terms) removePosting(this.byTerm, t, id);
    for (const n of entry.names) removePosting(this.byName, n, id);
    this.entries.delete(id);
    this.articleOutlets.delete(id);
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
