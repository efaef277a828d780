// Time expressions chrono-node does not read (bare years, year ranges, decades, quarters, seasons, weeks, vague
// references), written by hand because no maintained JS library covers them with news conventions.
import {
  addDays, formatDay, formatMonth, formatYear, mondayOf, monthOfSpan, weekdayOf, type Ymd,
} from './calendar.js';
import type { Placement, TimeExpression } from './expression.js';
import {
  DECADE_WORDS, MONTHS, TITLE_NOUN_BEFORE, NOT_YEAR_AFTER, NOT_YEAR_BEFORE, NUMBER_WORDS, ORDINAL_QUARTERS, PART_PREFIX, SEASONS, STRONG_YEAR_CUE, VAGUE, YEAR_CUE,
} from './patterns.js';

const YEAR = '(?:1[0-9]|20)\\d\\d';

function expression(start: number, text: string, fields: Pick<TimeExpression, 'absolute' | 'place'> & { vague?: boolean }): TimeExpression {
  return { start, end: start + text.length, text, vague: fields.vague ?? false, absolute: fields.absolute, place: fields.place, source: 'rule' };
}

/** "1998-99", "1998–1999": the first year, with the range kept. */
function yearRanges(text: string): TimeExpression[] {
  const out: TimeExpression[] = [];
  for (const m of text.matchAll(new RegExp(`\\b(${YEAR})\\s?[-–/]\\s?(\\d\\d|${YEAR})\\b(?![-–/]?\\d)`, 'g'))) {
    const first = Number(m[1]);
    const last = m[2].length === 2 ? Math.floor(first / 100) * 100 + Number(m[2]) : Number(m[2]);
    if (last <= first || last - first > 20) continue;
    if (NOT_YEAR_BEFORE.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
    out.push(expression(m.index, m[0], { absolute: { value: formatYear(first), range: { start: formatYear(first), end: formatYear(last) } } }));
  }
  return out;
}

/**
 * A number written as a title, not a year: the film “1917,”, the novel "1984", the album 1989 (a work's name in
 * quotes, or right after the kind of work).
 */
function isTitle(before: string, after: string): boolean {
  if (/[“"‘']$/.test(before) && /^[,.!?]?[”"’']/.test(after)) return true;
  return TITLE_NOUN_BEFORE.test(before);
}

/** Bare years: "in 2008", "since 1389", "fiscal 1990"; not counts ("2000 troops"), money or percentages. */
function bareYears(text: string): TimeExpression[] {
  const out: TimeExpression[] = [];
  for (const m of text.matchAll(/\b(1[0-9]\d\d|20\d\d)\b/g)) {
    const year = Number(m[1]);
    const before = text.slice(Math.max(0, m.index - 25), m.index);
    const after = text.slice(m.index + 4, m.index + 30);
    if (NOT_YEAR_BEFORE.test(before) || NOT_YEAR_AFTER.test(after)) continue;
    if (isTitle(before, after)) continue;
    const cued = YEAR_CUE.test(before);
    // A lowercase plural right after the number ("1500 soldiers") makes it a count unless a cue says year.
    const countLike = /^\s+[a-z]+s\b/.test(after) && !/^\s+(?:elections?|was|has|is|as|levels?)\b/.test(after);
    if (!cued && year < 1900) continue;
    if (countLike && !STRONG_YEAR_CUE.test(before)) continue;
    out.push(expression(m.index, m[0], { absolute: { value: formatYear(year) } }));
  }
  return out;
}

/** "the 1990s", "the mid-1990s", "the '80s", "the nineties": bounds only, no single calendar value. */
function decades(text: string): TimeExpression[] {
  const out: TimeExpression[] = [];
  const add = (index: number, matched: string, first: number) =>
    out.push(expression(index, matched, { absolute: { value: null, range: { start: formatYear(first), end: formatYear(first + 9) } } }));
  for (const m of text.matchAll(/\b(?:the\s+)?(?:(?:early|mid|late)[\s-]?)?((?:1[0-9]|20)\d0)'?s\b/gi)) add(m.index, m[0], Number(m[1]));
  for (const m of text.matchAll(/\b(?:the\s+)?(?:(?:early|mid|late)[\s-]?)?'(\d)0s\b/gi)) add(m.index, m[0], 1900 + Number(m[1]) * 10);
  for (const m of text.matchAll(/\bthe\s+(?:(?:early|mid|late)[\s-]?)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/gi)) {
    add(m.index, m[0], 1900 + DECADE_WORDS[m[1].toLowerCase()]);
  }
  return out;
}

function quarterPlacement(year: number, quarter: number): Placement {
  const first = { year, month: quarter * 3 - 2, day: 1 };
  const lastMonth = quarter * 3;
  return { value: formatYear(year), range: { start: formatMonth(first), end: formatMonth({ year, month: lastMonth }) } };
}

/**
 * Quarters and halves, frequent in business news: "the third quarter", "third-quarter", "the first half of 1990",
 * "the year-ago quarter". The value is the year (a quarter has no calendar value of its own); range gives the months.
 */
function quarters(text: string): TimeExpression[] {
  const out: TimeExpression[] = [];
  const re = new RegExp(
    `\\b(?:the\\s+)?(?:(first|second|third|fourth|1st|2nd|3rd|4th|latest|last|current|previous|year-ago|year-earlier|same|fiscal|final)[\\s-]+)?(?:fiscal[\\s-]+)?(quarter|half)\\b(?:\\s+(?:of|in)\\s+(?:fiscal\\s+)?(${YEAR}))?`,
    'gi',
  );
  for (const m of text.matchAll(re)) {
    const which = m[1]?.toLowerCase();
    const unit = m[2].toLowerCase();
    const year = m[3] ? Number(m[3]) : null;
    const ordinal = which ? ORDINAL_QUARTERS[which] : undefined;
    // "a quarter of the population", "half the troops": a fraction, not a period.
    if (!which && !year && !/^the\s/i.test(m[0])) continue;
    if (/^\s+(?:of|the)\b(?!\s*(?:fiscal|\d))/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 6)) && !year) continue;
    if (unit === 'half' && !ordinal && !year) continue;
    const months = unit === 'half' ? 6 : 3;
    const placeIn = (y: number, n: number): Placement =>
      unit === 'half'
        ? { value: formatYear(y), range: { start: formatMonth({ year: y, month: n * 6 - 5 }), end: formatMonth({ year: y, month: n * 6 }) } }
        : quarterPlacement(y, n);
    if (year !== null && ordinal) {
      out.push(expression(m.index, m[0], { absolute: placeIn(year, ordinal) }));
      continue;
    }
    out.push(expression(m.index, m[0], {
      absolute: null,
      place: (anchor) => {
        const current = Math.ceil(anchor.month / months);
        if (ordinal) return placeIn(ordinal <= current ? anchor.year : anchor.year - 1, ordinal);
        // "the quarter" in a results story is the one just reported: the last whole quarter before publication.
        const shift = which === 'year-ago' || which === 'year-earlier' ? 1 : 0;
        const previous = current === 1 ? { year: anchor.year - 1, n: 12 / months } : { year: anchor.year, n: current - 1 };
        return placeIn(previous.year - shift, previous.n);
      },
    }));
  }
  return out;
}

/** "this summer", "last fall", "the winter of 1994", "in the spring": the year the season starts in, months as range. */
function seasons(text: string): TimeExpression[] {
  const out: TimeExpression[] = [];
  const re = new RegExp(
    `\\b(?:(this|last|next|past|this past|the|early|late|the early|the late)\\s+)?(spring|summer|fall|autumn|winter)\\b(?:\\s+of\\s+(${YEAR}|nineteen [a-z-]+))?`,
    'gi',
  );
  for (const m of text.matchAll(re)) {
    const which = m[1]?.toLowerCase();
    const season = SEASONS[m[2].toLowerCase()];
    const year = m[3] && /^\d/.test(m[3]) ? Number(m[3]) : null;
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    // "fall" and "spring" are also verbs and nouns ("a fall in prices", "Arab Spring"): require a time word.
    if (m[2][0] === m[2][0].toUpperCase() && !which && !year) continue;
    if (!which && !year && !/\b(?:in|during|since|until|by|over)\s+$/i.test(before)) continue;
    if (which === 'the' && !year && /^(fall|spring)$/i.test(m[2])) continue;
    const placeIn = (y: number): Placement => {
      const endYear = season.last < season.first ? y + 1 : y;
      return { value: formatYear(y), range: { start: formatMonth({ year: y, month: season.first }), end: formatMonth({ year: endYear, month: season.last }) } };
    };
    if (year !== null) {
      out.push(expression(m.index, m[0], { absolute: placeIn(year) }));
      continue;
    }
    out.push(expression(m.index, m[0], {
      absolute: null,
      vague: m[3] !== undefined && year === null,
      place: (anchor) => {
        // The season of that name that started on or before the anchor ("last" goes one further back).
        let y = anchor.month >= season.first ? anchor.year : anchor.year - 1;
        if (which === 'next') y += 1;
        else if ((which === 'last' || which === 'past') && (anchor.month >= season.first && anchor.month <= (season.last < season.first ? 12 : season.last))) y -= 1;
        return placeIn(y);
      },
    }));
  }
  return out;
}

function weekPlacement(monday: Ymd): Placement {
  const sunday = addDays(monday, 6);
  return { value: monthOfSpan(monday, sunday), range: { start: formatDay(monday), end: formatDay(sunday) } };
}

function countOf(word: string): number | null {
  if (/^\d+$/.test(word)) return Number(word);
  const n = NUMBER_WORDS[word.toLowerCase()];
  return n === undefined || Number.isNaN(n) ? null : n;
}

/**
 * Weeks and weekends: "last week", "late last week", "this week", "next week", "six weeks ago", "the weekend".
 * Convention: the value is the calendar month holding the week's Thursday (a week has no calendar value of its
 * own, and its Monday would read as a precise day); range gives Monday and Sunday.
 */
function weeks(text: string): TimeExpression[] {
  const out: TimeExpression[] = [];
  const re = /\b(?:(?:late|early|earlier|later)\s+)?(?:(last|this|next|past|previous|the past|the previous|the last|the coming|this past)\s+(week|weekend)|(the|this|last|next)\s+(weekend)|(a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+weeks?\s+(ago|earlier|before))\b/gi;
  for (const m of text.matchAll(re)) {
    const which = (m[1] ?? m[3] ?? '').toLowerCase();
    const unit = (m[2] ?? m[4] ?? 'week').toLowerCase();
    const count = m[5] ? countOf(m[5]) : null;
    const anaphoric = m[6] && m[6].toLowerCase() !== 'ago';
    if (m[5] && count === null) continue;
    out.push(expression(m.index, m[0], {
      absolute: null,
      place: anaphoric ? undefined : (anchor) => {
        const thisMonday = mondayOf(anchor);
        if (unit === 'weekend') {
          // The weekend on or before the anchor ("the weekend" in a Monday story), or the coming one when "next".
          const saturday = addDays(thisMonday, which === 'next' ? 12 : weekdayOf(anchor) === 6 || weekdayOf(anchor) === 0 ? 5 : -2);
          const sunday = addDays(saturday, 1);
          return { value: formatMonth(saturday), range: { start: formatDay(saturday), end: formatDay(sunday) } };
        }
        const shift = count !== null ? -count : which === 'next' || which === 'the coming' ? 1 : which === 'this' ? 0 : -1;
        return weekPlacement(addDays(thisMonday, 7 * shift));
      },
    }));
  }
  return out;
}

/**
 * Business-news years counted from the publication: "the current fiscal year", "the full year", "year-end",
 * "earlier in the year" (this year); "year-ago", "the year-earlier period" (the year before). The value is the year.
 */
function businessYears(text: string): TimeExpression[] {
  const out: TimeExpression[] = [];
  const re = /\b(?:(?:the\s+)?(?:current|full|latest|present)\s+(?:fiscal\s+)?year|((?:around\s+|the\s+)?year[-\s]end|year's end|the end of the year)|(?:earlier|later) in the year|(the\s+)?(year-ago|year-earlier)(?:\s+(?:period|quarter|results|level|figures?))?)\b/gi;
  for (const m of text.matchAll(re)) {
    const yearEnd = m[1] !== undefined;
    // "since year-end" in October is the end of the year before.
    const since = yearEnd && /\bsince\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index));
    const shift = m[3] || since ? -1 : 0;
    out.push(expression(m.index, m[0], {
      absolute: null,
      place: (anchor) => ({ value: formatYear(anchor.year + shift) }),
    }));
  }
  return out;
}

/** "January this year", "June last year", "in July of next year": the month in the year counted from the anchor. */
function monthsOfRelativeYears(text: string): TimeExpression[] {
  const out: TimeExpression[] = [];
  const names = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
  const re = new RegExp(`\\b(${names})\\.?,?\\s+(?:of\\s+)?(this|last|next)\\s+year\\b`, 'gi');
  for (const m of text.matchAll(re)) {
    if (m[1][0] !== m[1][0].toUpperCase()) continue;
    const month = MONTHS[m[1].toLowerCase()];
    const shift = { this: 0, last: -1, next: 1 }[m[2].toLowerCase() as 'this' | 'last' | 'next'];
    out.push(expression(m.index, m[0], { absolute: null, place: (anchor) => ({ value: formatMonth({ year: anchor.year + shift, month }) }) }));
  }
  return out;
}

/** "in recent months", "now", "the future": kept as vague references, never given a value. */
function vagueReferences(text: string): TimeExpression[] {
  const out: TimeExpression[] = [];
  for (const re of VAGUE) {
    for (const m of text.matchAll(re)) out.push(expression(m.index, m[0], { absolute: null, vague: true }));
  }
  return out;
}

/** Grows a year or month expression over a leading part-of-period word ("late September", "early 2008"). */
export function withPartPrefix(text: string, e: TimeExpression): TimeExpression {
  const prefix = PART_PREFIX.exec(text.slice(Math.max(0, e.start - 25), e.start));
  if (!prefix) return e;
  const start = e.start - prefix[0].length;
  return { ...e, start, text: text.slice(start, e.end) };
}

/** Every hand-written detector, in order of preference when two find the same words. */
export function ruleExpressions(text: string): TimeExpression[] {
  return [
    ...monthsOfRelativeYears(text), ...weeks(text), ...businessYears(text), ...quarters(text), ...seasons(text), ...decades(text), ...yearRanges(text),
    ...bareYears(text).map((e) => withPartPrefix(text, e)), ...vagueReferences(text),
  ];
}
