import { CLOSING_MARKS, OPENING_MARKS, STRAIGHT_MARK } from './cues.js';

/** One pair of double quote marks (or an opening mark left open to the end of its paragraph). */
export interface QuotedSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark (or the paragraph end when left open). */
  close: number;
  /** The quoted words without marks: text.slice(start, end), trimmed. */
  start: number;
  end: number;
  paragraph: number;
  /** True when the paragraph ended before a closing mark: news style for a quote running on into the next paragraph. */
  runsOn: boolean;
}

/**
 * Rewrites doubled apostrophes used as double quote marks (New York Times copy: ''We're in the people-pleasing
 * business,'' he said) into curly marks of the same total length, so that offsets are unchanged: an opening '' becomes
 * " “" and a closing '' becomes "” ".
 */
export function normalizeDoubledApostrophes(text: string): string {
  if (!text.includes("''")) return text;
  return text.replace(/(?<!')''(?!')/g, (_m, at: number) => {
    const before = at > 0 ? text[at - 1] : ' ';
    const after = text[at + 2] ?? ' ';
    const opens = /[\s([{—–\-\/:]/.test(before) && !/\s/.test(after);
    return opens ? ' “' : '” ';
  });
}

const BLANK_LINE = /\n[ \t]*\n/g;

/** Paragraph ranges of a cleaned text (blank-line separated), in order. */
export function paragraphRanges(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (const match of text.matchAll(BLANK_LINE)) {
    out.push({ start, end: match.index ?? 0 });
    start = (match.index ?? 0) + match[0].length;
  }
  out.push({ start, end: text.length });
  return out;
}

// A straight mark opens when nothing word-like stands right before it and something word-like follows.
function straightOpens(text: string, at: number, lineStart: number, lineEnd: number): boolean {
  const before = at > lineStart ? text[at - 1] : ' ';
  const after = at + 1 < lineEnd ? text[at + 1] : ' ';
  const spaceBefore = /[\s([{—–\-\/:]/.test(before);
  const spaceAfter = /\s/.test(after) || /[.,;:!?)]/.test(after);
  if (spaceBefore && !spaceAfter) return true;
  if (!spaceBefore && spaceAfter) return false;
  return spaceBefore; // ambiguous both ways: guess from the left side
}

function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/**
 * Pairs double quote marks paragraph by paragraph. Curly marks say which way they face; straight marks are
 * decided by the spaces around them. A mark that opens and is never closed runs to the paragraph end.
 */
export function findQuotedSpans(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  paragraphRanges(text).forEach((para, paragraph) => {
    let pendingOpen = -1;
    const push = (open: number, closeMark: number, closeEnd: number, runsOn: boolean): void => {
      const inner = trimmed(text, open + 1, closeMark);
      if (inner.end > inner.start) spans.push({ open, close: closeEnd, ...inner, paragraph, runsOn });
    };
    for (let i = para.start; i < para.end; i++) {
      const ch = text[i];
      let opens: boolean;
      if (OPENING_MARKS.has(ch)) opens = true;
      else if (CLOSING_MARKS.has(ch)) opens = false;
      else if (ch === STRAIGHT_MARK) opens = pendingOpen < 0 ? straightOpens(text, i, para.start, para.end) : false;
      else continue;
      // A curly opening mark while one is pending: typographers sometimes write “ for both; read it as closing
      // when it is glued to the word before it.
      if (opens && pendingOpen >= 0 && i > para.start && /[\p{L}\p{N}.,!?]/u.test(text[i - 1])) opens = false;
      if (opens) {
        if (pendingOpen >= 0) push(pendingOpen, i, i, true);
        pendingOpen = i;
      } else if (pendingOpen >= 0) {
        push(pendingOpen, i, i + 1, false);
        pendingOpen = -1;
      }
    }
    if (pendingOpen >= 0) push(pendingOpen, para.end, para.end, true);
  });
  return spans;
}
