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
const DATE_META = ['article:published_time', 'og:article:published_time', 'datePublished', 'pubdate', 'publishdate', 'publish-date', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'sailthru.date', 'parsely-pub-date', 'article.published', 'og:published_time', 'cxenseparse:recs:publishtime'];
const AUTHOR_META = ['author', 'article:author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author', 'twitter:creator'];
const SITE_META = ['og:site_name', 'application-name', 'publisher', 'dc.publisher', 'twitter:site'];
const TITLE_META = ['og:title', 'twitter:title', 'headline', 'dc.title', 'parsely-title', 'sailthru.title'];

function metaMap(document: Document): Map<string, string> {
  const map = new Map<string, string>();
  for (const meta of Array.from(document.querySelectorAll('meta'))) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const value = meta.getAttribute('content');
    if (key && value && value.trim() && !map.has(key)) map.set(key, normalizeBlock(value));
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

/** Removes " | Site Name" or " - Site Name" from a <title>: a pipe almost always precedes the site name, a dash
 * only when the part before it is a headline of its own (3+ words). */
function stripSiteSuffix(title: string, site: string | null): string {
  const parts = title.split(/\s+[|–—-]\s+/);
  if (parts.length < 2) return title;
  if (site && parts.slice(1).some((p) => p.toLowerCase().includes(site.toLowerCase()))) return parts[0];
  if (/\s\|\s/.test(title)) return title.split(/\s+\|\s+/)[0];
  return parts[0].split(/\s+/).length >= 3 ? parts.slice(0, -1).join(' - ') : title;
}

/** Title, date, byline, outlet and URL from meta tags, JSON-LD and <time>. */
export function readMetadata(document: Document, jsonLd: unknown[]): PageMetadata {
  const meta = metaMap(document);
  const articles = jsonLdObjects(jsonLd).filter((o) => typeOf(o).some((t) => ARTICLE_TYPES.test(t)));
  // A NewsArticle beats a WebPage that merely wraps it.
  articles.sort((a, b) => Number(typeOf(a).includes('WebPage')) - Number(typeOf(b).includes('WebPage')));
  const fromLd = (key: string) => articles.map((o) => o[key]).find((v) => v !== undefined && v !== null);

  const ldDate = fromLd('datePublished');
  const timeElement = document.querySelector('article time[datetime], time[datetime]');
  const publishedAt =
    (typeof ldDate === 'string' ? normalizeDate(ldDate) : null) ??
    (() => {
      const value = firstMeta(meta, DATE_META);
      return value ? normalizeDate(value) : null;
    })() ??
    (timeElement ? normalizeDate(timeElement.getAttribute('datetime') ?? '') : null);

  const ldAuthors = names(fromLd('author')).filter((n) => !isUrl(n));
  const metaAuthor = firstMeta(meta, AUTHOR_META);
  const byline = ldAuthors.length > 0 ? ldAuthors.join(', ') : metaAuthor && !isUrl(metaAuthor) && !metaAuthor.startsWith('@') ? metaAuthor : null;

  const ldPublisher = names(fromLd('publisher'))[0] ?? null;
  const outlet = firstMeta(meta, SITE_META.slice(0, 1)) ?? ldPublisher ?? firstMeta(meta, SITE_META.slice(1))?.replace(/^@/, '') ?? null;

  const ldHeadline = fromLd('headline');
  const h1s = Array.from(document.querySelectorAll('h1')).map((h) => normalizeBlock(h.textContent ?? '')).filter(Boolean);
  const documentTitle = normalizeBlock(document.querySelector('title')?.textContent ?? '');
  const title =
    firstMeta(meta, TITLE_META) ??
    (typeof ldHeadline === 'string' ? normalizeBlock(ldHeadline) : null) ??
    (h1s.length === 1 ? h1s[0] : null) ??
    (documentTitle ? stripSiteSuffix(documentTitle, outlet) : null);

  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const url = firstMeta(meta, ['og:url']) ?? (canonical && isUrl(canonical) ? canonical : null);

  return { title: title ? stripSiteSuffix(title, outlet) : null, publishedAt, byline, outlet, url };
}
