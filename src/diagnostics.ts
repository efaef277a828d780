/** A problem found while processing one article: attached to it, never thrown (vfile-style). */
export interface Diagnostic {
  /** Stable rule id, e.g. "quote/no-speaker" or "time/unanchored". */
  ruleId: string;
  message: string;
  /** Character range in the article's cleaned text, when the problem has a place. */
  start?: number;
  end?: number;
}
