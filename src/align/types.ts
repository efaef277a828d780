import type { Span } from '../annotate/types.js';

/** A sentence of the story, addressed by article and index into that Doc's sentences. */
export interface SentenceRef extends Span {
  sentenceIndex: number;
}

/** Sentences from different articles that report the same fact. */
export interface FactGroup {
  id: string;
  /** The member whose wording is most central to the group; the fact's text is its source text. */
  representative: SentenceRef;
  members: SentenceRef[];
  /** Mean similarity of members to the representative (1 for a single member). */
  cohesion: number;
}
