// The shipped body-stance model: vocabulary with IDF, dense-feature standardisation, network weights and the
// per-class log-offsets added to the logits (tuned by cross-validation for `disagree`, see the training script).
// Several networks (different seeds) may be stored; their probabilities are averaged. Stored as
// src/assess/stance/body/model.bin.gz (copied to dist/ by scripts/copy-assets.mjs). Each network's first layer
// (~1M weights) is quantised to int8 with one float32 scale per input row (max |w| / 127): a quarter of float32,
// so three networks fit in ~3 MB; the tests check that quantisation changes almost no prediction.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DENSE_FEATURES, makeVocabulary, type Vocabulary } from './features.js';
import type { MlpWeights } from './mlp.js';

const FORMAT = 'triangulate-stance-body/2';
const MODEL_FILE = 'model.bin.gz';
const here = path.dirname(fileURLToPath(import.meta.url));
const MODEL_PATH = path.join(here, MODEL_FILE);

/** Stance labels in the network's output order. */
export const STANCES = ['agree', 'disagree', 'discuss', 'unrelated'] as const;

export class StanceModelError extends Error {
  override name = 'StanceModelError';
}

/** Everything needed to score a pair. */
export interface BodyStanceModel {
  vocab: Vocabulary;
  /** Mean and scale of each dense feature on the training pairs (DENSE_FEATURES order). */
  mean: Float32Array;
  scale: Float32Array;
  /** One or more networks; their probabilities are averaged. */
  nets: MlpWeights[];
  /** Added to the logits before the softmax, one per class (0 = none); tuned by cross-validation. */
  logitOffsets: number[];
  /** How the model was made (data, options, cross-validated scores), for the evaluation report. */
  about: Record<string, unknown>;
}

/** Quantises a weight row to int8 in place of `out`, returning the row's scale (value = int8 · scale). */
function quantiseRow(w: Float32Array, out: Int8Array): number {
  let max = 0;
  for (const v of w) max = Math.max(max, Math.abs(v));
  const scale = max / 127 || 1;
  for (let i = 0; i < w.length; i++) out[i] = Math.round(w[i] / scale);
  return scale;
}

/** A copy of the networks with first layers rounded through int8, exactly as a saved-and-loaded model has them. */
export function quantisedNets(nets: readonly MlpWeights[]): MlpWeights[] {
  return nets.map((net) => {
    const w1 = new Float32Array(net.w1.length);
    const q = new Int8Array(net.hidden);
    for (let d = 0; d < net.inputs; d++) {
      const scale = quantiseRow(net.w1.subarray(d * net.hidden, (d + 1) * net.hidden), q);
      for (let h = 0; h < net.hidden; h++) w1[d * net.hidden + h] = q[h] * scale;
    }
    return { ...net, w1 };
  });
}

// Layout: uint32 header length, JSON header, padding to 4 bytes, then idf (float32 × V), and per network b1, w2,
// b2 and the row scales of w1 (float32), then w1 (int8 × inputs·hidden); little-endian; the whole file gzipped.
export function serializeModel(model: BodyStanceModel): Buffer {
  const { nets, vocab } = model;
  const { inputs, hidden, classes } = nets[0];
  const header = Buffer.from(
    JSON.stringify({
      format: FORMAT,
      terms: vocab.terms,
      dense: DENSE_FEATURES,
      mean: [...model.mean],
      scale: [...model.scale],
      inputs,
      hidden,
      classes,
      nets: nets.length,
      logitOffsets: model.logitOffsets,
      about: model.about,
    }),
    'utf8',
  );
  const bodyStart = Math.ceil((4 + header.length) / 4) * 4;
  const perNet = 4 * (hidden + hidden * classes + classes + inputs) + inputs * hidden;
  const out = Buffer.alloc(bodyStart + 4 * vocab.idf.length + nets.length * perNet);
  out.writeUInt32LE(header.length, 0);
  header.copy(out, 4);
  let at = bodyStart;
  for (const v of vocab.idf) at = out.writeFloatLE(v, at);
  const q = new Int8Array(hidden);
  for (const net of nets) {
    for (const a of [net.b1, net.w2, net.b2]) for (const v of a) at = out.writeFloatLE(v, at);
    const quantised = Buffer.alloc(inputs * hidden);
    for (let d = 0; d < inputs; d++) {
      at = out.writeFloatLE(quantiseRow(net.w1.subarray(d * hidden, (d + 1) * hidden), q), at);
      for (let h = 0; h < hidden; h++) quantised.writeInt8(q[h], d * hidden + h);
    }
    quantised.copy(out, at);
    at += quantised.length;
  }
  return gzipSync(out, { level: 9 });
}

