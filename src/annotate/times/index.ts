// Time expressions placed on the calendar: resolveTimes against the publication date, reanchorTimes against a
// date borrowed from the story for what the publication date could not place.
import type { Sentence, TimeAnnotation } from '../types.js';
import { parseDay, type Ymd } from './calendar.js';
import { chronoExpressions } from './dates.js';
import type { TimeExpression } from './expression.js';
import { ruleExpressions } from './rules.js';

export type { Placement, TimeExpression } from './expression.js';
export { FORWARD_MARGIN_DAYS } from './dates.js';

/** Longest expression first; on equal length the hand-written rules win (they carry the news conventions). */
export function findTimeExpressions(text: string, sentences: Sentence[]): TimeExpression[] {
  const all = [...ruleExpressions(text), ...chronoExpressions(text, sentences)];
  const order = (e: TimeExpression) => (e.source === 'rule' ? 0 : 1);
  all.sort((a, b) => (b.end - b.start) - (a.end - a.start) || order(a) - order(b) || a.start - b.start);
  // Characters already taken by a kept expression: checking each candidate against every kept one cost
  // candidates x kept, quadratic on a long article full of dates; expressions are short, so marking is linear.
  const taken = new Uint8Array(text.length + 1);
  const kept: TimeExpression[] = [];
  for (const e of all) {
    if (taken.subarray(e.start, e.end).includes(1)) continue;
    taken.fill(1, e.start, e.end);
    kept.push(e);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function annotate(e: TimeExpression, anchor: Ymd | null, anchorKind: 'publication' | 'story'): TimeAnnotation {
  const base = { start: e.start, end: e.end, text: e.text };
  if (e.vague) return { ...base, value: null, anchor: null, vague: true };
  if (e.absolute) return { ...base, value: e.absolute.value, anchor: 'absolute', ...(e.absolute.range ? { range: e.absolute.range } : {}) };
  const placed = anchor && e.place ? e.place(anchor) : null;
  // A borrowed anchor places what its error stays small against (a month name, "last week"), never a day counted
  // from it: an exact day that is wrong half the time misleads a fact-checker more than no day at all.
  if (!placed || (anchorKind === 'story' && placed.dayFromAnchor)) return { ...base, value: null, anchor: null };
  return { ...base, value: placed.value, anchor: anchorKind, ...(placed.range ? { range: placed.range } : {}) };
}

/**
 * Time expressions of one article with calendar values. Relative expressions ("Friday", "last month") are placed
 * against publishedAt ("YYYY-MM-DD", a longer ISO timestamp is cut to its date); without it they keep value null
 * and anchor null, never a guess. Vague references ("in recent months") are returned with value null and vague set.
 */
export function resolveTimes(text: string, sentences: Sentence[], publishedAt: string | null): TimeAnnotation[] {
  const anchor = publishedAt ? parseDay(publishedAt) : null;
  return findTimeExpressions(text, sentences).map((e) => annotate(e, anchor, 'publication'));
}

/**
 * Places the relative expressions that resolveTimes left unanchored against a date borrowed from the story
 * (storyDate "YYYY-MM-DD"); they get anchor 'story'. A day counted from the anchor (a bare weekday, "yesterday",
 * "tonight") stays unplaced (value null, anchor null): the article's own day is unknown, so that day would be a
 * guess. Month names, weeks, explicit days without a year ("Sept. 24") and years are placed. Everything else is
 * returned unchanged.
 */
export function reanchorTimes(text: string, sentences: Sentence[], times: TimeAnnotation[], storyDate: string): TimeAnnotation[] {
  const anchor = parseDay(storyDate);
  if (!anchor || !times.some((t) => t.anchor === null && !t.vague)) return times;
  const found = new Map(findTimeExpressions(text, sentences).map((e) => [`${e.start}:${e.end}`, e]));
  return times.map((t) => {
    if (t.anchor !== null || t.vague) return t;
    const e = found.get(`${t.start}:${t.end}`);
    return e ? annotate(e, anchor, 'story') : t;
  });
}
