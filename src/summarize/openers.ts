// Which summary candidates can open a summary: the first sentence must stand on its own.
import type { SummaryDocument } from './types.js';
import type { Candidate } from './candidates.js';
import { dependentOpener, HEADLINE_VERB, STANDFIRST_SUBJECT } from './patterns.js';

/** Why a candidate cannot be the first summary sentence, or null when it can. */
export function openerProblem(candidate: Candidate, doc: SummaryDocument): string | null {
  const text = doc.text.slice(candidate.start, candidate.end);
  const dependent = dependentOpener(text);
  if (dependent) return dependent;
  if (isStandfirst(candidate, doc, text)) return 'standfirst';
  if (shortNameReference(candidate, doc, text)) return 'surname referring back';
  return null;
}

/** On a line of its own: a line break (or the text's edge) before and after it, with only blanks between. */
function aloneOnItsLines(doc: SummaryDocument, start: number, end: number): boolean {
  const before = doc.text.slice(Math.max(0, start - 200), start);
  const after = doc.text.slice(end, end + 200);
  return /(?:^|\n)[ \t]*$/.test(before) && /^[ \t]*(?:\n|$)/.test(after);
}

/**
 * A standfirst: among the first two sentences of its article, on a line of its own, with a headline-present
 * verb right after a name-like subject ("Serbia's Vucic refutes ...", "Serbia claims to have ...").
 */
export function isStandfirst(candidate: Candidate, doc: SummaryDocument, text: string): boolean {
  if (candidate.unit.position > 1) return false;
  if (!aloneOnItsLines(doc, candidate.unit.start, candidate.unit.end)) return false;
  const words = text.split(/\s+/).slice(0, 8);
  for (let i = 0; i < words.length; i++) {
    const word = words[i].replace(/[,;:]$/, '');
    if (i > 0 && HEADLINE_VERB.test(word)) return true;
    if (!STANDFIRST_SUBJECT.test(word)) return false;
  }
  return false;
}

/**
 * A bare surname as subject after the article named the person in full: "Vucevic denied allegations made
 * earlier in the day ..." follows "Serbian Defense Minister Milos Vucevic rejected ..." (seed 000); "Kurti"
 * after "Prime Minister Kurti". A reader of the summary has not met the full name yet.
 */
export function shortNameReference(candidate: Candidate, doc: SummaryDocument, text: string): boolean {
  const m = /^([A-Z][a-z]{2,})(?:['’]s)?\s+[a-z]/.exec(text);
  if (!m) return false;
  const name = m[1];
  const earlier = doc.text.slice(0, candidate.unit.start);
  const pattern = new RegExp(`([A-Z][a-z]+\\.?)\\s+${name}\\b`, 'g');
  for (const hit of earlier.matchAll(pattern)) {
    // The word before the name must not itself open a sentence ("Kosovo Prime Minister": "Kosovo" is no surname
    // there, and "Then Vucevic" would be a sentence start, not a first name).
    const before = earlier.slice(0, hit.index).trimEnd();
    if (before === '' || /[.!?"”’:\n]$/.test(before)) continue;
    return true;
  }
  return false;
}
