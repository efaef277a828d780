// Feed documents: RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed -> one item shape, and items -> raw articles.
// XML parsing is fast-xml-parser's; only the mapping of each format's fields is written here. The same code
// serves a feed fetched by `ingest`/`watch` and a feed file given to `analyze`/`ingest`, so a local .rss file
// becomes its items, never one "article" of raw XML.
import { XMLParser } from 'fast-xml-parser';
import type { RawArticle, ReadProblem } from './types.js';
import { ReadError } from './errors/read-error.js';
import { idFromOrigin } from './ids.js';

export interface FeedItem {
  title: string | null;
  /** Link to the article page. */
  url: string | null;
  /** Item id (guid / atom:id / JSON Feed id), or the URL. */
  id: string | null;
  /**
   * Publication date. From `parseFeedDocument`: as the feed states it (RFC 822 dates with a zone name such as
   * "GMT" already as ISO 8601 UTC; localized ones such as "Seg, 24 Set 2018 19:42:40 -0300" verbatim, for
   * the clean stage's date reader). From the ingest stage's `parseFeed`: ISO 8601.
   */
  publishedAt: string | null;
  author: string | null;
  /** Full content HTML when the feed carries it (content:encoded, atom content, content_html). */
  contentHtml: string | null;
  /** Summary or description (HTML or text). */
  summary: string | null;
}

export interface ParsedFeed {
  title: string | null;
  items: FeedItem[];
}

// Feed titles are often "<outlet> - <section>" ("Jornal de Notícias - Últimas Notícias", "BBC News - Home",
// "NYT > Top Stories") or "<section> | <outlet>" ("World news | The Guardian"). When one side is only a
// generic section label, the other side is the outlet. Labels are compared lower-cased, without accents and
// punctuation; a title with no generic side (or only generic sides) is kept whole.
const GENERIC_FEED_SECTIONS = new Set([
  // English: BBC ("Home"), NYT ("Top Stories"), Guardian ("World news"), CNN ("Latest News").
  'home', 'homepage', 'front page', 'frontpage', 'news', 'latest', 'latest news', 'latest stories', 'latest headlines',
  'top stories', 'top news', 'top headlines', 'headlines', 'breaking news', 'just in', 'most recent', 'most read',
  'all news', 'all stories', 'all articles', 'news feed', 'rss', 'rss feed', 'feed', 'main', 'world', 'world news',
  'international', 'national', 'local news', 'us news', 'uk news', 'politics', 'business', 'economy', 'sport',
  'sports', 'technology', 'tech', 'science', 'health', 'opinion', 'culture', 'entertainment', 'live',
  // Portuguese: Jornal de Notícias ("Últimas Notícias"), UOL ("Notícias").
  'ultimas noticias', 'ultimas', 'noticias', 'destaques', 'primeira pagina', 'capa', 'mundo', 'nacional',
  'politica', 'economia', 'desporto', 'esportes', 'pais', 'brasil', 'portugal',
  // Spanish, French, German, Italian equivalents of the above.
  'portada', 'ultima hora', 'lo ultimo', 'titulares', 'internacional', 'deportes', 'actualidad',
  'a la une', 'la une', 'actualites', 'dernieres actualites', 'dernieres infos', 'en continu', 'toute l actualite',
  'startseite', 'nachrichten', 'aktuelle nachrichten', 'schlagzeilen', 'top themen', 'topthemen', 'newsticker',
  'prima pagina', 'ultime notizie', 'ultima ora', 'notizie', 'homepage notizie',
]);

/** Separators between an outlet and a section in feed titles: " - ", " | ", " > ", " » ", " :: ", ": ". */
const TITLE_PARTS = /(\s+(?:[-–—|>»·]|::)\s+|:\s+)/;

/** True when a title part is only a section label; "Business News" counts as "Business". */
function isGenericSection(part: string): boolean {
  const key = sectionKey(part);
  return GENERIC_FEED_SECTIONS.has(key) || GENERIC_FEED_SECTIONS.has(key.replace(/\s+(?:news|noticias|nachrichten|notizie|actualites)$/, ''));
}

function sectionKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The outlet named by a feed title: generic section labels at either end ("Últimas Notícias", "Top Stories",
 * "Home"...) are dropped with their separator; anything else is kept as is. "Jornal de Notícias - Últimas
 * Notícias" -> "Jornal de Notícias"; "World news | The Guardian" -> "The Guardian"; "Harbour Herald" unchanged.
 */
