// Tokens for concept extraction. The summarizer keeps stopwords in the token stream (bigram concepts need word
// order: "prime minister", "death toll") and splits on hyphens, so its units line up with how summaries are
// compared word by word; src/text/terms.ts folds hyphens instead, which suits alignment, not this.
import { stemmer } from 'stemmer';
import { eng } from 'stopword';

const STOP = new Set<string>([...eng, 's', 't', 'us', 'mr', 'mrs', 'ms', 'would', 'could', 'said', 'says', 'say', 'told']);

const WORD = /[A-Za-z0-9\u00C0-\u024F]+/g;

export interface Token {
  stem: string;
  stop: boolean;
}

const stemCache = new Map<string, string>();

function stemOf(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = /^\d/.test(word) ? word : stemmer(word);
    if (stemCache.size < 200_000) stemCache.set(word, stem);
  }
  return stem;
}

/** Lower-cased, stemmed word tokens of a text, each marked as stopword or not. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0].toLowerCase();
    out.push({ stem: stemOf(word), stop: STOP.has(word) });
  }
  return out;
}

/** Words as a length budget counts them: whitespace-separated pieces. */
export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}
