// Counted quantities ("600 more soldiers", "about 30 armed Serbs", "Over 90% of the population") with what they
// count. Written by hand on top of wink's part-of-speech tags: number parsers (e.g. compromise) read the value
// but not the counted noun phrase, and nothing in npm keeps news-specific skips (years, "one of the gravest").
import type { QuantityAnnotation, Range, Sentence } from '../types.js';
import { tagTokens, type TaggedToken } from '../nlp.js';
import { findTimeExpressions } from '../times/index.js';
import { CURRENCY_MARKS, CURRENCY_WORDS, FIELDED_KINDS, PERSON_KINDS, kindOfWords, singular } from './kinds.js';
import { CONTEXT_SENTENCES, tellStory, type Found } from './story.js';
import { eventAt } from './events.js';
import {
  CLOCK_AFTER, CODE_AROUND, COUNT_NOUNS, FUNCTION_WORDS, PLURAL_MODIFIERS, CURRENCY_SYMBOLS, PHONE_LIKE, PRONOUN_ONE_AFTER, PRONOUN_ONE_BEFORE, QUALIFIERS,
  SCALE_WORDS, SKIPPED_MODIFIERS, UNIT_WORDS, VAGUE_AMOUNTS,
} from './patterns.js';

/** Longest `what`, in words (the head noun phrase, not the whole clause). */
export const MAX_WHAT_WORDS = 4;

const DIGITS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/;
const NOUNISH = new Set(['NOUN', 'PROPN']);
const PHRASE_POS = new Set(['NOUN', 'PROPN', 'ADJ']);
/** Participles and adjectives that can stand for "people who were ...": "five wounded", "12 dead", "3 injured". */
const ELLIPTIC_PARTICIPLE = /^(?:[a-z]+ed|dead|hurt|slain|missing)$/i;

interface NumberPhrase {
  first: number;
  /** Index after the last token of the phrase. */
  next: number;
  value: number;
  currency: string | null;
  percent: boolean;
}

const lower = (t: TaggedToken | undefined) => t?.text.toLowerCase() ?? '';

function wordValue(word: string): number | null {
  const w = word.toLowerCase();
  if (UNIT_WORDS[w] !== undefined) return UNIT_WORDS[w];
  // "twenty-five" as one token
  const parts = w.split('-');
  if (parts.length === 2 && UNIT_WORDS[parts[0]] >= 20 && UNIT_WORDS[parts[1]] !== undefined && UNIT_WORDS[parts[1]] < 10) {
    return UNIT_WORDS[parts[0]] + UNIT_WORDS[parts[1]];
  }
  return null;
}

/** Reads the number that starts at token i ("8,350", "$22 million", "twenty - five", "90 %"), or null. */
function readNumber(tokens: TaggedToken[], i: number): NumberPhrase | null {
  let k = i;
  let currency: string | null = null;
  if (CURRENCY_SYMBOLS[tokens[k]?.text] && tokens[k + 1]) {
    currency = CURRENCY_SYMBOLS[tokens[k].text];
    k++;
  }
  const t = tokens[k];
  if (!t) return null;
  let value: number | null = null;
  if (DIGITS.test(t.text)) value = Number(t.text.replace(/,/g, ''));
  else value = wordValue(t.text);
  if (value === null) return null;
  k++;
  // "twenty - five" split by the tokenizer
  if (value >= 20 && value < 100 && value % 10 === 0 && tokens[k]?.text === '-' && wordValue(lower(tokens[k + 1])) !== null && (wordValue(lower(tokens[k + 1])) ?? 10) < 10) {
    value += wordValue(lower(tokens[k + 1])) ?? 0;
    k += 2;
  }
  while (tokens[k] && SCALE_WORDS[lower(tokens[k])] !== undefined) {
    value *= SCALE_WORDS[lower(tokens[k])];
    k++;
  }
  let percent = false;
  if (tokens[k]?.text === '%' || lower(tokens[k]) === 'percent') {
    percent = true;
    k++;
  } else if (lower(tokens[k]) === 'per' && lower(tokens[k + 1]) === 'cent') {
    percent = true;
    k += 2;
  }
  return { first: i, next: k, value, currency, percent };
}

