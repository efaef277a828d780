import { Readability } from '@mozilla/readability';
import type { Diagnostic } from '../../diagnostics.js';
import { textBlocks } from './blocks.js';
import type { HtmlBlock } from './blocks.js';
import { pruneFurniture } from './prune.js';
import { findTitleHeading, isolateOverlay, keepTitleStory, pageTitles } from './story-selection.js';

/**
 * Readability walks the tree recursively and overflows the stack on malformed pages that nest thousands of
 * unclosed elements; deeper than this, the whole pruned page is taken instead.
 */
export const MAX_READABILITY_DEPTH = 1000;

/**
 * Readability takes the textContent of every <div> (and more subtree queries in its cleanup), so its time and
 * garbage grow with the sum of the elements' depths, not with the page. Real pages stay shallow: over the 127
 * pages of the Zyte extraction benchmark the mean element depth after pruning is at most 18.4 (the deepest
 * element 49). A page of <div>s nested 400 deep made Readability take 7.4 s and 240 MB per MB of HTML (the
 * attack report's "330-440 times the input"); past this mean depth the whole pruned page is taken instead.
 */
export const MAX_READABILITY_MEAN_DEPTH = 64;

/**
 * When pruning removes more than this share of the page's text (outside links), it says so: Wired's metered
 * <p class="paywall"> paragraphs once lost 24 of 25 story paragraphs as 'paywall' without a word.
 */
export const MOST_TEXT_REMOVED_SHARE = 0.5;

export interface ExtractedBody {
  /** Paragraph texts of the main content, normalized, before boilerplate filtering. */
  blocks: HtmlBlock[];
  /** Readability's title guess, used when the page has no usable metadata title. */
  title: string | null;
  /** "main-content" from Readability, or "whole-page" when the tree was too deep for it. */
  method: 'main-content' | 'whole-page';
  /** Why the whole page was taken (method "whole-page"), for the diagnostic; null otherwise. */
  wholePageReason: string | null;
  /** Page furniture removed before extraction (menus, cookie boxes, newsletters...), with the reason. */
  removed: { text: string; reason: string }[];
  /**
   * What the reader should know about the choice of text: the story read from an overlay, other stories on the
   * page dropped (or a guess among them), most of the page's text removed as furniture.
   */
  diagnostics: Diagnostic[];
}

/** What the caller already knows about the page (the metadata title may come from JSON-LD, which is not in the DOM). */
export interface ExtractHints {
  title?: string | null;
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** The value linkedom's element.style gives for one property: the last "key: value" rule of the style attribute. */
function styleValue(style: string, property: string): string {
  let found = '';
  for (const rule of style.split(/\s*;\s*/)) {
    const [key, ...rest] = rule.split(':');
    if (rest.length > 0 && key.trim() === property) {
      const value = rest.join(':').trim();
      if (value) found = value;
    }
  }
  return found;
}

/**
 * Readability's visibility test (Readability.js _isProbablyVisible, 0.6.0) read from the attributes: its own
 * version asks for element.style, and linkedom builds and keeps a CSSStyleDeclaration (a Map behind a Proxy) for
 * every element asked: on a 2 MB page holding a 200,000-cell table that doubled Readability's peak (44 -> 93 MB).
 */
function isProbablyVisible(node: Element): boolean {
  const style = node.getAttribute('style');
  if (style && (styleValue(style, 'display') === 'none' || styleValue(style, 'visibility') === 'hidden')) return false;
  if (node.hasAttribute('hidden')) return false;
  return !node.hasAttribute('aria-hidden') || node.getAttribute('aria-hidden') !== 'true' || (node.getAttribute('class') ?? '').includes('fallback-image');
}

/**
 * Main content of a page DOM (which it consumes: Readability rewrites the tree it is given). On a page with
 * several story-like blocks, the story kept is the one under the heading the page's title names.
 */
export function extractBody(document: Document, hints: ExtractHints = {}): ExtractedBody {
  if (!document.body) return { blocks: [], title: null, method: 'main-content', wholePageReason: null, removed: [], diagnostics: [] };
  const body = document.body;
  const diagnostics: Diagnostic[] = [];
  const names = pageTitles(document, [hints.title]);
  let heading = findTitleHeading(body, names);
  const overlay = isolateOverlay(body, heading);
  if (overlay) diagnostics.push(overlay);

  const { depth, meanDepth, removed, removedShare, removedByReason } = pruneFurniture(body);
  if (removedShare > MOST_TEXT_REMOVED_SHARE) {
    const reasons = removedByReason.slice(0, 3).map((r) => `${r.reason} ${percent(r.share)}`).join(', ');
    diagnostics.push({ ruleId: 'clean/most-text-removed', message: `page furniture removal took ${percent(removedShare)} of the page's paragraph text (${reasons}); check that no story text was among it` });
  }
  // The title heading may have been pruned with a header box; look again among what is left.
  if (heading && !body.contains(heading.element)) heading = findTitleHeading(body, names);
  diagnostics.push(...keepTitleStory(body, heading, names));

  const wholePageReason =
    depth > MAX_READABILITY_DEPTH
      ? `page nests elements over ${MAX_READABILITY_DEPTH} deep (malformed HTML)`
      : meanDepth > MAX_READABILITY_MEAN_DEPTH
        ? `page nests its elements ${Math.round(meanDepth)} deep on average (real pages: under 20)`
        : null;
  if (wholePageReason) return { blocks: textBlocks(body), title: null, method: 'whole-page', wholePageReason, removed, diagnostics };
  const reader = new Readability<Element>(document, { serializer: (node) => node as Element, disableJSONLD: true });
  (reader as unknown as { _isProbablyVisible: (node: Element) => boolean })._isProbablyVisible = isProbablyVisible;
  const result = reader.parse();
  if (!result?.content) return { blocks: [], title: null, method: 'main-content', wholePageReason: null, removed, diagnostics };
  return { blocks: textBlocks(result.content), title: result.title ?? null, method: 'main-content', wholePageReason: null, removed, diagnostics };
}
