// Polarity and modality of a claim: negation scoped to the claim's predicate, denial by its source, and how the
// claim is put (reported, alleged, planned, future, hedged).
import type { ClaimModality, ClaimPolarity } from '../types.js';
import { ALLEGED_MARKERS, FUTURE_MARKERS, HEDGES, NEGATING_VERBS, NEGATIONS, PLAN_WORDS } from './cues.js';
import type { Frame } from './frames.js';
import { LIGHT_VERBS } from './predicates.js';
import type { Tok } from './tokens.js';

/** How far before the predicate a negation still scopes over it: "did not [sign]", "never [entered]", "there was no combat [readiness]". */
const NEGATION_WINDOW = 5;

/**
 * 'denied' when the frame denies the content; 'negated' when a negation governs the predicate ("did not deploy",
 * "never entered", "there was no combat readiness", "have refused to recognise", "is not accurate", "gave no
 * details"); else 'affirmed'.
 */
export function polarityOf(toks: Tok[], idx: number[], predicateAt: number, frame: Frame | null): ClaimPolarity {
  if (frame?.kind === 'deny') return 'denied';
  if (predicateAt < 0) return 'affirmed';
  // Walk back from the predicate; a clause boundary ends the negation's scope.
  for (let j = predicateAt - 1; j >= Math.max(0, predicateAt - NEGATION_WINDOW); j--) {
    const t = toks[idx[j]];
    if (t.text === ',' || t.text === ';') break;
    if (NEGATIONS.has(t.lower) || NEGATIONS.has(t.lemma)) return 'negated';
    if (NEGATING_VERBS.has(t.lemma) && toks[idx[j + 1]]?.lower === 'to') return 'negated';
  }
  const p = toks[idx[predicateAt]];
  // Negation after a copula or light verb: "it is not accurate", "gave no further details".
  if (p.pos === 'AUX' || LIGHT_VERBS.has(p.lemma)) {
    for (let j = predicateAt + 1; j < Math.min(idx.length, predicateAt + 3); j++) {
      const t = toks[idx[j]];
      if (NEGATIONS.has(t.lower) || NEGATIONS.has(t.lemma)) return 'negated';
    }
  }
  return 'affirmed';
}

/**
 * Modality, first match wins: alleged (an allegation frame, "allegedly", "alleged plans"), hedged ("may", "might",
 * "could", "reportedly"), planned ("plans to", "intends to", "wants to" before the predicate), future ("will",
 * "would", "is to"), reported (a source frames it), asserted.
 */
export function modalityOf(toks: Tok[], idx: number[], predicateAt: number, frame: Frame | null): ClaimModality {
  const upTo = predicateAt < 0 ? idx.length : predicateAt;
  if (frame?.alleged || frame?.kind === 'allege') return 'alleged';
  for (let j = 0; j < idx.length; j++) if (ALLEGED_MARKERS.has(toks[idx[j]].lower)) return 'alleged';
  for (let j = 0; j < upTo; j++) {
    const t = toks[idx[j]];
    // "may" the modal, not "May" the month.
    if (HEDGES.has(t.lower) && (t.pos === 'AUX' || t.pos === 'ADV' || t.pos === 'VERB')) return 'hedged';
  }
  for (let j = Math.max(0, upTo - 6); j < upTo; j++) {
    const t = toks[idx[j]];
    if (PLAN_WORDS.has(t.lemma) || PLAN_WORDS.has(t.lower)) {
      if (toks[idx[j + 1]]?.lower === 'to') return 'planned';
    }
  }
  for (let j = Math.max(0, upTo - 4); j < upTo; j++) {
    const t = toks[idx[j]];
    if (FUTURE_MARKERS.has(t.lower)) return 'future';
    // "is to", "are to": a scheduled event.
    if (t.lemma === 'be' && t.pos === 'AUX' && toks[idx[j + 1]]?.lower === 'to' && j + 2 === upTo) return 'future';
  }
  if (frame) return 'reported';
  return 'asserted';
}
