// Feeds for the ingest stage: the format mapping is the read stage's (`parseFeedDocument`, shared with feed
// files given on the command line); this adds ISO dates and the ingest error type, and reads OPML lists.
import { normalizeDate } from '../../clean/dates.js';
import { isReadError, parseFeedDocument, parseXml, type FeedItem, type ParsedFeed } from '../../read/index.js';
import { IngestError } from '../errors/ingest-error.js';

export type { FeedItem, ParsedFeed };

/**
 * Dates as ISO 8601 strings that keep the feed's own offset ("2018-09-24T19:42:40-03:00"). The clean stage's
 * date reader knows other languages' month and day names ("Seg, 24 Set 2018 19:42:40 -0300" in a Portuguese
 * feed); Date is the fallback for what it does not read. Unparseable dates are dropped.
 */
function isoDate(value: string | null): string | null {
  if (!value) return null;
  const normalized = normalizeDate(value);
  // A result without a zone would shift by the reader's time zone; Date knows zone names such as "EST".
  if (normalized && /(?:Z|[+-]\d{2}:?\d{2})$/.test(normalized)) return normalized;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString().replace('.000Z', 'Z') : normalized;
}

/**
 * Parses a feed document (RSS 2.0, RSS 1.0/RDF, Atom, JSON Feed) with item dates as ISO 8601. Throws
 * IngestError('not-a-feed') with a one-line message starting with `source` when it is none of the four formats.
 */
export function parseFeed(body: string, source: string): ParsedFeed {
  let feed: ParsedFeed;
  try {
    feed = parseFeedDocument(body, source);
  } catch (error) {
    if (!isReadError(error)) throw error;
    throw new IngestError('not-a-feed', source, `${source}: ${error.message}`);
  }
  return { ...feed, items: feed.items.map((item) => ({ ...item, publishedAt: isoDate(item.publishedAt) })) };
}

/** True when the document is an OPML outline (a list of feeds) rather than a feed. */
export function looksLikeOpml(body: string): boolean {
  return /<opml[\s>]/i.test(body.slice(0, 2000));
}

/** Feed URLs listed in an OPML document (nested outlines included), in document order, without repeats. */
export function parseOpml(body: string, source: string): string[] {
  let doc: Record<string, unknown>;
  try {
    doc = parseXml(body);
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
