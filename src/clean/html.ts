import type { CleanedParts } from './text.js';
import type { RemovedPiece } from './types.js';
import { filterBlocks, headlineMatcher, type BlockFindings } from './blocks.js';
import { parsePage } from './html/parse.js';
import { isFallbackDateSource, readMetadata } from './html/metadata.js';
import { extractBody } from './html/extract.js';
import type { HtmlBlock } from './html/blocks.js';
import { bylineFromRemoved, bylineLine, dateFromRemoved, visibleByline } from './html/visible-metadata.js';
import { ARTICLE_BODY_RULE, articleBodyParagraphs, completesTeaser, keptLockedChars, lockedParagraphs, sameStory, teaserOnly } from './html/teaser.js';
import { joinParagraphs, normalizeBlock } from './normalize.js';
import type { Diagnostic } from '../diagnostics.js';

// A short block that is all link is a menu item or a related-story headline (Sky "More from UK" lists,
// CTV "More News from Sci-Tech"); story paragraphs with a link still have most of their words outside it.
const MIN_LINK_SHARE = 0.9;
const MAX_LINK_BLOCK_WORDS = 25;
/** A byline line sits above the story: only the first kept paragraphs are checked for one. */
const BYLINE_LINE_BLOCKS = 2;

export interface CleanedHtml extends CleanedParts {
  outlet: string | null;
  url: string | null;
  diagnostics: Diagnostic[];
}

/** Story paragraphs of some blocks after the block filter, what was removed, and what the filter learned. */
interface StoryBlocks {
  paragraphs: string[];
  removed: RemovedPiece[];
  findings: BlockFindings;
}

function storyBlocks(blocks: HtmlBlock[], title: string | null): StoryBlocks {
  const findings = filterBlocks(blocks.map((b) => b.text));
  const removed = [...findings.removed];
  const paragraphs: string[] = [];
  const repeatsTitle = headlineMatcher(title);
  for (const index of findings.kept) {
    const { text, linkShare } = blocks[index];
    // A dated byline opening the story ("By Jamie Byliner March 18 at 9:00 AM") names the author; it is no story.
    const dated = paragraphs.length < BYLINE_LINE_BLOCKS ? bylineLine(text) : null;
    if (repeatsTitle(text)) removed.push({ text, reason: 'repeated-title' });
    else if (linkShare >= MIN_LINK_SHARE && text.split(' ').length <= MAX_LINK_BLOCK_WORDS) removed.push({ text, reason: 'link-list' });
    else if (dated) {
      removed.push({ text, reason: 'byline' });
      findings.byline ??= dated.byline;
      findings.publishedAt ??= dated.publishedAt;
    } else paragraphs.push(text);
  }
  return { paragraphs, removed, findings };
}

/**
 * An HTML page (or fragment): metadata from the head, main content from the body, then the block filter. A
 * visible teaser gives way to the JSON-LD articleBody when that holds the story; a paywalled page with only a
 * teaser is kept and flagged (TEASER_ONLY_RULE). Dates and bylines printed on the page fill what <meta> and
 * JSON-LD leave empty, even when their element was removed as furniture.
 */