export function outletFromFeedTitle(title: string): string {
  const parts = title.trim().split(TITLE_PARTS);
  // parts alternates text, separator, text...; drop generic ends while a non-generic part remains.
  while (parts.length >= 3 && isGenericSection(parts[parts.length - 1])) parts.splice(-2, 2);
  while (parts.length >= 3 && isGenericSection(parts[0])) parts.splice(0, 2);
  const outlet = parts.join('').trim();
  return outlet || title.trim();
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
  trimValues: true,
  isArray: (name) => ['item', 'entry', 'link', 'outline', 'category'].includes(name),
});

/** The shared XML parser configuration (namespace prefixes removed, attributes as "@_name"); throws on bad XML. */
export function parseXml(body: string): Record<string, unknown> {
  return parser.parse(body) as Record<string, unknown>;
}

type Node = Record<string, unknown> | string | undefined;

/** Text of an element that may be a string, an object with "#text", or absent. */
function text(node: unknown): string | null {
  if (node === undefined || node === null) return null;
  if (typeof node === 'string') return node.trim() || null;
  if (typeof node === 'number') return String(node);
  if (Array.isArray(node)) return text(node[0]);
  if (typeof node === 'object') {
    const value = (node as Record<string, unknown>)['#text'];
    return value === undefined ? null : text(value);
  }
  return null;
}

// RFC 822 dates whose zone is a name ("GMT", "EST") are exact for Date.parse, and only it knows the North
// American zone names; numeric offsets and localized day/month names are left to the clean stage's reader,
// which keeps the feed's own offset ("2018-09-24T19:42:40-03:00").
const NAMED_ZONE = /\b(?:GMT|UTC?|[ECMP][SD]T|Z)\s*$/;

function statedDate(value: string | null): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (NAMED_ZONE.test(trimmed) && /^[A-Za-z]{3},?\s/.test(trimmed)) {
    const ms = Date.parse(trimmed);
    if (Number.isFinite(ms)) return new Date(ms).toISOString().replace('.000Z', 'Z');
  }
  return trimmed || null;
}

function atomLink(links: unknown): string | null {
  if (!Array.isArray(links)) return text(links);
  const candidates = links as Record<string, unknown>[];
  const alternate = candidates.find((l) => typeof l === 'object' && (l['@_rel'] === undefined || l['@_rel'] === 'alternate'));
  const chosen = alternate ?? candidates[0];
  return typeof chosen === 'object' ? ((chosen['@_href'] as string | undefined) ?? null) : text(chosen);
}

function rssItem(item: Record<string, unknown>): FeedItem {
  const link = Array.isArray(item.link) ? text(item.link[0]) ?? atomLink(item.link) : text(item.link);
  const guid = text(item.guid);
  return {
    title: text(item.title),
    url: link ?? (guid && /^https?:\/\//.test(guid) ? guid : null),
    id: guid ?? link,
    publishedAt: statedDate(text(item.pubDate) ?? text(item.date) ?? text(item.published)),
    author: text(item.creator) ?? text(item.author),
    contentHtml: text(item.encoded),
    summary: text(item.description),
  };
}

function atomEntry(entry: Record<string, unknown>): FeedItem {
  const url = atomLink(entry.link);
  const author = entry.author as Node;
  return {
    title: text(entry.title),
    url,
    id: text(entry.id) ?? url,
    publishedAt: statedDate(text(entry.published) ?? text(entry.updated)),
    author: typeof author === 'object' && author ? text((author as Record<string, unknown>).name) : text(author),
    contentHtml: text(entry.content),
    summary: text(entry.summary),
  };
}

function jsonFeed(doc: Record<string, unknown>): ParsedFeed {
  const items = Array.isArray(doc.items) ? (doc.items as Record<string, unknown>[]) : [];
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  return {
    title: str(doc.title),
    items: items.map((item) => {
      const authors = Array.isArray(item.authors) ? (item.authors as Record<string, unknown>[]) : [];
      const author = (item.author as Record<string, unknown> | undefined) ?? authors[0];
      return {
        title: str(item.title),
        url: str(item.url) ?? str(item.external_url),
        id: str(item.id) ?? str(item.url),
        publishedAt: statedDate(str(item.date_published) ?? str(item.date_modified)),
        author: author ? str(author.name) : null,
        contentHtml: str(item.content_html) ?? (str(item.content_text) ? `<p>${escapeText(str(item.content_text)!)}</p>` : null),
        summary: str(item.summary),
      };
    }),
  };
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n\s*\n/g, '</p><p>');
}

const JSON_FEED_VERSION = /"version"\s*:\s*"https?:\/\/jsonfeed\.org\//;
// The root element after the prolog (XML declaration, comments, processing instructions, doctype).
const FEED_ROOT = /^\uFEFF?\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(?:rss|feed|(?:[\w-]+:)?RDF)[\s>]/;

