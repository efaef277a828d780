import { Readability } from '@mozilla/readability';
import { textBlocks } from './blocks.js';
import type { HtmlBlock } from './blocks.js';
import { pruneFurniture } from './prune.js';

export interface ExtractedBody {
  /** Paragraph texts of the main content, normalized, before boilerplate filtering. */
  blocks: HtmlBlock[];
  /** Readability's title guess, used when the page has no usable metadata title. */
  title: string | null;
}

/** Main content of a page DOM (which it consumes: Readability rewrites the tree it is given). */
export function extractBody(document: Document): ExtractedBody {
  if (document.body) pruneFurniture(document.body);
  const result = new Readability<Element>(document, { serializer: (node) => node as Element, disableJSONLD: true }).parse();
  if (!result?.content) return { blocks: [], title: null };
  return { blocks: textBlocks(result.content), title: result.title ?? null };
}

