// The attribution model: feature weights of a linear classifier over candidate attributions, the score above which
// a candidate is kept, and the weights of the ranker that picks each attribution's source (learned/sources.ts).
// Stored beside this folder (src/annotate/quotes/model/attribution.bin.gz) as 32-bit hashes of the feature names
// with float weights: loading fills integer arrays instead of a map of ~280,000 strings, which took ~0.3 s of
// every CLI run.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { FeatureIndex, hashString } from '../../hashing.js';

const FORMAT = 'triangulate-attribution/4';
const MODEL_FILE = 'attribution.bin.gz';
const here = path.dirname(fileURLToPath(import.meta.url));
// In src/ for the sources, in dist/ where the build copies it (scripts/copy-assets.mjs).
const MODEL_PATH = path.join(here, '..', 'model', MODEL_FILE);

export class AttributionModelError extends Error {
  override name = 'AttributionModelError';
}

/** Read access to feature weights: a Map while training, hashed arrays once shipped. */
export interface WeightLookup {
  get(feature: string): number | undefined;
  readonly size: number;
}

/** Weights keyed by the hash of the feature name (two names may share a hash; see hashing.ts for the odds). */
export class HashedWeights implements WeightLookup {
  private constructor(private readonly index: FeatureIndex, private readonly values: Float32Array) {}

  static fromArrays(hashes: Int32Array, values: Float32Array): HashedWeights {
    const index = new FeatureIndex(hashes.length);
    const rows = new Float32Array(hashes.length);
    for (let k = 0; k < hashes.length; k++) rows[index.getOrAdd(hashes[k])] += values[k];
    return new HashedWeights(index, rows.subarray(0, index.size));
  }

  get(feature: string): number | undefined {
    const row = this.index.get(hashString(feature));
    return row < 0 ? undefined : this.values[row];
  }

  get size(): number {
    return this.values.length;
  }
}

export interface AttributionModel {
  weights: WeightLookup;
  threshold: number;
  /** Weights of the source ranker (learned/sources.ts). */
  sourceWeights: WeightLookup;
  /** How the model was made (data, epochs, cross-validated scores), kept for the evaluation report. */
  about: Record<string, unknown>;
}

/** A model as training makes it, with readable feature names. */
export interface TrainedAttributionModel {
  weights: ReadonlyMap<string, number>;
  sourceWeights: ReadonlyMap<string, number>;
  threshold: number;
  about: Record<string, unknown>;
}

export function scoreFeatures(weights: WeightLookup, features: readonly string[]): number {
  let s = 0;
  for (const f of features) s += weights.get(f) ?? 0;
  return s;
}

/** Index of the best-scoring feature list (the first on ties), or -1 when there is none. */
export function bestScoring(weights: WeightLookup, featureLists: readonly (readonly string[])[]): number {
  let best = -1;
  let bestScore = -Infinity;
  featureLists.forEach((features, k) => {
    const s = scoreFeatures(weights, features);
    if (s > bestScore) [best, bestScore] = [k, s];
  });
  return best;
}

// Layout: uint32 header length, the JSON header (format, threshold, about, counts), padding to 4 bytes, then per
// weight table its hashes (int32) and weights (float32), little-endian; the whole file gzipped.
export function serializeAttributionModel(model: TrainedAttributionModel): Buffer {
  const tables = [model.weights, model.sourceWeights];
  const header = Buffer.from(JSON.stringify({ format: FORMAT, threshold: model.threshold, about: model.about, counts: tables.map((t) => t.size) }), 'utf8');
  const headerEnd = 4 + header.length;
  const bodyStart = Math.ceil(headerEnd / 4) * 4;
  const out = Buffer.alloc(bodyStart + tables.reduce((n, t) => n + 8 * t.size, 0));
  out.writeUInt32LE(header.length, 0);
  header.copy(out, 4);
  let at = bodyStart;
  for (const table of tables) {
    for (const name of table.keys()) {
      out.writeInt32LE(hashString(name), at);
      at += 4;
    }
    for (const value of table.values()) {
      out.writeFloatLE(value, at);
      at += 4;
    }
  }
  return gzipSync(out, { level: 9 });
}

export function deserializeAttributionModel(data: Buffer): AttributionModel {
  const damaged = new AttributionModelError(`attribution model ${MODEL_FILE} is damaged: retrain it with npm run train:quotes`);
  let raw: Buffer;
  let headerEnd: number;
  let header: { format?: string; threshold?: number; about?: Record<string, unknown>; counts?: number[] };
  try {
    raw = gunzipSync(data);
    headerEnd = 4 + raw.readUInt32LE(0);
    header = JSON.parse(raw.subarray(4, headerEnd).toString('utf8'));
  } catch {
    throw damaged;
  }
  if (header.format !== FORMAT || typeof header.threshold !== 'number') {
    throw new AttributionModelError(`attribution model ${MODEL_FILE} has format ${String(header.format)}, this version reads ${FORMAT}: retrain it with npm run train:quotes`);
  }
  const counts = header.counts;
  let at = Math.ceil(headerEnd / 4) * 4;
  if (!Array.isArray(counts) || counts.length !== 2 || at + counts.reduce((n, c) => n + 8 * c, 0) !== raw.length) throw damaged;
  // Copy into aligned arrays: a gunzipped Buffer may start at any byte offset.
  const aligned = new Uint8Array(raw.length - at);
  aligned.set(raw.subarray(at));
  at = 0;
  const tables = counts.map((count) => {
    const hashes = new Int32Array(aligned.buffer, at, count);
    const values = new Float32Array(aligned.buffer, at + 4 * count, count);
    at += 8 * count;
    return HashedWeights.fromArrays(hashes, values);
  });
  return { weights: tables[0], sourceWeights: tables[1], threshold: header.threshold, about: header.about ?? {} };
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
