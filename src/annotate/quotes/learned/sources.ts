// Who an attribution names as its source, chosen by a trained ranker among the noun phrases of the cue's sentence.
// The rules' subject finder is right for "X said" and "said X", but for acts and stances it often takes an object
// ("called Mr. Obama's remarks ...", "told NBC"), a passive's subject instead of its agent ("was denounced by the
// chairman") or nothing at all ("... is bearish and expects ..."); the rules' choice is one feature among many here.
import { stemmer } from 'stemmer';
import type { Mention } from '../../types.js';
import { firstTokenAtOrAfter, type Attribution, type AttributeInput, type Unit } from '../attribute.js';
import { isQuoteMark, joinsWord, POSSESSIVE, POSSESSIVE_PRONOUNS, type Phrase, type Token } from '../phrases.js';
import { tokensEndingBy } from '../ranges.js';
import { overlappingMention } from './features.js';
import { bestScoring, type WeightLookup } from './model.js';

export interface SourceCandidate {
  phrase: Phrase;
  features: string[];
}

const STARTS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON']);
const BODY = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);
const HEADS = new Set(['NOUN', 'PROPN', 'PRON']);

const bucket = (n: number): number => (n <= 2 ? n : n <= 4 ? 4 : n <= 8 ? 8 : 16);

function continuesPhrase(tokens: Token[], j: number): boolean {
  const t = tokens[j];
  if (BODY.has(t.pos) || POSSESSIVE.has(t.lower)) return true;
  if (t.text === '-' && joinsWord(tokens, j)) return true;
  // "Secretary of State Hillary Clinton", "the U.S. Court of Appeals": "of" between capitalised words.
  if (t.lower === 'of' && /^\p{Lu}/u.test(tokens[j - 1]?.text ?? '') && /^\p{Lu}/u.test(tokens[j + 1]?.text ?? '')) return true;
  return /^\p{Lu}/u.test(t.text) && t.pos !== 'PUNCT' && t.pos !== 'PRON' && t.pos !== 'VERB';
}

/** Noun phrases of [lo, hi) outside the excluded tokens: determiners, adjectives and nouns up to a head. */
export function nounChunks(tokens: Token[], lo: number, hi: number, excluded: (i: number) => boolean): Phrase[] {
  const out: Phrase[] = [];
  let i = lo;
  while (i < hi) {
    const t = tokens[i];
    if (excluded(i) || !(STARTS.has(t.pos) || POSSESSIVE_PRONOUNS.has(t.lower))) {
      i++;
      continue;
    }
    if (t.pos === 'PRON' && !POSSESSIVE_PRONOUNS.has(t.lower)) {
      out.push({ from: i, to: i + 1, start: t.start, end: t.end });
      i++;
      continue;
    }
    let j = i + 1;
    while (j < hi && !excluded(j) && continuesPhrase(tokens, j)) j++;
    let hasHead = false;
    for (let k = i; k < j; k++) if (HEADS.has(tokens[k].pos) || /^\p{Lu}/u.test(tokens[k].text)) hasHead = true;
    if (hasHead) out.push({ from: i, to: j, start: t.start, end: tokens[j - 1].end });
    i = j;
  }
  return out;
}

function unitOf(units: Unit[], token: number): Unit | null {
  // Binary search: units are in order and do not overlap (a linear scan made every attribution cost O(units)).
  let lo = 0;
  let hi = units.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const u = units[mid];
    if (token < u.lo) hi = mid - 1;
    else if (token >= u.hi) lo = mid + 1;
    else return u;
  }
  return null;
}

/**
 * How far (in tokens) from its cue a source candidate may stand, and how many candidates each side keeps (nearest
 * first). Every feature of a candidate is bucketed (gap at 16, rank at 4, counts at 3), so a phrase further away
 * than this never wins in news text: on PolNeAR the chosen source is at most 109 tokens and 17 phrases from its
 * cue. Without the bounds a 25 KB sentence of "The minister said that the army " repeated made each of its ~800
 * cues rank every phrase of the sentence, scanning the words in between for each: cubic, over a minute.
 */
export const SOURCE_WINDOW_TOKENS = 160;
export const SOURCE_CANDIDATES_PER_SIDE = 32;

/** True when no noun chunk can run across token `i` (nounChunks neither starts nor continues one there). */
function breaksChunks(tokens: Token[], i: number, excluded: (i: number) => boolean): boolean {
  const t = tokens[i];
  return excluded(i) || (!(STARTS.has(t.pos) || POSSESSIVE_PRONOUNS.has(t.lower)) && !continuesPhrase(tokens, i));
}

