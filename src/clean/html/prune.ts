import { CHROME_ROLES, CHROME_TAG_NAMES as CHROME_TAGS, CONTENT_CLASS_WORDS, EMBED_CLASS_WORDS, JUNK_CLASS_WORDS, STORY_FLOW_TAGS, WEAK_CLASS_WORDS } from '../patterns.js';

/** An element holding more than this share of the page's non-link text is a content wrapper: never pruned. */
const MAX_PRUNED_SHARE = 0.3;
/**
 * A paragraph with at least this much text outside links is a story paragraph: the paragraphs and subheads
 * beside it are in the story's flow whatever their class says.
 */
const STORY_PARAGRAPH_CHARS = 80;
/** A flow element kept despite its class must itself be mostly text outside links (not a related-story link). */
const MIN_FLOW_PROSE_SHARE = 0.5;

/** "c-article__captionText" -> ["c", "article", "caption", "text"]. */
export function classWords(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The junk word in an element's "class id" string, or null. */
function junkWord(attributes: string): string | null {
  if (attributes.trim() === '') return null;
  const words = classWords(attributes);
  const junk = words.find((w) => JUNK_CLASS_WORDS.has(w));
  if (!junk || words.some((w) => EMBED_CLASS_WORDS.has(w))) return null;
  // "article-body has-share" is the story; "article-share" is not: only a junk word that is not beside a
  // content word counts, unless the content word is itself qualified (e.g. "related-content").
  if (words.some((w) => CONTENT_CLASS_WORDS.has(w)) && !/caption|credit|related|share|newsletter|author|bio|promo|ad/.test(junk)) return null;
  return junk;
}

function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Removed furniture is recorded with at most this much of its text. */
const MAX_RECORDED_CHARS = 300;

function insidePruned(element: Element, pruned: Set<Element>): boolean {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) if (pruned.has(parent)) return true;
  return false;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const NEVER_PRUNED = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);

/** Pages repeat the same few class strings thousands of times; judging each string once halves the walk. */
type JunkMemo = Map<string, string | null>;

