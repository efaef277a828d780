// Calendar dates read by chrono-node, with news conventions on top: a lone weekday or month points back from the
// anchor unless the sentence looks forward, and words that only look like dates are dropped.
import type { Sentence } from '../types.js';
import { addDays, daysBetween, formatDay, formatMonth, formatYear, weekdayOf, type Ymd } from './calendar.js';
import { readDates, type ChronoReading } from './chrono.js';
import { tagTokens } from '../nlp.js';
import type { Placement, TimeExpression } from './expression.js';
import {
  AMBIGUOUS_MONTHS, COUNTED_FROM_EVENT, CUE_WINDOW, DEADLINE_BEFORE, FUTURE_CUE, NOT_DEADLINE_BEFORE, LAST_WORD, MONTH_CUE, MONTHS, NAMED_DAY_PREFIX, NUMBER_WORDS, NEXT_WORD, NOT_A_DATE, YEARS_EARLIER, PAST_REPORT_BEFORE, WEEKDAY_TIME_FOLLOWERS,
  EVENT_DAY, NOT_PAST_ED, PAST_BEFORE_INFINITIVE, PAST_VERB_AFTER, PAST_VERB_BEFORE, SCHEDULE_PRESENT_BEFORE,
} from './patterns.js';
import { withPartPrefix } from './rules.js';

/** A day and month with no year is taken as upcoming only when it is nearer than the past one by this many days. */
export const FORWARD_MARGIN_DAYS = 60;

/** With only a past-tense verb as cue, a day and month this close ahead is still taken as upcoming. */
const PAST_TENSE_AHEAD_DAYS = 7;

// Two reference days far apart: what chrono reads the same against both is written in the text itself.
const PROBE_A: Ymd = { year: 2001, month: 7, day: 15 };
const PROBE_B: Ymd = { year: 1987, month: 2, day: 3 };

/**
 * 'past': the tense of the governing verb, a weaker cue than a reporting verb or 'last' right before the date;
 * 'future': a modal or timetable verb in the date's own clause, a stronger cue than a deadline word ('forward').
 */
type Direction = 'back' | 'forward' | 'either' | 'past' | 'future';

/**
 * What the words just before an expression say about its direction: "said Friday", "the year ended March 31" look
 * back; "will meet on Friday", "payable Dec. 15" look forward; otherwise the tense of the governing verb ("stopped
 * production on Sept. 5") leans back ('past'), and without one the words say nothing ('either').
 */
function directionAt(text: string, sentences: Sentence[], start: number, end: number): Direction {
  const sentence = sentenceAt(sentences, start);
  const from = Math.max(sentence?.start ?? 0, start - CUE_WINDOW);
  const before = text.slice(from, start);
  if (PAST_REPORT_BEFORE.test(before) || NOT_DEADLINE_BEFORE.test(before)) return 'back';
  const future = FUTURE_CUE.test(before) || DEADLINE_BEFORE.test(before) || SCHEDULE_PRESENT_BEFORE.test(before);
  // "were allowed to return home on Sunday": the infinitive's cue is governed by a verb that already happened.
  if (future && PAST_BEFORE_INFINITIVE.test(before) && !/\b(?:will|won't|shall|'ll|would)\b[^.;]*$/i.test(before)) return 'past';
  if (future) {
    // The cue in the date's own clause (no comma between), with a modal or a timetable verb: any distance ahead.
    const clause = before.slice(before.lastIndexOf(',') + 1);
    return FUTURE_CUE.test(clause) || SCHEDULE_PRESENT_BEFORE.test(clause) ? 'future' : 'forward';
  }
  return pastTense(text, from, before, end, sentence?.end ?? text.length) ? 'past' : 'either';
}

/**
 * The sentence holding `offset`, by binary search over the sentences (in text order): a linear search per date
 * cost dates x sentences on a long article of short dated sentences.
 */
function sentenceAt(sentences: Sentence[], offset: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  const sentence = sentences[lo];
  return sentence && sentence.start <= offset ? sentence : undefined;
}

/**
 * Whether the verb governing the expression is in the past: the nearest verb before it ("stopped production on
 * Sept. 5", "were moved out on Friday") or, with none, the verb right after ("the court on Monday rejected").
 * The word must be tagged as a verb: "preferred shares on Oct. 31" is an adjective.
 */
function pastTense(text: string, from: number, before: string, end: number, sentenceEnd: number): boolean {
  const after = text.slice(end, Math.min(sentenceEnd, end + 40));
  // "gave no reason for the Jan. 14 deadline": the date names a deadline, whatever the verb.
  if (/^\s*(?:deadline|target date|due date)\b/i.test(after)) return false;
  const verbBefore = PAST_VERB_BEFORE.exec(before);
  const candidates: number[] = [];
  if (verbBefore && !NOT_PAST_ED.test(before)) candidates.push(from + verbBefore.index + verbBefore[0].search(/\S/));
  else {
    const verbAfter = PAST_VERB_AFTER.exec(after);
    if (verbAfter) candidates.push(end + verbAfter.index + verbAfter[0].lastIndexOf(verbAfter[1]));
  }
  if (candidates.length === 0) return false;
  const tagged = tagTokens(text.slice(from, Math.min(sentenceEnd, end + 40)), from);
  return candidates.some((at) => {
    const token = tagged.find((t) => t.start === at);
    return token !== undefined && (token.pos === 'VERB' || token.pos === 'AUX');
  });
}

