// Counted quantities ("600 more soldiers", "about 30 armed Serbs", "Over 90% of the population") with what they
// count. Written by hand on top of wink's part-of-speech tags: number parsers (e.g. compromise) read the value
// but not the counted noun phrase, and nothing in npm keeps news-specific skips (years, "one of the gravest").
import type { QuantityAnnotation, Range, Sentence } from '../types.js';
import { tagTokens, type TaggedToken } from '../nlp.js';
import { findTimeExpressions } from '../times/index.js';
import {
  CLOCK_AFTER, CODE_AROUND, COUNT_NOUNS, CURRENCY_SYMBOLS, PHONE_LIKE, PRONOUN_ONE_AFTER, PRONOUN_ONE_BEFORE, QUALIFIERS,
  SCALE_WORDS, SKIPPED_MODIFIERS, UNIT_WORDS, VAGUE_AMOUNTS,
} from './patterns.js';

/** Longest `what`, in words (the head noun phrase, not the whole clause). */
export const MAX_WHAT_WORDS = 4;

const DIGITS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/;
const NOUNISH = new Set(['NOUN', 'PROPN']);
const PHRASE_POS = new Set(['NOUN', 'PROPN', 'ADJ']);

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
    const head = m[2] ? m[2].trim() : m[1].replace(/^(?:the|a|an|its|their|his|her)\s+/i, '').trim();
    found = head.toLowerCase();
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

/** Quantities in one article: value, what is counted (short, lowercase), and the hedge written before it. */
export function findQuantities(text: string, sentences: Sentence[]): QuantityAnnotation[] {
  const times = findTimeExpressions(text, sentences);
  const out: (QuantityAnnotation & { sentence: Sentence })[] = [];
  for (const sentence of sentences) {
    const tokens = tagTokens(text.slice(sentence.start, sentence.end), sentence.start);
    for (let i = 0; i < tokens.length; i++) {
      if (VAGUE_AMOUNTS.has(lower(tokens[i]))) continue;
      const n = readNumber(tokens, i);
      if (!n) continue;
      if (isSkipped(text, tokens, n, times)) {
        i = n.next - 1;
        continue;
      }
      let k = n.next;
      while (tokens[k] && SKIPPED_MODIFIERS.has(lower(tokens[k]))) k++;
      let what: string | null = null;
      if (n.percent) {
        const of = lower(tokens[k]) === 'of' ? nounPhrase(tokens, k + 1 + (/^(?:the|its|their|his|her|all)$/.test(lower(tokens[k + 1])) ? 1 : 0), tokens.length) : null;
        what = of ? `% of ${text.slice(tokens[k + 1].start, of.words[of.words.length - 1].end).toLowerCase()}` : '%';
      } else {
        // "three of the assailants": the counted noun follows "of the".
        if (lower(tokens[k]) === 'of' && /^(?:the|its|their|his|her|them|those|these)$/.test(lower(tokens[k + 1]))) k += 2;
        const phrase = nounPhrase(tokens, k, tokens.length);
        if (phrase) what = joinWords(text, phrase.words);
        if (n.currency) what = what && /^(?:dollars?|euros?|pounds?|yen)$/.test(what) ? what : n.currency;
        else if (what && /^(?:dollars?|euros?|pounds?|yen|rubles?|dinars?)$/.test(what)) what = what.endsWith('s') ? what : `${what}s`;
      }
      const start = tokens[n.first].start;
      const end = tokens[n.next - 1].end;
      out.push({ start, end, value: n.value, what: what ?? '', sentence, ...(qualifierBefore(text, start) ? { qualifier: qualifierBefore(text, start) } : {}) });
      i = n.next - 1;
    }
  }
  // "from 8,350 to 4,500 troops": a lone number takes the noun of its partner, or a count noun written before it.
  for (let q = 0; q < out.length; q++) {
    if (out[q].what) continue;
    const partner = out[q + 1] && out[q + 1].sentence === out[q].sentence && /^\s*(?:to|-|–|or|and)\s*$/.test(text.slice(out[q].end, out[q + 1].start)) ? out[q + 1] : null;
    if (partner?.what) out[q].what = partner.what;
    else out[q].what = countNounBefore(text, out[q].sentence, out[q].start) ?? '';
  }
  return out.filter((q) => q.what !== '').map(({ sentence: _sentence, ...q }) => q);
}
