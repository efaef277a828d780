// RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed -> one item shape. XML parsing is fast-xml-parser's;
// only the mapping of each format's fields is written here.
import { normalizeDate } from '../../clean/dates.js';
import { XMLParser } from 'fast-xml-parser';
import { IngestError } from '../errors/ingest-error.js';

export interface FeedItem {
  title: string | null;
  /** Link to the article page. */
  url: string | null;
  /** Item id (guid / atom:id / JSON Feed id), or the URL. */
  id: string | null;
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

/**
 * Dates as ISO strings; RFC 822 dates in RSS are parsed by Date. Localized ones ("Seg, 24 Set 2018 19:42:40
 * -0300" in a Portuguese feed) go through the clean stage's date reader, which knows other languages' month
 * and day names. Unparseable dates are dropped.
 */
function isoDate(value: string | null): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : normalizeDate(value);
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
    publishedAt: isoDate(text(item.pubDate) ?? text(item.date) ?? text(item.published)),
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
    publishedAt: isoDate(text(entry.published) ?? text(entry.updated)),
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
        publishedAt: isoDate(str(item.date_published) ?? str(item.date_modified)),
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

/** Parses a feed document; throws IngestError('not-a-feed') when it is none of the four formats. */
export function parseFeed(body: string, source: string): ParsedFeed {
  const trimmed = body.trimStart();
  if (trimmed.startsWith('{')) {
    let doc: Record<string, unknown>;
    try {
      doc = JSON.parse(trimmed) as Record<string, unknown>;
    } catch {
      throw new IngestError('not-a-feed', source, `${source}: not valid JSON`);
    }
    if (typeof doc.version === 'string' && doc.version.includes('jsonfeed.org')) return jsonFeed(doc);
    throw new IngestError('not-a-feed', source, `${source}: JSON but not a JSON Feed`);
  }
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(trimmed) as Record<string, unknown>;
  } catch (error) {
    throw new IngestError('not-a-feed', source, `${source}: not valid XML (${(error as Error).message.split('\n')[0]})`);
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
  throw new IngestError('not-a-feed', source, `${source}: not an RSS, Atom or JSON feed`);
}

/** True when the document is an OPML outline (a list of feeds) rather than a feed. */
export function looksLikeOpml(body: string): boolean {
  return /<opml[\s>]/i.test(body.slice(0, 2000));
}

/** Feed URLs listed in an OPML document (nested outlines included), in document order, without repeats. */
export function parseOpml(body: string, source: string): string[] {
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(body) as Record<string, unknown>;
  } catch (error) {
    throw new IngestError('not-a-feed', source, `${source}: not valid OPML (${(error as Error).message.split('\n')[0]})`);
  }
  const opml = doc.opml as Record<string, unknown> | undefined;
  if (!opml || typeof opml !== 'object') throw new IngestError('not-a-feed', source, `${source}: not an OPML document`);
  const urls: string[] = [];
  const walk = (outlines: unknown) => {
    if (!Array.isArray(outlines)) return;
    for (const outline of outlines as Record<string, unknown>[]) {
      const url = outline['@_xmlUrl'];
      if (typeof url === 'string' && url.trim() && !urls.includes(url.trim())) urls.push(url.trim());
      walk(outline.outline);
    }
  };
  walk(((opml.body ?? {}) as Record<string, unknown>).outline);
  return urls;
}