export function cleanHtml(html: string, knownTitle: string | null = null): CleanedHtml {
  const { document, jsonLd } = parsePage(html);
  const metadata = readMetadata(document, jsonLd);
  // Read before extraction, which prunes byline boxes (and consumes the DOM); only needed when no person is named.
  const shownByline = metadata.byline ? null : visibleByline(document);
  // The sections the page declares locked, read before extraction: kept in the story, they show it is all there.
  const locked = metadata.paywalled ? lockedParagraphs(document, metadata.paywallSelectors) : [];
  const body = extractBody(document, { title: metadata.title });
  const title = knownTitle ?? metadata.title ?? (body.title ? normalizeBlock(body.title) : null);
  const visible = storyBlocks(body.blocks, title);
  const removed = [...body.removed, ...visible.removed];
  const diagnostics: Diagnostic[] = [
    ...(body.method === 'whole-page'
      ? [{ ruleId: 'clean/whole-page', message: `${body.wholePageReason ?? 'page too deep for main-content extraction'}; kept the text of the whole page without menus and boxes` }]
      : []),
    // Problems the extractor found (written so it typechecks whether or not ExtractedBody declares them).
    ...((body as { diagnostics?: Diagnostic[] }).diagnostics ?? []),
  ];

  // Truncated or paywalled pages: the JSON-LD articleBody is the story when the visible text is its teaser.
  let story = visible;
  let credits = visible.findings.credits;
  // Length of an articleBody of this story that was not used: how long the page says its story is.
  let articleBodyChars: number | null = null;
  if (metadata.articleBody) {
    const fromLd = storyBlocks(articleBodyParagraphs(metadata.articleBody).map((text) => ({ text, linkShare: 0 })), title);
    if (completesTeaser(visible.paragraphs, fromLd.paragraphs)) {
      const shown = joinParagraphs(visible.paragraphs).length;
      removed.push(...visible.paragraphs.map((text) => ({ text, reason: 'teaser' })), ...fromLd.removed);
      story = fromLd;
      credits = [...new Set([...visible.findings.credits, ...fromLd.findings.credits])];
      diagnostics.push({ ruleId: ARTICLE_BODY_RULE, message: `story text from JSON-LD articleBody: the page shows only ${shown} characters of it` });
    } else if (fromLd.paragraphs.length > 0 && sameStory(visible.paragraphs, fromLd.paragraphs)) {
      articleBodyChars = joinParagraphs(fromLd.paragraphs).length;
    }
  }
  const text = joinParagraphs(story.paragraphs);
  const teaser = teaserOnly({
    paywalled: metadata.paywalled,
    text,
    wordCount: metadata.wordCount,
    removed,
    fromArticleBody: story !== visible,
    articleBodyChars,
    lockedChars: keptLockedChars(locked, text),
  });
  if (teaser) diagnostics.push(teaser);

  // Publication date: <meta>/JSON-LD/markup first; then a date stamp in the text or in removed furniture (RNZ
  // <div class="date">12.10.2015, 19:16 Uhr</div>); the URL path and modification dates only after those. A
  // stamp on another day than the URL's is more likely an "updated" line, so the URL keeps its day then.
  const lineDate = visible.findings.publishedAt ?? story.findings.publishedAt;
  const furnitureDate = lineDate ? null : dateFromRemoved(removed);
  const seenDate = lineDate ?? furnitureDate;
  let publishedAt = metadata.publishedAt;
  let dateSource = metadata.publishedAtSource;
  const weak = publishedAt === null || isFallbackDateSource(dateSource);
  if (seenDate && weak && !(dateSource === 'url' && publishedAt && !seenDate.startsWith(publishedAt.slice(0, 10)))) {
    publishedAt = seenDate;
    dateSource = lineDate ? 'a date line in the text' : 'a date removed as page furniture';
  }
  // Which source gave the publication date, so a reader can judge it (JSON-LD, a meta tag, the URL ...).
  if (publishedAt && dateSource) diagnostics.push({ ruleId: 'clean/date-source', message: `publication date from ${dateSource}` });

  return {
    title,
    paragraphs: story.paragraphs,
    removed,
    publishedAt,
    credits,
    // A person named in <meta>/JSON-LD, then a "By" line in the text, then the byline printed on the page (even
    // when pruned as furniture: Washington Post "By Jamie Byliner March 18 at 3:57 PM"); an author that is the
    // outlet itself (an Organization, DW's "Deutsche Welle (www.dw.com)") comes last.
    byline:
      metadata.byline ??
      visible.findings.byline ??
      shownByline ??
      bylineFromRemoved(removed) ??
      story.findings.byline ??
      metadata.organizationByline,
    outlet: metadata.outlet,
    url: metadata.url,
    diagnostics,
  };
}
