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
  /** Whether this side asserts the disputed thing or denies it; for number/date disputes, "claim". */
  stance: 'claim' | 'denial';
  text: string;
  by: string | null;
  byName: string | null;
  sources: Span[];
}

export interface Dispute {
  about: string;
  kind: 'denial' | 'number' | 'date';
  sides: DisputeSide[];
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
