import { normalizeDate } from '../dates.js';
import { normalizeBlock } from '../normalize.js';

export interface PageMetadata {
  title: string | null;
  publishedAt: string | null;
  byline: string | null;
  outlet: string | null;
  url: string | null;
}

/** schema.org types whose datePublished/author/publisher describe the story itself. */
const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|SocialMediaPosting|WebPage)$/;

// Meta names in order of trust; publishers disagree on which one they fill in.
const DATE_META = ['article:published_time', 'og:article:published_time', 'article:published', 'datePublished', 'pubdate', 'publishdate', 'publish-date', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'sailthru.date', 'parsely-pub-date', 'article.published', 'og:published_time', 'cxenseparse:recs:publishtime'];
const AUTHOR_META = ['author', 'article:author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author', 'twitter:creator'];
const SITE_META = ['og:site_name', 'application-name', 'publisher', 'dc.publisher', 'twitter:site'];
const TITLE_META = ['og:title', 'twitter:title', 'headline', 'dc.title', 'parsely-title', 'sailthru.title'];

/** Elements of <head> (where meta, title and canonical links live): a short walk instead of a full-page query. */
function headElements(document: Document): Element[] {
  const out: Element[] = [];
  const walk = (node: Element) => {
    for (let child = node.firstElementChild; child; child = child.nextElementSibling) {
      out.push(child);
      walk(child);
    }
  };
  if (document.head) walk(document.head);
  return out;
}

function metaMap(head: Element[], document: Document): Map<string, string> {
  const map = new Map<string, string>();
  let metas = head.filter((e) => e.tagName === 'META');
  // Some pages put their meta tags in the body; only then is the whole page searched.
  if (metas.length === 0) metas = Array.from(document.querySelectorAll('meta'));
  for (const meta of metas) {
    const value = meta.getAttribute('content');
    if (!value || !value.trim()) continue;
    // One tag may carry several keys (NYT: property="article:published" itemprop="datePublished dateCreated").
    const keys = ['property', 'name', 'itemprop'].flatMap((attribute) => (meta.getAttribute(attribute) ?? '').toLowerCase().split(/\s+/));
    for (const key of keys) if (key && !map.has(key)) map.set(key, normalizeBlock(value));
  }
  return map;
}

function firstMeta(map: Map<string, string>, names: string[]): string | null {
  for (const name of names) {
    const value = map.get(name.toLowerCase());
    if (value) return value;
  }
  return null;
}

/** Every object in JSON-LD blocks, including @graph members and arrays. */
function jsonLdObjects(blocks: unknown[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((v) => visit(v, depth + 1));
    const object = value as Record<string, unknown>;
    out.push(object);
    if (object['@graph']) visit(object['@graph'], depth + 1);
  };
  blocks.forEach((b) => visit(b, 0));
  return out;
}

function typeOf(object: Record<string, unknown>): string[] {
  const type = object['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

/** Names from a schema.org author/publisher value: "X", {name}, or an array of those. */
function names(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value)) return value.flatMap(names);
  if (value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') return names((value as { name: string }).name);
  return [];
}

const isUrl = (value: string) => /^https?:\/\//i.test(value);

/**
 * Removes the site name from a title ("Port reopens | The Courier", "Flood barriers tested - Courier"): the
 * segment naming the site goes; otherwise the first segment when it is a headline of its own (3+ words), else
 * the longest (NYT "Opinion | Republicans ...").
 */
function stripSiteSuffix(title: string, site: string | null): string {
  const parts = title.split(/\s+[|–—-]\s+/);
  if (parts.length < 2) return title;
  const site_ = site?.toLowerCase();
  const rest = site_ ? parts.filter((p) => !p.toLowerCase().includes(site_)) : parts;
  if (rest.length === 0) return title;
  if (rest.length === 1) return rest[0];
  if (!/\s\|\s/.test(title) && !site_) return rest[0].split(/\s+/).length >= 3 ? rest.slice(0, -1).join(' - ') : title;
  return rest[0].split(/\s+/).length >= 3 ? rest[0] : rest.reduce((a, b) => (b.length > a.length ? b : a));
}

/** "By Jane Doe" -> "Jane Doe". */
function stripBy(byline: string): string {
  return byline.replace(/^by\s+/i, '').trim();
}

/** "https://www.newsnation.in" -> "newsnation.in" (some sites put their URL in og:site_name). */
function outletName(value: string): string {
  if (!isUrl(value)) return value;
  try {
    return new URL(value).hostname.replace(/^www\./, '');
  } catch {
    return value;
  }
}

/** Title, date, byline, outlet and URL from meta tags, JSON-LD and <time>. */
export function readMetadata(document: Document, jsonLd: unknown[]): PageMetadata {
  const head = headElements(document);
  const meta = metaMap(head, document);
  const articles = jsonLdObjects(jsonLd).filter((o) => typeOf(o).some((t) => ARTICLE_TYPES.test(t)));
  // A NewsArticle beats a WebPage that merely wraps it.
  articles.sort((a, b) => Number(typeOf(a).includes('WebPage')) - Number(typeOf(b).includes('WebPage')));
  const fromLd = (key: string) => articles.map((o) => o[key]).find((v) => v !== undefined && v !== null);

  const ldDate = fromLd('datePublished');
  const metaDate = firstMeta(meta, DATE_META);
  let publishedAt = (typeof ldDate === 'string' ? normalizeDate(ldDate) : null) ?? (metaDate ? normalizeDate(metaDate) : null);
  if (!publishedAt) {
    const time = document.querySelector('article time[datetime], time[datetime]');
    publishedAt = time ? normalizeDate(time.getAttribute('datetime') ?? '') : null;
  }

  const ldAuthors = names(fromLd('author')).filter((n) => !isUrl(n));
  const metaAuthor = firstMeta(meta, AUTHOR_META);
  const byline = ldAuthors.length > 0 ? stripBy(ldAuthors.join(', ')) : metaAuthor && !isUrl(metaAuthor) && !metaAuthor.startsWith('@') ? stripBy(metaAuthor) : null;

  const ldPublisher = names(fromLd('publisher'))[0] ?? null;
  const siteName = firstMeta(meta, SITE_META.slice(0, 1)) ?? ldPublisher ?? firstMeta(meta, SITE_META.slice(1))?.replace(/^@/, '') ?? null;
  const outlet = siteName ? outletName(siteName) : null;

  const ldHeadline = fromLd('headline');
  let title = firstMeta(meta, TITLE_META) ?? (typeof ldHeadline === 'string' ? normalizeBlock(ldHeadline) : null);
  if (!title) {
    const h1s = Array.from(document.querySelectorAll('h1')).map((h) => normalizeBlock(h.textContent ?? '')).filter(Boolean);
    const documentTitle = normalizeBlock(head.find((e) => e.tagName === 'TITLE')?.textContent ?? '');
    title = (h1s.length === 1 ? h1s[0] : null) ?? (documentTitle || null);
  }

  const canonical = head.find((e) => e.tagName === 'LINK' && e.getAttribute('rel')?.toLowerCase() === 'canonical')?.getAttribute('href') ?? null;
  const url = firstMeta(meta, ['og:url']) ?? (canonical && isUrl(canonical) ? canonical : null);

  return { title: title ? stripSiteSuffix(title, outlet) : null, publishedAt, byline, outlet, url };
}
