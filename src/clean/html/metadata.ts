import { findDates, normalizeDate, PUBLISHED_LABEL, publishedDate, translateDate, UPDATED_LABEL } from '../dates.js';
import { comparisonKey, normalizeBlock } from '../normalize.js';
import { spacedText } from './blocks.js';

export interface PageMetadata {
  title: string | null;
  publishedAt: string | null;
  /**
   * Where publishedAt came from, e.g. "json-ld:datePublished", "meta:article_date_original", "parsely-page",
   * "time[datetime]", "element:.date", "title", "url", "meta:article:modified_time" (see DATE_SOURCES).
   */
  publishedAtSource: string | null;
  /** A person byline (JSON-LD Person author or meta author). */
  byline: string | null;
  /**
   * An author that is an organization or the outlet itself (JSON-LD "author": {"@type": "Organization"}), set
   * only when there is no person byline: used after a byline found in the visible text.
   */
  organizationByline: string | null;
  outlet: string | null;
  url: string | null;
  /** JSON-LD articleBody of the story (character references decoded), or null: the story when the page shows a teaser. */
  articleBody: string | null;
  /** JSON-LD wordCount of the story, or null. */
  wordCount: number | null;
  /**
   * The page declares the story not free to read: JSON-LD isAccessibleForFree false (on the article or one of its
   * hasPart sections), <meta itemprop="isAccessibleForFree" content="false">, or article:content_tier "locked".
   */
  paywalled: boolean;
  /**
   * CSS selectors of the sections the page declares locked (JSON-LD hasPart {"isAccessibleForFree": false,
   * "cssSelector": ".paywall"}): when those sections are on the page with their text, the story is all there.
   */
  paywallSelectors: string[];
}

/** schema.org types whose datePublished/author/publisher describe the story itself. */
const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|SocialMediaPosting|WebPage)$/;

// Meta names in order of trust; publishers disagree on which one they fill in.
const DATE_META = [
  'article:published_time', 'og:article:published_time', 'article:published', 'datePublished', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'dcterms.issued', 'sailthru.date', 'parsely-pub-date', 'article.published', 'og:published_time', 'cxenseparse:recs:publishtime',
  // Nikkei/Asahi-style CMS: <meta name="article_date_original" content="20180619T055000+0900"> (compact ISO 8601).
  'article_date_original', 'original-publish-date', 'originalpublicationdate', 'release_date', 'displaydate', 'date.available',
];
// Modification dates: only when no publication date is found anywhere (a page updated a week later would
// otherwise move the story by a week). NYT/Guardian fill article:modified_time next to article:published_time.
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'dateModified', 'last-modified', 'lastmod', 'dc.date.modified', 'dcterms.modified'];
// Parse.ly page descriptor: <meta name="parsely-page" content='{"title": ..., "pub_date": "2018-06-19T05:50:00Z"}'>
// (JSON inside the attribute; Parse.ly-instrumented sites such as The Atlantic and Ars Technica, 2015-2019).
const PARSELY_JSON_META = ['parsely-page'];
const PARSELY_DATE_KEYS = ['pub_date', 'pub_date_tmsp', 'publish_date'];
// Ars Technica and cleveland.com name the reporter only there: '{"author": "Pat Example", ...}' (some write "authors": [...]).
const PARSELY_AUTHOR_KEYS = ['authors', 'author'];

/**
 * Elements of the page that hold the publication date, in order of trust, after JSON-LD and meta tags.
 * <time datetime> comes first with the markup that says "published" (itemprop, pubdate, class); a bare first
 * <time> may be a "related stories" or "updated" stamp, so it is tried after them.
 */
const PUBLISHED_ELEMENTS = [
  '[itemprop~="datePublished"][datetime]', '[itemprop~="datePublished"][content]', 'time[pubdate][datetime]', 'time[class*="publish" i][datetime]', 'article time[datetime]', 'time[datetime]',
];
/** Markup of an element whose time stamp is the modification date: never read as the publication date. */
const MODIFIED_MARKUP = /modif|updat|edited|revis/i;
/**
 * Visible date furniture when there is no machine-readable date: RNZ <div class="date">12.10.2015, 19:16 Uhr</div>,
 * WordPress <span class="posted-on">, Blogger <h2 class="date-header">; the text may be split over child
 * elements (<span class="day">19</span><span class="month">June</span><span class="year">2018</span>) or over
 * sibling elements (<span class="date">19 June 2018</span><span class="time">05:50</span>), so the text is read
 * with spaces between elements, and a parent is tried when the element alone is not a whole date.
 */
