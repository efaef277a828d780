// The attribution model: feature weights of a linear classifier over candidates, and the score above which a
// candidate is kept. Stored as gzipped JSON beside this folder (src/annotate/quotes/model/attribution.json.gz).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

const FORMAT = 'triangulate-attribution/2';
const MODEL_FILE = 'attribution.json.gz';
const SEPARATOR = '\u0000';
const here = path.dirname(fileURLToPath(import.meta.url));
// In src/ for the sources, in dist/ where the build copies it (scripts/copy-assets.mjs).
const MODEL_PATH = path.join(here, '..', 'model', MODEL_FILE);

export class AttributionModelError extends Error {
  override name = 'AttributionModelError';
}

export interface AttributionModel {
  weights: Map<string, number>;
  threshold: number;
  /** How the model was made (data, epochs, cross-validated scores), kept for the evaluation report. */
  about: Record<string, unknown>;
}

export function scoreFeatures(weights: ReadonlyMap<string, number>, features: readonly string[]): number {
  let s = 0;
  for (const f of features) s += weights.get(f) ?? 0;
  return s;
}

// Feature names as one NUL-joined string (names may hold any text character, even line breaks, but no NUL) and weights as a parallel array: parsing these and filling the
// Map is about three times faster than a JSON object with a key per feature (start-up of every CLI run).
export function serializeAttributionModel(model: AttributionModel): Buffer {
  const features = [...model.weights.keys()];
  if (features.some((f) => f.includes(SEPARATOR))) throw new AttributionModelError('a feature name contains NUL and cannot be stored');
  const weights = features.map((f) => Math.round(model.weights.get(f)! * 1000) / 1000);
  return gzipSync(JSON.stringify({ format: FORMAT, threshold: model.threshold, about: model.about, features: features.join(SEPARATOR), weights }), { level: 9 });
}

export function deserializeAttributionModel(data: Buffer): AttributionModel {
  let parsed: { format?: string; threshold?: number; about?: Record<string, unknown>; features?: string; weights?: number[] };
  try {
    parsed = JSON.parse(gunzipSync(data).toString('utf8'));
  } catch {
    throw new AttributionModelError(`attribution model ${MODEL_FILE} is damaged: retrain it with npm run train:quotes`);
  }
  if (parsed.format !== FORMAT || typeof parsed.threshold !== 'number' || typeof parsed.features !== 'string' || !Array.isArray(parsed.weights)) {
    throw new AttributionModelError(`attribution model ${MODEL_FILE} has format ${String(parsed.format)}, this version reads ${FORMAT}: retrain it with npm run train:quotes`);
  }
  const names = parsed.features === '' ? [] : parsed.features.split(SEPARATOR);
  if (names.length !== parsed.weights.length) throw new AttributionModelError(`attribution model ${MODEL_FILE} is damaged: retrain it with npm run train:quotes`);
  const weights = new Map<string, number>();
  for (let k = 0; k < names.length; k++) weights.set(names[k], parsed.weights[k]);
  return { weights, threshold: parsed.threshold, about: parsed.about ?? {} };
}

let cached: AttributionModel | null = null;

/** The shipped model, read on first use and kept for the process. */
export function loadAttributionModel(): AttributionModel {
  if (cached) return cached;
  if (!existsSync(MODEL_PATH)) throw new AttributionModelError(`attribution model ${MODEL_FILE} not found (run npm run train:quotes)`);
  cached = deserializeAttributionModel(readFileSync(MODEL_PATH));
  return cached;
}

export function attributionModelPath(): string {
  return MODEL_PATH;
}
