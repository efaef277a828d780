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

/** One article with its annotation layers; every layer's offsets point into article.text. */
export interface Doc {
  article: Article;
  sentences: Sentence[];
  mentions: Mention[];
  quotes: QuoteAnnotation[];
  quantities: QuantityAnnotation[];
  times: TimeAnnotation[];
  diagnostics: Diagnostic[];
}