const DATE_ELEMENTS = [
  '[itemprop~="datePublished"]', '[class*="publish" i]', '[class*="dateline" i]', '[class*="pubdate" i]', '[class~="date" i]', '[class*="-date" i]', '[class*="date-" i]', '[class*="_date" i]', '[class*="posted-on" i]', '[class*="timestamp" i]', '[id*="publish" i]', '[id~="date" i]',
];
/** Labelled fields (DW "<li><strong>Date</strong> 19.01.2020</li>"): the label, then the date, in one element. */
const DATE_LABEL = /^(?:date|published(?:\s+on)?|posted(?:\s+on)?|first published|datum|veröffentlicht(?:\s+am)?|publicado(?:\s+(?:em|el))?|fecha|data|publié(?:\s+le)?|pubblicato(?:\s+il)?)\s*:?$/i;
const LABEL_ELEMENTS = ['strong', 'b', 'dt', 'th', 'span', 'label'];
/** Places whose dates belong to other stories or to readers (related-story lists, comments, footers). */
const OTHER_STORY_PLACES = 'aside, nav, footer, [class*="related" i], [class*="comment" i], [class*="teaser" i], [class*="recommend" i], [class*="sidebar" i]';
/** Visible date text longer than this is prose that mentions a date, not a date stamp. */
const MAX_DATE_TEXT = 80;
// A date in the URL path, as the last resort: /2018/06/19/, /2018-06-19/, /20180619/ (WordPress permalinks, CNN,
// Guardian /world/2018/jun/19/). Day precision only, so any date with a time found elsewhere wins.
const URL_DATE = [
  /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?:\/|$)/,
  /\/((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[/_-]|$)/,
  /\/((?:19|20)\d{2})\/([a-z]{3})\/(\d{1,2})(?:\/|$)/i,
  /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)/,
];
// og:article:author: Reuters 2020 pages name the reporter only there (their visible "By" link is pruned with the byline box).
const AUTHOR_META = ['author', 'article:author', 'og:article:author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author', 'twitter:creator'];
const SITE_META = ['og:site_name', 'application-name', 'publisher', 'dc.publisher', 'twitter:site'];
/**
 * Paywall declarations in meta tags: Open Graph/Instant Articles article:content_tier ("free", "metered", "locked";
 * metered pages still serve the whole story, so only a closed tier counts) and Google's microdata flag
 * <meta itemprop="isAccessibleForFree" content="false">.
 */
const CONTENT_TIER_META = ['article:content_tier', 'og:article:content_tier', 'content_tier'];
const CLOSED_TIER = /^(locked|premium|paid|subscriber|subscribers|subscription|closed)$/i;
const FREE_META = ['isaccessibleforfree'];
const TITLE_META = ['og:title', 'twitter:title', 'headline', 'dc.title', 'parsely-title', 'sailthru.title'];

/**
 * og:site_name values that name a section of the site, not the outlet: Reuters 2020 pages say "U.S." or
 * "World" there, and other sites fill it with the desk the story ran under. Compared after lowercasing and
 * dropping dots and spaces ("U.S." -> "us", "Middle East" -> "middleeast"); such a value gives way to the next
 * outlet source (JSON-LD publisher, application-name, ..., then the <title> suffix confirmed by the host name).
 */
const SECTION_LABELS = new Set(
  [
    // Regions and countries used as desks (Reuters "U.S.", "World"; BBC "UK", "Europe").
    'U.S.', 'US', 'USA', 'UK', 'World', 'World News', 'Europe', 'Asia', 'Africa', 'Americas', 'Middle East', 'Asia Pacific', 'National', 'International', 'Local', 'Regional', 'Nation', 'Metro',
    // Topic desks (Reuters "Business", "Politics", "Technology"; generic CMS section names).
    'Politics', 'Business', 'Markets', 'Economy', 'Finance', 'Money', 'Technology', 'Tech', 'Science', 'Health', 'Environment', 'Climate', 'Sports', 'Sport', 'Entertainment', 'Culture', 'Arts', 'Lifestyle', 'Life', 'Style', 'Travel', 'Food', 'Opinion', 'Opinions', 'Commentary', 'Analysis', 'Education', 'Legal', 'Media', 'Weather', 'Crime', 'Society', 'Breakingviews',
    // Page kinds rather than desks.
    'News', 'Latest', 'Latest News', 'Top News', 'Top Stories', 'Breaking News', 'Home', 'Homepage', 'Video', 'Videos', 'Article', 'Articles', 'Blog', 'Live',
  ].map((label) => sectionKey(label)),
);

function sectionKey(value: string): string {
  return value.toLowerCase().replace(/[.\s]+/g, '');
}

const isSectionLabel = (value: string) => SECTION_LABELS.has(sectionKey(value));

/**
 * schema.org author types that are not a person: Organization (and its news subtypes) is how sites such as
 * WordPress/Yoast news themes fill "author" with the outlet itself; a visible person byline beats it.
 */
const ORGANIZATION_TYPES = /^(Organization|NewsMediaOrganization|Corporation|MediaOrganization|OnlineBusiness|Brand)$/;

