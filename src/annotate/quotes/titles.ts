// Titles of works in quote marks (“Parasite”, “Joker”, “Once Upon A Time in Hollywood,”, “Marriage Story.”): names,
// not words anyone said, so they are never returned as quotes and never given a speaker.
import { SPEECH_OF_NOUNS, TITLE_LEAD_WORDS, TITLE_MAX_WORDS, TITLE_MINOR_WORDS, TITLE_NOUNS } from './cues.js';
import type { QuotedSpan } from './marks.js';

const WORD = /[^\s]+/g;
const CAPITALISED = /^[\p{Lu}\p{N}]/u;

/** True when the quoted words are written like a title: every word capitalised but short linking words. */
export function isTitleCase(inner: string): boolean {
  const bare = inner.replace(/[,.;:]+$/, '');
  if (/[.?!]\s/.test(bare)) return false; // two sentences are no title
  const words = bare.match(WORD) ?? [];
  if (words.length === 0 || words.length > TITLE_MAX_WORDS) return false;
  if (!CAPITALISED.test(words[0] ?? '')) return false;
  // "I" alone or "I Am" reads as speech as easily as a title.
  if (/^I\b/.test(bare)) return false;
  return words.every((w) => CAPITALISED.test(w) || TITLE_MINOR_WORDS.has(w.toLowerCase()) || /^[^\p{L}\p{N}]+$/u.test(w));
}

/** The lower-cased words right before `at` (skipping spaces), nearest first; "'s" counts as a word. */
function wordsBefore(text: string, at: number, n: number): string[] {
  let before = text.slice(Math.max(0, at - 60), at);
  const out: string[] = [];
  while (out.length < n) {
    before = before.replace(/\s+$/, '');
    const m = /(['’]s|[\p{L}\p{N}'’-]+|[,;:—–-])$/u.exec(before);
    if (!m) break;
    out.push(m[1].toLowerCase());
    before = before.slice(0, before.length - m[1].length);
  }
  return out;
}

/** True when spans `a` and `b` are neighbours in a list: ", ", " and ", " or " between them (or a comma inside `a`). */
function listJoin(text: string, a: QuotedSpan, b: QuotedSpan): boolean {
  if (a.close > b.open) return false;
  const between = text.slice(a.close, b.open);
  if (/^\s*(,|,?\s*(and|or|&))\s*$/.test(between)) return true;
  return /^\s*((and|or|&)\s*)?$/.test(between) && /,$/.test(text.slice(a.start, a.end));
}

/** True when an apposition naming a kind of work follows `at`: ', a dark comedy', ' - the South Korean film'. */
function kindFollows(text: string, at: number): boolean {
  const m = /^\s*[,—–-]?\s*(?:a|an|the)\s+((?:[\p{L}'’-]+\s+){0,4}?)([\p{L}-]+)/u.exec(text.slice(at, at + 80));
  if (!m) return false;
  const words = [...m[1].trim().split(/\s+/).filter(Boolean), m[2]].map((w) => w.toLowerCase());
  return words.some((w) => TITLE_NOUNS.has(w) && !TITLE_NOUN_VERBS.has(w));
}

// Title nouns that are also verbs or people and so say nothing in an apposition ("the star", "directed").
const TITLE_NOUN_VERBS = new Set(['star', 'stars', 'starring', 'directed', 'director', 'producer', 'author', 'titled', 'entitled', 'record', 'hit', 'feature', 'special', 'show', 'play', 'single', 'game', 'tour', 'track', 'program', 'programme', 'video', 'column']);

/** How far along a list of titles to look for one introduced as a title. */
const MAX_LIST_STEPS = 12;

/**
 * True when quoted span `k` names a work rather than quoting someone: its words are title case and it follows a kind
 * of work ("domestic drama “Marriage Story.”"), a preposition or possessive that takes a name ("in “Once Upon A
 * Time in Hollywood,”", "for “Joker”", "Bong Joon Ho's “Parasite”"), or stands in a list with such a title. A span
 * right after a colon or followed by a speech frame is left to the quote rules (the caller checks the frame).
 */
export function isWorkTitle(text: string, spans: readonly QuotedSpan[], k: number): boolean {
  const titleAt = (j: number): boolean => j >= 0 && j < spans.length && isTitleCase(text.slice(spans[j].start, spans[j].end));
  if (!titleAt(k)) return false;
  const led = (j: number): boolean => {
    const [before = '', second = ''] = wordsBefore(text, spans[j].open, 2);
    if (TITLE_NOUNS.has(before)) return true;
    if (!TITLE_LEAD_WORDS.has(before)) return false;
    // 'chants of “Trump! Trump!”' quotes a crowd; 'cries of “...!”' too.
    if (before === 'of' && SPEECH_OF_NOUNS.has(second)) return false;
    // After a bare preposition an exclamation or a question is more likely words said than a title.
    return !/[!?][,.]?$/.test(text.slice(spans[j].start, spans[j].end));
  };
  if (led(k)) return true;
  // “Parasite,” a dark comedy about class, ...: an apposition after it says what kind of work it is.
  if (kindFollows(text, spans[k].close)) return true;
  // “Parasite,” “Joker” and “1917”: a list of titles, one of which is introduced as a title.
  for (let j = k - 1; j >= Math.max(0, k - MAX_LIST_STEPS) && titleAt(j) && listJoin(text, spans[j], spans[j + 1]); j--) if (led(j)) return true;
  for (let j = k + 1; j < Math.min(spans.length, k + MAX_LIST_STEPS) && titleAt(j) && listJoin(text, spans[j - 1], spans[j]); j++) if (led(j)) return true;
  return false;
}
