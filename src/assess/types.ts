// What the assess stage finds across a story's articles; the dossier contract includes these shapes as they are.
import type { Span } from '../annotate/types.js';

export interface TimelineEntry {
  date: string;
  text: string;
  sources: Span[];
  /** True when a relative date was placed using a date borrowed from the story, not the article's own. */
  storyAnchored?: boolean;
}

export interface DisputeSide {
  /** Whether this side asserts the disputed thing or denies it; for number/date/place disputes, "claim". */
  stance: 'claim' | 'denial';
  /** The side's claim as written: a minimal span of its sentence. */
  text: string;
  /** Story entity id of who makes this side's claim (the claimant or the denier), or null. */
  by: string | null;
  byName: string | null;
  sources: Span[];
  /** For number, date and place disputes: the value this side gives ("600", "2023-04", "Banjska"). */
  value?: string;
  /** Outlets (or origins) of the sources. */
  reportedBy?: string[];
  /**
   * For date disputes: true when this side's date is a relative one ("on Sunday") placed with a date
   * borrowed from the story because its article has none, so the disagreement may be an artefact.
   */
  storyAnchored?: boolean;
}

export interface Dispute {
  about: string;
  kind: 'denial' | 'number' | 'date' | 'place';
  sides: DisputeSide[];
  /** Why the sides were taken to be about the same thing. */
  why?: MatchEvidence;
}

export interface NumberChange {
  what: string;
  /** Values in time order; a change over time, not a contradiction. */
  values: { value: number; date: string | null; span: Span }[];
}

export interface Provenance {
  from: string;
  to: string;
  kind: 'copy' | 'rewrite' | 'credit';
  score: number;
}

/**
 * Why a fact's (or dispute's) claims were taken to report the same thing: the evidence the matcher used,
 * so a reader can check it. Entities are story entity names; numbers are "value kind" strings.
 */
export interface MatchEvidence {
  /** Mean probability, 0..1, from the claim-pair scorer (trained on MSRP) over the matched pairs; 1 for a single claim. */
  similarity: number;
  /** Story entities every matched claim names (resolved: "Vucic" = "Aleksandar Vucic"). */
  sharedEntities: string[];
  /** Quantities the claims agree on, e.g. "3 attacker (kill)". */
  sharedNumbers: string[];
  /** Calendar dates ("YYYY", "YYYY-MM" or "YYYY-MM-DD") the claims agree on. */
  sharedDates: string[];
  /** Predicate lemmas the claims share or that are synonyms ("kill"). */
  sharedPredicates: string[];
  /** One plain sentence for reports: "same entities (Kosovo, Serbia), same number (3 attacker), similarity 0.82". */
  summary: string;
}

/**
 * Articles that count as one independent source, and why: one copies or rewrites another, they share a
 * wire credit, or they come from the same outlet. Every article is in exactly one group.
 */
export interface SourceGroup {
  id: string;
  articles: string[];
  /** Reasons the articles were joined, each naming its articles ("002 and 004 share the wire credit AP", "003 copies 001"); empty for one article. */
  reasons: string[];
}