function weekdayPlacement(anchor: Ymd, weekday: number, mode: 'last' | 'next' | Direction): Placement {
  const today = weekdayOf(anchor);
  let delta: number;
  if (mode === 'back' || mode === 'either' || mode === 'past') delta = -((today - weekday + 7) % 7);
  else if (mode === 'forward' || mode === 'future') delta = (weekday - today + 7) % 7;
  else if (mode === 'last') delta = -(((today - weekday + 7) % 7) || 7);
  else delta = ((weekday - today + 7) % 7) || 7;
  return { value: formatDay(addDays(anchor, delta)), dayFromAnchor: true };
}

/**
 * A day and month without a year: the nearer of the two candidates around the anchor, the past one on a tie
 * (business news dates forward often without a cue: "payable Dec. 15"); a forward cue picks the upcoming one.
 */
function monthDayPlacement(anchor: Ymd, month: number, day: number, mode: 'last' | 'next' | Direction): Placement {
  const thisYear = { year: anchor.year, month, day };
  const past = daysBetween(thisYear, anchor) >= 0 ? thisYear : { ...thisYear, year: anchor.year - 1 };
  const future = daysBetween(anchor, thisYear) > 0 ? thisYear : { ...thisYear, year: anchor.year + 1 };
  const back = daysBetween(past, anchor);
  const ahead = daysBetween(anchor, future);
  const upcoming = mode === 'next' || (mode === 'forward' && back > 0 && ahead <= 183)
    // "Elections are scheduled for Nov. 6", "will report results on Feb. 2": the clause's own verb looks forward.
    || (mode === 'future' && back > 0) || (mode === 'either' && back > 0 && ahead < back - FORWARD_MARGIN_DAYS)
    // A past verb still allows a date a few days ahead ("said in Saturday's editorial, April 25" the day before).
    || (mode === 'past' && back > 0 && ahead <= PAST_TENSE_AHEAD_DAYS);
  return { value: formatDay(upcoming ? future : past) };
}

function monthPlacement(anchor: Ymd, month: number, mode: 'last' | 'next' | Direction): Placement {
  let year = anchor.year;
  if (mode === 'back' || mode === 'either' || mode === 'past') year = month <= anchor.month ? anchor.year : anchor.year - 1;
  else if (mode === 'forward' || mode === 'future') year = month >= anchor.month ? anchor.year : anchor.year + 1;
  else if (mode === 'last') year = month < anchor.month ? anchor.year : anchor.year - 1;
  else year = month > anchor.month ? anchor.year : anchor.year + 1;
  return { value: formatMonth({ year, month }) };
}

/** The finest grain chrono was sure of, read against the anchor ("yesterday", "last month", "two years ago"). */
function grainPlacement(r: ChronoReading): Placement | null {
  if (r.certain.day) return { value: formatDay(r.date) };
  if (r.certain.month) return { value: formatMonth(r.date) };
  if (r.certain.year) return { value: formatYear(r.date.year) };
  return null;
}

const sameReading = (a: ChronoReading, b: ChronoReading) =>
  a.certain.year && b.certain.year && grainPlacement(a)?.value === grainPlacement(b)?.value;

const LEADING_MODIFIER = /\b(?:this past|this coming|last|next|this|past|coming)\s+$/i;

