// Titles of works in quote marks (“Parasite”, “Joker”, “Once Upon A Time in Hollywood,”, “Marriage Story.”): names,
// not words anyone said, so they are never returned as quotes and never given a speaker.
import {
  ADDRESSEE_VERBS, AWARD_NOUN_REACH, AWARD_NOUNS, AWARD_PREPOSITIONS, CUE_VERBS, SPEECH_OF_NOUNS, TITLE_LEAD_WORDS, TITLE_MAX_WORDS,
  TITLE_MINOR_WORDS, TITLE_NOUNS, TITLE_OBJECT_VERBS, WORK_PARTICIPLES,
} from './cues.js';
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

/**
 * True when an apposition about a work follows `at`: one naming a kind of work (', a dark comedy', ' - the South Korean
 * film', ', Ana Lima’s drama about exile', ", Netflix's new series") or one that only a work takes (', directed by Ana
 * Lima', ', starring Ana Ruiz').
 */
function kindFollows(text: string, at: number): boolean {
  const after = text.slice(at, at + 80);
  const participle = /^\s*[,—–-]\s*([\p{L}-]+)/u.exec(after);
  if (participle && WORK_PARTICIPLES.has(participle[1].toLowerCase())) return true;
  // The kind of work after an article or after a possessive name ("Ana Lima’s", "Netflix's"), a few modifiers between.
  const m = /^\s*[,—–-]?\s*(?:a|an|the|(?:\p{Lu}[\p{L}.-]*\s+){0,3}\p{Lu}[\p{L}.-]*['’]s)\s+((?:[\p{L}'’-]+,?\s+){0,4}?)([\p{L}-]+)/u.exec(after);
  if (!m) return false;
  const words = [...m[1].trim().split(/,?\s+/).filter(Boolean), m[2]].map((w) => w.toLowerCase());
  return words.some((w) => TITLE_NOUNS.has(w) && !TITLE_NOUN_VERBS.has(w));
}

/** True when a speech verb is the word before `at` ('said “We Will Rebuild,”'), "that" or a comma between. */
function speechVerbBefore(text: string, at: number): boolean {
  const words = wordsBefore(text, at, 3).filter((w) => w !== ',' && w !== 'that');
  const cue = CUE_VERBS.get(words[0] ?? '');
  // 'told “Face the Nation”' names who was told, not what was said.
  return cue?.kind === 'speech' && !ADDRESSEE_VERBS.has(cue.lemma);
}

/** True when the span opening at `open` starts its sentence or paragraph: nothing but space since ". ", "!" or "?". */
function opensSentence(text: string, open: number): boolean {
  return /(?:^|[.!?…]['"’”)]*\s+|\n\s*)$/.test(text.slice(Math.max(0, open - 200), open));
}

/** True when a speech frame follows `at` within a few words: ', he said', ' said Lima', ', the mayor told AFP'. */
function speechFrameAfter(text: string, at: number): boolean {
  const m = /^\s*,?\s*((?:[\p{L}\p{N}.'’-]+\s+){0,4}[\p{L}'’-]+)/u.exec(text.slice(at, at + 80));
  return !!m && m[1].split(/\s+/).some((w) => CUE_VERBS.get(w.toLowerCase())?.kind === 'speech');
}

/**
 * True when a speech verb governs span `k`, so that it is words said even when written like a title: 'The mayor said
 * “We Will Rebuild,” to cheers', '“We Will Rebuild,” he said'. (A title inside a sentence that a frame governs as a
 * whole, 'The jury gave its prize to “Silent Fields,” the jury said', is still a title: the frame governs the sentence.)
 */
function spokenWords(text: string, span: QuotedSpan): boolean {
  return speechVerbBefore(text, span.open) || (opensSentence(text, span.open) && speechFrameAfter(text, span.close));
}

// Title nouns that are also verbs or people and so say nothing in an apposition ("the star", "directed").
const TITLE_NOUN_VERBS = new Set(['star', 'stars', 'starring', 'directed', 'director', 'producer', 'author', 'titled', 'entitled', 'record', 'hit', 'feature', 'special', 'show', 'play', 'single', 'game', 'tour', 'track', 'program', 'programme', 'video', 'column']);

/** How far along a list of titles to look for one introduced as a title. */
const MAX_LIST_STEPS = 12;

/**
 * True when quoted span `k` names a work rather than quoting someone: its words are title case and it follows a kind
 * of work ("domestic drama “Marriage Story.”"), a preposition or possessive that takes a name ("in “Once Upon A
 * Time in Hollywood,”", "for “Joker”", "Bong Joon Ho's “Parasite”"), a prize ("gave its prize to “A Long Way Home,”")
 * or a verb that takes a work ("voted “Paper Boats”"), is followed by an apposition about a work (", a drama by Ana
 * Lima", ", directed by Ana Lima"), or stands in a list with such a title. A speech verb that governs the span wins
 * (`spokenWords`), and a span right after a colon is never led, so both are left to the quote rules.
 */
export function isWorkTitle(text: string, spans: readonly QuotedSpan[], k: number): boolean {
  const titleAt = (j: number): boolean => j >= 0 && j < spans.length && isTitleCase(text.slice(spans[j].start, spans[j].end));
  if (!titleAt(k) || spokenWords(text, spans[k])) return false;
  const led = (j: number): boolean => {
    const words = wordsBefore(text, spans[j].open, AWARD_NOUN_REACH + 1);
    const [before = '', second = ''] = words;
    if (TITLE_NOUNS.has(before) || TITLE_OBJECT_VERBS.has(before)) return true;
    // 'gave its prize to “A Long Way Home,”', 'the Golden Bear went to “Salt Roads”': a prize goes to a work.
    if (AWARD_PREPOSITIONS.has(before) || before === 'for') {
      const reach = words.slice(1);
      const stop = reach.findIndex((w) => /^[,;:—–-]$/.test(w));
      if ((stop < 0 ? reach : reach.slice(0, stop)).some((w) => AWARD_NOUNS.has(w))) return true;
    }
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
