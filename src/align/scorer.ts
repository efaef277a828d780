// The pair scorer alignment uses: whether two claims say the same thing, as a probability.
import type { ClaimItem } from './claims.js';
import type { MeaningScorer } from './relations.js';
import { prepareSide, scorePair, type PreparedSide } from './pairs/index.js';

/**
 * The trained claim-pair model (src/align/pairs, MSRP) over the story's claims, fed the claims' resolved
 * slots: story entity ids (so "Vucic" and "Aleksandar Vucic" are one participant), normalised quantities
 * and calendar dates. Each claim is prepared once, lazily, so cost is one preparation per claim plus one
 * score per candidate pair.
 * @throws VectorsMissingError (from src/text/vectors) when the word-vector file was not built.
 */
export function claimScorer(): MeaningScorer {
  const prepared = new Map<ClaimItem, PreparedSide>();
  const sideOf = (c: ClaimItem) => {
    let side = prepared.get(c);
    if (!side) {
      side = prepareSide({ text: c.text, entities: [...c.entities], quantities: c.quantities.map((q) => ({ value: q.value, kind: q.kind })), dates: c.dates });
      prepared.set(c, side);
    }
    return side;
  };
  // Copies and wire stories repeat claims word for word: the same words say the same thing without scoring.
  return (a, b) => (a.text === b.text ? 1 : scorePair(sideOf(a), sideOf(b)).probability);
}