/** The head noun phrase starting at token k: adjectives and nouns, ending on the last noun, at most MAX_WHAT_WORDS. */
function nounPhrase(tokens: TaggedToken[], k: number, end: number): { words: TaggedToken[]; next: number } | null {
  const words: TaggedToken[] = [];
  let j = k;
  while (j < end && words.length < MAX_WHAT_WORDS + 2 && (PHRASE_POS.has(tokens[j].pos) || (tokens[j].text === '-' && words.length > 0))) {
    words.push(tokens[j]);
    j++;
    // "4,500 troops patrol the north": a plural common noun ends the phrase; the noun after it is a verb the tagger
    // missed (compounds with a plural first part, "arms dealer", are rare in counts).
    const t = tokens[j - 1];
    if (t.pos === 'NOUN' && tokens[j]?.pos === 'NOUN' && !/^[A-Z]/.test(t.text) && singular(t.text) !== t.text.toLowerCase() && !PLURAL_MODIFIERS.has(t.text.toLowerCase())) break;
  }
  let last = words.length - 1;
  while (last >= 0 && !NOUNISH.has(words[last].pos)) last--;
  if (last < 0) return null;
  const kept = words.slice(Math.max(0, last + 1 - MAX_WHAT_WORDS), last + 1);
  return { words: kept, next: k + last + 1 };
}

function joinWords(text: string, words: TaggedToken[]): string {
  return text.slice(words[0].start, words[words.length - 1].end).replace(/\s+/g, ' ').toLowerCase();
}

/** Counted thing written before a lone number: "the troop count ... from 8,350" -> "troop count". */
function countNounBefore(text: string, sentence: Range, at: number): string | null {
  const before = text.slice(sentence.start, at);
  let found: string | null = null;
  for (const m of before.matchAll(COUNT_NOUNS)) {
    // "the number of counties to which ...": the counted noun ends before the first function word.
    const head = m[2] ? m[2].trim().split(/\s+/).filter((w, i, ws) => !ws.slice(0, i + 1).some((x) => FUNCTION_WORDS.has(x.toLowerCase()))).join(' ') : m[1].replace(/^(?:the|a|an|its|their|his|her)\s+/i, '').trim();
    if (head) found = head.toLowerCase();
  }
  return found;
}

function qualifierBefore(text: string, at: number): string | undefined {
  const before = text.slice(Math.max(0, at - 20), at).toLowerCase();
  return QUALIFIERS.filter((q) => new RegExp(`(?:^|[^a-z])${q}\\s+$`).test(before)).sort((a, b) => b.length - a.length)[0];
}

function isSkipped(text: string, tokens: TaggedToken[], n: NumberPhrase, times: Range[]): boolean {
  const first = tokens[n.first];
  const last = tokens[n.next - 1];
  const word = lower(tokens[n.currency ? n.first + 1 : n.first]);
  if (times.some((r) => r.start < last.end && first.start < r.end)) return true;
  // "At 0900 GMT Tuesday": a clock time written as four digits.
  if (/^0\d{3}$/.test(first.text) || /^\s*(?:GMT|UTC|EST|EDT|CET|local time)\b/.test(text.slice(last.end, last.end + 12))) return true;
  if (CLOCK_AFTER.test(text.slice(last.end, last.end + 6))) return true;
  if (!n.currency && CODE_AROUND.test(text.slice(Math.max(0, first.start - 2), first.start))) return true;
  if (/^-?[A-Za-z]/.test(text.slice(last.end, last.end + 2)) && !n.percent) return true;
  if (PHONE_LIKE.test(text.slice(first.start, last.end + 12).split(/\s{2,}|[A-Za-z]/)[0].trim()) && /\d[\s.-]\d/.test(text.slice(first.start, last.end + 12))) return true;
  if (word === 'one') {
    if (PRONOUN_ONE_BEFORE.has(lower(tokens[n.first - 1]))) return true;
    if (PRONOUN_ONE_AFTER.has(lower(tokens[n.next]))) return true;
  }
  // "one of the gravest escalations": a member of a set, not a count.
  if (lower(tokens[n.next]) === 'of' && lower(tokens[n.next + 1]) === 'the' && /(?:est|most|worst|best|least)$/i.test(tokens[n.next + 2]?.text ?? '')) return true;
  return false;
}

