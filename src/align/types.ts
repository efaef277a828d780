import type { Span } from '../annotate/types.js';

/** A sentence of the story, addressed by article and index into that Doc's sentences. */
export interface SentenceRef extends Span {
  sentenceIndex: number;
}

/** A claim of the story: article, sentence and index into that Doc's claims; start/end are the claim's words. */
export interface ClaimRef extends SentenceRef {
  claimIndex: number;
}

/** Claims from different articles that report the same thing and agree on every slot both fill. */
export interface FactGroup {
  id: string;
  /** The member whose wording is most central to the group; the fact's text is its claim text. */
  representative: ClaimRef;
  members: ClaimRef[];
  /** Mean term cosine of members to each other (1 for a single member). */
  cohesion: number;
  /** What the matched claims share, and the mean pair-scorer probability of the agreeing pairs. */
  evidence: {
    similarity: number;
    sharedEntities: string[];
    sharedNumbers: string[];
    sharedDates: string[];
    sharedPredicates: string[];
  };
}
