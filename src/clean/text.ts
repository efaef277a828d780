import type { RemovedPiece } from './types.js';
import { filterBlocks, headlineMatcher } from './blocks.js';
import { normalizeBlock } from './normalize.js';

/** A headline is a short line; longer lines are lead paragraphs even without a final period. */
const MAX_TITLE_WORDS = 30;
const MAX_TITLE_CHARS = 250;

export interface CleanedParts {
  title: string | null;
  paragraphs: string[];
  removed: RemovedPiece[];
  publishedAt: string | null;
  credits: string[];
  byline: string | null;
}

interface Line {
  text: string;
  /** Position among the non-empty lines of the input. */
  index: number;
  /** A blank line precedes it in the input (a paragraph break). */
  blankBefore: boolean;
}

function splitLines(content: string): Line[] {
  const lines: Line[] = [];
  let blank = true;
  for (const raw of content.replace(/\r\n?/g, '\n').split('\n')) {
    const text = normalizeBlock(raw);
    if (text === '') {
      blank = true;
      continue;
    }
    lines.push({ text, index: lines.length, blankBefore: blank });
    blank = false;
  }
  return lines;
}

/** A short capitalized line without final sentence punctuation: "Belgrade denies US claims of ... near Kosovo". */
export function looksLikeTitle(line: string): boolean {
  if (line.length > MAX_TITLE_CHARS || line.split(/\s+/).length > MAX_TITLE_WORDS) return false;
  if (/[.!?;,:…]["'”’»)]*$/.test(line) && !/\b(U\.S|U\.K|Inc|Jr|St)\.$/.test(line)) return false;
  return /^["'“‘«(]?[\p{Lu}\p{N}]/u.test(line);
}

/** Hard-wrapped plain text: a line that continues the previous sentence starts in lower case. */
function continuesPrevious(previous: Line, line: Line): boolean {
  return !line.blankBefore && line.index === previous.index + 1 && !/[.!?:"”’)]$/.test(previous.text) && /^\p{Ll}/u.test(line.text);
}

/**
 * Plain text: every line is judged on its own (copied pages put header lines one under another without blank
 * lines), then kept lines are regrouped into paragraphs. The first kept line is the title when it looks like
 * one and more text follows; later copies of the title are removed as "repeated-title".
 */
export function cleanPlainText(content: string, knownTitle: string | null): CleanedParts {
  const lines = splitLines(content);
  const findings = filterBlocks(lines.map((l) => l.text));
  let kept = findings.kept.map((i) => lines[i]);
  const removed = [...findings.removed];

  let title = knownTitle;
  if (title === null && kept.length > 1 && looksLikeTitle(kept[0].text)) {
    title = kept[0].text;
    kept = kept.slice(1);
  }
  const repeatsTitle = headlineMatcher(title);
  kept = kept.filter((line) => {
    if (!repeatsTitle(line.text)) return true;
    removed.push({ text: line.text, reason: 'repeated-title' });
    return false;
  });

  const paragraphs: string[] = [];
  let previous: Line | null = null;
  for (const line of kept) {
    if (previous && continuesPrevious(previous, line)) paragraphs[paragraphs.length - 1] += ` ${line.text}`;
    else paragraphs.push(line.text);
    previous = line;
  }
  return { title, paragraphs, removed, publishedAt: findings.publishedAt, credits: findings.credits, byline: findings.byline };
}
