import type { RawArticle } from '../read/types.js';
import type { Article } from './types.js';
import { cleanPlainText } from './text.js';
import { cleanHtml } from './html.js';
import { joinParagraphs, normalizeBlock } from './normalize.js';
import { normalizeDate } from './dates.js';
import type { Diagnostic } from '../diagnostics.js';
import { NoArticleTextError } from './errors/no-article-text-error.js';

/** A field the source stated, cleaned like a paragraph; null when absent or nothing is left. */
function stated(value: string | undefined): string | null {
  if (value === undefined) return null;
  return normalizeBlock(value) || null;
}

/**
 * Story text and metadata of one raw article. Hints the source stated outright (JSON fields) win over what
 * the page says; nothing is invented (plain text usually has no outlet: null). Throws NoArticleTextError when
 * nothing of a story remains, so the caller can report "<origin>: no article text found".
 *
 * The text keeps every sentence of the story, including subheads ("Claims rejected"), which stay as their own
 * paragraphs: they are story structure, not junk. The title is not part of the text. Paragraphs are separated
 * by exactly "\n\n", whitespace inside them is collapsed, and every removed piece is listed with its reason.
 */
export function cleanArticle(raw: RawArticle): Article {
  const hintTitle = raw.hints.title ? normalizeBlock(raw.hints.title) : null;
  const parts = raw.format === 'html' ? cleanHtml(raw.content, hintTitle) : { ...cleanPlainText(raw.content, hintTitle), outlet: null, url: null, diagnostics: [] };
  const text = joinParagraphs(parts.paragraphs);
  if (text === '') throw new NoArticleTextError(raw.origin);
  const diagnostics: Diagnostic[] = [...parts.diagnostics];
  let publishedAt = parts.publishedAt;
  if (raw.hints.publishedAt) {
    const stated = normalizeDate(raw.hints.publishedAt);
    if (stated) publishedAt = stated;
    else diagnostics.push({ ruleId: 'clean/unreadable-date', message: `publication date "${raw.hints.publishedAt}" is not a date; ${publishedAt ? 'used the one in the text' : 'left unknown'}` });
  }
  return {
    id: raw.id,
    origin: raw.origin,
    // Stated fields reach terminals and reports like the text does, so they lose control characters too.
    url: stated(raw.hints.url) ?? parts.url,
    outlet: stated(raw.hints.outlet) ?? parts.outlet,
    title: hintTitle ?? parts.title,
    publishedAt,
    byline: stated(raw.hints.byline) ?? parts.byline,
    credits: parts.credits,
    text,
    removed: parts.removed,
    diagnostics,
  };
}
