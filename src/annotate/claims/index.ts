// Claims layer: splits statement sentences into claims with slots (see ClaimAnnotation).
import type { ClaimAnnotation, Mention, QuantityAnnotation, QuoteAnnotation, Sentence, TimeAnnotation } from '../types.js';

/**
 * Claims of every sentence of one article, in text order. Placeholder until the clause splitter lands:
 * one claim per sentence, no slots.
 */
export function findClaims(
  _text: string,
  sentences: Sentence[],
  _mentions: Mention[],
  _quotes: QuoteAnnotation[],
  _quantities: QuantityAnnotation[],
  _times: TimeAnnotation[],
): ClaimAnnotation[] {
  return sentences.map((s, i) => ({
    start: s.start, end: s.end, sentence: i, source: null, sourceName: null, cue: null, predicate: null,
    participants: [], quantities: [], times: [], places: [], polarity: 'affirmed', modality: 'asserted',
  }));
}
