import type { Article } from '../clean/types.js';
import type { Diagnostic } from '../diagnostics.js';

/** A character range in one article's cleaned text: text.slice(start, end). */
export interface Span {
  articleId: string;
  start: number;
  end: number;
}

/** A range inside the article being annotated (the article id is implied). */
export interface Range {
  start: number;
  end: number;
}

export type EntityType = 'person' | 'organization' | 'place' | 'other';

export interface Sentence extends Range {
  /** Index of the paragraph (blank-line separated block) the sentence sits in. */
  paragraph: number;
}

export interface Mention extends Range {
  /** The words as written, e.g. "Serbian Defense Minister Milos Vucevic" is split: text "Milos Vucevic". */
  text: string;
  type: EntityType;
  /** Role or title written next to the name ("Defense Minister"), kept apart from the name. */
  role?: string;
}

export interface QuoteAnnotation extends Range {
  /** Quoted words, without the quote marks. */
  text: string;
  /** Speaker as a name found in the article (full form when resolvable), or null. */
  speakerName: string | null;
  /** The mention the speaker was resolved to, when there is one. */
  speakerMention: Range | null;
  /** The cue that attributes the quote ("said", "told reporters", "according to"). */
  cue: string | null;
  /** True for a quoted fragment inside a reported sentence. */
  partial: boolean;
  /** False for reported speech without quote marks ("X said that ..."); true or absent for quoted words. */
  direct?: boolean;
  /** The words at the cue that name the source as written ("he", "the spokesman", "Kirby"), when found. */
  speakerRange?: Range | null;
  /**
   * What the cue reports: speech ("said", "told", "according to", and direct quotes), a belief ("thinks", "fears",
   * "seemed"), an intention ("wants to", "plans to"), evidence ("a poll shows") or a stance ("supports", "called for").
   * "Who said what" views keep direct quotes and speech; absent when the cue is unknown.
   */
  cueKind?: QuoteCueKind;
}

export type QuoteCueKind = 'speech' | 'belief' | 'intention' | 'evidence' | 'stance';

export interface QuantityAnnotation extends Range {
  value: number;
  /** What is counted, e.g. "troops", "soldiers", "police officer". */
  what: string;
  /** Hedge written before the number, lowercase ("approximately", "over", "at least"), when there is one. */
  qualifier?: string;
  /**
   * What is counted, normalised so that different words for one kind of thing compare equal: "gunmen",
   * "assailants", "attackers", "rebels" -> "attacker"; "troops", "soldiers" -> "soldier"; "$22 million" -> "usd".
   * Absent when the quantity counts nothing worth comparing across articles.
   */
  kind?: string;
  /**
   * What happened to what is counted, as a lemma of the clause's predicate: "killed", "lost their lives",
   * "the death of" -> "kill"; "deployed", "sent" -> "deploy". Absent when the number has no event.
   */
  event?: string;
  /** The entity that owns or fields the counted thing ("KFOR" for "KFOR's 4,500 troops"), as written. */
  owner?: Range;
  /**
   * False for numbers that say nothing to compare across outlets: ordinals and enumerations ("one of the",
   * "two countries" in "the two countries"), and parts of names. Absent means informative.
   */
  informative?: boolean;
}

export type DateValue = string; // "YYYY" | "YYYY-MM" | "YYYY-MM-DD"

export interface TimeAnnotation extends Range {
  text: string;
  /** Calendar value, or null when the expression could not be placed. */
  value: DateValue | null;
  /** What the value rests on: the text alone, the publication date, or a date borrowed from the story. */
  anchor: 'absolute' | 'publication' | 'story' | null;
  /** Exact bounds when the expression spans more than its value says ("1998-99", "last week", "the 1990s"). */
  range?: { start: DateValue; end: DateValue };
  /** Names no calendar period ("in recent months", "now"): value stays null however it is anchored. */
  vague?: boolean;
}

/** Whether a claim is asserted as true, negated within itself ("did not deploy"), or denied by its source. */
export type ClaimPolarity = 'affirmed' | 'negated' | 'denied';

/**
 * How the claim is put: as fact in the outlet's own voice, reported from a source ("X said"), alleged
 * ("allegedly", "accused of"), planned/intended ("plans to", "will"), or hedged ("may", "reportedly").
 */
export type ClaimModality = 'asserted' | 'reported' | 'alleged' | 'planned' | 'future' | 'hedged';

/**
 * One proposition inside a sentence: the unit facts are made of. A sentence holds one or more claims
 * (coordinated and subordinate clauses, reported-speech content, appositions that carry a fact). The
 * claim's own range (start/end) is a minimal trimmed span of its sentence that states it; every slot is a
 * range inside the article's text (mostly inside the claim's range; the source and cue may sit outside it,
 * elsewhere in the sentence, e.g. "Vucic denied [that Serbia was building up troops]").
 */
export interface ClaimAnnotation extends Range {
  /** Index into Doc.sentences of the sentence holding the claim. */
  sentence: number;
  /** Who asserts it as written ("Kirby", "the White House", "he"); null when the outlet says it in its own voice. */
  source: Range | null;
  /** The source's name when resolvable (from the quote layer), else null. */
  sourceName: string | null;
  /** The attribution, denial or claim cue ("said", "denied", "accused") when there is one. */
  cue: Range | null;
  /** The main verb or event noun of the claim and its lemma ("killed" -> "kill", "death" -> "kill"). */
  predicate: { range: Range; lemma: string } | null;
  /** Entity mentions taking part (indexes into Doc.mentions), source excluded. */
  participants: number[];
  /** Quantities stated in the claim (indexes into Doc.quantities). */
  quantities: number[];
  /** Time expressions of the claim (indexes into Doc.times). */
  times: number[];
  /** Place mentions of the claim (indexes into Doc.mentions, type place). */
  places: number[];
  polarity: ClaimPolarity;
  modality: ClaimModality;
}

/** One article with its annotation layers; every layer's offsets point into article.text. */
export interface Doc {
  article: Article;
  sentences: Sentence[];
  mentions: Mention[];
  quotes: QuoteAnnotation[];
  quantities: QuantityAnnotation[];
  times: TimeAnnotation[];
  /** Claims of each statement sentence, in text order; empty until the claims layer has run. */
  claims: ClaimAnnotation[];
  diagnostics: Diagnostic[];
}
