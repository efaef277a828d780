import type { Diagnostic } from '../../diagnostics.js';
import { OVERLAY_CLASS_WORDS } from '../patterns.js';
import { normalizeBlock } from '../normalize.js';
import { classWords } from './prune.js';

// Pages that hold more than one story-like block: the story the page is about must be the one extracted, and
// it is the one the page's own title names. Three real shapes motivated this module:
// - Yahoo News 2016: the AP story sits in <div class="render-target-modal"> over the news stream; the stream's
//   teasers are more text than the story, so the story was pruned as a 'modal' and the teasers were extracted;
// - Zox News WordPress theme (kulu-media.com): infinite scroll appends whole follow-up stories, each under its
//   own <h1>, inside the <article> of the headline story; the three stories were glued into one text;
// - listing pages that print several full posts, each in its own <article> under its own heading;
// - a story in an ARIA modal (<div role="dialog" aria-modal="true"><article>...) over a stream of teasers, which
//   Readability drops whole as invisible; and infinite scroll that appends the next stories as sibling or nested
//   <article>s, often only their first paragraphs (too short to count as stories, so they were glued on).

/** Meta tags whose value is the page's headline (the same keys the metadata reader trusts). */
const TITLE_META_KEYS = new Set(['og:title', 'twitter:title', 'headline', 'dc.title', 'parsely-title', 'sailthru.title']);
const URL_META_KEYS = new Set(['og:url']);
/** A heading names the page's story when its words and a title's words overlap this much (Dice coefficient). */
const MIN_TITLE_SIMILARITY = 0.6;
/**
 * A heading in another <article> repeats the title only when this close to it: follow-up stories on the same
 * subject share words with the title ("Port reopens after repairs" / "Port reopens: repairs cost more", Dice 0.67)
 * and are still other stories.
 */
const REPEATED_TITLE_SIMILARITY = 0.9;
/** A URL slug names a heading when this share of the slug's words is in the heading (slugs are often cut short). */
const MIN_SLUG_COVERAGE = 0.8;
/** Slugs shorter than this ("/news/1234", "/index") say nothing about the headline. */
const MIN_SLUG_WORDS = 3;
/** A heading followed by at least this much paragraph text (outside links) in this many paragraphs heads a story. */
export const MIN_STORY_CHARS = 400;
export const MIN_STORY_PARAGRAPHS = 3;
/** Paragraphs shorter than this (a dateline, a "Continue reading" link) do not count towards MIN_STORY_PARAGRAPHS. */
const MIN_COUNTED_PARAGRAPH_CHARS = 60;
/** An overlay holding more than this share of the page's paragraph text is the page itself, not a layer over it. */
const MAX_OVERLAY_SHARE = 0.5;
/** Without a title to go by, only this many leading headings are tried as the story's start (bounds the cost). */
const MAX_GUESSES = 20;
/** Headings quoted in diagnostics are cut to this length. */
const MAX_QUOTED_HEADING = 80;

const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** The heading that starts the story the page is about. */
export interface TitleHeading {
  element: Element;
  /**
   * true when the page's title, og:title, canonical URL (or a stated title) names it; false when it is only
   * the page's single <h1> (Yahoo's <title> is "Yahoo News - Latest News & Headlines" on every story).
   */
  matched: boolean;
}

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** What the page says its story is called: <title> (and its segments), headline metas, a stated title, the URL slug. */
export interface PageTitles {
  titles: string[][];
  slugs: string[][];
}

