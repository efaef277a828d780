// The learned stage: scores the candidates and keeps the best ones that do not overlap each other or what the
// rules found (PolNeAR's annotation gives every word to at most one attribution).
import type { Mention } from '../../types.js';
import type { Attribution, AttributeInput } from '../attribute.js';
import { CUE_VERBS } from '../cues.js';
import type { Token } from '../phrases.js';
import { findCandidates, type Candidate } from './candidates.js';
import { scoreFeatures, type AttributionModel } from './model.js';

export function attributeLearned(input: AttributeInput, mentions: Mention[], taken: Attribution[], model: AttributionModel): Attribution[] {
  const scored = findCandidates(input, mentions, taken).map((candidate) => ({ candidate, score: scoreFeatures(model.weights, candidate.features) }));
  return selectCandidates(input.tokens, scored, model.threshold);
}

export interface ScoredCandidate {
  candidate: Candidate;
  score: number;
}

/** The best-scoring candidates above `threshold`, one per cue word, none overlapping another. */
export function selectCandidates(tokens: Token[], scored: readonly ScoredCandidate[], threshold: number): Attribution[] {
  const ranked = scored.filter((x) => x.score > threshold).sort((a, b) => b.score - a.score);
  const kept: Attribution[] = [];
  const usedCues = new Set<number>();
  for (const { candidate } of ranked) {
    const { cue, content, source } = candidate;
    const start = tokens[content.from].start;
    const end = tokens[content.to - 1].end;
    if (usedCues.has(cue) || kept.some((a) => a.start < end && a.end > start)) continue;
    // A cue word inside a content kept earlier belongs to that content.
    if (kept.some((a) => a.start <= tokens[cue].start && a.end >= tokens[cue].end)) continue;
    usedCues.add(cue);
    const lower = tokens[cue].lower;
    // Verbs the rules know keep their kind; others report a stance or an act towards something ("endorsed Kasich").
    const kind = CUE_VERBS.get(lower)?.kind ?? 'stance';
    kept.push({
      start, end, direct: false, partial: false,
      cue: { first: cue, last: cue, lemma: lower, kind, sourceFirst: false },
      source, continues: null, paragraph: candidate.paragraph, span: -1,
    });
  }
  return kept;
}
