// Lookups that keep the quotes layer linear (or n log n) in the size of a sentence. Each stage used to ask
// "does anything already found overlap these words?" or "how many words lie between i and j?" with a scan, once
// per cue or per token; a 25 KB sentence of "The minister said that the army ..." repeated has ~800 cues and made
// those scans quadratic to cubic (about a minute). These answer the same questions exactly, in O(log n) or O(1).
import type { Token } from './phrases.js';

interface Range {
  start: number;
  end: number;
}

/** A fixed set of character ranges, answering overlap and containment questions in O(log n). */
export class RangeIndex {
  private readonly starts: number[];
  /** maxEnd[k]: the largest end among the k+1 ranges with the smallest starts. */
  private readonly maxEnd: number[];

  constructor(ranges: readonly Range[]) {
    const sorted = [...ranges].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((r) => r.start);
    this.maxEnd = [];
    let max = -Infinity;
    for (const r of sorted) {
      max = Math.max(max, r.end);
      this.maxEnd.push(max);
    }
  }

  /** Number of ranges whose start is below `at` (strictly, or at most `at` when `inclusive`). */
  private countStartingBefore(at: number, inclusive: boolean): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < at || (inclusive && this.starts[mid] === at)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** True when some range shares a character with [start, end): `r.start < end && r.end > start`. */
  overlaps(start: number, end: number): boolean {
    const k = this.countStartingBefore(end, false);
    return k > 0 && this.maxEnd[k - 1] > start;
  }

  /** True when some range covers all of [start, end): `r.start <= start && r.end >= end`. */
  contains(start: number, end: number): boolean {
    const k = this.countStartingBefore(start, true);
    return k > 0 && this.maxEnd[k - 1] >= end;
  }
}

const WORD_TOKEN = /[\p{L}\p{N}]/u;
const wordPrefixes = new WeakMap<Token[], Int32Array>();

/** Number of tokens in [from, to) that hold a letter or digit; O(1) after one pass over the tokens. */
export function countWords(tokens: Token[], from: number, to: number): number {
  let prefix = wordPrefixes.get(tokens);
  if (!prefix) {
    prefix = new Int32Array(tokens.length + 1);
    for (let i = 0; i < tokens.length; i++) prefix[i + 1] = prefix[i] + (WORD_TOKEN.test(tokens[i].text) ? 1 : 0);
    wordPrefixes.set(tokens, prefix);
  }
  if (to <= from) return 0;
  return prefix[Math.min(to, tokens.length)] - prefix[Math.max(0, from)];
}

/** One past the last token that ends at or before `offset` (tokens are in text order and do not overlap). */
export function tokensEndingBy(tokens: Token[], from: number, offset: number): number {
  let lo = from;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
