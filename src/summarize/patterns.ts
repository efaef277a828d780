// Heuristic patterns of the summarize stage, kept as data in one place.

/**
 * A sentence that opens with a quote mark is mostly somebody's words, not the reporter's account
 * (AP/NYT style: ``We will never accept it,'' the minister said.).
 */
export const OPENS_WITH_QUOTE = /^\s*(?:``|"|“|'|‘)/;

/** Questions ("What happens next?") and teasers are not statements of fact. */
export const QUESTION = /\?\s*(?:['"”’]|'')?\s*$/;

/** A real sentence ends in terminal punctuation, possibly followed by a closing quote; headlines and subheads do not. */
export const TERMINAL = /[.!?](?:\s*(?:['"”’)]|''))*\s*$/;

/** Wire datelines at the start of a story: "PHNOM PENH, Cambodia (AP) --", "WASHINGTON (Reuters) -". */
export const DATELINE = /^[A-Z][A-Z.'\- ]+(?:,\s*[A-Z][A-Za-z.\- ]+)?\s*(?:\([A-Za-z]+\))?\s*(?:--|—|–|-|_)\s*/;

/**
 * Leading phrases that can be dropped without changing the fact (when trimming is on): time adverbials and
 * connectives that point at an earlier sentence of the same article ("On Monday,", "In a statement,", "However,").
 */
export const LEADING_TRIM = [
  /^(?:On|Late|Early|Earlier|By|As of|Since|Until)\s+(?:[A-Z][a-z]+day|[A-Z][a-z]+\.?\s+\d{1,2}|last\s+\w+|this\s+\w+)[^,]{0,20},\s+/,
  /^(?:However|Meanwhile|Also|Still|Instead|Nevertheless|In addition|In a statement|In an interview|At the same time),\s+/,
];

/**
 * Trailing attribution clauses that can be dropped (when trimming is on): ", officials said Thursday." The kept
 * span then ends before the comma, so it stays a verbatim substring of the source.
 */
export const TRAILING_ATTRIBUTION =
  /,\s+(?:(?:he|she|they|officials?|police|the \w+(?: \w+)?|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}) (?:said|says|reported|added|told reporters)|according to [^,]{3,40})(?: (?:on )?\w+day)?\s*\.\s*$/;

/**
 * Sentences that open with a pronoun or a pointer to an earlier sentence ("They have given themselves...",
 * "These were among...", "One would require...") lean on context the summary does not carry.
 */
export const DANGLING_START = /^(?:He|She|It|They|These|Those|This|That|His|Her|Its|Their|One|Both|Such|The two|But|And|So|Then|Also)\b/;