/** Words before "pounds" that make it a weight ("a mass of 70,000 pounds", "weighing 300 pounds"). */
const MASS_CONTEXT = /\b(?:mass|weigh\w*|weight|heavy|heavier|payload|load|cargo)\b/i;

/** Counted phrase for an implicit "a"/"an" count: only people and fielded things ("a policeman"), never "a group". */
function implicitCount(text: string, tokens: TaggedToken[], i: number): Found | null {
  if (!/^an?$/.test(lower(tokens[i]))) return null;
  const phrase = nounPhrase(tokens, i + 1, tokens.length);
  if (!phrase) return null;
  const kind = kindOfWords(phrase.words.map((w) => w.text), false);
  if (!kind || !(PERSON_KINDS.has(kind) || FIELDED_KINDS.has(kind))) return null;
  const t = tokens[i];
  return {
    q: { start: t.start, end: t.end, value: 1, what: joinWords(text, phrase.words) },
    first: i, next: i + 1, npStart: i + 1, npEnd: phrase.next, implicit: true,
  };
}

/** The expressions overlapping [from, to), given expressions in text order that do not overlap each other. */
function timesWithin(times: Range[], from: number, to: number): Range[] {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid].end <= from) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < times.length && times[end].start < to) end++;
  return times.slice(lo, end);
}

/**
 * Quantities in one article: value, what is counted (short, lowercase), the hedge written before it, and the
 * story it carries (kind, event, owner, informative; see QuantityAnnotation). "a"/"an" counts as 1 only where
 * it is coordinated with a written number that shares its event ("the death of a policeman and 3 attackers").
 */
