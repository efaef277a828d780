// The one place chrono-node is used, so the date parser can be swapped without touching the news rules.
// The English-only entry: the package root loads every locale, which costs a third of a second at start-up.
import * as chrono from 'chrono-node/en';
import type { ParsedResult } from 'chrono-node';
import type { Ymd } from './calendar.js';

/** What chrono read from one expression: the components it was sure of, and the date it settled on. */
export interface ChronoReading {
  start: number;
  end: number;
  text: string;
  certain: { year: boolean; month: boolean; day: boolean; weekday: boolean; hour: boolean };
  /** The date chrono chose, filling uncertain parts from the reference date. */
  date: Ymd;
  /** 0 = Sunday ... 6 = Saturday, when a weekday was written. */
  weekday: number | null;
  month: number | null;
  day: number | null;
  year: number | null;
}

// Noon, so that no time zone moves the reference to another day.
const asReference = (d: Ymd) => new Date(d.year, d.month - 1, d.day, 12);

function toReading(r: ParsedResult, offset: number): ChronoReading {
  const c = r.start;
  const date = c.date();
  // chrono keeps a trailing comma in "In January, a week after"; the expression ends before it.
  const trimmed = r.text.replace(/[,;:\s]+$/, '');
  // TimeML and readers alike take "Friday", not "on Friday", as the expression; the preposition stays outside.
  const lead = /^(?:on|in|at|since|during)\s+/i.exec(trimmed)?.[0].length ?? 0;
  const text = trimmed.slice(lead);
  return {
    start: offset + r.index + lead,
    end: offset + r.index + lead + text.length,
    text,
    certain: {
      year: c.isCertain('year'), month: c.isCertain('month'), day: c.isCertain('day'),
      weekday: c.isCertain('weekday'), hour: c.isCertain('hour'),
    },
    date: { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() },
    weekday: c.isCertain('weekday') ? c.get('weekday') : null,
    month: c.isCertain('month') ? c.get('month') : null,
    day: c.isCertain('day') ? c.get('day') : null,
    year: c.isCertain('year') ? c.get('year') : null,
  };
}

const RANGE_JOINER = /^(.*?\S)\s*(?:to|through|until|till|-|–|—)\s*(\S.*)$/i;

/**
 * Date expressions chrono (English, casual) finds in the text, read against the reference day. A range
 * ("from Aug. 26 to Oct. 20") is returned as its two ends, each read on its own, since each end is a date.
 * With `pieces` (sentences, in text order), each piece is read on its own and the offsets stay the text's: chrono's
 * end-of-period refiner matches a `...$` pattern against the whole text before every result, which made reading
 * a whole article cost results x length (0.5 ms per KB at 20 KB, 2.2 at 160 KB on a sentence that never ends).
 */
export function readDates(text: string, reference: Ymd, pieces?: readonly { start: number; end: number }[]): ChronoReading[] {
  const ref = asReference(reference);
  const out: ChronoReading[] = [];
  for (const piece of pieces ?? [{ start: 0, end: text.length }]) {
    const offset = piece.start;
    for (const r of chrono.parse(text.slice(piece.start, piece.end), ref)) {
      const parts = r.end ? RANGE_JOINER.exec(r.text) : null;
      if (!parts) {
        out.push(toReading(r, offset));
        continue;
      }
      const secondAt = r.index + r.text.length - parts[2].length;
      const first = chrono.parse(parts[1], ref)[0];
      const second = chrono.parse(parts[2], ref)[0];
      if (first) out.push(toReading(first, offset + r.index));
      if (second) out.push(toReading(second, offset + secondAt));
      if (!first && !second) out.push(toReading(r, offset));
    }
  }
  return out;
}
