// The shared stance cue lists (../cues.ts) turned into what the body features match: sets of single tokens
// and token sequences for phrases, both in the tokeniser's form (features.ts drops one-letter pieces, so
// "isn't true" becomes ["isn", "true"]). Kept apart from features.ts so the lists are data, not code.
import { HEDGING_PHRASES, HEDGING_WORDS, NEGATION_WORDS, REFUTING_PHRASES, REFUTING_WORDS, SUPPORTING_WORDS } from '../cues.js';

const words = (list: readonly string[]): string[] => list.flatMap((w) => w.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? []);

/** Refuting single words ("hoax", "debunked"); hyphenated entries ("made-up") are matched as phrases. */
export const BODY_REFUTING = new Set(words(REFUTING_WORDS.filter((w) => !w.includes('-'))));

/** Phrases as token sequences, indexed by their first token so that a lookup per body token is one map read. */
export type PhraseIndex = ReadonlyMap<string, string[][]>;

function phraseIndex(phrases: readonly string[]): PhraseIndex {
  const index = new Map<string, string[][]>();
  for (const p of phrases) {
    const tokens = words([p]);
    if (tokens.length === 0) continue;
    const list = index.get(tokens[0]) ?? [];
    list.push(tokens);
    index.set(tokens[0], list);
  }
  return index;
}

/** Refuting phrases ("not true" → ["not", "true"]), plus the hyphenated words ("made-up"). */
export const BODY_REFUTING_PHRASES = phraseIndex([...REFUTING_PHRASES, ...REFUTING_WORDS.filter((w) => w.includes('-'))]);

export const BODY_HEDGING = new Set(words(HEDGING_WORDS));
export const BODY_HEDGING_PHRASES = phraseIndex(HEDGING_PHRASES);
export const BODY_CONFIRMING = new Set(words(SUPPORTING_WORDS));

// "didn't" tokenises to "didn": the contraction stems stand for the negation here.
export const BODY_NEGATION = new Set([
  ...words(NEGATION_WORDS),
  ...['didn', 'doesn', 'isn', 'wasn', 'aren', 'weren', 'hasn', 'haven', 'hadn', 'couldn', 'wouldn', 'shouldn', 'won', 'don', 'ain'],
]);

/** Whether one of `phrases` starts at token `at`. */
export function phraseAt(tokens: readonly string[], at: number, phrases: PhraseIndex): boolean {
  const candidates = phrases.get(tokens[at]);
  if (!candidates) return false;
  outer: for (const p of candidates) {
    if (at + p.length > tokens.length) continue;
    for (let k = 1; k < p.length; k++) if (tokens[at + k] !== p[k]) continue outer;
    return true;
  }
  return false;
}
