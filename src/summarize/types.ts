import type { Range, Span } from '../annotate/types.js';

/** One article as the summarizer sees it: cleaned text, its sentence ranges and its date. */
export interface SummaryDocument {
  id: string;
  text: string;
  sentences: Range[];
  /** ISO date or datetime; orders the summary chronologically. */
  publishedAt: string | null;
}

/**
 * One fact as the align stage matched it across articles: the spans of its reports (whole sentences, or claims,
 * i.e. minimal spans of sentences) and how many independent sources they come from (copies count once).
 * Facts of a single source may be passed too: they tell the summary that a sentence's repeats are copies.
 */
export interface SupportGroup {
  spans: Span[];
  independentSources: number;
}

/** One side of a dispute: an assertion or its denial (number/date/place disagreements have only "claim" sides). */
export interface SummaryDisputeSide {
  stance: 'claim' | 'denial';
  /** Spans (sentences or claims) that state this side. */
  sources: Span[];
}

/** A dispute of the story (from the assess stage): the summary states both sides, or a sentence reporting it. */
export interface SummaryDispute {
  kind: string;
  sides: SummaryDisputeSide[];
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
