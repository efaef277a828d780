// Title-case headlines ("Serbia Denies Military Buildup on Kosovo Border") capitalise common words, which
// the CoNLL-trained tagger reads as names. Such lines are re-cased before tagging: a word goes to lower case
// when the article writes it in lower case elsewhere, or when the training text mostly did.
import type { Token } from './tokenize.js';

// A line counts as title case when at least MIN_COMMON of its words are capitalised common words and they
// make up at least COMMON_SHARE of its words. Lists of names ("Neil Back ( England )", "Real Madrid 2
// Barcelona 1" in sports results) are capitalised too, but mostly not common words, and must stay as written.
const MIN_COMMON = 3;
const COMMON_SHARE = 0.4;

function isTitleCase(words: readonly string[], isCommon: (lowerWord: string) => boolean): boolean {
  const alpha = words.filter((w) => /^[A-Za-z]/.test(w));
  const common = alpha.filter((w) => /^[A-Z][a-z]/.test(w) && isCommon(w.toLowerCase())).length;
  return common >= MIN_COMMON && common / alpha.length >= COMMON_SHARE;
}

// Subheadings ("Possible Russian Involvement", "Reduced Military Presence", "US Monitoring Serbian Deployment"):
// short capitalised lines without digits or closing punctuation, where at least half the words are common words.
// Acronyms ("US", "NATO", "EU") count as capitalised words: the seed subheading "US Monitoring Serbian
// Deployment" was otherwise tagged as one organisation.
const HEADING_MAX_WORDS = 6;
const HEADING_SHARE = 0.5;
// An all-capitals word of two to five letters, optionally dotted: "US", "U.S.", "NATO", "KFOR".
const ACRONYM = /^(?:[A-Z]\.?){2,5}$/;
const MINOR = /^(of|on|for|the|and|in|to|at|with|after|over|amid|a|an|as|by|from)$/;

function isHeading(words: readonly string[], isCommon: (lowerWord: string) => boolean): boolean {
  if (words.some((w) => /\d/.test(w)) || /^[.!?")\],;:]$/.test(words[words.length - 1] ?? '')) return false;
  const alpha = words.filter((w) => /^[A-Za-z]/.test(w) && !MINOR.test(w));
  if (alpha.length < 2 || alpha.length > HEADING_MAX_WORDS || !alpha.every((w) => /^[A-Z][a-z]/.test(w) || ACRONYM.test(w))) return false;
  const common = alpha.filter((w) => isCommon(w.toLowerCase()));
  return common.length / alpha.length >= HEADING_SHARE && alpha.slice(1).some((w) => isCommon(w.toLowerCase()));
}

const INFLECTIONS: [RegExp, string][] = [
  [/s$/, ''],
  [/es$/, ''],
  [/s$/, 'd'],
  [/s$/, 'ed'],
  [/ies$/, 'ied'],
  [/izes$/, 'ised'],
];

/**
 * Whether a lower-case word is a common word for this document: written in lower case in it (not sentence-first),
 * or mostly so in the training text, in that form or an inflection ("denounces" beside "denounced").
 * `forms` holds each sentence's word forms.
 */
export function commonWordsOf(forms: readonly (readonly string[])[], isCommonWord: (lowerWord: string) => boolean): (lowerWord: string) => boolean {
  const lowerInText = new Set<string>();
  for (const words of forms) for (let i = 1; i < words.length; i++) if (/^[a-z]/.test(words[i])) lowerInText.add(words[i]);
  const known = (lower: string): boolean => lowerInText.has(lower) || isCommonWord(lower);
  // Headline verbs are often in a form the text does not repeat ("Denounces" beside "denounced").
  return (lower) => known(lower) || INFLECTIONS.some(([from, to]) => from.test(lower) && known(lower.replace(from, to)));
}

/**
 * Word forms to tag, per sentence: the tokens' forms, with title-case lines re-cased. `common` tells common
 * words of this document (commonWordsOf).
 */
export function caseForTagging(sentences: readonly Token[][], common: (lowerWord: string) => boolean): string[][] {
  const forms = sentences.map((tokens) => tokens.map((t) => t.norm));
  const titled = forms.map((words) => isTitleCase(words, common) || isHeading(words, common));
  return forms.map((words, s) => {
    if (!titled[s]) return words;
    return words.map((w) => {
      if (!/^[A-Z][a-z]/.test(w)) return w;
      const lower = w.toLowerCase();
      return common(lower) ? lower : w;
    });
  });
}
