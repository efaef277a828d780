// The page's markup made small before the DOM is built. linkedom spends about 700 bytes on every node (each one
// carries its own event-listener Map) and every attribute is a node too, so what never reaches the DOM is the
// cheapest memory there is: scripts, styles, SVG, comments, data-URI images, event handlers and data-* attributes
// are often most of a news page's bytes. A streaming tokenizer (htmlparser2's, the one linkedom parses with)
// does this in one linear pass, where regular expressions over the HTML could not follow nesting.
//
// The pass also mirrors htmlparser2's tree building (implied end tags, stray </p> and </br>) so that it can
// write every end tag explicitly and bound the depth: htmlparser2 keeps its open-element stack with
// Array.unshift, so a page of 50,000 unclosed <div>s took 3.6 s per 2 MB and 16 s per 4 MB to parse (quadratic).
// Past MAX_DEPTH, elements are flattened: a block element becomes a line break (the paragraph boundary is
// what the whole-page reading keeps of it) and an inline one disappears, keeping its text.
import { Tokenizer } from 'htmlparser2';

/** Elements whose whole content is never article text (JSON-LD is read from its <script> on the way). */
const DROPPED = new Set(['script', 'style', 'noscript', 'svg', 'template', 'iframe']);

/**
 * Past this depth the tree is flattened. Deeper than MAX_READABILITY_DEPTH (1000) the whole page is read
 * without Readability anyway, so structure below this depth is no longer used; it only costs parse time.
 */
export const MAX_DEPTH = 1024;

// htmlparser2's tree-building rules (Parser.js, htmlparser2 10), mirrored so the written end tags match the
// tree linkedom would have built from the original markup.
const FORM_TAGS = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const P_TAG = new Set(['p']);
const TABLE_SECTION_TAGS = new Set(['thead', 'tbody']);
const DD_DT_TAGS = new Set(['dd', 'dt']);
const RT_RP_TAGS = new Set(['rt', 'rp']);
const OPEN_IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((t): [string, Set<string>] => [t, P_TAG]),
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t): [string, Set<string>] => [t, FORM_TAGS]),
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', DD_DT_TAGS],
  ['dt', DD_DT_TAGS],
  ...['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map(
    (t): [string, Set<string>] => [t, P_TAG],
  ),
  ['rt', RT_RP_TAGS],
  ['rp', RT_RP_TAGS],
  ['tbody', TABLE_SECTION_TAGS],
  ['tfoot', TABLE_SECTION_TAGS],
]);
const VOID_ELEMENTS = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const FOREIGN_ELEMENTS = new Set(['math', 'svg']);
const HTML_INTEGRATION_ELEMENTS = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

// Whitespace between two block-level tags renders as nothing, yet each run becomes a text node, and linkedom's
// per-node cost dominates parsing: dropping these runs made parsing about a fifth faster.
const BLOCK_TAGS = new Set([
  'div', 'p', 'li', 'ul', 'ol', 'section', 'article', 'header', 'footer', 'nav', 'aside', 'table', 'tr', 'td', 'th', 'tbody', 'thead', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figure', 'main', 'form', 'dl', 'dt', 'dd',
  'blockquote', 'br', 'hr', 'head', 'body', 'html', 'meta', 'link', 'title', 'option', 'select',
]);
/** Elements that end a paragraph (blocks.ts BLOCK_TAGS): flattened past MAX_DEPTH, they leave a line break. */
const PARAGRAPH_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
]);

/**
 * Attributes nothing downstream reads (the extractor, Readability and the metadata readers look at class, id,
 * style, role, hidden, aria-*, href, rel, itemprop, content, datetime and a few table attributes), yet each
 * one is a DOM node: event handlers, data-* (lazy-loading and analytics payloads), responsive image lists.
 */
