import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bodyStance, bodyStances, STANCES } from './index.js';
import { readFnc1, scoreFnc1, stanceIndex } from './fnc1.js';
import { deserializeModel, serializeModel, StanceModelError, loadBodyStanceModel } from './model.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fnc1Dir = process.env.TRIANGULATE_EVAL_DIR
  ? path.join(process.env.TRIANGULATE_EVAL_DIR, 'fnc1')
  : path.resolve(here, '../../../../../shared/eval/fnc1');

// Floors slightly below the shipped model's scores on the whole shared 70% of the FNC-1 test set (measured:
// FNC 0.8321, accuracy 0.8992, macro-F1 0.6815, disagree F1 0.3877; see docs/evaluation.md). The whole set is
// scored because it takes ~5 s of CPU (each distinct text is tokenised once).
const FLOORS = { fnc: 0.825, accuracy: 0.893, macroF1: 0.67, disagreeF1: 0.37 };

test('FNC-1 test set: scores stay above the pinned floors', { skip: existsSync(fnc1Dir) ? false : `skipped: ${fnc1Dir} is absent (FNC-1 lives in ../shared/eval)` }, () => {
  const pairs = readFnc1(fnc1Dir, 'test');
  const results = bodyStances(pairs);
  const s = scoreFnc1(Int32Array.from(pairs, (p) => stanceIndex(p.stance)), Int32Array.from(results, (r) => stanceIndex(r.stance)));
  assert.ok(s.fnc >= FLOORS.fnc, `FNC score ${s.fnc.toFixed(4)} < ${FLOORS.fnc}`);
  assert.ok(s.accuracy >= FLOORS.accuracy, `accuracy ${s.accuracy.toFixed(4)} < ${FLOORS.accuracy}`);
  assert.ok(s.macroF1 >= FLOORS.macroF1, `macro-F1 ${s.macroF1.toFixed(4)} < ${FLOORS.macroF1}`);
  assert.ok(s.f1[1] >= FLOORS.disagreeF1, `disagree F1 ${s.f1[1].toFixed(4)} < ${FLOORS.disagreeF1}`);
});

const HEADLINE = 'Giant crab spotted in Whitstable harbour';

test('a body that debunks the headline is not read as agreeing; a report of it is related; another story is unrelated', () => {
  const debunk =
    'A photograph said to show a giant crab in Whitstable harbour has been shared thousands of times. It is a hoax. ' +
    'The image was photoshopped, experts said, and the crab story is fake: no giant crab was ever spotted in the harbour. ' +
    'The council denied the reports and said the picture had been doctored from a 2009 photo taken in Japan.';
  const confirm =
    'A giant crab has been spotted in Whitstable harbour, local fishermen confirmed on Monday. The crab, with a leg span ' +
    'of more than three metres, was photographed by a harbour worker. Marine biologists said the giant crab was a ' +
    'Japanese spider crab and was filmed in the harbour at Whitstable for several hours.';
  const other =
    'The central bank raised interest rates by a quarter of a percentage point on Thursday, citing inflation that has ' +
    'stayed above its target for two years. Markets had expected the move and shares rose slightly after the decision.';
  const d = bodyStance(HEADLINE, debunk);
  assert.notEqual(d.stance, 'agree', JSON.stringify(d.probabilities));
  assert.notEqual(d.stance, 'unrelated', JSON.stringify(d.probabilities));
  assert.ok(d.probabilities.disagree > bodyStance(HEADLINE, confirm).probabilities.disagree, 'the debunking body is likelier to disagree');
  assert.notEqual(bodyStance(HEADLINE, confirm).stance, 'unrelated');
  assert.equal(bodyStance(HEADLINE, other).stance, 'unrelated');
  const sum = STANCES.reduce((a, s) => a + d.probabilities[s], 0);
  assert.ok(Math.abs(sum - 1) < 1e-6);
});

test('model file round trip (int8 weights survive re-quantisation) and damaged files fail with one line', () => {
  const model = loadBodyStanceModel();
  const again = deserializeModel(serializeModel(model));
  assert.deepEqual(again.vocab.terms, model.vocab.terms);
  assert.equal(again.nets.length, model.nets.length);
  const a = model.nets[0].w1.subarray(0, 5000);
  const b = again.nets[0].w1.subarray(0, 5000);
  for (let i = 0; i < a.length; i++) assert.ok(Math.abs(a[i] - b[i]) <= 1e-6 * Math.max(1, Math.abs(a[i])), `weight ${i}`);
  assert.throws(() => deserializeModel(Buffer.from('not gzip')), (e: Error) => e instanceof StanceModelError && !e.message.includes('\n'));
});
