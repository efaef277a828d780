import { stemmer } from 'stemmer';
import { STOPWORDS } from './stopwords.js';

// Spelling variants that news outlets use for the same word (build-up/buildup, mobilisation/mobilization):
// folding them before stemming lets two outlets' sentences about one fact share their terms.
const SPELLING = /isation|isations|ise\b|ised\b|ising\b/g;
const SPELLING_FIX: Record<string, string> = { isation: 'ization', isations: 'izations', ise: 'ize', ised: 'ized', ising: 'izing' };

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

/** Lowercased words of a text, with hyphens and apostrophes folded (build-up -> buildup, Serbia's -> serbia). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(WORD)) {
    let word = match[0].toLowerCase().replace(/['’]s$/, '').replace(/['’.-]/g, '');
    if (/^\d+$/.test(word) === false) word = word.replace(SPELLING, (m) => SPELLING_FIX[m] ?? m);
    if (word) out.push(word);
  }
  return out;
}

/** Stemmed content terms (stopwords removed): the unit every cross-article comparison uses. */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    if (STOPWORDS.has(word) || word.length < 2) continue;
    out.push(/^\d/.test(word) ? word : stemmer(word));
  }
  return out;
}
