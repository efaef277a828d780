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
  return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

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
   * For each token, feature strings "kind:B|I|L|U" of the longest phrase match covering it.
   * Only phrases starting with a capitalised word count (lists hold names, not common words),
   * except the lower-case organisation suffixes and role words.
   */
  matchTokens(words: readonly string[], folded: readonly string[]): string[][] {
    const out: string[][] = words.map(() => []);
    for (let i = 0; i < words.length; i++) {
      const capital = /^[A-Z]/.test(words[i]);
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
        GAZETTEER_KINDS.forEach((kind, bit) => {
          if (!(mask & (1 << bit))) return;
          if (!capital && kind !== 'orgsuffix' && kind !== 'role') return;
          if (len === 1) out[i].push(kind + ':U');
          else
            for (let k = 0; k < len; k++) out[i + k].push(kind + (k === 0 ? ':B' : k === len - 1 ? ':L' : ':I'));
        });
        if (len > 1) break; // the longest multi-word match wins; single words may still match other lists
      }
    }
    return out;
  }
}
