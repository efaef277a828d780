import type { Range, Span } from '../annotate/types.js';

/** One article as the summarizer sees it: cleaned text, its sentence ranges and its date. */
export interface SummaryDocument {
  id: string;
  text: string;
  sentences: Range[];
  /** ISO date or datetime; orders the summary chronologically. */
  publishedAt: string | null;
}

/** Sentences aligned as one fact across articles (from the align stage). */
export interface SupportGroup {
  spans: Span[];
  independentSources: number;
}

export interface SummaryOptions {
  /** At most this many sentences. Default 8. */
  maxSentences?: number;
  /** At most this many words in total (words = whitespace-separated, as ROUGE counts them), e.g. 100 for DUC. */
  maxWords?: number;
  /** Allow dropping a leading time/connective phrase or a trailing attribution clause. Default false. */
  trim?: boolean;
}

/** A summary sentence: `text` equals the source text of `sources[0]`; the other sources report the same fact. */
export interface SummarySentence {
  text: string;
  sources: Span[];
}
