// Greedy left-to-right BILOU decoding over a whole document (the prediction history crosses sentences).
import { addDynamicFeatures, MAX_DYNAMIC_FEATURES, newHistory, recordHistory, type PreparedDoc } from './features.js';
import { ALLOWED, canEnd, TAG_COUNT } from './tags.js';

export interface Scorer {
  /** Adds the weight of every known feature among features[0..count) to scores[tag]. */
  addScores(features: Int32Array, count: number, scores: Float64Array): void;
}

/**
 * Called during training with the features of one token (features[0..count), a buffer reused for the next
 * token), the gold tag and the predicted tag.
 */
export type UpdateHook = (features: Int32Array, count: number, gold: number, predicted: number) => void;

const CAN_END = Uint8Array.from({ length: TAG_COUNT }, (_, t) => (canEnd(t) ? 1 : 0));

/** Tags of every sentence of the document; with `gold` and `update`, learns while decoding. */
export function tagDocument(scorer: Scorer, doc: PreparedDoc, gold?: number[][], update?: UpdateHook): number[][] {
  const history = newHistory(doc);
  const scores = new Float64Array(TAG_COUNT);
  const observed = doc.features;
  const starts = doc.featureStart;
  // One buffer for every token: the token's observation features followed by its dynamic ones.
  let buffer = new Int32Array(256);
  return doc.sentences.map((words, s) => {
    const tags = new Array<number>(words.length);
    const base = doc.sentenceStart[s];
    let prev1 = -1;
    let prev2 = -1;
    for (let i = 0; i < words.length; i++) {
      const t = base + i;
      const from = starts[t];
      const to = starts[t + 1];
      if (to - from + MAX_DYNAMIC_FEATURES > buffer.length) buffer = new Int32Array(2 * (to - from + MAX_DYNAMIC_FEATURES));
      let count = 0;
      for (let k = from; k < to; k++) buffer[count++] = observed[k];
      count = addDynamicFeatures(buffer, count, doc, t, prev1, prev2, history);
      scores.fill(0);
      scorer.addScores(buffer, count, scores);
      const last = i === words.length - 1;
      const row = (prev1 < 0 ? 0 : prev1) * TAG_COUNT;
      let best = -1;
      for (let tag = 0; tag < TAG_COUNT; tag++) {
        if (!ALLOWED[row + tag]) continue;
        if (last && !CAN_END[tag]) continue;
        if (best < 0 || scores[tag] > scores[best]) best = tag;
      }
      if (gold && update && gold[s][i] !== best) update(buffer, count, gold[s][i], best);
      tags[i] = best;
      recordHistory(history, doc, t, best);
      prev2 = prev1;
      prev1 = best;
    }
    return tags;
  });
}