// A character reference left in a JSON-LD string (threatpost.com: "O&#039;Writer", "&#8216;Sex Simulation Game&#8217;";
// readability test page 005-unescape-html-entities) or twice-escaped in a meta attribute ("&amp;#8217;").
const CHARACTER_REFERENCE = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;

/**
 * Decodes HTML character references with the page's own HTML parser (linkedom, already loaded): the text is
 * set as the content of a detached element with "<" escaped first, so no markup is ever interpreted. Two passes
 * at most, for values escaped twice.
 */
function decodeReferences(document: Document, value: string): string {
  let out = value;
  for (let pass = 0; pass < 2 && CHARACTER_REFERENCE.test(out); pass++) {
    const holder = document.createElement('div');
    holder.innerHTML = out.replace(/</g, '&lt;');
    out = holder.textContent ?? out;
  }
  return out;
}

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
    for (const key of keys) if (key && !map.has(key)) map.set(key, normalizeBlock(decodeReferences(document, value)));
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

/** Every object in JSON-LD blocks, including @graph members, arrays and a page's mainEntity. */
function jsonLdObjects(blocks: unknown[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((v) => visit(v, depth + 1));
    const object = value as Record<string, unknown>;
    out.push(object);
    if (object['@graph']) visit(object['@graph'], depth + 1);
    // A WebPage that wraps its story: {"@type": "WebPage", "mainEntity": {"@type": "NewsArticle", "articleBody": ...}}.
    if (object.mainEntity && typeof object.mainEntity === 'object') visit(object.mainEntity, depth + 1);
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
  return namedEntries(value).map((entry) => entry.name);
}

/** Like names(), keeping whether each one is typed as an organization. */
function namedEntries(value: unknown): { name: string; organization: boolean }[] {
  if (typeof value === 'string') return value.trim() ? [{ name: value.trim(), organization: false }] : [];
  if (Array.isArray(value)) return value.flatMap(namedEntries);
  if (value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') {
    const organization = typeOf(value as Record<string, unknown>).some((t) => ORGANIZATION_TYPES.test(t));
    return namedEntries((value as { name: string }).name).map((entry) => ({ ...entry, organization }));
  }
  return [];
}

/**
 * The outlet from the document <title> suffix when the host name confirms it: Reuters 2020 "'Parasite' scores
 * ... - Reuters" on www.reuters.com, whose og:site_name was the section "U.S.".
 */
function outletFromTitle(documentTitle: string, url: string | null): string | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
  const compactHost = host.replace(/[^a-z0-9]/g, '');
  const parts = documentTitle.split(/\s+[|–—-]\s+/);
  if (parts.length < 2) return null;
  for (const part of [parts[parts.length - 1], parts[0]]) {
    const compact = part.toLowerCase().replace(/^the\s+/, '').replace(/[^a-z0-9]/g, '');
    if (compact.length >= 3 && compactHost.includes(compact) && !isSectionLabel(part)) return part.trim();
  }
  return null;
}

const isUrl = (value: string) => /^https?:\/\//i.test(value);

/**
 * A web address inside an author name marks the outlet, not a person: DW pages name "Deutsche Welle (www.dw.com)"
 * as author, while the reporter ("Robin Author") is only in the page's visible "Author" field.
 */