/** The "class id" string of an element, the unit class words are judged (and grouped) by. */
const attributesOf = (element: Element): string => `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;

/**
 * Why an element is page furniture ("nav", "cookie", "newsletter", "hidden"...), or null when it is not; `byWord`
 * is true when the only evidence is a word in its class or id (weaker than a <nav> tag or a hidden attribute).
 */
function furnitureReason(element: Element, memo: JunkMemo): { reason: string; byWord: boolean } | null {
  const tag = element.tagName;
  if (NEVER_PRUNED.has(tag)) return null;
  const role = element.getAttribute('role');
  if (CHROME_TAGS.has(tag)) return { reason: tag.toLowerCase(), byWord: false };
  if (role !== null && CHROME_ROLES.test(role)) return { reason: role.toLowerCase(), byWord: false };
  if (isHidden(element)) return { reason: 'hidden', byWord: false };
  const attributes = attributesOf(element);
  let junk = memo.get(attributes);
  if (junk === undefined) {
    junk = junkWord(attributes);
    memo.set(attributes, junk);
  }
  return junk ? { reason: junk, byWord: true } : null;
}

/**
 * Embedded posts quoted by the story (nj.com: <div class="social-media-embed"><blockquote class="twitter-tweet">)
 * carry words Readability treats as unlikely content ("social"); a neutral class keeps them in the running.
 */
function keepEmbed(element: Element): void {
  const attributes = element.getAttribute('class');
  if (attributes && classWords(attributes).some((w) => EMBED_CLASS_WORDS.has(w))) {
    element.setAttribute('class', 'embedded-post');
    element.removeAttribute('id');
  }
}

/** Mean depth of the elements under `root` (its children are at depth 1); an iterative walk (deep pages). */
export function meanElementDepth(root: Element): number {
  let sum = 0;
  let count = 0;
  const stack: { element: Element; depth: number }[] = [];
  for (let child = root.firstElementChild; child; child = child.nextElementSibling) stack.push({ element: child, depth: 1 });
  while (stack.length > 0) {
    const { element, depth } = stack.pop()!;
    sum += depth;
    count++;
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push({ element: child, depth: depth + 1 });
  }
  return count === 0 ? 0 : sum / count;
}

/** What pruning removed, and how much of the page's text that was. */
export interface PruneResult {
  /** Depth of the tree, which callers check before handing it to recursive code. */
  depth: number;
  /**
   * Mean depth of the elements left after pruning (0 when none): Readability's work on a tree is about the sum of
   * its elements' depths (it takes the textContent of every <div>, a walk of the whole subtree), so callers check
   * this too before handing the tree over.
   */
  meanDepth: number;
  /** Each removed piece (its outermost element), with its text cut to MAX_RECORDED_CHARS and the reason. */
  removed: { text: string; reason: string }[];
  /**
   * Share of the page's paragraph text (text outside links in <p> elements: what a story is made of, unlike
   * menus and lists) that the removed pieces held, 0..1.
   */
  removedShare: number;
  /** The same share per reason, largest first (for a diagnostic that says what took the text). */
  removedByReason: { reason: string; share: number }[];
}

interface Candidate {
  element: Element;
  /** Text outside links in the subtree. */
  prose: number;
  /** All text in the subtree. */
  text: number;
  /** Text outside links in the subtree's <p> elements. */
  paragraphs: number;
  reason: string;
  byWord: boolean;
  /** Its "class id" string when found (kept: a spared element's class is neutralized afterwards). */
  key: string;
}

/**
 * Removes page furniture from a DOM the caller owns: chrome tags and roles, hidden elements, figure captions,
 * and elements whose class or id names them as junk, except any element that holds a large share of the
 * page's prose, i.e. text outside links (a content wrapper with an unlucky class name, like Blogger's "widget
 * Blog"). One walk measures every subtree; querying each candidate's text separately was the slow part.
 *
 * A class or id word that says where an element is shown rather than what it is (WEAK_CLASS_WORDS: "paywall",
 * "nav", "modal") is weak evidence, so it never removes the story's own flow:
 * - a paragraph, subhead or block quote standing next to a story paragraph (skipping siblings with the same
 *   class, which share its fate) is story: Wired marks every metered paragraph <p class="paywall">, heise
 *   gives subheads anchor ids <h3 id="nav_schredder_statt__0">; both were removed and the story lost;
 * - elements that share one class string and together hold a large share of the page's paragraph text are the
 *   story (the same metering class on every paragraph, the first one included, or on every box of the story).
 */
export function pruneFurniture(root: Element): PruneResult {
  const candidates: Candidate[] = [];
  const candidateOf = new Map<Element, Candidate>();
  // Text outside links of every paragraph that is not itself a candidate: the story paragraphs flow is judged by.
  const paragraphProse = new Map<Element, number>();
  const memo: JunkMemo = new Map();
  // Iterative post-order walk (malformed pages nest thousands of unclosed elements; recursion would overflow):
  // each frame sums the text and link text of its subtree and hands them to its parent when done.
  interface Frame {
    element: Element | null;
    next: Node | null;
    text: number;
    link: number;
    paragraphs: number;
    inLink: boolean;
    candidate: Candidate | null;
  }
  const stack: Frame[] = [{ element: null, next: root.firstChild, text: 0, link: 0, paragraphs: 0, inLink: false, candidate: null }];
  let total = 1;
  let totalParagraphs = 1;
  let depth = 0;
  while (stack.length > 0) {
    depth = Math.max(depth, stack.length);
    const frame = stack[stack.length - 1];
    const child = frame.next;
    if (child === null) {
      stack.pop();
      if (frame.element?.tagName === 'P') {
        frame.paragraphs = frame.text - frame.link;
        if (!frame.candidate) paragraphProse.set(frame.element, frame.paragraphs);
      }
      if (frame.candidate) {
        frame.candidate.prose = frame.text - frame.link;
        frame.candidate.text = frame.text;
        frame.candidate.paragraphs = frame.paragraphs;
      }
      const parent = stack[stack.length - 1];
      if (parent) {
        parent.text += frame.text;
        parent.link += frame.link;
        parent.paragraphs += frame.paragraphs;
      } else {
        total = Math.max(1, frame.text - frame.link);
        totalParagraphs = Math.max(1, frame.paragraphs);
      }
      continue;
    }
    frame.next = child.nextSibling;
    if (child.nodeType === TEXT_NODE) {
      const length = (child.nodeValue ?? '').length;
      frame.text += length;
      if (frame.inLink) frame.link += length;
    } else if (child.nodeType === ELEMENT_NODE) {
      const element = child as Element;
      keepEmbed(element);
      const found = furnitureReason(element, memo);
      let candidate: Candidate | null = null;
      if (found) {
        candidate = { element, prose: 0, text: 0, paragraphs: 0, ...found, key: attributesOf(element) };
        candidates.push(candidate);
        candidateOf.set(element, candidate);
      }
      stack.push({ element, next: element.firstChild, text: 0, link: 0, paragraphs: 0, inLink: frame.inLink || element.tagName === 'A', candidate });
    }
  }

  // Elements grouped by their class string: together they may hold the story (one metering class on every
  // paragraph, the first included, or on each of the boxes the story is split into).
  const groupParagraphs = new Map<string, number>();
  for (const c of candidates) {
    if (c.byWord && WEAK_CLASS_WORDS.has(c.reason)) {
      groupParagraphs.set(c.key, (groupParagraphs.get(c.key) ?? 0) + c.paragraphs);
    }
  }
  const isStoryParagraph = (element: Element | null): boolean =>
    element !== null && element.tagName === 'P' && (paragraphProse.get(element) ?? 0) >= STORY_PARAGRAPH_CHARS;
  /** The nearest sibling in one direction whose class string differs (same-class siblings share the verdict). */
  const neighbour = (element: Element, key: string, forward: boolean): Element | null => {
    let sibling = forward ? element.nextElementSibling : element.previousElementSibling;
    while (sibling && candidateOf.get(sibling)?.key === key) sibling = forward ? sibling.nextElementSibling : sibling.previousElementSibling;
    return sibling;
  };
  const inStoryFlow = (c: Candidate): boolean => {
    if (!c.byWord || !WEAK_CLASS_WORDS.has(c.reason) || c.prose <= 0 || c.prose < c.text * MIN_FLOW_PROSE_SHARE) return false;
    const key = c.key;
    if (c.paragraphs > 0 && (groupParagraphs.get(key) ?? 0) / totalParagraphs > MAX_PRUNED_SHARE) return true;
    if (!STORY_FLOW_TAGS.has(c.element.tagName)) return false;
    return isStoryParagraph(neighbour(c.element, key, false)) || isStoryParagraph(neighbour(c.element, key, true));
  };

  const removed: { text: string; reason: string }[] = [];
  const pruned = new Set<Element>();
  const removedProse = new Map<string, number>();
  for (const c of candidates) {
    const { element, prose, paragraphs, reason } = c;
    if (prose / total > MAX_PRUNED_SHARE) continue;
    if (inStoryFlow(c)) {
      // Readability weighs class names too; a neutral class keeps the paragraph in its running.
      element.setAttribute('class', 'story-flow');
      element.removeAttribute('id');
      continue;
    }
    pruned.add(element);
    // Recorded once, at the outermost pruned element, so users see what was dropped and why.
    if (!insidePruned(element, pruned)) {
      removedProse.set(reason, (removedProse.get(reason) ?? 0) + Math.max(0, paragraphs));
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text) removed.push({ text: text.length > MAX_RECORDED_CHARS ? `${text.slice(0, MAX_RECORDED_CHARS)}…` : text, reason });
    }
    element.remove(); // removing an element already inside a removed one is harmless
  }
  const removedByReason = [...removedProse.entries()]
    .map(([reason, chars]) => ({ reason, share: chars / totalParagraphs }))
    .filter((r) => r.share > 0)
    .sort((a, b) => b.share - a.share);
  return { depth, meanDepth: meanElementDepth(root), removed, removedShare: Math.min(1, removedByReason.reduce((sum, r) => sum + r.share, 0)), removedByReason };
}