/** The page's own names for its story, read from <head> (plus a title stated by the caller, e.g. JSON-LD headline). */
export function pageTitles(document: Document, stated: (string | null | undefined)[] = []): PageTitles {
  const titles: string[] = stated.filter((t): t is string => typeof t === 'string' && t.trim() !== '');
  const urls: string[] = [];
  const head = document.head;
  if (head) {
    // Direct children only: <title>, <meta> and <link> live there, and a selector query costs more than the walk.
    for (let element = head.firstElementChild; element; element = element.nextElementSibling) {
      if (element.tagName === 'TITLE') {
        const title = normalizeBlock(element.textContent ?? '');
        // "Meta Outage Hits Facebook ... Worldwide - Kulu Media": the headline is one segment of the <title>.
        titles.push(title, ...title.split(/\s+[|–—-]\s+|\s+::\s+/));
      } else if (element.tagName === 'META') {
        const key = (element.getAttribute('property') ?? element.getAttribute('name') ?? '').toLowerCase();
        const value = element.getAttribute('content');
        if (!value) continue;
        if (TITLE_META_KEYS.has(key)) titles.push(value);
        else if (URL_META_KEYS.has(key)) urls.push(value);
      } else if (element.getAttribute('rel')?.toLowerCase() === 'canonical') {
        const href = element.getAttribute('href');
        if (href) urls.push(href);
      }
    }
  }
  const slugs = urls
    .map((url) => {
      const path = url.replace(/[?#].*$/, '').replace(/\/+$/, '');
      const last = path.slice(path.lastIndexOf('/') + 1).replace(/\.\w{2,5}$/, '');
      // Numeric ids in slugs ("meta-outage-hits-facebook-123456") are not headline words.
      return words(last.replace(/[-_+]/g, ' ')).filter((w) => !/^\d+$/.test(w));
    })
    .filter((slug) => slug.length >= MIN_SLUG_WORDS);
  return { titles: titles.map(words).filter((t) => t.length > 0), slugs };
}

/** How well a heading's text matches the page's names for its story, 0..1. */
export function titleSimilarity(heading: string, names: PageTitles): number {
  const own = new Set(words(heading));
  if (own.size === 0) return 0;
  let best = 0;
  for (const title of names.titles) {
    const other = new Set(title);
    let shared = 0;
    for (const w of other) if (own.has(w)) shared++;
    best = Math.max(best, (2 * shared) / (own.size + other.size));
  }
  for (const slug of names.slugs) {
    const covered = slug.filter((w) => own.has(w)).length / slug.length;
    if (covered >= MIN_SLUG_COVERAGE) best = Math.max(best, covered);
  }
  return best;
}

const rank = (element: Element): number => Number(element.tagName[1]);

/**
 * The heading of the page's story: the h1–h3 that best matches the page's titles (ties go to the higher-ranked,
 * then the earlier heading), else the page's only non-empty <h1> (unmatched), else null.
 */
export function findTitleHeading(root: Element, names: PageTitles): TitleHeading | null {
  let best: { element: Element; score: number } | null = null;
  const h1s: Element[] = [];
  // By tag rather than one 'h1, h2, h3' selector query (several times faster on linkedom); within a tag the
  // order is the document's, which is all the tie rule needs.
  const candidates = ['h1', 'h2', 'h3'].flatMap((tag) => Array.from(root.getElementsByTagName(tag)));
  for (const element of candidates) {
    const text = element.textContent ?? '';
    if (element.tagName === 'H1' && text.trim() !== '') h1s.push(element);
    const score = titleSimilarity(text, names);
    if (score < MIN_TITLE_SIMILARITY) continue;
    if (!best || score > best.score + 1e-9 || (Math.abs(score - best.score) <= 1e-9 && rank(element) < rank(best.element))) best = { element, score };
  }
  if (best) return { element: best.element, matched: true };
  return h1s.length === 1 ? { element: h1s[0], matched: false } : null;
}

const quote = (element: Element): string => {
  const text = normalizeBlock(element.textContent ?? '');
  return `"${text.length > MAX_QUOTED_HEADING ? `${text.slice(0, MAX_QUOTED_HEADING)}…` : text}"`;
};

/** Paragraph text outside links inside an element (what a reader would read as its story). */
function paragraphProse(root: Element): number {
  let total = 0;
  for (const p of Array.from(root.querySelectorAll('p'))) {
    let links = 0;
    for (const a of Array.from(p.querySelectorAll('a'))) links += (a.textContent ?? '').trim().length;
    total += Math.max(0, (p.textContent ?? '').trim().length - links);
  }
  return total;
}

/** ARIA roles of a layer shown over the page. */
const OVERLAY_ROLES = new Set(['dialog', 'alertdialog']);

/** Whether an element is a layer over the page: a <dialog>, an ARIA dialog or modal, or a class or id that says so. */
function isOverlay(element: Element): boolean {
  if (element.tagName === 'DIALOG' || OVERLAY_ROLES.has((element.getAttribute('role') ?? '').toLowerCase())) return true;
  // aria-modal="true" alone marks a modal layer as surely as role="dialog" (React modal libraries set only it).
  if (element.getAttribute('aria-modal')?.toLowerCase() === 'true') return true;
  const attributes = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  return attributes.trim() !== '' && classWords(attributes).some((w) => OVERLAY_CLASS_WORDS.has(w));
}

/**
 * Takes the dialog markup off the story's containers. Readability drops every element with both
 * role="dialog" and aria-modal="true" as "not visible to the user" (Readability.js _grabArticle), and counts
 * role="dialog" among its unlikely roles: a story shown in such a modal was lost whole, whether or not the
 * page under it was dropped, and the text became the teasers of the stream underneath.
 */
function unmarkDialogs(heading: Element, stop: Element): void {
  for (let element: Element | null = heading.parentElement; element && element !== stop; element = element.parentElement) {
    element.removeAttribute('aria-modal');
    if (OVERLAY_ROLES.has((element.getAttribute('role') ?? '').toLowerCase())) element.removeAttribute('role');
  }
}

/**
 * When the story's heading sits in an overlay (a <dialog>, role="dialog", aria-modal="true", or a modal or popup
 * named so by its class or id) with a story's worth of paragraphs, the overlay is what the reader sees: the page
 * under it (Yahoo's news stream) is dropped and the overlay becomes the whole body, so neither pruning
 * ('modal') nor Readability (which preferred the longer stream of teasers, and drops ARIA modals outright) can
 * lose it. Returns a diagnostic when it did so.
 */
export function isolateOverlay(body: Element, heading: TitleHeading | null): Diagnostic | null {
  if (!heading) return null;
  let overlay: Element | null = null;
  for (let element = heading.element.parentElement; element && element !== body; element = element.parentElement) {
    if (isOverlay(element)) overlay = element;
  }
  if (!overlay) return null;
  const inside = paragraphProse(overlay);
  if (inside < MIN_STORY_CHARS) return null;
  const label = `<${overlay.tagName.toLowerCase()}${overlay.getAttribute('class') ? ` class="${overlay.getAttribute('class')}"` : ''}>`;
  // The story is in the overlay either way: its dialog markup must not make Readability drop it.
  unmarkDialogs(heading.element, body);
  // An overlay that already holds most of the page is no overlay over anything (a theme's "enable-popup" wrapper).
  if (inside > paragraphProse(body) * MAX_OVERLAY_SHARE) return null;
  body.replaceChildren(overlay);
  return {
    ruleId: 'clean/story-in-overlay',
    message: `the story headed ${quote(heading.element)} is shown in an overlay (${label}); only the overlay was read, the page under it was left out`,
  };
}

interface HeadingEvent {
  element: Element;
  order: number;
}
interface ParagraphEvent {
  element: Element;
  prose: number;
  order: number;
}

/** Headings and paragraphs (with their text outside links) in document order; an iterative walk (deep pages). */
function storyEvents(root: Element): { headings: HeadingEvent[]; paragraphs: ParagraphEvent[] } {
  const headings: HeadingEvent[] = [];
  const paragraphs: ParagraphEvent[] = [];
  let order = 0;
  let paragraph: ParagraphEvent | null = null;
  let linkDepth = 0;
  const stack: { element: Element; next: Node | null }[] = [{ element: root, next: root.firstChild }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const child = frame.next;
    if (child === null) {
      stack.pop();
      const element = frame.element;
      if (element.tagName === 'A') linkDepth--;
      else if (element.tagName === 'P' && paragraph?.element === element) {
        paragraphs.push(paragraph);
        paragraph = null;
      }
      continue;
    }
    frame.next = child.nextSibling;
    if (child.nodeType === TEXT_NODE) {
      if (paragraph && linkDepth === 0) paragraph.prose += (child.nodeValue ?? '').trim().length;
    } else if (child.nodeType === ELEMENT_NODE) {
      const element = child as Element;
      if (HEADING_TAGS.has(element.tagName)) headings.push({ element, order: order++ });
      else if (element.tagName === 'P' && !paragraph) paragraph = { element, prose: 0, order: order++ };
      else if (element.tagName === 'A') linkDepth++;
      stack.push({ element, next: element.firstChild });
    }
  }
  return { headings, paragraphs };
}

/** The paragraphs from a heading to the next heading of its rank or higher (a story or a section of one). */
function naturalBlock(index: number, headings: HeadingEvent[], paragraphs: ParagraphEvent[]): ParagraphEvent[] {
  const heading = headings[index];
  const level = rank(heading.element);
  let end = Number.POSITIVE_INFINITY;
  for (let j = index + 1; j < headings.length; j++) {
    if (rank(headings[j].element) <= level) {
      end = headings[j].order;
      break;
    }
  }
  return paragraphs.filter((p) => p.order > heading.order && p.order < end);
}

const countedParagraphs = (paragraphs: ParagraphEvent[]): number => paragraphs.filter((p) => p.prose >= MIN_COUNTED_PARAGRAPH_CHARS).length;

const isStory = (paragraphs: ParagraphEvent[]): boolean =>
  paragraphs.reduce((sum, p) => sum + p.prose, 0) >= MIN_STORY_CHARS && countedParagraphs(paragraphs) >= MIN_STORY_PARAGRAPHS;

/**
 * Whether an <article> other than the title's is a story of its own, seen from a title heading that sits in an
 * <article> and is named by the page's title. A story's worth of text always is; when the title story is
 * bounded by its own <article>, a shorter one is too when it opens with its own headline (h1/h2, before any of
 * its paragraphs) over real prose: infinite scroll appends the next stories' openings, or short briefs, as
 * sibling or nested <article>s, and they were glued to the story because they fell under the story minimum.
 */
function isOtherArticleStory(heading: HeadingEvent, inside: ParagraphEvent[], titleBounded: boolean): boolean {
  if (isStory(inside)) return true;
  if (!titleBounded || rank(heading.element) > 2 || countedParagraphs(inside) === 0) return false;
  // A kicker or dateline above the headline ("Sport", "Updated 5 min ago") is too short to count as its prose.
  return inside.every((p) => p.order > heading.order || p.prose < MIN_COUNTED_PARAGRAPH_CHARS);
}

/**
 * Whether the text under a title heading is enough to keep it alone when every other story is a whole <article>
 * of its own and the title's heading sits in one too: the article boundaries say where each story ends, so a
 * short title story (a brief followed by longer infinite-scroll stories) is still the one kept. Two paragraphs or
 * half a story's minimum: a lone standfirst under a headline box is not a story body, and its body may be the
 * next <article>.
 */
const isBoundedStory = (paragraphs: ParagraphEvent[]): boolean =>
  countedParagraphs(paragraphs) >= 2 || paragraphs.reduce((sum, p) => sum + p.prose, 0) >= MIN_STORY_CHARS / 2;

/** Another story on the page: its heading, where it sits relative to the title story, and how it is cut. */
interface OtherStory {
  heading: HeadingEvent;
  /** The <article> that bounds it (listing pages, appended <article>s), or null for a heading-to-end range. */
  article: Element | null;
}

/** The title story's own paragraphs and the other stories, seen from one title heading. */
function storiesAround(
  titleIndex: number,
  headings: HeadingEvent[],
  paragraphs: ParagraphEvent[],
  byArticle: Map<Element, ParagraphEvent[]>,
  titleScore: (h: Element) => number,
  matched: boolean,
) {
  const title = headings[titleIndex];
  const titleElement = title.element;
  const titleArticle = titleElement.closest('article');
  const others: OtherStory[] = [];
  const seenArticles = new Set<Element>();
  let own = naturalBlock(titleIndex, headings, paragraphs);
  // The title story is bounded by its own <article>: the infinite-scroll shape, where other <article>s are cut
  // even when short (isOtherArticleStory).
  const titleBounded = matched && titleArticle !== null;
  headings.forEach((heading, index) => {
    if (index === titleIndex || rank(heading.element) > 3) return;
    const element = heading.element;
    const score = titleScore(element);
    // A heading in an <article> of its own (not the title's) heads that article's story: listing pages, and
    // follow-up stories appended as sibling <article>s. The article is the boundary that is cut.
    const article = element.closest('article');
    if (article && article !== titleArticle && !article.contains(titleElement)) {
      // Only a near-copy of the title repeats it; a heading merely on the same subject heads another story.
      if (score >= REPEATED_TITLE_SIMILARITY) return;
      if (seenArticles.has(article)) return;
      // Only its own paragraphs: a "You may also like" <article> wrapping teaser <article>s is no story.
      const inside = byArticle.get(article) ?? [];
      // An article that does not qualify under this heading may under its next one (a kicker <h3> above the <h2>).
      if (isOtherArticleStory(heading, inside, titleBounded)) {
        seenArticles.add(article);
        others.push({ heading, article });
        own = own.filter((p) => !article.contains(p.element));
      }
      return;
    }
    if (score >= MIN_TITLE_SIMILARITY) return;
    // Another <h1> over a story of its own, not standing among the title story's paragraphs as a subhead would
    // (heise "Schredder statt Ofen" is a sibling of the story's <p>s): the Zox theme's appended stories.
    if (element.tagName !== 'H1' || titleElement.tagName !== 'H1') return;
    const before = heading.order < title.order;
    const titleParents = new Set(own.filter((p) => before || p.order < heading.order).map((p) => p.element.parentElement));
    if (titleParents.has(element.parentElement)) return;
    if (isStory(naturalBlock(index, headings, paragraphs))) others.push({ heading, article: null });
  });
  // A title heading outside any <article> over exactly one story <article> (Drupal prints the headline in the
  // page header and the story in <article class="article full">): that article is the title's own story.
  const inArticles = others.filter((o) => o.article !== null);
  if (titleArticle === null && inArticles.length === 1) {
    others.splice(others.indexOf(inArticles[0]), 1);
    own = naturalBlock(titleIndex, headings, paragraphs);
  }
  // The title story ends where the first later story begins.
  const next = others.filter((o) => o.article === null && o.heading.order > title.order).map((o) => o.heading.order);
  if (next.length > 0) own = own.filter((p) => p.order < Math.min(...next));
  return { own, others };
}

function commonAncestor(a: Element, b: Element): Element | null {
  const ancestors = new Set<Element>();
  for (let e: Element | null = a; e; e = e.parentElement) ancestors.add(e);
  for (let e: Element | null = b; e; e = e.parentElement) if (ancestors.has(e)) return e;
  return null;
}

/** The child of `ancestor` that contains `node` (or is it). */
function childTowards(ancestor: Element, node: Element): Element {
  let element = node;
  while (element.parentElement && element.parentElement !== ancestor) element = element.parentElement;
  return element;
}

/** Removes `start` and everything after it in document order inside `stop`. */
function removeFrom(start: Element, stop: Element): void {
  for (let level: Node | null = start; level && level !== stop; level = level.parentNode) {
    while (level.nextSibling) (level.nextSibling as ChildNode).remove();
  }
  start.remove();
}

/**
 * Cuts a later story and everything after it: from its outermost container that holds none of the title
 * story (Zox "mvp-post-add-box", which holds all the appended stories), else from its heading.
 */
function cutAfter(other: Element, title: Element, lastTitleParagraph: Element): void {
  const ancestor = commonAncestor(other, title);
  if (!ancestor) return;
  const container = childTowards(ancestor, other);
  removeFrom(container.contains(lastTitleParagraph) ? other : container, ancestor);
}

/** Cuts an earlier story: its outermost container and everything after it, up to the title story's container. */
function cutBefore(other: Element, title: Element): void {
  const ancestor = commonAncestor(other, title);
  if (!ancestor) return;
  const stop = childTowards(ancestor, title);
  let element: ChildNode | null = childTowards(ancestor, other);
  while (element && element !== stop) {
    const next: ChildNode | null = element.nextSibling;
    element.remove();
    element = next;
  }
}

/**
 * Keeps one story on a page that holds several: the one under the heading the page's title names, cut at the
 * next story's heading (the Zox theme's appended <h1> stories) or article boundary (listing pages, appended
 * <article>s). When no heading matches the title, the first story is kept and a diagnostic says the choice was
 * a guess. Mutates `body`; returns the diagnostics (none on a page with one story).
 */
export function keepTitleStory(body: Element, heading: TitleHeading | null, names: PageTitles): Diagnostic[] {
  // Most pages have one <h1> and at most one <article>: nothing to choose, and no walk needed.
  if (body.getElementsByTagName('h1').length < 2 && body.getElementsByTagName('article').length < 2) return [];
  const { headings, paragraphs } = storyEvents(body);
  // Each paragraph under its nearest <article>, computed once (listing pages hold dozens of them).
  const byArticle = new Map<Element, ParagraphEvent[]>();
  for (const p of paragraphs) {
    const article = p.element.closest('article');
    if (!article) continue;
    const list = byArticle.get(article);
    if (list) list.push(p);
    else byArticle.set(article, [p]);
  }
  const matched = heading?.matched === true;
  // How much a heading looks like the title (0 when no heading is named by it): a repeat of the title is no other story.
  const titleScore = (element: Element) => (matched && element !== heading?.element ? titleSimilarity(element.textContent ?? '', names) : 0);
  let choice: { index: number; own: ParagraphEvent[]; others: OtherStory[] } | null = null;
  const titleIndex = heading ? headings.findIndex((h) => h.element === heading.element) : -1;
  if (titleIndex >= 0) {
    choice = { index: titleIndex, ...storiesAround(titleIndex, headings, paragraphs, byArticle, titleScore, matched) };
  }
  let guessed = false;
  if (!matched && (!choice || choice.others.length === 0)) {
    // No heading is named by the title: the first heading (an <h1>, or the first of an <article>) that heads a
    // story while other stories stand beside it.
    choice = null;
    let tried = 0;
    for (let index = 0; index < headings.length && !choice; index++) {
      const element = headings[index].element;
      const article = element.closest('article');
      const leads = element.tagName === 'H1' || (article !== null && headings.find((h) => article.contains(h.element))?.element === element);
      if (!leads) continue;
      if (++tried > MAX_GUESSES) break;
      const around = storiesAround(index, headings, paragraphs, byArticle, () => 0, false);
      if (around.others.length > 0 && isStory(around.own)) choice = { index, ...around };
    }
    guessed = true;
  }
  if (!choice || choice.others.length === 0) return [];
  const titleElement = headings[choice.index].element;
  const headline = quote(titleElement);
  const dropped = choice.others.map((o) => quote(o.heading.element)).join(', ');
  const bounded = !guessed && matched && headings[choice.index].element.closest('article') !== null && choice.others.every((o) => o.article !== null);
  if (!isStory(choice.own) && !(bounded && isBoundedStory(choice.own))) {
    // Too little text under the title's heading (a headline in a header box, the body in an <article> under a
    // subhead): its story may be one of the others, so nothing is cut.
    return [{ ruleId: 'clean/story-unsure', message: `page holds several story-like blocks (${dropped}) and the one headed ${headline} has little text of its own; all were kept` }];
  }
  const title = headings[choice.index];
  const lastOwn = choice.own[choice.own.length - 1].element;
  for (const other of choice.others) {
    const element = other.heading.element;
    if (!body.contains(element)) continue; // already cut with an earlier story's container
    if (other.article) other.article.remove();
    else if (other.heading.order > title.order) cutAfter(element, titleElement, lastOwn);
    else cutBefore(element, titleElement);
  }
  return [
    guessed
      ? { ruleId: 'clean/story-unsure', message: `page holds ${choice.others.length + 1} stories and none is named by its title; kept the first, headed ${headline}, and dropped ${dropped}` }
      : { ruleId: 'clean/several-stories', message: `page holds ${choice.others.length + 1} stories; kept the one its title names, headed ${headline}, and dropped ${dropped}` },
  ];
}
