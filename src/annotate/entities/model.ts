// The shipped tagger model: feature strings, quantized weights and the gazetteer it was trained with.
// Format (gzip of): "TNER1\n", u32 header length, header JSON, u32 feature-bytes length,
// feature names joined by "\n", then Int16 weights (features x tags, little-endian).
import { gunzipSync, gzipSync } from 'node:zlib';
import { Gazetteer, type GazetteerData } from './gazetteer.js';
import type { Scorer } from './tagger.js';

const MAGIC = 'TNER1\n';

export interface ModelHeader {
  tags: string[];
  /** Real weight = stored integer / scale. */
  scale: number;
  gazetteer: GazetteerData;
  /** Free description of how the model was trained (data, epochs, dev F1). */
  trainedOn: string;
  /** Words the training text writes mostly in lower case mid-sentence (used to re-case title-case headlines). */
  commonWords?: string[];
}

export class NerModel implements Scorer {
  readonly gazetteer: Gazetteer;
  private readonly common: Set<string>;
  private readonly rows: Map<string, number>;
  private readonly tagCount: number;

  constructor(
    readonly header: ModelHeader,
    features: string[],
    private readonly weights: Int16Array,
  ) {
    this.tagCount = header.tags.length;
    this.rows = new Map();
    for (let i = 0; i < features.length; i++) this.rows.set(features[i], i * this.tagCount);
    this.gazetteer = new Gazetteer(header.gazetteer);
    this.common = new Set(header.commonWords ?? []);
  }

  /** True for a word the training text mostly writes in lower case ("denies", "border"). */
  isCommonWord(lowerWord: string): boolean {
    return this.common.has(lowerWord);
  }

  get featureCount(): number {
    return this.rows.size;
  }

  /** Whether the model has weights for this feature (e.g. "w=vucic": the word was seen in training). */
  knows(feature: string): boolean {
    return this.rows.has(feature);
  }

  addScores(features: readonly string[], scores: Float64Array): void {
    const w = this.weights;
    const n = this.tagCount;
    for (const f of features) {
      const row = this.rows.get(f);
      if (row === undefined) continue;
      for (let t = 0; t < n; t++) scores[t] += w[row + t];
    }
  }
}

export function serializeModel(header: ModelHeader, features: string[], weights: Int16Array): Buffer {
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const names = Buffer.from(features.join('\n'), 'utf8');
  const len = (n: number): Buffer => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    return b;
  };
  const w = Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength);
  return gzipSync(Buffer.concat([Buffer.from(MAGIC), len(head.length), head, len(names.length), names, w]), { level: 9 });
}

export class ModelFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelFormatError';
  }
}

export function deserializeModel(gzipped: Buffer): NerModel {
  const raw = gunzipSync(gzipped);
  if (raw.subarray(0, MAGIC.length).toString() !== MAGIC) throw new ModelFormatError('not a Triangulate NER model file');
  let at = MAGIC.length;
  const headLength = raw.readUInt32LE(at);
  at += 4;
  const header = JSON.parse(raw.subarray(at, at + headLength).toString('utf8')) as ModelHeader;
  at += headLength;
  const namesLength = raw.readUInt32LE(at);
  at += 4;
  const features = raw.subarray(at, at + namesLength).toString('utf8').split('\n');
  at += namesLength;
  // Copy so the Int16Array is aligned regardless of where the weights start in the buffer.
  const bytes = raw.subarray(at);
  const weights = new Int16Array(bytes.length / 2);
  Buffer.from(weights.buffer).set(bytes);
  if (weights.length !== features.length * header.tags.length) throw new ModelFormatError('model file is truncated');
  return new NerModel(header, features, weights);
}
