import type { DateValue, Range } from '../types.js';
import type { Ymd } from './calendar.js';

/** Where an expression sits on the calendar: one value, and the exact bounds when it spans more than its value says. */
export interface Placement {
  value: DateValue | null;
  range?: { start: DateValue; end: DateValue };
  /**
   * The day itself is counted from the anchor day ("Sunday", "yesterday", "tonight"), not written in the text. Against
   * a date borrowed from the story such a day is a guess: the undated article may be from any day around it, and a
   * weekday silently lands a week off (an article of Monday 2 October read against Saturday 30 September puts its
   * "on Sunday" on 24 September).
   */
  dayFromAnchor?: boolean;
}

/** A time expression found in the text, before it is placed against any anchor. */
export interface TimeExpression extends Range {
  text: string;
  /** Names no calendar period ("in recent months", "now"): never gets a value. */
  vague: boolean;
  /** The placement the text alone gives ("in 2008", "Sept. 24, 2023"), or null when an anchor is needed. */
  absolute: Placement | null;
  /** Places a relative expression ("Friday", "last month") against an anchor day. */
  place?: (anchor: Ymd) => Placement | null;
  /** Which detector found it; merging prefers the longer expression, then the detector listed first. */
  source: 'rule' | 'chrono';
}