export function findQuantities(text: string, sentences: Sentence[]): QuantityAnnotation[] {
  const allTimes = findTimeExpressions(text, sentences);
  const out: QuantityAnnotation[] = [];
  const previous: TaggedToken[][] = [];
  for (const sentence of sentences) {
    const tokens = tagTokens(text.slice(sentence.start, sentence.end), sentence.start);
    // Only the time expressions of this sentence and of the previous ones tellStory looks back into can matter:
    // testing all of the article's for every number cost numbers x times (80 KB of "4,500 troops on May 5, 2023"
    // has thousands of each).
    const times = timesWithin(allTimes, previous.find((p) => p.length > 0)?.[0].start ?? sentence.start, sentence.end);
    const found: Found[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (VAGUE_AMOUNTS.has(lower(tokens[i]))) continue;
      const n = readNumber(tokens, i);
      if (!n) {
        const implicit = implicitCount(text, tokens, i);
        if (implicit) found.push(implicit);
        continue;
      }
      if (isSkipped(text, tokens, n, times)) {
        i = n.next - 1;
        continue;
      }
      let k = n.next;
      while (tokens[k] && SKIPPED_MODIFIERS.has(lower(tokens[k]))) k++;
      let what: string | null = null;
      let npStart = k;
      let npEnd = k;
      if (n.percent) {
        const of = lower(tokens[k]) === 'of' ? nounPhrase(tokens, k + 1 + (/^(?:the|its|their|his|her|all)$/.test(lower(tokens[k + 1])) ? 1 : 0), tokens.length) : null;
        what = of ? `% of ${text.slice(tokens[k + 1].start, of.words[of.words.length - 1].end).toLowerCase()}` : '%';
        if (of) npEnd = of.next;
      } else {
        // "three of the assailants": the counted noun follows "of the".
        if (lower(tokens[k]) === 'of' && /^(?:the|its|their|his|her|them|those|these)$/.test(lower(tokens[k + 1]))) k += 2;
        let phrase = nounPhrase(tokens, k, tokens.length);
        // "Two people were killed and five wounded": a lone participle is what happened, not what is counted.
        if (phrase && phrase.words.length === 1 && ELLIPTIC_PARTICIPLE.test(phrase.words[0].text) && eventAt(tokens, k)) phrase = null;
        // "two attacks Sunday": the counted phrase stops before a time expression.
        if (phrase) {
          const cut = phrase.words.findIndex((w) => times.some((r) => r.start < w.end && w.start < r.end));
          if (cut === 0) phrase = null;
          else if (cut > 0) {
            let last = cut - 1;
            while (last >= 0 && !NOUNISH.has(phrase.words[last].pos)) last--;
            phrase = last < 0 ? null : { words: phrase.words.slice(0, last + 1), next: phrase.next - phrase.words.length + last + 1 };
          }
        }
        if (phrase) {
          what = joinWords(text, phrase.words);
          npStart = phrase.next - phrase.words.length; // the phrase's words are consecutive tokens
          npEnd = phrase.next;
        }
        if (n.currency) what = what && /^(?:dollars?|euros?|pounds?|yen)$/.test(what) ? what : n.currency;
        else if (what && /^(?:dollars?|euros?|pounds?|yen|rubles?|dinars?)$/.test(what)) what = what.endsWith('s') ? what : `${what}s`;
      }
      const start = tokens[n.first].start;
      const end = tokens[n.next - 1].end;
      const qualifier = qualifierBefore(text, start);
      let currency = n.currency ? CURRENCY_MARKS[tokens[n.first].text] ?? null : what ? CURRENCY_WORDS[what] ?? null : null;
      // "a combined mass of 70,000 pounds": pounds of weight, not sterling
      if (currency === 'gbp' && !n.currency && MASS_CONTEXT.test(text.slice(Math.max(sentence.start, tokens[n.first].start - 40), tokens[n.first].start))) currency = null;
      found.push({
        q: { start, end, value: n.value, what: what ?? '', ...(qualifier ? { qualifier } : {}) },
        first: n.first, next: n.next, npStart, npEnd, currency, percent: n.percent,
      });
      i = n.next - 1;
    }
    // "from 8,350 to 4,500 troops": a lone number takes the noun of its partner, or a count noun written before it.
    const written = found.filter((f) => !f.implicit);
    for (let q = 0; q < written.length; q++) {
      const f = written[q];
      if (f.q.what) continue;
      const p = written[q + 1];
      const partner = p && /^\s*(?:to|-|–|or|and)\s*$/.test(text.slice(f.q.end, p.q.start)) ? p : null;
      f.borrowed = true;
      // "and five wounded" (a participle read as a noun), not "and two hundred fled" (a verb with no noun to count)
      const elliptic = q > 0 && /^(?:and|,)$/.test(lower(tokens[f.first - 1])) && tokens[f.next] && tokens[f.next].pos !== 'VERB' && eventAt(tokens, f.next);
      const earlier = elliptic ? written[q - 1] : null;
      if (partner?.q.what) f.q.what = partner.q.what;
      else if (earlier?.q.what) {
        f.q.what = earlier.q.what;
        f.elliptic = true;
      } else f.q.what = countNounBefore(text, sentence, f.q.start) ?? '';
    }
    const withWhat = found.filter((f) => f.q.what !== '');
    out.push(...tellStory(text, tokens, withWhat, times, previous).map((f) => f.q));
    previous.push(tokens);
    if (previous.length > CONTEXT_SENTENCES) previous.shift();
  }
  return out;
}