const WORD_AFTER = /^(?:'s)?\s+([A-Z][a-z]+)/;

/** Words chrono reads as dates that are not, in news text. */
function isFalseDate(text: string, r: ChronoReading): boolean {
  const words = r.text.trim();
  // Pure clock times ("9 a.m.") and anything without a calendar part.
  if (!r.certain.year && !r.certain.month && !r.certain.day && !r.certain.weekday) return true;
  if (NOT_A_DATE.some((re) => re.test(words)) && !/^in\s+(?:the\s+)?[A-Z]/.test(words)) return true;
  const loneMonth = r.certain.month && !r.certain.day && !r.certain.year && !r.certain.weekday;
  if (loneMonth && /^[A-Za-z.]+$/.test(words)) {
    const name = words.replace(/\.$/, '').toLowerCase();
    if (MONTHS[name] === undefined) return false;
    if (words[0] !== words[0].toUpperCase()) return true;
    if (AMBIGUOUS_MONTHS.has(name) && !MONTH_CUE.test(text.slice(Math.max(0, r.start - 20), r.start))) return true;
  }
  if (r.certain.weekday && !r.certain.day && /^[A-Za-z]+$/.test(words)) {
    if (words[0] !== words[0].toUpperCase()) return true;
    // "Sunday Times", "Monday Night Football"; but "Friday Jan. 9" and "Friday Morning" stay.
    const next = WORD_AFTER.exec(text.slice(r.end, r.end + 30))?.[1];
    if (next && MONTHS[next.toLowerCase()] === undefined && !WEEKDAY_TIME_FOLLOWERS.has(next.toLowerCase())) {
      if (!/^\s*[,.;:]/.test(text.slice(r.end))) return true;
    }
    const previous = /([A-Z][a-z]+)\s+$/.exec(text.slice(Math.max(0, r.start - 20), r.start))?.[1];
    if (previous && NAMED_DAY_PREFIX.has(previous.toLowerCase())) return true;
  }
  // "the last day of the drill", "on the final day": a day of an event, not yesterday.
  if (EVENT_DAY.test(words) && (/\bthe\s+$/i.test(text.slice(Math.max(0, r.start - 5), r.start)) || /^\s+of\b/i.test(text.slice(r.end)))) return true;
  // "weekend" and "now" are read by the hand-written rules with their own conventions.
  if (/^(?:the |this )?(?:weekend|now|right now)$/i.test(words)) return true;
  return false;
}

function placeRelative(r: ChronoReading, words: string, direction: Direction, anchor: Ymd): Placement | null {
  const mode = NEXT_WORD.test(words) ? 'next' : LAST_WORD.test(words) ? 'last' : /^this\b/i.test(words) ? 'forward' : direction;
  if (r.weekday !== null && !r.certain.day) return weekdayPlacement(anchor, r.weekday, mode);
  if (r.month !== null && r.day !== null && !r.certain.year) return monthDayPlacement(anchor, r.month, r.day, mode);
  if (r.month !== null && !r.certain.day && !r.certain.year) return monthPlacement(anchor, r.month, mode);
  if (YEARS_EARLIER.test(words)) {
    const n = /^\d+/.test(words) ? Number.parseInt(words, 10) : (NUMBER_WORDS[words.split(/\s+/)[0].toLowerCase()] ?? 1);
    return { value: formatYear(anchor.year - n) };
  }
  const reread = readDates(words, anchor)[0];
  const placed = reread ? grainPlacement(reread) : null;
  // Day-month pairs were placed above, so a day chrono is sure of here is counted ("yesterday", "three days ago").
  return placed && reread?.certain.day ? { ...placed, dayFromAnchor: true } : placed;
}

/**
 * Longest piece of text chrono reads at once (see readDates: its cost grows with results x piece length). Whole
 * paragraph lines up to this length are read as one piece, so that a date wink's splitter cut in two stays whole
 * ("at 6.10am on Wednesday", where wink ends a sentence after "6.").
 */
const MAX_READING_CHARS = 1000;

/**
 * Consecutive sentences of one line grouped into pieces of at most MAX_READING_CHARS (a longer sentence is a piece
 * of its own). No piece crosses a line break: a date never does ("on June 3" then a caption line "24/30" was read
 * as June 3, 2024).
 */
function readingPieces(text: string, sentences: Sentence[]): { start: number; end: number }[] {
  const pieces: { start: number; end: number }[] = [];
  for (const s of sentences) {
    const last = pieces[pieces.length - 1];
    if (last && s.end - last.start <= MAX_READING_CHARS && !text.slice(last.end, s.start).includes('\n')) last.end = s.end;
    else pieces.push({ start: s.start, end: s.end });
  }
  return pieces;
}

/** Dates chrono finds in the text, filtered for news and ready to be placed against an anchor. */
export function chronoExpressions(text: string, sentences: Sentence[]): TimeExpression[] {
  const pieces = sentences.length > 0 ? readingPieces(text, sentences) : undefined;
  const other = new Map(readDates(text, PROBE_B, pieces).map((r) => [`${r.start}:${r.end}`, r]));
  const out: TimeExpression[] = [];
  for (const r of readDates(text, PROBE_A, pieces)) {
    if (isFalseDate(text, r)) continue;
    const twin = other.get(`${r.start}:${r.end}`);
    const absolute = twin && sameReading(r, twin) ? grainPlacement(r) : null;
    // "last February", "next Friday": chrono leaves the modifier out for lone months; it belongs to the expression.
    const lead = !r.certain.year && !r.certain.day ? LEADING_MODIFIER.exec(text.slice(Math.max(0, r.start - 16), r.start)) : null;
    const start = lead ? r.start - lead[0].length : r.start;
    const words = text.slice(start, r.end);
    const grown = r.certain.month || r.certain.year ? withPartPrefix(text, { start, end: r.end, text: words, vague: false, absolute, source: 'chrono' }) : null;
    const from = grown?.start ?? start;
    const direction = directionAt(text, sentences, from, r.end);
    const counted = COUNTED_FROM_EVENT.test(r.text) && !YEARS_EARLIER.test(r.text);
    out.push({
      start: from, end: r.end, text: text.slice(from, r.end), vague: false, absolute, source: 'chrono',
      // "10 days before the murder" is counted from the murder, which no anchor date can stand in for.
      place: absolute || counted ? undefined : (anchor) => placeRelative(r, words, direction, anchor),
    });
  }
  return out;
}