export function deserializeModel(data: Buffer): BodyStanceModel {
  const damaged = new StanceModelError(`body-stance model ${MODEL_FILE} is damaged: retrain it with npm run train:stance`);
  let raw: Buffer;
  let headerEnd: number;
  let h: {
    format?: string; terms: string[]; dense: string[]; mean: number[]; scale: number[];
    inputs: number; hidden: number; classes: number; nets: number; logitOffsets: number[]; about?: Record<string, unknown>;
  };
  try {
    raw = gunzipSync(data);
    headerEnd = 4 + raw.readUInt32LE(0);
    h = JSON.parse(raw.subarray(4, headerEnd).toString('utf8'));
  } catch {
    throw damaged;
  }
  if (h.format !== FORMAT) throw new StanceModelError(`body-stance model ${MODEL_FILE} has format ${String(h.format)}, this version reads ${FORMAT}: retrain it with npm run train:stance`);
  if (h.dense.join() !== DENSE_FEATURES.join()) throw new StanceModelError(`body-stance model ${MODEL_FILE} was trained with other features: retrain it with npm run train:stance`);
  const { inputs, hidden: H, classes: C } = h;
  const V = h.terms.length;
  let at = Math.ceil(headerEnd / 4) * 4;
  if (raw.length !== at + 4 * V + h.nets * (4 * (H + H * C + C + inputs) + inputs * H)) throw damaged;
  // Copy each float block out (a gunzipped Buffer may start at any byte offset, so no view); little-endian hosts.
  const readFloats = (n: number) => {
    const a = new Float32Array(n);
    new Uint8Array(a.buffer).set(raw.subarray(at, at + 4 * n));
    at += 4 * n;
    return a;
  };
  const idf = readFloats(V);
  const nets: MlpWeights[] = [];
  for (let n = 0; n < h.nets; n++) {
    const b1 = readFloats(H);
    const w2 = readFloats(H * C);
    const b2 = readFloats(C);
    const scales = readFloats(inputs);
    const q = new Int8Array(raw.buffer, raw.byteOffset + at, inputs * H);
    at += inputs * H;
    const w1 = new Float32Array(inputs * H);
    for (let d = 0; d < inputs; d++) {
      const s = scales[d];
      for (let k = d * H; k < d * H + H; k++) w1[k] = q[k] * s;
    }
    nets.push({ inputs, hidden: H, classes: C, w1, b1, w2, b2 });
  }
  return {
    vocab: makeVocabulary(h.terms, idf),
    mean: Float32Array.from(h.mean),
    scale: Float32Array.from(h.scale),
    nets,
    logitOffsets: h.logitOffsets,
    about: h.about ?? {},
  };
}

let cached: BodyStanceModel | null = null;

/** The shipped model, read on first use and kept for the process. */
export function loadBodyStanceModel(): BodyStanceModel {
  if (cached) return cached;
  if (!existsSync(MODEL_PATH)) throw new StanceModelError(`body-stance model ${MODEL_FILE} not found (run npm run train:stance)`);
  cached = deserializeModel(readFileSync(MODEL_PATH));
  return cached;
}

export function bodyStanceModelPath(): string {
  return MODEL_PATH;
}
