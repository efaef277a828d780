// Claim-vs-statement stance (for / against / observing), trained on Emergent (Ferreira & Vlachos, "Emergent: a
// novel data-set for stance classification", NAACL-HLT 2016). A multinomial logistic regression over cue-word,
// overlap, negation and n-gram features (features.ts), with weights in model.json written by
// scripts/train-stance-headline.ts. Used by the dossier to tell whether a sentence denies a claim made elsewhere.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stanceFeatures } from './features.js';
import { classify, featureLookup, type StoredHeadlineModel } from './train.js';
import type { HeadlineStance, HeadlineStanceResult } from './types.js';
import { vectorLookup } from './vectors.js';

export type { HeadlineStance, HeadlineStanceResult } from './types.js';
export { HEADLINE_STANCES } from './types.js';
export type { StoredHeadlineModel } from './train.js';

const MODEL_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'model.json');

let loaded: { model: StoredHeadlineModel; lookup: Map<string, number> } | null = null;

/** Path of the shipped model file (src/… under tsx, dist/… once built; scripts/copy-assets.mjs copies it). */
export function headlineModelPath(): string {
  return MODEL_FILE;
}

/** Reads and checks a model file written by scripts/train-stance-headline.ts. */
export function loadHeadlineModel(file = MODEL_FILE): StoredHeadlineModel {
  const model = JSON.parse(readFileSync(file, 'utf8')) as StoredHeadlineModel;
  if (model.format !== 'triangulate-headline-stance/1') throw new Error(`${file}: not a headline stance model (format ${String(model.format)})`);
  return model;
}

function current(): { model: StoredHeadlineModel; lookup: Map<string, number> } {
  if (!loaded) {
    const model = loadHeadlineModel();
    loaded = { model, lookup: featureLookup(model) };
  }
  return loaded;
}

/**
 * Stance of `statement` (a headline or one sentence/clause) toward `claim` (one sentence).
 * - `for`: the statement asserts the claim ("Banksy arrested in London").
 * - `against`: it denies or debunks it ("No, Banksy hasn't been arrested"; "Vucic denied that Serbia was
 *   engaging in a military build-up" against "a large Serbian military deployment").
 * - `observing`: it repeats or reports the claim without taking a side ("Banksy reportedly arrested?").
 * `probabilities` are the model's class probabilities (they sum to 1). The model file is read once, on first
 * call; word vectors are used when the model was trained with them and models/vectors.bin is present.
 * Accuracy on Emergent's test claims is in docs/evaluation.md (stance-emergent).
 */
export function headlineStance(claim: string, statement: string): HeadlineStanceResult {
  const { model, lookup } = current();
  const vectors = model.config.options.vectors ? vectorLookup() : undefined;
  return classify(model, lookup, stanceFeatures(claim, statement, model.config.options, vectors));
}

/** Same as `headlineStance` with an explicit model (evaluation, experiments). */
export function headlineStanceWith(model: StoredHeadlineModel, claim: string, statement: string, lookup = featureLookup(model)): HeadlineStanceResult {
  const vectors = model.config.options.vectors ? vectorLookup() : undefined;
  return classify(model, lookup, stanceFeatures(claim, statement, model.config.options, vectors));
}

/** Convenience: true when the statement's most probable stance toward the claim is `against`. */
export function denies(claim: string, statement: string): boolean {
  return headlineStance(claim, statement).stance === 'against';
}
