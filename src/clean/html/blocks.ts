import { normalizeBlock } from '../normalize.js';

// Elements that end a paragraph of text. Inline elements (a, span, em, ...) do not.
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** The text of an element as paragraphs: one per block element, inline text joined, whitespace collapsed. */
export function textBlocks(root: Element): string[] {
  const blocks: string[] = [];
  let buffer = '';
  const flush = () => {
    const text = normalizeBlock(buffer);
    if (text) blocks.push(text);
    buffer = '';
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        buffer += child.nodeValue ?? '';
      } else if (child.nodeType === ELEMENT_NODE) {
        const block = BLOCK_TAGS.has((child as Element).tagName);
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return blocks;
}
