import { CHROME_ROLES, CHROME_TAG_NAMES as CHROME_TAGS, CONTENT_CLASS_WORDS, EMBED_CLASS_WORDS, JUNK_CLASS_WORDS } from '../patterns.js';

/** An element holding more than this share of the page's non-link text is a content wrapper: never pruned. */
const MAX_PRUNED_SHARE = 0.3;

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

/** Why an element is page furniture ("nav", "cookie", "newsletter", "hidden"...), or null when it is not. */
function furnitureReason(element: Element, memo: JunkMemo): string | null {
  const tag = element.tagName;
  if (NEVER_PRUNED.has(tag)) return null;
  const role = element.getAttribute('role');
  if (CHROME_TAGS.has(tag)) return tag.toLowerCase();
  if (role !== null && CHROME_ROLES.test(role)) return role.toLowerCase();
  if (isHidden(element)) return 'hidden';
  const attributes = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  let junk = memo.get(attributes);
  if (junk === undefined) {
    junk = junkWord(attributes);
    memo.set(attributes, junk);
  }
  return junk;
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

/**
 * Removes page furniture from a DOM the caller owns: chrome tags and roles, hidden elements, figure captions,
 * and elements whose class or id names them as junk, except any element that holds a large share of the
 * page's prose, i.e. text outside links (a content wrapper with an unlucky class name, like Blogger's "widget
 * Blog"). One walk measures every subtree; querying each candidate's text separately was the slow part.
 * Returns the depth of the tree, which callers check before handing it to recursive code.
 */
export function pruneFurniture(root: Element): { depth: number; removed: { text: string; reason: string }[] } {
  const candidates: { element: Element; prose: number; reason: string }[] = [];
  const memo: JunkMemo = new Map();
  // Iterative post-order walk (malformed pages nest thousands of unclosed elements; recursion would overflow):
  // each frame sums the text and link text of its subtree and hands them to its parent when done.
  interface Frame {
    next: Node | null;
    text: number;
    link: number;
    inLink: boolean;
    candidate: number;
  }
  const stack: Frame[] = [{ next: root.firstChild, text: 0, link: 0, inLink: false, candidate: -1 }];
  let total = 1;
  let depth = 0;
  while (stack.length > 0) {
    depth = Math.max(depth, stack.length);
    const frame = stack[stack.length - 1];
    const child = frame.next;
    if (child === null) {
      stack.pop();
      if (frame.candidate >= 0) candidates[frame.candidate].prose = frame.text - frame.link;
      const parent = stack[stack.length - 1];
      if (parent) {
        parent.text += frame.text;
        parent.link += frame.link;
      } else {
        total = Math.max(1, frame.text - frame.link);
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
      const reason = furnitureReason(element, memo);
      const candidate = reason ? candidates.push({ element, prose: 0, reason }) - 1 : -1;
      stack.push({ next: element.firstChild, text: 0, link: 0, inLink: frame.inLink || element.tagName === 'A', candidate });
    }
  }
  const removed: { text: string; reason: string }[] = [];
  const pruned = new Set<Element>();
  for (const { element, prose, reason } of candidates) {
    if (prose / total > MAX_PRUNED_SHARE) continue;
    pruned.add(element);
    // Recorded once, at the outermost pruned element, so users see what was dropped and why.
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text && !insidePruned(element, pruned)) removed.push({ text: text.length > MAX_RECORDED_CHARS ? `${text.slice(0, MAX_RECORDED_CHARS)}…` : text, reason });
    element.remove(); // removing an element already inside a removed one is harmless
  }
  return { depth, removed };
}
