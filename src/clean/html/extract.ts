import { Readability } from '@mozilla/readability';
import { textBlocks } from './blocks.js';
import type { HtmlBlock } from './blocks.js';
import { pruneFurniture } from './prune.js';

/**
 * Readability walks the tree recursively and overflows the stack on malformed pages that nest thousands of
 * unclosed elements; deeper than this, the whole pruned page is taken instead.
 */
export const MAX_READABILITY_DEPTH = 1000;

export interface ExtractedBody {
  /** Paragraph texts of the main content, normalized, before boilerplate filtering. */
  blocks: HtmlBlock[];
  /** Readability's title guess, used when the page has no usable metadata title. */
  title: string | null;
  /** "main-content" from Readability, or "whole-page" when the tree was too deep for it. */
  method: 'main-content' | 'whole-page';
  /** Page furniture removed before extraction (menus, cookie boxes, newsletters...), with the reason. */
  removed: { text: string; reason: string }[];
}

/** Main content of a page DOM (which it consumes: Readability rewrites the tree it is given). */
export function extractBody(document: Document): ExtractedBody {
  if (!document.body) return { blocks: [], title: null, method: 'main-content', removed: [] };
  const { depth, removed } = pruneFurniture(document.body);
  if (depth > MAX_READABILITY_DEPTH) return { blocks: textBlocks(document.body), title: null, method: 'whole-page', removed };
  const result = new Readability<Element>(document, { serializer: (node) => node as Element, disableJSONLD: true }).parse();
  if (!result?.content) return { blocks: [], title: null, method: 'main-content', removed };
  return { blocks: textBlocks(result.content), title: result.title ?? null, method: 'main-content', removed };
}

