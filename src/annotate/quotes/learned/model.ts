// The attribution model: feature weights of a linear classifier over candidate attributions, the score above which
// a candidate is kept, and the weights of the ranker that picks each attribution's source (learned/sources.ts). Stored as gzipped JSON beside this folder (src/annotate/quotes/model/attribution.json.gz).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

const FORMAT = 'triangulate-attribution/3';
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
  /** Weights of the source ranker (learned/sources.ts). */
  sourceWeights: Map<string, number>;
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
function packWeights(weights: ReadonlyMap<string, number>): { features: string; weights: number[] } {
  const names = [...weights.keys()];
  if (names.some((f) => f.includes(SEPARATOR))) throw new AttributionModelError('a feature name contains NUL and cannot be stored');
  return { features: names.join(SEPARATOR), weights: names.map((f) => Math.round(weights.get(f)! * 1000) / 1000) };
}

function unpackWeights(packed: unknown): Map<string, number> | null {
  const p = packed as { features?: unknown; weights?: unknown } | null;
  if (!p || typeof p.features !== 'string' || !Array.isArray(p.weights)) return null;
  const names = p.features === '' ? [] : p.features.split(SEPARATOR);
  if (names.length !== p.weights.length) return null;
  const out = new Map<string, number>();
  for (let k = 0; k < names.length; k++) out.set(names[k], p.weights[k] as number);
  return out;
}

export function serializeAttributionModel(model: AttributionModel): Buffer {
  const body = { format: FORMAT, threshold: model.threshold, about: model.about, cues: packWeights(model.weights), sources: packWeights(model.sourceWeights) };
  return gzipSync(JSON.stringify(body), { level: 9 });
}

export function deserializeAttributionModel(data: Buffer): AttributionModel {
  const damaged = new AttributionModelError(`attribution model ${MODEL_FILE} is damaged: retrain it with npm run train:quotes`);
  let parsed: { format?: string; threshold?: number; about?: Record<string, unknown>; cues?: unknown; sources?: unknown };
  try {
    parsed = JSON.parse(gunzipSync(data).toString('utf8'));
  } catch {
    throw damaged;
  }
  if (parsed.format !== FORMAT || typeof parsed.threshold !== 'number') {
    throw new AttributionModelError(`attribution model ${MODEL_FILE} has format ${String(parsed.format)}, this version reads ${FORMAT}: retrain it with npm run train:quotes`);
  }
  const weights = unpackWeights(parsed.cues);
  const sourceWeights = unpackWeights(parsed.sources);
  if (!weights || !sourceWeights) throw damaged;
  return { weights, sourceWeights, threshold: parsed.threshold, about: parsed.about ?? {} };
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
