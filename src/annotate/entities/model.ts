// The shipped tagger model: hashed features, quantized weights and the gazetteer it was trained with.
// Format (gzip of): "TNER2\n", u32 header length, header JSON, u32 feature count F, F u32 feature hashes
// sorted ascending and stored as differences from the previous one (they compress better than the hashes),
// then Int16 weights (F x tags, same order, little-endian). Version 1 stored feature strings.
import { gunzipSync, gzipSync } from 'node:zlib';
import { FEATURE_SCHEMA, wordFeature } from './features.js';
import { Gazetteer, type GazetteerData } from './gazetteer.js';
import { FeatureIndex } from '../hashing.js';
import type { Scorer } from './tagger.js';

const MAGIC = 'TNER2\n';
const MAGIC_PREFIX = 'TNER';

export interface ModelHeader {
  tags: string[];
  /** Real weight = stored integer / scale. */
  scale: number;
  gazetteer: GazetteerData;
  /** Free description of how the model was trained (data, epochs, dev F1). */
  trainedOn: string;
  /** Words the training text writes mostly in lower case mid-sentence (used to re-case title-case headlines). */
  commonWords?: string[];
  /** The feature templates and hashing the weights belong to (features.ts FEATURE_SCHEMA). */
  featureSchema: string;
}

export class ModelFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelFormatError';
  }
}

export class NerModel implements Scorer {
  readonly gazetteer: Gazetteer;
  private readonly common: Set<string>;
  private readonly index: FeatureIndex;
  private readonly tagCount: number;

  /** `hashes[f]` is the feature whose weights are weights[f * tags .. (f + 1) * tags). */
  constructor(
    readonly header: ModelHeader,
    hashes: Int32Array,
    private readonly weights: Int16Array,
  ) {
    this.tagCount = header.tags.length;
    this.index = new FeatureIndex(hashes.length);
    for (let f = 0; f < hashes.length; f++) {
      if (this.index.getOrAdd(hashes[f]) !== f) throw new ModelFormatError('entity model lists a feature twice');
    }
    this.gazetteer = new Gazetteer(header.gazetteer);
    this.common = new Set(header.commonWords ?? []);
  }

  /** True for a word the training text mostly writes in lower case ("denies", "border"). */
  isCommonWord(lowerWord: string): boolean {
    return this.common.has(lowerWord);
  }

  get featureCount(): number {
    return this.index.size;
  }

  /** Whether the model has weights for this lower-case word (it was seen in training). */
  knowsWord(lowerWord: string): boolean {
    return this.index.get(wordFeature(lowerWord)) >= 0;
  }

  /**
   * Whether the model has weights for this feature. Only word features ("w=vucic") can be named now that
   * features are hashes; kept for callers of the string-feature model.
   */
  knows(feature: string): boolean {
    return feature.startsWith('w=') && this.knowsWord(feature.slice(2));
  }

  addScores(features: Int32Array, count: number, scores: Float64Array): void {
    const w = this.weights;
    const n = this.tagCount;
    const index = this.index;
    for (let k = 0; k < count; k++) {
      const feature = index.get(features[k]);
      if (feature < 0) continue;
      const row = feature * n;
      for (let t = 0; t < n; t++) scores[t] += w[row + t];
    }
  }
}

export function serializeModel(header: ModelHeader, hashes: Int32Array, weights: Int16Array): Buffer {
  const tags = header.tags.length;
  if (weights.length !== hashes.length * tags) throw new Error('serializeModel: weights do not match the features');
  const order = Array.from(hashes.keys()).sort((a, b) => (hashes[a] >>> 0) - (hashes[b] >>> 0));
  const deltas = new Uint32Array(hashes.length);
  const sorted = new Int16Array(weights.length);
  let previous = 0;
  order.forEach((f, k) => {
    const hash = hashes[f] >>> 0;
    deltas[k] = hash - previous;
    previous = hash;
    sorted.set(weights.subarray(f * tags, (f + 1) * tags), k * tags);
  });
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const u32 = (n: number): Buffer => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    return b;
  };
  const bytes = (a: Uint32Array | Int16Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  return gzipSync(Buffer.concat([Buffer.from(MAGIC), u32(head.length), head, u32(hashes.length), bytes(deltas), bytes(sorted)]), {
    level: 9,
  });
}

const RETRAIN = 'retrain it with npm run train:ner';

export function deserializeModel(gzipped: Buffer): NerModel {
  let raw: Buffer;
  try {
    raw = gunzipSync(gzipped);
  } catch {
    throw new ModelFormatError('entity model file is not gzip data');
  }
  const magic = raw.subarray(0, MAGIC.length).toString('latin1');
  if (magic !== MAGIC) {
    if (magic.startsWith(MAGIC_PREFIX)) {
      throw new ModelFormatError(`entity model file has format ${magic.trim()}, this version reads ${MAGIC.trim()}: ${RETRAIN}`);
    }
    throw new ModelFormatError('not a Triangulate NER model file');
  }
  const truncated = (): ModelFormatError => new ModelFormatError('entity model file is truncated or corrupt');
  let at = MAGIC.length;
  if (raw.length < at + 4) throw truncated();
  const headLength = raw.readUInt32LE(at);
  at += 4;
  if (raw.length < at + headLength + 4) throw truncated();
  let header: ModelHeader;
  try {
    header = JSON.parse(raw.subarray(at, at + headLength).toString('utf8')) as ModelHeader;
  } catch {
    throw new ModelFormatError('entity model header is not valid JSON');
  }
  if (!Array.isArray(header.tags) || typeof header.scale !== 'number') throw new ModelFormatError('entity model header lacks tags or scale');
  if (header.featureSchema !== FEATURE_SCHEMA) throw new ModelFormatError(`entity model was trained with other features: ${RETRAIN}`);
  at += headLength;
  const count = raw.readUInt32LE(at);
  at += 4;
  const tags = header.tags.length;
  if (raw.length !== at + count * 4 + count * tags * 2) throw truncated();
  // Copy into fresh arrays so they are aligned regardless of where the sections start in the buffer.
  const hashes = new Int32Array(count);
  let hash = 0;
  for (let f = 0; f < count; f++) {
    hash = (hash + raw.readUInt32LE(at + f * 4)) >>> 0;
    hashes[f] = hash | 0;
  }
  at += count * 4;
  const weights = new Int16Array(count * tags);
  Buffer.from(weights.buffer).set(raw.subarray(at));
  return new NerModel(header, hashes, weights);
}
