// Whole-line date recognition for metadata lines. chrono-node finds dates inside prose (the annotate stage
// uses it); here the question is different: is this LINE only a date stamp? That needs exact spans and strict
// formats, so the few formats news pages print are matched directly.

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const TIME = '(?:[ T,]+(?:at\\s+)?(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?(?:\\.\\d+)?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?\\s*(z|utc|gmt|[+-]\\d{2}:?\\d{2})?)?';

const ISO = new RegExp(`\\b(\\d{4})-(\\d{2})-(\\d{2})${TIME}`, 'gi');
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}`, 'gi');
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})${TIME}`, 'gi');
const DOTTED = new RegExp(`\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})${TIME}`, 'gi');
const WEEKDAY = /\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|sday|nesday|rsday|urday)?\b\.?/gi;

export interface DateMatch {
  iso: string;
  start: number;
  end: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function toIso(year: number, month: number, day: number, time: string[]): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2100) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCDate() !== day) return null; // 31 February
  const date = `${year}-${pad(month)}-${pad(day)}`;
  const [h, m, s, meridiem, zone] = time;
  if (h === undefined || m === undefined) return date;
  let hour = Number(h);
  const lower = meridiem?.toLowerCase().replace(/\./g, '');
  if (lower === 'pm' && hour < 12) hour += 12;
  if (lower === 'am' && hour === 12) hour = 0;
  if (hour > 23 || Number(m) > 59) return date;
  let offset = '';
  if (zone) {
    const z = zone.toLowerCase();
    offset = z === 'z' || z === 'utc' || z === 'gmt' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  }
  return `${date}T${pad(hour)}:${m}:${s ?? '00'}${offset}`;
}

/** Every date stamp in a short string, left to right, with ISO values ("2023-09-30" or "2023-09-30T12:01:51"). */
export function findDates(line: string): DateMatch[] {
  const found: DateMatch[] = [];
  const add = (match: RegExpMatchArray, iso: string | null) => {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (iso && !found.some((f) => start < f.end && end > f.start)) found.push({ iso, start, end });
  };
  for (const m of line.matchAll(ISO)) add(m, toIso(+m[1], +m[2], +m[3], m.slice(4, 9)));
  for (const m of line.matchAll(MONTH_DAY_YEAR)) add(m, toIso(+m[3], MONTHS[m[1].toLowerCase().slice(0, 3)], +m[2], m.slice(4, 9)));
  for (const m of line.matchAll(DAY_MONTH_YEAR)) add(m, toIso(+m[3], MONTHS[m[2].toLowerCase().slice(0, 3)], +m[1], m.slice(4, 9)));
  for (const m of line.matchAll(DOTTED)) add(m, toIso(+m[3], +m[2], +m[1], m.slice(4, 9)));
  return found.sort((a, b) => a.start - b.start);
}

/** Normalizes a machine-readable date (meta tags, JSON-LD, <time datetime>) to the same ISO shape. */
export function normalizeDate(value: string): string | null {
  const first = findDates(value.trim())[0];
  if (first) return first.iso;
  // RFC 2822 and similar ("Tue, 19 Nov 2019 13:00:00 GMT"); V8 guesses wildly on other strings, so a year is required.
  if (!/\b(19|20)\d\d\b/.test(value)) return null;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().replace('.000Z', 'Z');
}

// Pieces of a date stamp that are not a full date: "9:41 AM", "Nov 19", "1 day ago", "20th".
const TIME_OF_DAY = /\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?/gi;
const MONTH_DAY = new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}`, 'gi');
const RELATIVE = /\b(?:\d+|an?|one)\s+(?:second|minute|min|hour|hr|day|week|month|year)s?\s+ago\b|\b(?:just now|yesterday|today)\b/gi;

/** The line with date fragments that are not full dates blanked out; `found` tells whether there were any. */
export function stripDateFragments(line: string): { rest: string; found: boolean } {
  let found = false;
  const rest = [WEEKDAY, TIME_OF_DAY, MONTH_DAY, RELATIVE].reduce(
    (text, pattern) =>
      text.replace(pattern, () => {
        found = true;
        return ' ';
      }),
    line,
  );
  return { rest, found };
}