const WEB_ADDRESS = /(?:^|[\s(])(?:https?:\/\/|www\.)\S|\b[a-z0-9-]{2,}\.(?:com|org|net|de|co\.uk|fr|es|it|in|info|news)\b/i;

/**
 * Whether an author name is the outlet: equal to it, or one containing the other once case and punctuation are
 * dropped ("Deutsche Welle (www.dw.com)" vs publisher "Deutsche Welle"; "Valley Courier" vs "The Valley Courier").
 */
function namesOutlet(name: string, outlet: string): boolean {
  const a = comparisonKey(name);
  const b = comparisonKey(outlet);
  if (a === b) return true;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return shorter.length >= 4 && ` ${longer} `.includes(` ${shorter} `);
}

/** Separators between a headline and the site or section name in titles ("Port reopens | The Courier"). */
const TITLE_SEPARATOR = /(\s+[|–—-]\s+|\s+::\s+)/;

/** What tells a site-name segment of a title from a part of the headline (see stripSiteName). */
export interface TitleEvidence {
  /** Names of the site: outlet, og:site_name, JSON-LD publisher, application-name ... */
  siteNames: string[];
  /** Host name of the page's URL, when known ("www.bbc.co.uk"). */
  host: string | null;
  /** The document <title>. */
  documentTitle: string;
  /** Texts of the page's <h1>s: the headline a reader sees. */
  headings: string[];
  /** Headline metadata other than <title> (og:title, twitter:title, JSON-LD headline). */
  headlines: string[];
}

/** A name's words for comparison, without a leading "the" ("The Valley Courier" -> ["valley", "courier"]). */
const nameWords = (text: string): string[] => comparisonKey(text).split(' ').filter((w, i) => w && !(i === 0 && w === 'the'));

/** The initials of a name ("British Broadcasting Corporation" -> "bbc"), for abbreviated site names. */
const initials = (words: string[]) => words.filter((w) => w !== 'of' && w !== 'and').map((w) => w[0]).join('');

/**
 * Words that may stand beside a site's name in a title segment and still leave only the site's name: "BBC News" for
 * the BBC, "Reuters.com", "Courier Online". A headline half that merely mentions the outlet ("Reuters reporter
 * hurt") has other words and is kept.
 */
const SITE_NAME_EXTRAS = new Set(['news', 'online', 'digital', 'live', 'com', 'net', 'org', 'co', 'uk', 'us', 'tv', 'radio', 'media', 'newsroom', 'web', 'edition', 'de', 'www', 'the']);

/** Whether `inner` occurs as a run of whole words in `outer`, and what is left of `outer` around it. */
function wordRun(outer: string[], inner: string[]): string[] | null {
  if (inner.length === 0 || inner.length > outer.length) return null;
  for (let i = 0; i + inner.length <= outer.length; i++) {
    if (inner.every((w, j) => outer[i + j] === w)) return [...outer.slice(0, i), ...outer.slice(i + inner.length)];
  }
  return null;
}

/**
 * Whether a title segment names the site: the site's name (outlet, og:site_name, publisher ...) or part of it
 * ("Courier" of "The Valley Courier"), the name with only SITE_NAME_EXTRAS beside it ("BBC News" for "BBC"), an
 * abbreviation ("PBC" for "Planet Broadcasting Corporation"), or the host name ("Reuters" on reuters.com, "BBC News"
 * on bbc.co.uk, "Daily Planet" on dailyplanet.example).
 */
function namesSite(segment: string, evidence: TitleEvidence): boolean {
  const words = nameWords(segment);
  const key = words.join('');
  if (key.length < 2) return false;
  const onlyExtras = (rest: string[] | null) => rest !== null && rest.every((w) => SITE_NAME_EXTRAS.has(w));
  for (const site of evidence.siteNames) {
    const siteWords = nameWords(site);
    if (siteWords.length === 0) continue;
    if (key === siteWords.join('')) return true;
    // Part of the name, down to its last word ("Courier", not "New York" of "The New York Times").
    if (key.length >= 3 && words[words.length - 1] === siteWords[siteWords.length - 1] && wordRun(siteWords, words) !== null) return true;
    if (onlyExtras(wordRun(words, siteWords))) return true;
    if (key.length >= 2 && siteWords.length >= 2 && initials(siteWords) === key) return true;
    if (words.length >= 2 && initials(words) === siteWords.join('')) return true;
  }
  if (evidence.host) {
    const labels = evidence.host.toLowerCase().replace(/^www\d*\./, '').split('.').filter(Boolean);
    const compactHost = labels.join('');
    if (key.length >= 3 && compactHost.includes(key)) return true;
    if (labels.length > 0 && onlyExtras(wordRun(words, [labels[0]]))) return true;
  }
  return false;
}

/** A headline of its own has at least this many words (used only when nothing else tells headline from site name). */
const MIN_HEADLINE_WORDS = 3;

/**
 * Removes the site name (and a section name beside it) from a title: "Fire kills 3 - BBC News", "Fire kills 3 |
 * Reuters", "Opinion | Republicans ...". A dash also joins the two halves of many headlines ("Fire kills 3 – police
 * say arson", "Drummer inducted - at last"), so a segment at either end is cut only when it names the site (see
 * namesSite), or when it closes (or opens) the document <title> while the headline the reader sees leaves it out:
 * the <h1> that carries the rest of the title, else og:title and the JSON-LD headline. With none of those to go
 * by (a bare <title>), a last segment goes when what is left is a headline of MIN_HEADLINE_WORDS or more.
 */
export function stripSiteName(title: string, evidence: TitleEvidence): string {
  const pieces = title.split(TITLE_SEPARATOR);
  // pieces alternate segment, separator, segment ...: segments at even indexes.
  const last = () => pieces[pieces.length - 1];
  // 1. Segments naming the site, at either end, and a section beside a cut site name ("Fire kills 3 | World | Reuters").
  let siteCut = false;
  while (pieces.length >= 3 && (namesSite(last(), evidence) || (siteCut && isSectionLabel(last())))) {
    pieces.splice(-2, 2);
    siteCut = true;
  }
  siteCut = false;
  while (pieces.length >= 3 && (namesSite(pieces[0], evidence) || (siteCut && isSectionLabel(pieces[0])))) {
    pieces.splice(0, 2);
    siteCut = true;
  }
  if (pieces.length < 3) return pieces.join('').trim() || title;

  // 2. The visible headline: the <h1>s that carry a segment of the title, those with its first segment first (titles
  // lead with the headline far more often than with the site, and a logo <h1> holds only the site's name).
  const segments = pieces.filter((_, i) => i % 2 === 0);
  const h1s = evidence.headings.map(comparisonKey);
  const holding = (segment: string) => {
    const key = comparisonKey(segment);
    return key === '' ? [] : h1s.filter((h) => h.includes(key));
  };
  const leading = holding(segments[0]);
  const visible = leading.length > 0 ? leading : [...new Set(segments.slice(1).flatMap(holding))];
  const witnesses = visible.length > 0 ? visible : evidence.headlines.map(comparisonKey);
  const witnessed = (segment: string) => witnesses.some((w) => w.includes(comparisonKey(segment)));
  const titleSegments = evidence.documentTitle.split(TITLE_SEPARATOR).filter((_, i) => i % 2 === 0).map(comparisonKey);
  if (witnesses.length === 0) {
    // A bare <title>, nothing to compare with: the rule of thumb. Dashes: the last segment goes after a first one
    // of MIN_HEADLINE_WORDS or more. Bars: that first segment, else the longest ("Opinion | Republicans ...").
    const headline = segments[0].split(/\s+/).length >= MIN_HEADLINE_WORDS;
    if (!/\|/.test(title)) return headline ? pieces.slice(0, -2).join('').trim() : title;
    return (headline ? segments[0] : segments.reduce((a, b) => (b.length > a.length ? b : a))).trim();
  }
  // 3. A segment that ends the <title> at the same side, or is a section label, but is missing from the headline.
  const furniture = (segment: string, titleSegment: string | undefined) =>
    !witnessed(segment) && (comparisonKey(segment) === titleSegment || (isSectionLabel(segment) && /\|/.test(title)));
  while (pieces.length >= 3 && furniture(last(), titleSegments[titleSegments.length - 1])) pieces.splice(-2, 2);
  while (pieces.length >= 3 && furniture(pieces[0], titleSegments[0])) pieces.splice(0, 2);
  return pieces.join('').trim() || title;
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

/** Text printed just before an element inside its parent (its preceding siblings), at most `max` characters. */
function textBefore(element: Element, max: number): string {
  let text = '';
  for (let node = element.previousSibling; node && text.length < max; node = node.previousSibling) {
    if (node.nodeType === 1 && ['SCRIPT', 'STYLE'].includes((node as Element).tagName)) continue;
    text = `${node.textContent ?? ''} ${text}`;
  }
  return text.slice(-max);
}

/** A date element's label is looked for this far before it ("Updated: <time>", "Published: <span class=date>"). */
const MAX_LABEL_CHARS = 40;

/**
 * Whether a date element is labelled as the update, by its own words ("<time>Updated: 6 Mar 2024</time>") or the
 * words printed just before it ("Updated: <time datetime=...>"); a label saying published wins over one saying
 * updated when both are in its own words (the box then holds both dates, and visibleDate picks).
 */
function labelledUpdate(element: Element): boolean {
  const own = spacedText(element);
  if (own.length <= MAX_DATE_TEXT) {
    if (PUBLISHED_LABEL.test(own)) return false;
    if (UPDATED_LABEL.test(own)) return true;
  }
  const before = textBefore(element, MAX_LABEL_CHARS);
  const last = (pattern: RegExp) => {
    let at = -1;
    for (const m of before.matchAll(new RegExp(pattern.source, 'giu'))) at = m.index ?? at;
    return at;
  };
  return last(UPDATED_LABEL) > last(PUBLISHED_LABEL);
}

/** Source name of a date read from an element labelled as the update: used only when nothing else gives a date. */
const UPDATED_SUFFIX = ' (labelled updated)';

/** A whole date read from a short visible text, in English or another language (see translateDate). */
function visibleDate(text: string): string | null {
  if (!text || text.length > MAX_DATE_TEXT) return null;
  // A date box that prints both ("Updated: 6 Mar 2024; Published: 1 Mar 2024") gives the one labelled published.
  return (publishedDate(text) ?? publishedDate(translateDate(text)))?.iso ?? null;
}

function urlDate(url: string | null): string | null {
  if (!url) return null;
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return null;
  }
  for (const pattern of URL_DATE) {
    const m = pattern.exec(pathname);
    if (m) {
      const iso = normalizeDate(/^[a-z]/i.test(m[2]) ? `${m[3]} ${m[2]} ${m[1]}` : `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`);
      if (iso) return iso;
    }
  }
  return null;
}

/**
 * The publication date cascade; the first source that gives a date wins, and its name is returned with it:
 * JSON-LD datePublished, meta tags (DATE_META), Parse.ly JSON, <time>/itemprop markup, visible date furniture,
 * a labelled "Date" field, a date closing the <title>, the URL path, and last the modification date (JSON-LD
 * dateModified, MODIFIED_META) - published always beats modified.
 */
function readPublished(
  document: Document,
  meta: Map<string, string>,
  fromLd: (key: string) => unknown,
  documentTitle: string,
  url: string | null,
): { publishedAt: string | null; source: string | null } {
  const ldDate = fromLd('datePublished');
  if (typeof ldDate === 'string') {
    const iso = normalizeDate(ldDate);
    if (iso) return { publishedAt: iso, source: 'json-ld:datePublished' };
  }
  for (const name of DATE_META) {
    const value = meta.get(name.toLowerCase());
    const iso = value ? normalizeDate(value) : null;
    if (iso) return { publishedAt: iso, source: `meta:${name}` };
  }
  for (const name of PARSELY_JSON_META) {
    const value = meta.get(name);
    if (!value) continue;
    try {
      const parsed = JSON.parse(value) as Record<string, unknown>;
      for (const key of PARSELY_DATE_KEYS) {
        const date = parsed[key];
        const iso = typeof date === 'string' ? normalizeDate(date) : typeof date === 'number' ? new Date(date < 1e12 ? date * 1000 : date).toISOString().replace('.000Z', 'Z') : null;
        if (iso) return { publishedAt: iso, source: name };
      }
    } catch {
      // Not JSON: some sites put a page name there.
    }
  }
  const isModified = (e: Element) => MODIFIED_MARKUP.test(`${e.getAttribute('itemprop') ?? ''} ${e.getAttribute('class') ?? ''} ${e.parentElement?.getAttribute('class') ?? ''}`);
  // A date the page labels as the update ("Updated: <time datetime=...>") is kept aside: the one labelled
  // published, or unlabelled, comes first wherever it stands; the update is used only when nothing else dates the page.
  let updated: { publishedAt: string; source: string } | null = null;
  for (const selector of PUBLISHED_ELEMENTS) {
    for (const element of Array.from(document.querySelectorAll(selector))) {
      if (isModified(element)) continue;
      const iso = normalizeDate(element.getAttribute('datetime') ?? element.getAttribute('content') ?? '');
      const source = selector.startsWith('time') || selector.startsWith('article') ? 'time[datetime]' : 'itemprop:datePublished';
      if (iso && !selector.includes('datePublished') && labelledUpdate(element)) updated ??= { publishedAt: iso, source: `${source}${UPDATED_SUFFIX}` };
      else if (iso) return { publishedAt: iso, source };
    }
  }
  for (const selector of DATE_ELEMENTS) {
    for (const element of Array.from(document.querySelectorAll(selector))) {
      if (isModified(element) || ['META', 'SCRIPT', 'STYLE', 'BODY', 'HTML', 'ARTICLE', 'MAIN'].includes(element.tagName) || element.closest(OTHER_STORY_PLACES)) continue;
      const own = spacedText(element);
      if (own.length > MAX_DATE_TEXT) continue;
      const ownDate = visibleDate(own);
      // Split over siblings: the date in one element, the time in the next; the parent's text holds both.
      const parent = element.parentElement;
      const parentDate = parent && (!ownDate || !ownDate.includes('T')) ? visibleDate(spacedText(parent)) : null;
      const iso = parentDate && (!ownDate || parentDate.startsWith(ownDate)) ? parentDate : ownDate;
      if (iso && labelledUpdate(element)) updated ??= { publishedAt: iso, source: `element:${selector}${UPDATED_SUFFIX}` };
      else if (iso) return { publishedAt: iso, source: `element:${selector}` };
    }
  }
  for (const tag of LABEL_ELEMENTS) {
    for (const label of Array.from(document.querySelectorAll(tag))) {
      if (!DATE_LABEL.test(normalizeBlock(label.textContent ?? '')) || label.closest(OTHER_STORY_PLACES)) continue;
      const holder = label.parentElement;
      // The text after the label, wherever it stands in its holder ("<span>Updated:</span> 6 Mar <span>Published:</span> 1 Mar").
      const held = holder ? spacedText(holder) : '';
      const labelText = normalizeBlock(label.textContent ?? '');
      const at = held.indexOf(labelText);
      const rest = at >= 0 ? held.slice(at + labelText.length) : held;
      const iso = visibleDate(rest.trim());
      if (iso) return { publishedAt: iso, source: 'element:labelled-date' };
    }
  }
  // DW: "<title>Berlin confronts ... | DW | 19.01.2020</title>": a title segment that is only a date.
  const lastSegment = documentTitle.split(/\s+[|–—-]\s+/).pop() ?? '';
  const titleDate = documentTitle.includes(lastSegment) && lastSegment !== documentTitle ? findDates(lastSegment)[0] : undefined;
  if (titleDate && titleDate.start === 0 && titleDate.end === lastSegment.length) return { publishedAt: titleDate.iso, source: 'title' };
  const fromUrl = urlDate(url ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null);
  if (fromUrl) return { publishedAt: fromUrl, source: 'url' };
  if (updated) return updated;
  const ldModified = fromLd('dateModified');
  if (typeof ldModified === 'string') {
    const iso = normalizeDate(ldModified);
    if (iso) return { publishedAt: iso, source: 'json-ld:dateModified' };
  }
  for (const name of MODIFIED_META) {
    const value = meta.get(name.toLowerCase());
    const iso = value ? normalizeDate(value) : null;
    if (iso) return { publishedAt: iso, source: `meta:${name}` };
  }
  return { publishedAt: null, source: null };
}

/**
 * Whether a publication date came from a last-resort source of readPublished (the URL path, day precision only,
 * or a modification date): a date stamp printed on the page, even one removed as furniture, beats it.
 */
export function isFallbackDateSource(source: string | null): boolean {
  return source === 'url' || source === 'json-ld:dateModified' || MODIFIED_META.some((name) => source === `meta:${name}`) || (source?.endsWith(UPDATED_SUFFIX) ?? false);
}

/** Title, date, byline, outlet and URL from meta tags, JSON-LD and <time>; the story's articleBody and paywall flags. */
export function readMetadata(document: Document, jsonLd: unknown[]): PageMetadata {
  const head = headElements(document);
  const meta = metaMap(head, document);
  const articles = jsonLdObjects(jsonLd).filter((o) => typeOf(o).some((t) => ARTICLE_TYPES.test(t)));
  // A NewsArticle beats a WebPage that merely wraps it.
  articles.sort((a, b) => Number(typeOf(a).includes('WebPage')) - Number(typeOf(b).includes('WebPage')));
  const fromLd = (key: string) => articles.map((o) => o[key]).find((v) => v !== undefined && v !== null);

  const canonical = head.find((e) => e.tagName === 'LINK' && e.getAttribute('rel')?.toLowerCase() === 'canonical')?.getAttribute('href') ?? null;
  const url = firstMeta(meta, ['og:url']) ?? (canonical && isUrl(canonical) ? canonical : null);
  const documentTitle = normalizeBlock(head.find((e) => e.tagName === 'TITLE')?.textContent ?? '');
  const { publishedAt, source: publishedAtSource } = readPublished(document, meta, fromLd, documentTitle, url);
  const decode = (value: string) => normalizeBlock(decodeReferences(document, value));

  // Outlet cascade: og:site_name unless it is a section label, JSON-LD publisher, the other site metas, then
  // (only when a section label was set aside) the <title> suffix confirmed by the host, else the host itself.
  const ldPublisher = names(fromLd('publisher')).map(decode).find((n) => n && !isSectionLabel(n)) ?? null;
  const ogSiteName = firstMeta(meta, SITE_META.slice(0, 1));
  const sectionSiteName = ogSiteName !== null && isSectionLabel(ogSiteName);
  const otherSiteMeta = SITE_META.slice(1).map((name) => firstMeta(meta, [name])?.replace(/^@/, '')).find((v) => v && !isSectionLabel(v)) ?? null;
  let siteName = (sectionSiteName ? null : ogSiteName) ?? ldPublisher ?? otherSiteMeta;
  if (!siteName && sectionSiteName) siteName = outletFromTitle(documentTitle, url) ?? url;
  const outlet = siteName ? outletName(siteName) : null;

  // Byline cascade: JSON-LD person authors, the meta author, and only then an author that is an organization or
  // the outlet itself (returned apart, so a visible person byline in the body can beat it).
  const isOutlet = (name: string) => WEB_ADDRESS.test(name) || [outlet, ldPublisher, siteName].some((o) => o && namesOutlet(name, o));
  const ldEntries = namedEntries(fromLd('author'))
    .map((entry) => ({ ...entry, name: decode(entry.name) }))
    .filter((entry) => entry.name && !isUrl(entry.name));
  const ldPeople = ldEntries.filter((entry) => !entry.organization && !isOutlet(entry.name)).map((entry) => entry.name);
  const ldOrganizations = ldEntries.filter((entry) => entry.organization || isOutlet(entry.name)).map((entry) => entry.name);
  const metaAuthorValue = firstMeta(meta, AUTHOR_META);
  const metaAuthor = metaAuthorValue && !isUrl(metaAuthorValue) && !metaAuthorValue.startsWith('@') ? stripBy(metaAuthorValue) : null;
  const parselyAuthor = parselyAuthors(meta).map(decode).filter((name) => name && !isUrl(name) && !isOutlet(name)).join(', ');
  let byline: string | null = null;
  let organizationByline: string | null = null;
  if (ldPeople.length > 0) byline = stripBy(ldPeople.join(', '));
  else if (metaAuthor && !isOutlet(metaAuthor)) byline = metaAuthor;
  else if (parselyAuthor) byline = stripBy(parselyAuthor);
  else organizationByline = ldOrganizations.length > 0 ? stripBy(ldOrganizations.join(', ')) : metaAuthor;

  const ldHeadline = fromLd('headline');
  let title = firstMeta(meta, TITLE_META) ?? (typeof ldHeadline === 'string' ? decode(ldHeadline) || null : null);
  if (!title) {
    const h1s = Array.from(document.querySelectorAll('h1')).map((h) => normalizeBlock(h.textContent ?? '')).filter(Boolean);
    title = (h1s.length === 1 ? h1s[0] : null) ?? (documentTitle || null);
  }

  const ldBody = fromLd('articleBody');
  const articleBody = typeof ldBody === 'string' && ldBody.trim() ? decodeReferences(document, ldBody) : null;
  const ldWords = Number(fromLd('wordCount'));
  const wordCount = Number.isFinite(ldWords) && ldWords > 0 ? ldWords : null;

  let host: string | null = null;
  try {
    host = url ? new URL(url).hostname : null;
  } catch {
    host = null;
  }
  const evidence = (): TitleEvidence => ({
    siteNames: [outlet, ogSiteName, ldPublisher, otherSiteMeta, siteName].filter((n): n is string => typeof n === 'string' && n.trim() !== '' && !isUrl(n) && !isSectionLabel(n)),
    host,
    documentTitle,
    headings: Array.from(document.querySelectorAll('h1')).map((h) => normalizeBlock(h.textContent ?? '')).filter(Boolean),
    headlines: [firstMeta(meta, TITLE_META.slice(0, 1)), firstMeta(meta, TITLE_META.slice(1)), typeof ldHeadline === 'string' ? decode(ldHeadline) : null].filter((t): t is string => !!t),
  });
  return {
    title: title ? stripSiteName(title, evidence()) : null,
    publishedAt,
    publishedAtSource,
    byline,
    organizationByline,
    outlet,
    url,
    articleBody,
    wordCount,
    paywalled: declaresPaywall(articles, meta),
    paywallSelectors: lockedSelectors(articles),
  };
}

/** Author names in the Parse.ly page descriptor (<meta name="parsely-page" content='{"author": ...}'>). */
function parselyAuthors(meta: Map<string, string>): string[] {
  for (const name of PARSELY_JSON_META) {
    const value = meta.get(name);
    if (!value) continue;
    try {
      const parsed = JSON.parse(value) as Record<string, unknown>;
      for (const key of PARSELY_AUTHOR_KEYS) {
        const found = names(parsed[key]);
        if (found.length > 0) return found;
      }
    } catch {
      // Not JSON (see readPublished).
    }
  }
  return [];
}

/** schema.org isAccessibleForFree written as false, "False", "false" or "no". */
const notFree = (value: unknown) => value === false || (typeof value === 'string' && /^(false|no)$/i.test(value.trim()));

/**
 * Whether the page declares its story not free to read (see PageMetadata.paywalled): Google's paywall markup puts
 * isAccessibleForFree on the NewsArticle itself or on a hasPart section ({"@type": "WebPageElement",
 * "isAccessibleForFree": "False", "cssSelector": ".paywall"}, as on wired.com and nytimes.com).
 */
function lockedSelectors(articles: Record<string, unknown>[]): string[] {
  const out: string[] = [];
  for (const article of articles) {
    const parts = Array.isArray(article.hasPart) ? article.hasPart : [article.hasPart];
    for (const part of parts) {
      if (!part || typeof part !== 'object') continue;
      const { isAccessibleForFree, cssSelector } = part as Record<string, unknown>;
      const selectors = Array.isArray(cssSelector) ? cssSelector : [cssSelector];
      if (notFree(isAccessibleForFree)) for (const s of selectors) if (typeof s === 'string' && s.trim()) out.push(s.trim());
    }
  }
  return [...new Set(out)];
}

function declaresPaywall(articles: Record<string, unknown>[], meta: Map<string, string>): boolean {
  for (const article of articles) {
    if (notFree(article.isAccessibleForFree)) return true;
    const parts = Array.isArray(article.hasPart) ? article.hasPart : [article.hasPart];
    if (parts.some((part) => part && typeof part === 'object' && notFree((part as Record<string, unknown>).isAccessibleForFree))) return true;
  }
  if (FREE_META.some((name) => notFree(meta.get(name)))) return true;
  const tier = firstMeta(meta, CONTENT_TIER_META);
  return tier !== null && CLOSED_TIER.test(tier);
}
