import type { CleanedParts } from './text.js';
import { filterBlocks, sameHeadline } from './blocks.js';
import { parsePage } from './html/parse.js';
import { readMetadata } from './html/metadata.js';
import { extractBody } from './html/extract.js';
import { normalizeBlock } from './normalize.js';

export interface CleanedHtml extends CleanedParts {
  outlet: string | null;
  url: string | null;
}

/** An HTML page: metadata from the head, main content from the body, then the same block filter as plain text. */
export function cleanHtml(html: string): CleanedHtml {
  const { document, jsonLd } = parsePage(html);
  const metadata = readMetadata(document, jsonLd);
  const body = extractBody(document);
  const findings = filterBlocks(body.blocks);
  const title = metadata.title ?? (body.title ? normalizeBlock(body.title) : null);
  const removed = [...findings.removed];
  const paragraphs: string[] = [];
  for (const index of findings.kept) {
    const block = body.blocks[index];
    if (title && sameHeadline(block, title)) removed.push({ text: block, reason: 'repeated-title' });
    else paragraphs.push(block);
  }
  return {
    title,
    paragraphs,
    removed,
    publishedAt: metadata.publishedAt ?? findings.publishedAt,
    credits: findings.credits,
    byline: metadata.byline ?? findings.byline,
    outlet: metadata.outlet,
    url: metadata.url,
  };
}
