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
  const foreignHeader = Buffer.from(JSON.stringify({ format: 'other/9', threshold: 0, counts: [0, 0] }));
  const foreign = Buffer.concat([Buffer.alloc(4), foreignHeader]);
  foreign.writeUInt32LE(foreignHeader.length, 0);
  assert.throws(() => deserializeAttributionModel(gzipSync(foreign)), /has format other\/9, this version reads triangulate-attribution\/4/);
  assert.throws(() => deserializeAttributionModel(gzipSync(JSON.stringify({ format: 'triangulate-attribution/3' }))), (e: Error) => e instanceof AttributionModelError && /damaged/.test(e.message));
});

test('the source ranker names the speaker, not the object of the cue, and a relative pronoun names its antecedent', () => {
  const text = 'Minyon Moore, a senior adviser to the campaign, called Mr. Obama\'s remarks on Saturday "a true wake-up call" to his supporters. '
    + 'Juanita Broaddrick, who claimed that the governor had mistreated her decades ago, attended the debate.';
  const quotes = findQuotes(text, splitSentences(text), []);
  const wakeUp = quotes.find((q) => q.text.includes('wake-up call'));
  assert.equal(wakeUp?.speakerName, 'Minyon Moore');
  const claim = quotes.find((q) => q.cue === 'claimed');
  assert.ok(claim, 'the relative clause is an attribution');
  assert.equal(text.slice(claim.speakerRange!.start, claim.speakerRange!.end), 'who');
  assert.equal(claim.speakerName, 'Juanita Broaddrick');
});
