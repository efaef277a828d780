export type SourceFormat = 'text' | 'html' | 'json';

/** Metadata a source states outright (JSON fields, feed items); `clean` may find more. */
export interface SourceHints {
  title?: string;
  url?: string;
  outlet?: string;
  publishedAt?: string;
  byline?: string;
}

/** One article as read from its source, before any cleaning. */
export interface RawArticle {
  /** Stable id within one run (derived from the origin). */
  id: string;
  /** Input path or URL; JSONL records get "#<line>" appended. */
  origin: string;
  format: SourceFormat;
  /** Plain text, or HTML markup when format is "html". */
  content: string;
  hints: SourceHints;
}

/** A user-facing problem with one input: reported on one line, never a stack trace. */
export interface ReadProblem {
  origin: string;
  reason: string;
}
