/** Stance of a statement toward a claim, as labelled in Emergent (Ferreira & Vlachos 2016). */
export type HeadlineStance = 'for' | 'against' | 'observing';

/** Label order used by the model file and every probability table. */
export const HEADLINE_STANCES: readonly HeadlineStance[] = ['for', 'against', 'observing'];

/** Result of `headlineStance`: the most probable stance and the probability of each (summing to 1). */
export interface HeadlineStanceResult {
  stance: HeadlineStance;
  probabilities: Record<HeadlineStance, number>;
}
