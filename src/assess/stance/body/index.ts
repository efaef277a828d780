// Headline-vs-article-body stance (FNC-1 labels): does the body agree with the headline's claim, dispute it,
// report it without taking sides, or talk about something else? A one-hidden-layer MLP over the headline's and
// body's term frequencies and their TF-IDF cosine (UCL's FNC-1 system, Riedel et al. 2017, arXiv:1707.03264)
// plus cue features for refutation and hedging near the headline's words (features.ts). Trained on FNC-1's
// training set by scripts/train-stance-body.ts; measured by eval/tasks/stance-fnc1.ts.
import { assembleRow, rawDense, viewText, type TextView } from './features.js';
import { predict } from './mlp.js';
import { loadBodyStanceModel, STANCES, type BodyStanceModel } from './model.js';

/** FNC-1's four labels: what an article body does with a headline's claim. */
export type BodyStance = 'agree' | 'disagree' | 'discuss' | 'unrelated';

/** A stance with the model's probability for every label (they sum to 1). */
export interface BodyStanceResult {
  stance: BodyStance;
  probabilities: Record<BodyStance, number>;
}

/** Probabilities of one pair from prepared text views, with the model's logit offsets applied. */
export function scoreViews(model: BodyStanceModel, head: TextView, body: TextView, headline: string): BodyStanceResult {
  const V = model.vocab.terms.length;
  const row = assembleRow(head, body, rawDense(head, body, headline), model.mean, model.scale, V);
  const p = new Float64Array(STANCES.length);
  for (const net of model.nets) {
    const q = predict(net, row);
    for (let c = 0; c < p.length; c++) p[c] += q[c] / model.nets.length;
  }
  let sum = 0;
  for (let c = 0; c < p.length; c++) sum += p[c] *= Math.exp(model.logitOffsets[c] ?? 0);
  const probabilities = {} as Record<BodyStance, number>;
  let best = 0;
  for (let c = 0; c < p.length; c++) {
    probabilities[STANCES[c]] = p[c] / sum;
    if (p[c] > p[best]) best = c;
  }
  return { stance: STANCES[best], probabilities };
}

/**
 * Stance of an article body toward a headline's claim (FNC-1 labels).
 * `headline`: the claim, as a headline or one sentence; `body`: the article text (plain text, any length).
 * Returns the most probable label and the probability of each. Loads the model on first use (~100 ms).
 */
export function bodyStance(headline: string, body: string): BodyStanceResult {
  const model = loadBodyStanceModel();
  return scoreViews(model, viewText(headline, model.vocab), viewText(body, model.vocab), headline);
}

/**
 * Stances of many pairs at once: each distinct headline and body text is tokenised once, which matters when
 * one claim is checked against every article of a story (or FNC-1's 17k pairs against 600 bodies).
 */
export function bodyStances(pairs: readonly { headline: string; body: string }[]): BodyStanceResult[] {
  const model = loadBodyStanceModel();
  const views = new Map<string, TextView>();
  const view = (text: string) => {
    let v = views.get(text);
    if (!v) views.set(text, (v = viewText(text, model.vocab)));
    return v;
  };
  return pairs.map((p) => scoreViews(model, view(p.headline), view(p.body), p.headline));
}

export { STANCES, loadBodyStanceModel, StanceModelError, type BodyStanceModel } from './model.js';
