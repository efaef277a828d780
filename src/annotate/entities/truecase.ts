// Title-case headlines ("Serbia Denies Military Buildup on Kosovo Border") capitalise common words, which
// the CoNLL-trained tagger reads as names. Such lines are re-cased before tagging: a word goes to lower case
// when the article writes it in lower case elsewhere, or when the training text mostly did.
import type { Token } from './tokenize.js';

// A line counts as title case when this share of its (at least MIN_WORDS) words are capitalised.
const TITLE_SHARE = 0.75;
const MIN_WORDS = 4;

function isTitleCase(words: readonly string[]): boolean {
  const alpha = words.filter((w) => /^[A-Za-z]/.test(w));
  if (alpha.length < MIN_WORDS) return false;
  const capitalised = alpha.filter((w) => /^[A-Z][a-z]/.test(w)).length;
  return capitalised / alpha.length >= TITLE_SHARE;
}

/** Word forms to tag, per sentence: the tokens' forms, with title-case lines re-cased. */
export function caseForTagging(sentences: readonly Token[][], isCommonWord: (lowerWord: string) => boolean): string[][] {
  const forms = sentences.map((tokens) => tokens.map((t) => t.norm));
  const titled = forms.map(isTitleCase);
  const lowerInText = new Set<string>();
  forms.forEach((words, s) => {
    if (titled[s]) return;
    for (let i = 1; i < words.length; i++) if (/^[a-z]/.test(words[i])) lowerInText.add(words[i]);
  });
  return forms.map((words, s) => {
    if (!titled[s]) return words;
    return words.map((w) => {
      if (!/^[A-Z][a-z]/.test(w)) return w;
      const lower = w.toLowerCase();
      const common = lowerInText.has(lower) || isCommonWord(lower);
      return common ? lower : w;
    });
  });
}
