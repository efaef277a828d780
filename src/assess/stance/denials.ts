// The stance model as a denial detector for alignment: does one claim's sentence debunk another claim?
import type { ClaimItem, DenialDetector } from '../../align/index.js';
import { headlineStance } from './headline/index.js';
import { REFUTING_WORDS } from './cues.js';

const REFUTING = new Set(REFUTING_WORDS);

/**
 * A DenialDetector backed by the Emergent-trained headline stance model: `statement`'s sentence denies
 * `claim` when the model puts "against" at or above `minProbability`. Only statements whose own claim holds a
 * refuting word ("false", "hoax", "untrue", "baseless", ...) that the claim itself does not use are classified, so
 * the model (~0.1 ms a call) runs on few pairs and never turns a shared word into a denial.
 */
export function stanceDenials(minProbability = 0.7): DenialDetector {
  const sentenceOf = (c: ClaimItem) => {
    const s = c.doc.sentences[c.claim.sentence];
    return c.doc.article.text.slice(s.start, s.end);
  };
  const cache = new WeakMap<ClaimItem, Set<string>>();
  const refutingOf = (c: ClaimItem) => {
    let words = cache.get(c);
    if (!words) cache.set(c, (words = new Set((c.text.toLowerCase().match(/[\p{L}-]+/gu) ?? []).filter((w) => REFUTING.has(w)))));
    return words;
  };
  return (claim, statement) => {
    // The refuting word must be in the statement's own claim ("the reports are false"), not elsewhere in
    // its sentence, where it belongs to another claim ("Vucic denied ..., which has caused concern").
    const cues = refutingOf(statement);
    if (cues.size === 0) return false;
    const own = refutingOf(claim);
    if ([...cues].every((w) => own.has(w))) return false;
    return headlineStance(claim.text, sentenceOf(statement)).probabilities.against >= minProbability;
  };
}