/** True when a decoded document is an RSS, Atom, RSS 1.0 (RDF) or JSON Feed document (by its root, not its name). */
export function looksLikeFeed(content: string): boolean {
  const head = content.slice(0, 4000);
  return FEED_ROOT.test(head) || (head.trimStart().startsWith('{') && JSON_FEED_VERSION.test(head));
}

/**
 * Parses a feed document (RSS 2.0, RSS 1.0/RDF, Atom, JSON Feed). Dates are kept as stated (see
 * `FeedItem.publishedAt`). Throws ReadError('not-a-feed') with a one-line reason when the document is none of
 * the four formats or is not well-formed.
 */
export function parseFeedDocument(body: string, origin: string): ParsedFeed {
  const trimmed = body.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{')) {
    let doc: Record<string, unknown>;
    try {
      doc = JSON.parse(trimmed) as Record<string, unknown>;
    } catch {
      throw new ReadError('not-a-feed', origin, 'not valid JSON');
    }
    if (typeof doc.version === 'string' && doc.version.includes('jsonfeed.org')) return jsonFeed(doc);
    throw new ReadError('not-a-feed', origin, 'JSON but not a JSON Feed');
  }
  let doc: Record<string, unknown>;
  try {
    doc = parseXml(trimmed);
  } catch (error) {
    throw new ReadError('not-a-feed', origin, `not valid XML (${(error as Error).message.split('\n')[0]})`);
  }
  const rss = doc.rss as Record<string, unknown> | undefined;
  if (rss && typeof rss === 'object') {
    const channel = (rss.channel ?? {}) as Record<string, unknown>;
    const items = (channel.item ?? []) as Record<string, unknown>[];
    return { title: text(channel.title), items: items.map(rssItem) };
  }
  const feed = doc.feed as Record<string, unknown> | undefined;
  if (feed && typeof feed === 'object') {
    return { title: text(feed.title), items: ((feed.entry ?? []) as Record<string, unknown>[]).map(atomEntry) };
  }
  const rdf = doc.RDF as Record<string, unknown> | undefined;
  if (rdf && typeof rdf === 'object') {
    const channel = (rdf.channel ?? {}) as Record<string, unknown>;
    return { title: text(channel.title), items: ((rdf.item ?? []) as Record<string, unknown>[]).map(rssItem) };
  }
  throw new ReadError('not-a-feed', origin, 'not an RSS, Atom or JSON feed');
}

/**
 * One raw article from a feed item. `pageHtml` is the linked page when the caller fetched it; otherwise the
 * item's own content (or, failing that, its summary) is wrapped as a page body. Hints carry the item's
 * title, link, date (as stated), author and the outlet named by the feed title. Null when the item carries
 * no text at all and no page was given.
 */
export function feedItemArticle(item: FeedItem, origin: string, feedTitle: string | null, pageHtml: string | null = null): RawArticle | null {
  const own = item.contentHtml ?? item.summary;
  if (pageHtml === null && !own) return null;
  return {
    id: idFromOrigin(origin),
    origin,
    format: 'html',
    // Feed content is a fragment; wrapping it lets the page cleaner treat it like a page body.
    content: pageHtml ?? `<!doctype html><html><body><article>${own}</article></body></html>`,
    hints: {
      title: item.title ?? undefined,
      url: item.url ?? undefined,
      outlet: feedTitle ? outletFromFeedTitle(feedTitle) : undefined,
      publishedAt: item.publishedAt ?? undefined,
      byline: item.author ?? undefined,
    },
  };
}

/**
 * Articles from the content of a local feed file: one per item, origin "<file>#<n>" (1-based). Nothing is
 * fetched: an item is read from the content or summary the feed carries. An item with neither, or a feed
 * with no items, is one problem; a document that is not a feed throws ReadError('not-a-feed').
 */
export function readFeed(content: string, origin: string): { articles: RawArticle[]; problems: ReadProblem[] } {
  const feed = parseFeedDocument(content, origin);
  const articles: RawArticle[] = [];
  const problems: ReadProblem[] = [];
  if (feed.items.length === 0) problems.push({ origin, reason: 'feed has no items' });
  feed.items.forEach((item, index) => {
    const itemOrigin = `${origin}#${index + 1}`;
    const article = feedItemArticle(item, itemOrigin, feed.title);
    if (article) articles.push(article);
    else problems.push({ origin: itemOrigin, reason: `feed item ${item.url ? `(${item.url}) ` : ''}has no content or summary; pages are not fetched for a local feed file (ingest --fetch-pages does)` });
  });
  return { articles, problems };
}