const DROPPED_ATTRIBUTE = /^(?:on[a-z]+|data-[\w.:-]*|srcset|sizes)$/i;
/** An attribute value that is a data: URI (an inline image or font, often hundreds of kilobytes). */
const DATA_URI = /^\s*data:/i;
/** Inline images in a style attribute ("background:url(data:image/png;base64,...)"); the rest of the style is kept. */
const STYLE_DATA_URI = /url\(\s*["']?\s*data:[^)]*\)/gi;
const JSON_LD_TYPE = /^\s*application\/ld\+json/i;
const WHITESPACE_ONLY = /^\s*$/;

/** The markup to build the DOM from, and what was read on the way. */
export interface PreparedMarkup {
  /** Well-formed HTML: every end tag written, without dropped elements, comments and unread attributes. */
  markup: string;
  /** Raw texts of the JSON-LD <script> blocks, in page order. */
  jsonLd: string[];
  /** Whether the page has an <html> or <body> tag (a fragment does not). */
  fullDocument: boolean;
}

/**
 * Rewrites a page's HTML for parsing in one streaming pass (see the notes at the top of this module): drops
 * script, style, noscript, svg, template and iframe elements with their content, comments, data URIs and
 * attributes nothing reads; collects JSON-LD; writes implied end tags explicitly; flattens nesting past
 * MAX_DEPTH. Linear in the length of the page.
 */
export function prepareMarkup(html: string): PreparedMarkup {
  const out: string[] = [];
  const jsonLd: string[] = [];
  let fullDocument = false;

  // The open elements as htmlparser2 would hold them (top last) and how many of each name are open.
  const stack: string[] = [];
  const open = new Map<string, number>();
  const foreign: boolean[] = [false];
  /** Index in `stack` of the outermost dropped element being skipped, or -1. */
  let skipFrom = -1;
  /** Index in `stack` of the JSON-LD <script> being read (also inside a dropped <noscript>), and its text. */
  let ldFrom = -1;
  let ldText: string[] | null = null;

  // Whitespace-only text waits until the next tag shows whether it stands between two block tags.
  let pendingSpace = '';
  let afterBlockTag = false;
  const emitTag = (tag: string, name: string) => {
    const block = BLOCK_TAGS.has(name);
    if (pendingSpace && !(block && afterBlockTag)) out.push(pendingSpace);
    pendingSpace = '';
    out.push(tag);
    afterBlockTag = block;
  };
  const emitText = (text: string) => {
    if (WHITESPACE_ONLY.test(text)) {
      if (afterBlockTag) pendingSpace += text;
      else out.push(text);
      return;
    }
    if (pendingSpace) out.push(pendingSpace);
    pendingSpace = '';
    out.push(text);
    afterBlockTag = false;
    textSinceBreak = true;
  };
  const skipping = () => skipFrom >= 0;
  // A flattened block leaves one line break between texts, not one per start and end tag: 50,000 unclosed
  // <div>s closed by </body> otherwise left two <br> elements each, twice the elements of the original.
  let textSinceBreak = false;
  const emitBreak = () => {
    if (!textSinceBreak) return;
    emitTag('<br>', 'br');
    textSinceBreak = false;
  };

  const push = (name: string) => {
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
  };
  /** Pops the top element, writing its end tag (or the line break of a flattened block). */
  const pop = () => {
    const name = stack.pop()!;
    const index = stack.length;
    open.set(name, open.get(name)! - 1);
    if (index === ldFrom) {
      jsonLd.push(ldText!.join(''));
      ldFrom = -1;
      ldText = null;
    }
    if (index === skipFrom) {
      skipFrom = -1;
      return;
    }
    if (skipping()) return;
    if (index < MAX_DEPTH) emitTag(`</${name}>`, name);
    else if (PARAGRAPH_TAGS.has(name)) emitBreak();
  };

  // The open tag being read.
  let tagName = '';
  let tagAttributes: string[] = [];
  let attributeName = '';
  let attributeValue = '';
  let scriptType = '';

  const openTag = (name: string) => {
    const implied = OPEN_IMPLIES_CLOSE.get(name);
    if (implied) while (stack.length > 0 && implied.has(stack[stack.length - 1])) pop();
    // Like htmlparser2, the foreign-content context changes at the tag name, before a "/>" is judged by it.
    if (!VOID_ELEMENTS.has(name)) {
      if (FOREIGN_ELEMENTS.has(name)) foreign.push(true);
      else if (HTML_INTEGRATION_ELEMENTS.has(name)) foreign.push(false);
    }
    tagName = name;
    tagAttributes = [];
    scriptType = '';
  };
  /** The open tag is complete: push it (unless void) and write it. `selfClosing`: "<x/>" in SVG or MathML. */
  const endOpenTag = (selfClosing: boolean) => {
    const name = tagName;
    tagName = '';
    const isVoid = VOID_ELEMENTS.has(name);
    const index = stack.length;
    if (!isVoid) push(name);
    if (name === 'script' && JSON_LD_TYPE.test(scriptType)) {
      ldFrom = index;
      ldText = [];
    }
    if (!skipping()) {
      if (name === 'html' || name === 'body') fullDocument = true;
      if (DROPPED.has(name) && !isVoid) {
        skipFrom = index;
      } else if (index < MAX_DEPTH) {
        emitTag(`<${name}${tagAttributes.join('')}>`, name);
      } else if (PARAGRAPH_TAGS.has(name)) {
        emitBreak();
      } else if (isVoid) {
        emitTag(`<${name}${tagAttributes.join('')}>`, name);
      }
    }
    if (selfClosing && !isVoid && stack[stack.length - 1] === name) pop();
  };

  const slice = (start: number, end: number) => html.slice(start, end);
  const tokenizer = new Tokenizer(
    { decodeEntities: false },
    {
      ontext(start, end) {
        if (ldText) ldText.push(slice(start, end));
        else if (!skipping()) emitText(slice(start, end));
      },
      ontextentity() {},
      onattribentity() {},
      oncomment() {},
      oncdata() {},
      onprocessinginstruction() {},
      ondeclaration(start, end) {
        if (!skipping()) emitTag(`<!${slice(start, end)}>`, '!');
      },
      onopentagname(start, end) {
        openTag(slice(start, end).toLowerCase());
      },
      onattribname(start, end) {
        attributeName = slice(start, end);
        attributeValue = '';
      },
      onattribdata(start, end) {
        attributeValue += slice(start, end);
      },
      onattribend(quote) {
        const name = attributeName;
        let value = attributeValue;
        attributeValue = '';
        if (tagName === 'script' && name.toLowerCase() === 'type') scriptType = value;
        if (skipping() || DROPPED_ATTRIBUTE.test(name) || DATA_URI.test(value)) return;
        if (name.toLowerCase() === 'style' && value.length > 200) value = value.replace(STYLE_DATA_URI, 'url()');
        // Values are written back raw (character references stay for the DOM parser to decode), double-quoted.
        tagAttributes.push(quote === 0 ? ` ${name}` : ` ${name}="${value.replace(/"/g, '&quot;')}"`);
      },
      onopentagend() {
        endOpenTag(false);
      },
      onselfclosingtag() {
        endOpenTag(foreign[foreign.length - 1] === true);
      },
      onclosetag(start, end) {
        const name = slice(start, end).toLowerCase();
        if (FOREIGN_ELEMENTS.has(name) || HTML_INTEGRATION_ELEMENTS.has(name)) foreign.pop();
        if (VOID_ELEMENTS.has(name)) {
          // A stray </br> is a line break to browsers and htmlparser2 alike.
          if (name === 'br' && !skipping()) emitTag('<br>', 'br');
          return;
        }
        if ((open.get(name) ?? 0) > 0) {
          // The nearest open element of that name closes, with everything opened inside it.
          while (stack.length > 0) {
            const top = stack[stack.length - 1];
            pop();
            if (top === name) break;
          }
        } else if (name === 'p' && !skipping()) {
          // A stray </p> is an empty paragraph (htmlparser2, like browsers).
          openTag('p');
          endOpenTag(false);
          pop();
        }
      },
      onend() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  if (pendingSpace) out.push(pendingSpace);
  return { markup: out.join(''), jsonLd, fullDocument };
}
