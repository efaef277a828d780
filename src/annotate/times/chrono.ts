// The one place chrono-node is used, so the date parser can be swapped without touching the news rules.
import * as chrono from 'chrono-node';
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

/** Date expressions chrono (English, casual) finds in the text, read against the reference day. */
export function readDates(text: string, reference: Ymd): ChronoReading[] {
  return chrono.parse(text, asReference(reference)).map((r) => {
    const c = r.start;
    const date = c.date();
    return {
      start: r.index,
      end: r.index + r.text.length,
      text: r.text,
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
  });
}
