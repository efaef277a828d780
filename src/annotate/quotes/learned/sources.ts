// Who an attribution names as its source, chosen by a trained ranker among the noun phrases of the cue's sentence.
// The rules' subject finder is right for "X said" and "said X", but for acts and stances it often takes an object
// ("called Mr. Obama's remarks ...", "told NBC"), a passive's subject instead of its agent ("was denounced by the
// chairman") or nothing at all ("... is bearish and expects ..."); the rules' choice is one feature among many here.
import { stemmer } from 'stemmer';
import type { Mention } from '../../types.js';
import { firstTokenAtOrAfter, type Attribution, type AttributeInput, type Unit } from '../attribute.js';
import { isQuoteMark, joinsWord, POSSESSIVE, POSSESSIVE_PRONOUNS, type Phrase, type Token } from '../phrases.js';
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
  for (const u of units) if (u.lo <= token && token < u.hi) return u;
  return null;
}

function tokenRange(tokens: Token[], start: number, end: number): { from: number; to: number } {
  const from = firstTokenAtOrAfter(tokens, start);
  let to = from;
  while (to < tokens.length && tokens[to].end <= end) to++;
  return { from, to };
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

/** The phrases that could be the source of `a`, each with the features the ranker scores. */
export function sourceCandidates(input: AttributeInput, mentions: Mention[], a: Attribution): SourceCandidate[] {
  const { tokens, units, quoted } = input;
  if (!a.cue) return [];
  const cue = a.cue;
  const unit = unitOf(units, cue.first);
  if (!unit) return [];
  const content = tokenRange(tokens, a.start, a.end);
  const excluded = (i: number): boolean => quoted[i] >= 0 || (i >= cue.first && i <= cue.last) || (i >= content.from && i < content.to);
  const chunks = nounChunks(tokens, unit.lo, unit.hi, excluded);
  const rule = a.source;
  // The rules may name a source outside the cue's sentence ("He said:" before a quoted paragraph): keep it in the race.
  if (rule && !chunks.some((c) => c.start < rule.end && c.end > rule.start)) chunks.push(rule);
  chunks.sort((x, y) => x.from - y.from);
  if (chunks.length === 0) return [];

  const stem = stemmer(tokens[cue.first].lower);
  const kind = a.direct ? (a.partial ? 'partial' : 'direct') : cue.kind;
  const contentSide = content.from > cue.last ? 'R' : 'L';
  const passive = /ed$/.test(tokens[cue.first].lower) && ['is', 'was', 'were', 'been', 'be', 'are', 'being'].includes(tokens[cue.first - 1]?.lower ?? '');
  const before = chunks.filter((c) => c.to <= cue.first).reverse();
  const after = chunks.filter((c) => c.from > cue.last);

  return chunks.map((phrase) => {
    const left = phrase.to <= cue.first;
    const side = left ? 'L' : 'R';
    const rank = (left ? before : after).indexOf(phrase) + 1;
    const [gapFrom, gapTo] = left ? [phrase.to, cue.first] : [cue.last + 1, phrase.from];
    let commas = 0;
    let verbs = 0;
    let quotes = 0;
    for (let k = gapFrom; k < gapTo; k++) {
      if (tokens[k].text === ',') commas++;
      if (tokens[k].pos === 'VERB') verbs++;
      if (isQuoteMark(tokens[k]) || quoted[k] >= 0) quotes++;
    }
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
