// Token view shared by the claims modules: wink's tokens with a lowercase form, and the small tests on them
// (finite verb, clause start, noun phrase) that splitting and framing both need.
import type { LemmaToken } from '../nlp.js';
import { PREPOSITION_LIKE } from './cues.js';

/** A token of the article with its lowercase form. */
export interface Tok extends LemmaToken {
  lower: string;
}

const NP_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'PRON', 'NUM']);
const PUNCT_EDGE = /^[\s,.;:!?"'“”‘’«»()\[\]…\-–—/]+$/;

/** True for a token that is only punctuation or quote marks. */
export function isPunct(t: Tok): boolean {
  return t.pos === 'PUNCT' || t.pos === 'SYM' || PUNCT_EDGE.test(t.text);
}

/** A spaced dash used as a parenthesis or apposition ("The violence - in which ... - marked"), not a word-joining hyphen. */
export function isSpacedDash(text: string, t: Tok): boolean {
  if (t.text !== '-' && t.text !== '–' && t.text !== '—') return false;
  return /\s/.test(text[t.start - 1] ?? '') && /\s/.test(text[t.end] ?? '');
}

/** "-ing" form (wink tags some of them ADJ: "engaging"). */
export function isGerund(t: Tok): boolean {
  return (t.pos === 'VERB' || t.pos === 'ADJ') && t.lower.length > 4 && t.lower.endsWith('ing') && t.lemma !== t.lower;
}

/**
 * A verb that heads a clause: an auxiliary, or a verb that is neither an infinitive ("to recognise") nor a bare
 * "-ing"/participle form after a noun ("vehicles heading toward").
 */
export function isFinite(toks: Tok[], idx: number[], j: number): boolean {
  const t = toks[idx[j]];
  if (t.pos === 'AUX') return t.lower !== 'to';
  if (t.pos !== 'VERB' || PREPOSITION_LIKE.has(t.lower)) return false;
  const prev = j > 0 ? toks[idx[j - 1]] : undefined;
  if (prev && prev.lower === 'to') return false;
  // "has been acquiring" heads a clause; "vehicles heading toward" does not.
  if (isGerund(t)) return !!prev && prev.pos === 'AUX' && prev.lemma === 'be';
  return true;
}

/** Position of the first clause-heading verb among idx[from..to), or -1. */
export function firstFinite(toks: Tok[], idx: number[], from = 0, to = idx.length): number {
  for (let j = from; j < to; j++) if (isFinite(toks, idx, j)) return j;
  return -1;
}

/** True when a noun-phrase token may continue a subject: "a Kosovo police officer and three Serb gunmen", "Serbia's army". */
function isNpToken(t: Tok): boolean {
  return NP_POS.has(t.pos) || t.lower === "'s" || t.lower === '’s' || t.lower === 'of' || (t.pos === 'ADV' && t.lower.endsWith('ly'));
}

/** Prepositions a subject may hold ("the border crossing [between] Kosovo and Serbia"); never "after", "since" ... which open a clause. */
const SUBJECT_PREPOSITIONS = new Set(['of', 'between', 'in', 'from', 'with', 'along', 'near', 'at', 'for', 'on', 'to']);

/**
 * If idx[from..] starts a clause (an optional "that", a subject noun phrase, then a clause-heading verb), the
 * position of that verb, else -1. "local ethnic Serbs boycotted elections" -> position of "boycotted".
 */
export function clauseVerbAt(toks: Tok[], idx: number[], from: number, to = idx.length): number {
  let j = from;
  if (j < to && toks[idx[j]].lower === 'that') j++;
  // Adverbs before the subject: "and [just] yesterday the North Atlantic Council authorized ...".
  while (j < to - 1 && toks[idx[j]].pos === 'ADV') j++;
  const subjectStart = j;
  let prepositions = 0;
  while (j < to && j - subjectStart < 14) {
    const t = toks[idx[j]];
    // A word-joining hyphen ("US-led", "build-up"), not a spaced dash.
    if (t.text === '-' && j > subjectStart && toks[idx[j - 1]].end === t.start) {
      j++;
      continue;
    }
    // "the Brnjak border crossing between ...": an "-ing" noun after a noun.
    if (isGerund(t) && j > subjectStart && ['NOUN', 'PROPN'].includes(toks[idx[j - 1]].pos) && j + 1 < to && toks[idx[j + 1]].pos === 'ADP') {
      j++;
      continue;
    }
    if (t.pos === 'CCONJ' && j > subjectStart && j + 1 < to && isNpToken(toks[idx[j + 1]]) && toks[idx[j + 1]].pos !== 'AUX') {
      j++;
      continue;
    }
    // A prepositional phrase inside the subject: "the Brnjak border crossing [between Kosovo and Serbia] was closed".
    if (t.pos === 'ADP' && SUBJECT_PREPOSITIONS.has(t.lower) && prepositions < 2 && j > subjectStart && j + 1 < to && isNpToken(toks[idx[j + 1]]) && toks[idx[j + 1]].pos !== 'AUX') {
      prepositions++;
      j++;
      continue;
    }
    if (!isNpToken(t) || t.pos === 'AUX') break;
    j++;
  }
  if (j === subjectStart || j >= to) return -1;
  // An adverb between subject and verb: "Vucic later denied", "it unilaterally seceded".
  while (j < to - 1 && toks[idx[j]].pos === 'ADV') j++;
  return isFinite(toks, idx, j) ? j : -1;
}

/** True when the tokens hold a verb or an auxiliary. */
export function hasVerb(toks: Tok[], idx: number[], from = 0, to = idx.length): boolean {
  for (let j = from; j < to; j++) {
    const p = toks[idx[j]].pos;
    if (p === 'VERB' || p === 'AUX') return true;
  }
  return false;
}

let IDENTITY: number[] = [];
/** [0, 1, ..., n-1], shared: lets whole-article token positions go through the piece-based tests without a copy per call. */
export function identity(n: number): number[] {
  if (IDENTITY.length < n) IDENTITY = Array.from({ length: Math.max(n, IDENTITY.length * 2) }, (_, i) => i);
  return IDENTITY;
}

const QUOTE_MARKS = new Set(['"', '“', '”']);

/**
 * End of a span after dropping trailing punctuation, keeping a closing quote mark whose opening mark is inside the
 * span ('visit a "deployment zone"' keeps its closing mark; 'the border," he said' loses the comma).
 */
export function trimEnd(toks: Tok[], positions: number[], a: number, b: number): number {
  while (b > a && isPunct(toks[positions[b - 1]])) {
    const t = toks[positions[b - 1]];
    if (t.text === ')' && positions.slice(a, b).some((i) => toks[i].text === '(')) break;
    if (QUOTE_MARKS.has(t.text)) {
      let marks = 0;
      for (let j = a; j < b; j++) if (QUOTE_MARKS.has(toks[positions[j]].text)) marks++;
      // An even count: this mark closes one opened inside the span.
      if (marks % 2 === 0 && !QUOTE_MARKS.has(toks[positions[a]].text)) break;
    }
    b--;
  }
  return b;
}
