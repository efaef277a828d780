// Match evidence in words a reader can check: entity names instead of ids, and one plain sentence.
import type { PairEvidence } from '../align/index.js';
import type { MatchEvidence } from './types.js';

/** Names for the ids evidence refers to. */
export interface EvidenceNames {
  /** The story entity's display name for an entity id (the id itself when unknown). */
  entityName(id: string): string;
}

/**
 * PairEvidence (entity ids, scores) -> MatchEvidence for the dossier: entity names, similarity rounded to
 * 3 places, and a summary line such as "same entities (Kosovo, Serbia); same number (3 attacker); same
 * event (kill); similarity 0.82" (with a low similarity: "worded differently (similarity 0.23), matched on
 * what they state alike").
 */
export function describeEvidence(evidence: PairEvidence, names: EvidenceNames): MatchEvidence {
  const sharedEntities = evidence.sharedEntities.map((id) => names.entityName(id));
  const parts: string[] = [];
  if (sharedEntities.length) parts.push(`same ${sharedEntities.length === 1 ? 'entity' : 'entities'} (${sharedEntities.slice(0, 4).join(', ')})`);
  if (evidence.sharedNumbers.length) parts.push(`same ${evidence.sharedNumbers.length === 1 ? 'number' : 'numbers'} (${evidence.sharedNumbers.join(', ')})`);
  if (evidence.sharedDates.length) parts.push(`same ${evidence.sharedDates.length === 1 ? 'date' : 'dates'} (${evidence.sharedDates.join(', ')})`);
  if (evidence.sharedPredicates.length) parts.push(`same event (${evidence.sharedPredicates.join(', ')})`);
  const similarity = Math.round(evidence.similarity * 1000) / 1000;
  // A low paraphrase score with shared slots means the outlets worded it differently and the match rests on
  // what they state alike (the event, the count, the date): say so rather than show a weak-looking number.
  const slots = evidence.sharedNumbers.length + evidence.sharedDates.length + evidence.sharedPredicates.length;
  parts.push(similarity < 0.5 && slots > 0 ? `worded differently (similarity ${similarity.toFixed(2)}), matched on what they state alike` : `similarity ${similarity.toFixed(2)}`);
  return {
    similarity,
    sharedEntities,
    sharedNumbers: evidence.sharedNumbers,
    sharedDates: evidence.sharedDates,
    sharedPredicates: evidence.sharedPredicates,
    summary: parts.join('; '),
  };
}