/**
 * Token bounds [lo, hi) of the window around a cue, moved outwards to a token that breaks noun chunks so that the
 * chunks found inside the window are exactly those the whole sentence would give there.
 */
function windowAround(tokens: Token[], unit: Unit, first: number, last: number, excluded: (i: number) => boolean): { lo: number; hi: number } {
  // The move outwards is bounded too: a run of capitalised words with no break stays a (cut) candidate.
  let lo = Math.max(unit.lo, first - SOURCE_WINDOW_TOKENS);
  for (const floor = Math.max(unit.lo, lo - SOURCE_WINDOW_TOKENS); lo > floor && !breaksChunks(tokens, lo, excluded); ) lo--;
  let hi = Math.min(unit.hi, last + 1 + SOURCE_WINDOW_TOKENS);
  for (const ceiling = Math.min(unit.hi, hi + SOURCE_WINDOW_TOKENS); hi < ceiling && !breaksChunks(tokens, hi, excluded); ) hi++;
  return { lo, hi };
}

function tokenRange(tokens: Token[], start: number, end: number): { from: number; to: number } {
  const from = firstTokenAtOrAfter(tokens, start);
  return { from, to: Math.max(from, tokensEndingBy(tokens, from, end)) };
}

function shape(tokens: Token[], from: number, to: number): string {
  if (to - from > 4) return 'long';
  const parts: string[] = [];
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    parts.push(t.pos === 'PUNCT' || t.pos === 'ADP' || t.pos === 'AUX' || t.pos === 'SCONJ' || t.pos === 'CCONJ' ? t.lower : t.pos);
  }
  return parts.join('_');
}

/**
 * Keeps, in place, the SOURCE_CANDIDATES_PER_SIDE chunks nearest the cue on each side (and the rules' choice),
 * in their order. `chunks` is sorted by position.
 */
function nearestPerSide(chunks: Phrase[], first: number, last: number, rule: Phrase | null): void {
  const leftCount = chunks.filter((c) => c.to <= first).length;
  let rightSeen = 0;
  let leftSeen = 0;
  let w = 0;
  for (const c of chunks) {
    let keep = true;
    if (c.to <= first) keep = leftCount - leftSeen++ <= SOURCE_CANDIDATES_PER_SIDE;
    else if (c.from > last) keep = ++rightSeen <= SOURCE_CANDIDATES_PER_SIDE;
    if (keep || c === rule) chunks[w++] = c;
  }
  chunks.length = w;
}

interface GapCounts {
  commas: Int32Array;
  verbs: Int32Array;
  quotes: Int32Array;
}

// Prefix counts of the tokens a gap feature counts, once per text (keyed by its quoted-token marks).
const gapCountCache = new WeakMap<Int32Array, GapCounts>();

function gapCounts(tokens: Token[], quoted: Int32Array): GapCounts {
  let c = gapCountCache.get(quoted);
  if (!c || c.commas.length !== tokens.length + 1) {
    c = { commas: new Int32Array(tokens.length + 1), verbs: new Int32Array(tokens.length + 1), quotes: new Int32Array(tokens.length + 1) };
    for (let k = 0; k < tokens.length; k++) {
      c.commas[k + 1] = c.commas[k] + (tokens[k].text === ',' ? 1 : 0);
      c.verbs[k + 1] = c.verbs[k] + (tokens[k].pos === 'VERB' ? 1 : 0);
      c.quotes[k + 1] = c.quotes[k] + (isQuoteMark(tokens[k]) || quoted[k] >= 0 ? 1 : 0);
    }
    gapCountCache.set(quoted, c);
  }
  return c;
}

function countBetween(prefix: Int32Array, from: number, to: number): number {
  return to <= from ? 0 : prefix[to] - prefix[from];
}

