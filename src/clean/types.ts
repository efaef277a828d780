import type { Diagnostic } from '../diagnostics.js';

export interface RemovedPiece {
  text: string;
  /** Why it was removed, e.g. "advertisement", "cookie-banner", "rewrite-artefact". */
  reason: string;
}

/** An article after cleaning. `text` is immutable from here on: every Span points into it. */
export interface Article {
  id: string;
  origin: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  /** ISO date or datetime, or null when unknown. */
  publishedAt: string | null;
  byline: string | null;
  /** Wire and source credits, e.g. ["AP", "AFP", "dpa", "Reuters"] or ["BBC"]. */
  credits: string[];
  /** The story text, paragraphs separated by a blank line ("\n\n"). Title excluded. */
  text: string;
  removed: RemovedPiece[];
  diagnostics: Diagnostic[];
}
