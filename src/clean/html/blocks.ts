import { normalizeBlock } from '../normalize.js';

// Elements that end a paragraph of text. Inline elements (a, span, em, ...) do not.
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

export interface HtmlBlock {
  text: string;
  /** Share of the block's characters inside links (1 = a bare link: a menu item or a related headline). */
  linkShare: number;
}

/** The text of an element as paragraphs: one per block element, inline text joined, whitespace collapsed. */
export function textBlocks(root: Element): HtmlBlock[] {
  const blocks: HtmlBlock[] = [];
  let buffer = '';
  let linkChars = 0;
  let linkDepth = 0;
  const flush = () => {
    const text = normalizeBlock(buffer);
    if (text) blocks.push({ text, linkShare: Math.min(1, linkChars / Math.max(1, buffer.trim().length)) });
    buffer = '';
    linkChars = 0;
  };
  // Iterative walk with an explicit stack: malformed pages can nest thousands of unclosed elements.
  const stack: { element: Element | null; next: Node | null }[] = [{ element: null, next: root.firstChild }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const child = frame.next;
    if (child === null) {
      stack.pop();
      const element = frame.element;
      if (element) {
        if (element.tagName === 'A' && element.hasAttribute('href')) linkDepth--;
        if (BLOCK_TAGS.has(element.tagName)) flush();
      }
      continue;
    }
    frame.next = child.nextSibling;
    if (child.nodeType === TEXT_NODE) {
      const value = child.nodeValue ?? '';
      buffer += value;
      if (linkDepth > 0) linkChars += value.trim().length;
    } else if (child.nodeType === ELEMENT_NODE) {
      const element = child as Element;
      if (BLOCK_TAGS.has(element.tagName)) flush();
      if (element.tagName === 'A' && element.hasAttribute('href')) linkDepth++;
      stack.push({ element, next: element.firstChild });
    }
  }
  flush();
  return blocks;
}

/**
 * The text of an element with a space between child elements, scripts and styles left out, normalized:
 * "<span>19</span><span>June</span>" -> "19 June", "By<a>Jamie Byliner</a>" -> "By Jamie Byliner".
 */
export function spacedText(element: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) parts.push(child.textContent ?? '');
      else if (child.nodeType === 1 && !['SCRIPT', 'STYLE'].includes((child as Element).tagName)) {
        parts.push(' ');
        walk(child);
        parts.push(' ');
      }
    }
  };
  walk(element);
  return normalizeBlock(parts.join(''));
}
