import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentTerms } from './terms.js';

test('spelling and hyphen variants of the same word give the same term', () => {
  assert.deepEqual(contentTerms('military build-up'), contentTerms('Military buildup'));
  assert.deepEqual(contentTerms('mobilisation'), contentTerms('mobilization'));
  assert.deepEqual(contentTerms("Serbia's army"), ['serbia', 'armi']);
});
