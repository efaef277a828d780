// One list of wire agencies for the whole pipeline: the clean stage reads credits with it, assess compares them.
import { WIRE_AGENCY_NAMES as WIRE_AGENCIES } from '../clean/patterns.js';

const CANONICAL = new Map<string, string>();
for (const names of WIRE_AGENCIES) for (const name of names) CANONICAL.set(name.toLowerCase(), names[0]);

/** Canonical form of an outlet or credit name, so "Associated Press" and "AP" compare equal. */
export function canonicalSource(name: string): string {
  const key = name.trim().toLowerCase();
  return (CANONICAL.get(key) ?? key).toLowerCase();
}
