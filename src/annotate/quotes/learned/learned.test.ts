import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { splitSentences } from '../../sentences.js';
import { findQuotes } from '../index.js';
import { AttributionModelError, deserializeAttributionModel, loadAttributionModel, serializeAttributionModel } from './index.js';

test('the shipped model finds stances and acts the cue-verb rules do not know', () => {
  const text = 'President Barack Obama made history on Tuesday by nominating the first Muslim person to the federal judiciary.';
  const sentences = splitSentences(text);
  const withModel = findQuotes(text, sentences, []);
  const rulesOnly = findQuotes(text, sentences, [], { learned: false });
  assert.equal(rulesOnly.length, 0);
  const found = withModel.find((q) => q.text.includes('first Muslim person'));
  assert.ok(found, 'an attribution whose content is the nominee');
  assert.equal(found.direct, false);
  assert.equal(found.cue, 'nominating');
  assert.equal(found.speakerName, 'Barack Obama');
});

test('model files are checked: a round trip keeps weights, damaged or foreign files fail with one line', () => {
  const model = loadAttributionModel();
  assert.ok(model.weights.size > 1000);
  const again = deserializeAttributionModel(serializeAttributionModel({ weights: new Map([['bias', -1.5]]), sourceWeights: new Map([['side=L', 2]]), threshold: -2, about: {} }));
  assert.equal(again.weights.get('bias'), -1.5);
  assert.equal(again.sourceWeights.get('side=L'), 2);
  assert.equal(again.threshold, -2);
  assert.throws(() => deserializeAttributionModel(Buffer.from('not gzip')), (e: Error) => e instanceof AttributionModelError && !e.message.includes('\n'));
  assert.throws(() => deserializeAttributionModel(gzipSync(JSON.stringify({ format: 'other/9', weights: {} }))), /this version reads triangulate-attribution\/3/);
});
