// Lazy, once-per-process loading of the shipped model file.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserializeModel, ModelFormatError, type NerModel } from './model.js';

const MODEL_FILE = 'ner.bin.gz';
const here = path.dirname(fileURLToPath(import.meta.url));
// Beside this module: in src/ for the sources, and in dist/ where the build copies it (scripts/copy-assets.mjs).
const CANDIDATES = [path.join(here, 'model', MODEL_FILE)];

let cached: NerModel | null = null;

/** The entity model, read on first use (a few hundred milliseconds) and kept for the process. */
export function loadModel(): NerModel {
  if (cached) return cached;
  const file = CANDIDATES.find((candidate) => existsSync(candidate));
  if (!file) throw new ModelFormatError(`entity model ${MODEL_FILE} not found (run npm run train:ner)`);
  cached = deserializeModel(readFileSync(file));
  return cached;
}
