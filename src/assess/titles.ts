// Titles cut from a sentence (a dispute's "about" is its claim's words) must read as text: a claim that ends
// inside a quotation ('The last week has seen a "large Serbian military deployment along the border with
// Kosovo') or a parenthesis ('posted drone images on X (formerly Twitter') would show an opening mark with no
// closing one.

/** Mark pairs a title keeps balanced. Single quotes are left alone: ’ is far more often an apostrophe. */
const PAIRS: [string, string][] = [
  ['“', '”'],
  ['(', ')'],
  ['[', ']'],
];

/** Fewer words than this after an unclosed mark and the mark is cut with them instead of closed ('Kirby said "'). */
const MIN_WORDS_TO_CLOSE = 2;

const wordCount = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/**
 * `text` with every quotation mark and bracket balanced: an opening mark left open is closed at the end, or,
 * when fewer than MIN_WORDS_TO_CLOSE words follow it, cut off with what follows it (when that leaves some
 * text); a closing mark with no opener gets one at the start (the quotation began before the cut). A straight
 * double quote opens when it stands before a word and closes otherwise. Text already balanced comes back as is.
 */
export function balancedTitle(text: string): string {
  let out = text.trim();
  if (wordCount(out) === 0) return out;
  // Each kind of mark on its own: the unmatched marks of one kind, by position.
  const kinds: [string, string][] = [...PAIRS, ['"', '"']];
  for (const [open, close] of kinds) {
    const unclosed: number[] = [];
    let unopened = 0;
    for (let i = 0; i < out.length; i++) {
      const c = out[i];
      if (open === close ? c === open && opensStraight(out, i) : c === open) unclosed.push(i);
      else if (c === close) {
        if (unclosed.length) unclosed.pop();
        else unopened++;
      }
    }
    // An opener with too little after it goes, with its words, when something is left before it.
    while (unclosed.length) {
      const at = unclosed[unclosed.length - 1];
      const before = out.slice(0, at).replace(/[\s,;:–—-]+$/u, '');
      if (wordCount(out.slice(at + 1)) >= MIN_WORDS_TO_CLOSE || wordCount(before) === 0) break;
      out = before;
      unclosed.pop();
    }
    if (unclosed.length) out = out.replace(/[\s,;:]+$/u, '') + close.repeat(unclosed.length);
    if (unopened) out = open.repeat(unopened) + out;
  }
  return out;
}

/** A straight double quote at i opens a quotation: at the start or after a space or opener, and before a word. */
function opensStraight(text: string, i: number): boolean {
  const prev = i === 0 ? ' ' : text[i - 1];
  const next = text[i + 1] ?? '';
  return /[\s(\[“—–-]/u.test(prev) && /[\p{L}\p{N}‘“(]/u.test(next);
}
