// Greedy left-to-right BILOU decoding over a whole document (the prediction history crosses sentences).
import { dynamicFeatures, PredictionHistory, type PreparedDoc } from './features.js';
import { ALLOWED, canEnd, TAG_COUNT } from './tags.js';

export interface Scorer {
  /** Adds the weight of every known feature to scores[tag]. */
  addScores(features: readonly string[], scores: Float64Array): void;
}

/** Called during training with the features of one token, the gold tag and the predicted tag. */
export type UpdateHook = (features: readonly string[], gold: number, predicted: number) => void;

/** Tags of every sentence of the document; with `gold` and `update`, learns while decoding. */
export function tagDocument(scorer: Scorer, doc: PreparedDoc, gold?: number[][], update?: UpdateHook): number[][] {
  const history = new PredictionHistory();
  const scores = new Float64Array(TAG_COUNT);
  return doc.sentences.map((words, s) => {
    const tags: number[] = [];
    let prev1 = -1;
    let prev2 = -1;
    for (let i = 0; i < words.length; i++) {
      const features = dynamicFeatures(doc.observation[s][i], words, i, prev1, prev2, history, doc.hideWord[s][i]);
      scores.fill(0);
      scorer.addScores(features, scores);
      const last = i === words.length - 1;
      let best = -1;
      for (let t = 0; t < TAG_COUNT; t++) {
        if (!ALLOWED[(prev1 < 0 ? 0 : prev1) * TAG_COUNT + t]) continue;
        if (last && !canEnd(t)) continue;
        if (best < 0 || scores[t] > scores[best]) best = t;
      }
      if (gold && update && gold[s][i] !== best) update(features, gold[s][i], best);
      tags.push(best);
      history.record(words[i], best);
      prev2 = prev1;
      prev1 = best;
    }
    return tags;
  });
}
