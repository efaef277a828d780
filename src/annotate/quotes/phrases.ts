// Token-level helpers: the noun phrase before or after a cue verb, found from part-of-speech tags.
import type { TaggedToken } from '../nlp.js';
import { RELATIVE_PRONOUNS } from './cues.js';

export interface Token extends TaggedToken {
  lower: string;
}

/** A noun phrase in the text: who a cue names as the source ("he", "Serbia's Vucic", "a NATO official"). */
export interface Phrase {
  /** Token indices, inclusive start, exclusive end. */
  from: number;
  to: number;
  start: number;
  end: number;
}

export const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
export const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their', 'its', 'whose', 'our', 'my', 'your']);
const NOMINAL = new Set(['PROPN', 'NOUN', 'NUM']);
const QUOTE_TOKEN = /^["“”„«»]+$/;

export function isQuoteMark(token: Token | undefined): boolean {
  return token !== undefined && QUOTE_TOKEN.test(token.text);
}

/** A hyphen inside a word ("right-hand"), not a dash between phrases ("Pollsters agree - Carl Bialik"). */
export function joinsWord(tokens: Token[], i: number): boolean {
  return tokens[i - 1]?.end === tokens[i].start && tokens[i + 1]?.start === tokens[i].end;
}

function inPhrase(token: Token): boolean {
  if (NOMINAL.has(token.pos) || token.pos === 'ADJ') return true;
  if (POSSESSIVE.has(token.lower)) return true;
  if (/^[A-Z]/.test(token.text) && token.pos !== 'PUNCT' && token.pos !== 'PRON') return true; // "US", "NATO" mis-tagged
  return token.text === '&';
}

function phrase(tokens: Token[], from: number, to: number): Phrase {
  return { from, to, start: tokens[from].start, end: tokens[to - 1].end };
}

/** True when the phrase contains a noun, a name or a pronoun (a phrase of adjectives alone is no source). */
function hasHead(tokens: Token[], p: Phrase): boolean {
  for (let i = p.from; i < p.to; i++) if (NOMINAL.has(tokens[i].pos) || tokens[i].pos === 'PRON' || /^[A-Z]/.test(tokens[i].text)) return true;
  return false;
}

/** The noun phrase that ends at token `last` (reading leftwards), not going before `lo`. */
export function phraseEndingAt(tokens: Token[], last: number, lo: number): Phrase | null {
  if (last < lo) return null;
  const t = tokens[last];
  if (t.pos === 'PRON' && !POSSESSIVE_PRONOUNS.has(t.lower)) return RELATIVE_PRONOUNS.has(t.lower) ? null : phrase(tokens, last, last + 1);
  let i = last;
  while (i >= lo && i > last - 14) {
    const tok = tokens[i];
    if (inPhrase(tok) || (tok.text === '-' && joinsWord(tokens, i))) { i--; continue; }
    // "Secretary of State Antony Blinken", "Chief of the General Staff": "of" between nominal words.
    if ((tok.lower === 'of' || tok.lower === 'for') && i > lo && inPhrase(tokens[i - 1]) && i < last) { i--; continue; }
    if ((tok.lower === 'the' || tok.lower === 'and') && i > lo && tokens[i - 1].lower === 'of' && i < last) { i--; continue; }
    if (tok.pos === 'DET' || POSSESSIVE_PRONOUNS.has(tok.lower)) { i--; break; }
    break;
  }
  if (i + 1 > last) return null;
  const p = phrase(tokens, i + 1, last + 1);
  // A phrase may not start with "of"/"for"/"and".
  while (p.from < p.to && ['of', 'for', 'and'].includes(tokens[p.from].lower)) p.from++;
  if (p.from >= p.to) return null;
  p.start = tokens[p.from].start;
  return hasHead(tokens, p) ? p : null;
}

/** The noun phrase that starts at token `first` (reading rightwards), not going past `hi` (exclusive). */
export function phraseStartingAt(tokens: Token[], first: number, hi: number): Phrase | null {
  if (first >= hi) return null;
  const t = tokens[first];
  if (t.pos === 'PRON' && !POSSESSIVE_PRONOUNS.has(t.lower)) return phrase(tokens, first, first + 1);
  let i = first;
  if (t.pos === 'DET' || POSSESSIVE_PRONOUNS.has(t.lower)) i++;
  const bodyStart = i;
  while (i < hi && i < first + 14) {
    const tok = tokens[i];
    if (inPhrase(tok) || (tok.text === '-' && joinsWord(tokens, i))) { i++; continue; }
    if (tok.lower === 'of' && i > bodyStart && i + 1 < hi && (inPhrase(tokens[i + 1]) || tokens[i + 1].lower === 'the') && /^[A-Z]/.test(tokens[i + 1].text === 'the' ? tokens[i + 2]?.text ?? '' : tokens[i + 1].text)) { i++; continue; }
    if (tok.lower === 'the' && i > bodyStart && tokens[i - 1].lower === 'of') { i++; continue; }
    break;
  }
  if (i === bodyStart) return null;
  const p = phrase(tokens, first, i);
  return hasHead(tokens, p) ? p : null;
}

/**
 * The phrase a relative pronoun stands for ("Juanita Broaddrick, who claimed ...", "the Council, whose spokesman
 * called ..."), or null for any other phrase.
 */
export function antecedentOf(tokens: Token[], p: Phrase): Phrase | null {
  const relative = p.to - p.from === 1 && RELATIVE_PRONOUNS.has(tokens[p.from].lower);
  if (!relative && tokens[p.from].lower !== 'whose') return null;
  const before = tokens[p.from - 1]?.text === ',' ? p.from - 2 : p.from - 1;
  return phraseEndingAt(tokens, before, 0);
}
