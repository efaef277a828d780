// Plain calendar arithmetic on year/month/day triples (UTC, so no time zone can shift a day).
import type { DateValue } from '../types.js';

export interface Ymd {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
}

const DAY_MS = 86_400_000;

export function toUtc(d: Ymd): number {
  return Date.UTC(d.year, d.month - 1, d.day);
}

export function fromUtc(ms: number): Ymd {
  const date = new Date(ms);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(d: Ymd, days: number): Ymd {
  return fromUtc(toUtc(d) + days * DAY_MS);
}

export function daysBetween(from: Ymd, to: Ymd): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** 0 = Sunday ... 6 = Saturday (the Date convention, and chrono's). */
export function weekdayOf(d: Ymd): number {
  return new Date(toUtc(d)).getUTCDay();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatDay(d: Ymd): DateValue {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

export function formatMonth(d: { year: number; month: number }): DateValue {
  return `${pad(d.year, 4)}-${pad(d.month)}`;
}

export function formatYear(year: number): DateValue {
  return pad(year, 4);
}

/** "YYYY-MM-DD" (a longer ISO timestamp is cut to its date) to Ymd, or null when it is not a valid calendar day. */
export function parseDay(value: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > daysInMonth(d.year, d.month)) return null;
  return d;
}

/** Monday of the week holding d (weeks run Monday to Sunday, as in ISO 8601). */
export function mondayOf(d: Ymd): Ymd {
  return addDays(d, -((weekdayOf(d) + 6) % 7));
}

/**
 * The calendar month that holds the middle day of a span. A week (Monday-Sunday) is thus placed in the month of
 * its Thursday, the same rule ISO 8601 uses to give a week to a year.
 */
export function monthOfSpan(first: Ymd, last: Ymd): DateValue {
  return formatMonth(addDays(first, Math.floor(daysBetween(first, last) / 2)));
}
