// Phrase lists (countries, cities, first names, organisation suffixes, role words) matched over tokens.
// The lists are built by the training script and shipped inside the model, so the tagger always sees
// exactly the lists it was trained with.

export const GAZETTEER_KINDS = [
  'country', 'city', 'capital', 'firstname', 'orgsuffix', 'role', 'demonym', 'lastname', 'region', 'organization', 'team', 'place',
] as const;
export type GazetteerKind = (typeof GAZETTEER_KINDS)[number];

export type GazetteerData = Partial<Record<GazetteerKind, string[]>>;

/** Folds accents and case so "Belgrade", "BELGRADE" and "Beograd"-style spellings share a key. */
export function foldKey(word: string): string {
  // Most tokens are ASCII, where folding is just lower-casing (and NFD would allocate for nothing).
  if (/^[\x00-\x7f]*$/.test(word)) return word.toLowerCase();
  return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Position of a token in a matched phrase, the last part of a gazetteer code. */
export const PhrasePosition = { Unit: 0, Begin: 1, Inside: 2, Last: 3 } as const;
export type PhrasePosition = (typeof PhrasePosition)[keyof typeof PhrasePosition];

/** A gazetteer match as a small integer: list kind (index in GAZETTEER_KINDS) and position in the phrase. */
export function gazetteerCode(kindIndex: number, position: PhrasePosition): number {
  return kindIndex * 4 + position;
}

const NO_MATCHES: readonly number[] = [];

const ORGSUFFIX = GAZETTEER_KINDS.indexOf('orgsuffix');
const ROLE = GAZETTEER_KINDS.indexOf('role');

export class Gazetteer {
  private readonly phrases = new Map<string, number>();
  /** Every proper prefix of a multi-word phrase, so matching stops as soon as no phrase can continue. */
  private readonly prefixes = new Set<string>();
  private maxWords = 1;

  constructor(data: GazetteerData) {
    GAZETTEER_KINDS.forEach((kind, bit) => {
      for (const phrase of data[kind] ?? []) {
        const key = phrase.split(/\s+/).map(foldKey).join(' ');
        this.phrases.set(key, (this.phrases.get(key) ?? 0) | (1 << bit));
        const words = key.split(' ');
        this.maxWords = Math.max(this.maxWords, words.length);
        for (let k = 1; k < words.length; k++) this.prefixes.add(words.slice(0, k).join(' '));
      }
    });
  }

  /**
   * For each token, the gazetteer codes (see gazetteerCode) of the longest phrase match covering it.
   * Only phrases starting with a capitalised word count (lists hold names, not common words),
   * except the lower-case organisation suffixes and role words. Tokens without a match share one empty list.
   */
  matchTokens(words: readonly string[], folded: readonly string[]): (readonly number[])[] {
    const out: (readonly number[])[] = new Array<readonly number[]>(words.length).fill(NO_MATCHES);
    const add = (i: number, code: number): void => {
      if (out[i] === NO_MATCHES) out[i] = [code];
      else (out[i] as number[]).push(code);
    };
    for (let i = 0; i < words.length; i++) {
      const first = words[i].charCodeAt(0);
      const capital = first >= 65 && first <= 90;
      // Longest candidate length whose every prefix is a known phrase prefix.
      let longest = 1;
      let prefix = folded[i];
      while (longest < Math.min(this.maxWords, words.length - i) && this.prefixes.has(prefix)) {
        prefix += ' ' + folded[i + longest];
        longest++;
      }
      for (let len = longest; len >= 1; len--) {
        const key = len === 1 ? folded[i] : folded.slice(i, i + len).join(' ');
        const mask = this.phrases.get(key);
        if (mask === undefined) continue;
        for (let bit = 0; bit < GAZETTEER_KINDS.length; bit++) {
          if (!(mask & (1 << bit))) continue;
          if (!capital && bit !== ORGSUFFIX && bit !== ROLE) continue;
          if (len === 1) add(i, gazetteerCode(bit, PhrasePosition.Unit));
          else
            for (let k = 0; k < len; k++)
              add(i + k, gazetteerCode(bit, k === 0 ? PhrasePosition.Begin : k === len - 1 ? PhrasePosition.Last : PhrasePosition.Inside));
        }
        if (len > 1) break; // the longest multi-word match wins; single words may still match other lists
      }
    }
    return out;
  }
}
