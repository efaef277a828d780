import type { CleanedParts } from './text.js';
import { filterBlocks, headlineMatcher } from './blocks.js';
import { parsePage } from './html/parse.js';
import { readMetadata } from './html/metadata.js';
import { extractBody, MAX_READABILITY_DEPTH } from './html/extract.js';
import { normalizeBlock } from './normalize.js';
import type { Diagnostic } from '../diagnostics.js';

// A short block that is all link is a menu item or a related-story headline (Sky "More from UK" lists,
// CTV "More News from Sci-Tech"); story paragraphs with a link still have most of their words outside it.
const MIN_LINK_SHARE = 0.9;
const MAX_LINK_BLOCK_WORDS = 25;

export interface CleanedHtml extends CleanedParts {
  outlet: string | null;
  url: string | null;
  diagnostics: Diagnostic[];
}

/** An HTML page (or fragment): metadata from the head, main content from the body, then the block filter. */
export function cleanHtml(html: string, knownTitle: string | null = null): CleanedHtml {
  const { document, jsonLd } = parsePage(html);
  const metadata = readMetadata(document, jsonLd);
  const body = extractBody(document);
  const findings = filterBlocks(body.blocks.map((b) => b.text));
  const title = knownTitle ?? metadata.title ?? (body.title ? normalizeBlock(body.title) : null);
  const removed = [...body.removed, ...findings.removed];
  const paragraphs: string[] = [];
  const repeatsTitle = headlineMatcher(title);
  for (const index of findings.kept) {
    const { text, linkShare } = body.blocks[index];
    if (repeatsTitle(text)) removed.push({ text, reason: 'repeated-title' });
    else if (linkShare >= MIN_LINK_SHARE && text.split(' ').length <= MAX_LINK_BLOCK_WORDS) removed.push({ text, reason: 'link-list' });
    else paragraphs.push(text);
  }
  return {
    title,
    paragraphs,
    removed,
    publishedAt: metadata.publishedAt ?? findings.publishedAt,
    credits: findings.credits,
    // A JSON-LD author that is the outlet itself (an Organization) comes after a person byline seen in the text.
    byline: metadata.byline ?? findings.byline ?? metadata.organizationByline,
    outlet: metadata.outlet,
    url: metadata.url,
    diagnostics: [
      ...(body.method === 'whole-page'
        ? [{ ruleId: 'clean/whole-page', message: `page nests elements over ${MAX_READABILITY_DEPTH} deep (malformed HTML); kept the text of the whole page without menus and boxes` }]
        : []),
      // Which source gave the publication date, so a reader can judge it (JSON-LD, a meta tag, the URL ...).
      ...(metadata.publishedAt && metadata.publishedAtSource ? [{ ruleId: 'clean/date-source', message: `publication date from ${metadata.publishedAtSource}` }] : []),
    ],
  };
}
