import { CHROME_ROLES, CHROME_TAGS, CONTENT_CLASS_WORDS, EMBED_CLASS_WORDS, JUNK_CLASS_WORDS } from '../patterns.js';

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

/** Why an element is page furniture, or null. */
function junkWord(element: Element): string | null {
  const attributes = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
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

/** Length of the text outside links: prose counts, menus and link lists barely do. */
function proseLength(root: Element): number {
  let links = 0;
  for (const a of Array.from(root.querySelectorAll('a'))) links += (a.textContent ?? '').length;
  return (root.textContent ?? '').length - links;
}

/**
 * Removes page furniture from a DOM the caller owns: chrome tags and roles, hidden elements, figure captions,
 * and elements whose class or id names them as junk, except any element that holds a large share of the
 * page's prose (a content wrapper with an unlucky class name, like Blogger's "widget Blog").
 */
export function pruneFurniture(root: Element): void {
  const total = Math.max(1, proseLength(root));
  const doomed: Element[] = [];
  for (const element of Array.from(root.querySelectorAll('*'))) {
    const tag = element.tagName.toLowerCase();
    if (tag === 'html' || tag === 'body' || tag === 'main' || tag === 'article') continue;
    const role = element.getAttribute('role');
    const chrome = CHROME_TAGS.includes(tag) || tag === 'figcaption' || (role !== null && CHROME_ROLES.test(role)) || isHidden(element);
    if (chrome || junkWord(element) !== null) doomed.push(element);
  }
  for (const element of doomed) {
    if (!element.isConnected) continue; // inside something already removed
    if (proseLength(element) / total > MAX_PRUNED_SHARE) continue;
    element.remove();
  }
}
