// Exact-span entity scoring (conlleval-style micro F1) and tagging of pre-tokenised CoNLL documents.
import type { ConllDocument } from './conll.js';
import { prepareDocument } from './features.js';
import type { Gazetteer } from './gazetteer.js';
import { CLASSES, spansFromTags, type EntityClass, type TagSpan } from './tags.js';
import { tagDocument, type Scorer } from './tagger.js';

export interface ClassCounts {
  tp: number;
  fp: number;
  fn: number;
}

export type SpanCounts = Record<EntityClass, ClassCounts>;

export function emptyCounts(): SpanCounts {
  return { PER: { tp: 0, fp: 0, fn: 0 }, ORG: { tp: 0, fp: 0, fn: 0 }, LOC: { tp: 0, fp: 0, fn: 0 }, MISC: { tp: 0, fp: 0, fn: 0 } };
}

export function countSpans(gold: readonly TagSpan[], predicted: readonly TagSpan[], into: SpanCounts): void {
  const key = (s: TagSpan): string => `${s.start}:${s.end}:${s.type}`;
  const goldKeys = new Set(gold.map(key));
  const predKeys = new Set(predicted.map(key));
  for (const p of predicted) into[p.type][goldKeys.has(key(p)) ? 'tp' : 'fp']++;
  for (const g of gold) if (!predKeys.has(key(g))) into[g.type].fn++;
}

/** Micro precision / recall / F1 over the given classes. */
export function f1(counts: SpanCounts, classes: readonly EntityClass[] = CLASSES): { precision: number; recall: number; f1: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const c of classes) {
    tp += counts[c].tp;
    fp += counts[c].fp;
    fn += counts[c].fn;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** Predicted spans for each sentence of each document. */
export function tagConll(scorer: Scorer, gazetteer: Gazetteer, docs: readonly ConllDocument[]): TagSpan[][][] {
  return docs.map((doc) => {
    const prepared = prepareDocument(doc.sentences.map((s) => s.words), gazetteer);
    return tagDocument(scorer, prepared).map(spansFromTags);
  });
}

export function scoreConll(scorer: Scorer, gazetteer: Gazetteer, docs: readonly ConllDocument[]): SpanCounts {
  const counts = emptyCounts();
  tagConll(scorer, gazetteer, docs).forEach((doc, d) =>
    doc.forEach((spans, s) => countSpans(docs[d].sentences[s].entities, spans, counts)),
  );
  return counts;
}
