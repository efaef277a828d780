import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { loadVectors, vectorsPath } from './vectors.js';

test('word vectors: built file loads and near-synonyms are closer than unrelated words', (t) => {
  if (!existsSync(vectorsPath())) {
    t.skip(`${vectorsPath()} is absent: run npm run build`);
    return;
  }
  const v = loadVectors();
  assert.equal(v.dims, 100);
  assert.ok(v.size >= 100_000);
  assert.equal(v.index('the'), 0, 'rows are in frequency order');
  assert.equal(v.index('no-such-word-xyz'), -1);
  assert.equal(v.vector('no-such-word-xyz'), null);
  const troops = v.similarity('soldiers', 'troops')!;
  const banana = v.similarity('soldiers', 'banana')!;
  assert.ok(troops > 0.8 && banana < 0.3, `${troops} ${banana}`);
  const unit = v.vector('police')!;
  const norm = Math.sqrt(unit.reduce((s, x) => s + x * x, 0));
  assert.ok(Math.abs(norm - 1) < 0.01, `norm ${norm}`);
  // A prefix of principal components is rescaled to unit length.
  const prefix = new Float32Array(32);
  v.copyVector(v.index('police'), prefix, 0, 32);
  assert.ok(Math.abs(Math.sqrt(prefix.reduce((s, x) => s + x * x, 0)) - 1) < 1e-3);
});
