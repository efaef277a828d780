// The stemmer ROUGE-1.5.5 applies with `-m`: first WordNet's irregular-form tables ("children" -> "child",
// "brought" -> "bring"), then Porter (1980) with ROUGE's own change to step 4 (CYL, 2004-02-14), which tries
// "-ment" and then "-ent" after the other step-4 suffixes, so "governmental" -> "govern" and "agreement" -> "agreem".
// Written by hand because the `stemmer` package implements plain Porter, and the two disagree on enough
// newswire words ("government", "agreement", "settlement") to move DUC ROUGE-1 scores by ~0.01.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function loadExceptions(): Map<string, string> {
  const table = new Map<string, string>();
  // WordNet's verb.exc / noun.exc / adj.exc (WordNet 3.0 as packaged by wink-lexicon; ROUGE ships 2.0's).
  for (const part of ['wn-verb-exceptions', 'wn-noun-exceptions', 'wn-adjective-exceptions']) {
    const entries = require(`wink-lexicon/src/${part}.js`) as Record<string, string>;
    for (const [inflected, base] of Object.entries(entries)) if (!table.has(inflected)) table.set(inflected, base);
  }
  // Modal pairs that the 3.0 tables list but ROUGE's 2.0 database does not: with them, "would" in a
  // summary matches "will" in a reference, which ROUGE never counts (measured on the SumRepo outputs).
  for (const modal of ['would', 'could', 'might', 'should']) table.delete(modal);
  return table;
}

let exceptions: Map<string, string> | null = null;

const C = '[^aeiou][^aeiouy]*';
const V = '[aeiouy][aeiou]*';
const mGreater0 = new RegExp(`^(${C})?${V}${C}`);
const mEquals1 = new RegExp(`^(${C})?${V}${C}(${V})?$`);
const mGreater1 = new RegExp(`^(${C})?${V}${C}${V}${C}`);
const hasVowel = new RegExp(`^(${C})?[aeiouy]`);
const cvc = new RegExp(`^${C}[aeiouy][^aeiouwxy]$`);

const step2: Record<string, string> = {
  ational: 'ate', tional: 'tion', enci: 'ence', anci: 'ance', izer: 'ize', bli: 'ble', alli: 'al', entli: 'ent',
  eli: 'e', ousli: 'ous', ization: 'ize', ation: 'ate', ator: 'ate', alism: 'al', iveness: 'ive', fulness: 'ful',
  ousness: 'ous', aliti: 'al', iviti: 'ive', biliti: 'ble', logi: 'log',
};
const step3: Record<string, string> = { icate: 'ic', ative: '', alize: 'al', iciti: 'ic', ical: 'ic', ful: '', ness: '' };
const step2Pattern = new RegExp(`(${Object.keys(step2).join('|')})$`);
const step3Pattern = new RegExp(`(${Object.keys(step3).join('|')})$`);
const step4Pattern = /(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$/;

/** Porter's algorithm with ROUGE-1.5.5's step 4. Input is lower case. */
export function rougePorter(word: string): string {
  if (word.length < 3) return word;
  const initialY = word.startsWith('y');
  let w = initialY ? 'Y' + word.slice(1) : word;
  let m: RegExpExecArray | null;

  if ((m = /(ss|i)es$/.exec(w))) w = w.slice(0, m.index) + m[1];
  else if ((m = /([^s])s$/.exec(w))) w = w.slice(0, m.index) + m[1];

  if ((m = /eed$/.exec(w))) {
    if (mGreater0.test(w.slice(0, m.index))) w = w.slice(0, -1);
  } else if ((m = /(ed|ing)$/.exec(w))) {
    const stem = w.slice(0, m.index);
    if (hasVowel.test(stem)) {
      w = stem;
      if (/(at|bl|iz)$/.test(w)) w += 'e';
      else if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
      else if (cvc.test(w)) w += 'e';
    }
  }

  if ((m = /y$/.exec(w)) && hasVowel.test(w.slice(0, m.index))) w = w.slice(0, m.index) + 'i';

  if ((m = step2Pattern.exec(w)) && mGreater0.test(w.slice(0, m.index))) w = w.slice(0, m.index) + step2[m[1]];
  if ((m = step3Pattern.exec(w)) && mGreater0.test(w.slice(0, m.index))) w = w.slice(0, m.index) + step3[m[1]];

  if ((m = step4Pattern.exec(w)) && mGreater1.test(w.slice(0, m.index))) w = w.slice(0, m.index);
  if ((m = /ment$/.exec(w)) && mGreater1.test(w.slice(0, m.index))) w = w.slice(0, m.index);
  if ((m = /ent$/.exec(w))) {
    if (mGreater1.test(w.slice(0, m.index))) w = w.slice(0, m.index);
  } else if ((m = /(s|t)(ion)$/.exec(w))) {
    const stem = w.slice(0, m.index) + m[1];
    if (mGreater1.test(stem)) w = stem;
  }

  if ((m = /e$/.exec(w))) {
    const stem = w.slice(0, m.index);
    if (mGreater1.test(stem) || (mEquals1.test(stem) && !cvc.test(stem))) w = stem;
  }
  if (/ll$/.test(w) && mGreater1.test(w)) w = w.slice(0, -1);

  return initialY ? 'y' + w.slice(1) : w;
}

/** ROUGE's MorphStem: an irregular form's base when WordNet lists one, else the Porter stem. */
export function rougeStem(word: string): string {
  exceptions ??= loadExceptions();
  return exceptions.get(word) ?? rougePorter(word);
}