/** The phrases that could be the source of `a`, each with the features the ranker scores. */
export function sourceCandidates(input: AttributeInput, mentions: Mention[], a: Attribution): SourceCandidate[] {
  const { tokens, units, quoted } = input;
  if (!a.cue) return [];
  const cue = a.cue;
  const unit = unitOf(units, cue.first);
  if (!unit) return [];
  const content = tokenRange(tokens, a.start, a.end);
  const excluded = (i: number): boolean => quoted[i] >= 0 || (i >= cue.first && i <= cue.last) || (i >= content.from && i < content.to);
  const window = windowAround(tokens, unit, cue.first, cue.last, excluded);
  const chunks = nounChunks(tokens, window.lo, window.hi, excluded);
  const rule = a.source;
  // The rules may name a source outside the cue's sentence ("He said:" before a quoted paragraph): keep it in the race.
  if (rule && !chunks.some((c) => c.start < rule.end && c.end > rule.start)) chunks.push(rule);
  chunks.sort((x, y) => x.from - y.from);
  if (chunks.length === 0) return [];
  nearestPerSide(chunks, cue.first, cue.last, rule);

  const counts = gapCounts(tokens, quoted);
  const stem = stemmer(tokens[cue.first].lower);
  const kind = a.direct ? (a.partial ? 'partial' : 'direct') : cue.kind;
  const contentSide = content.from > cue.last ? 'R' : 'L';
  const passive = /ed$/.test(tokens[cue.first].lower) && ['is', 'was', 'were', 'been', 'be', 'are', 'being'].includes(tokens[cue.first - 1]?.lower ?? '');
  // Rank of each chunk on its side of the cue (1 = nearest), without an indexOf per chunk.
  const ranks = new Map<Phrase, number>();
  const before = chunks.filter((c) => c.to <= cue.first).reverse();
  const after = chunks.filter((c) => c.from > cue.last);
  before.forEach((c, k) => ranks.set(c, k + 1));
  after.forEach((c, k) => ranks.set(c, k + 1));

  return chunks.map((phrase) => {
    const left = phrase.to <= cue.first;
    const side = left ? 'L' : 'R';
    const rank = ranks.get(phrase) ?? 0;
    const [gapFrom, gapTo] = left ? [phrase.to, cue.first] : [cue.last + 1, phrase.from];
    const commas = countBetween(counts.commas, gapFrom, gapTo);
    const verbs = countBetween(counts.verbs, gapFrom, gapTo);
    const quotes = countBetween(counts.quotes, gapFrom, gapTo);
    const head = tokens[phrase.to - 1];
    const headWord = head.pos === 'PROPN' ? 'PROPN' : head.lower;
    const prev = phrase.from > unit.lo ? tokens[phrase.from - 1].lower : '<s>';
    const next = phrase.to < unit.hi ? tokens[phrase.to].lower : '</s>';
    const between = shape(tokens, gapFrom, gapTo);
    const type = overlappingMention(mentions, phrase)?.type ?? 'none';
    const isRule = rule !== null && rule.start < phrase.end && rule.end > phrase.start;
    const inside = left ? (contentSide === 'L' && phrase.from >= content.to) : (contentSide === 'R' && phrase.to <= content.from);
    const f = [
      'side=' + side, 'rank=' + side + Math.min(rank, 4), 'gap=' + side + bucket(gapTo - gapFrom), 'between=' + side + '|' + between,
      'commas=' + side + Math.min(commas, 3), 'verbs=' + side + Math.min(verbs, 3), 'quotes=' + side + Math.min(quotes, 2),
      'head=' + headWord, 'headpos=' + head.pos, 'first=' + tokens[phrase.from].lower, 'type=' + type, 'type|side=' + type + '|' + side,
      'prev=' + prev, 'next=' + next, 'prev|side=' + prev + '|' + side, 'unit-first=' + (phrase.from === unit.lo),
      'rule=' + isRule, 'rule|kind=' + isRule + '|' + kind, 'rule|type=' + isRule + '|' + type, 'rule|rank=' + isRule + '|' + side + Math.min(rank, 4),
      'kind|side=' + kind + '|' + side, 'kind|rank=' + kind + '|' + side + Math.min(rank, 4), 'content=' + contentSide + '|' + side,
      'between-content=' + inside, 'stem|side=' + stem + '|' + side, 'stem|rank=' + stem + '|' + side + Math.min(rank, 4),
      'stem|between=' + stem + '|' + between, 'stem|prev=' + stem + '|' + prev, 'cuepos|side=' + tokens[cue.first].pos + '|' + side,
      'passive|side|prev=' + passive + '|' + side + '|' + prev, 'headpos|side|rank=' + head.pos + '|' + side + Math.min(rank, 4),
      'type|between=' + type + '|' + between,
    ];
    return { phrase, features: f };
  });
}

/** The best-scoring candidate's phrase, or null when there is none. */
export function chooseSource(weights: WeightLookup, candidates: readonly SourceCandidate[]): Phrase | null {
  const best = bestScoring(weights, candidates.map((c) => c.features));
  return best < 0 ? null : candidates[best].phrase;
}
