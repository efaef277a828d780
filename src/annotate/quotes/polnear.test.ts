// Regression floors on the first 60 PolNeAR articles (measured: direct P 0.944 R 0.904 speaker 0.927;
// speech attributions P 0.904 R 0.902 speaker 0.888; all attributions, with beliefs, intentions, evidence and
// stances, P 0.904 R 0.725 speaker 0.831). Matching rules: eval/tasks/quotes.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datasetDir, missingMessage } from '../../../eval/data.js';
import { loadPolnear, oursWith, scoreFinder } from '../../../eval/tasks/quotes.js';

const DATASET = 'polnear-attribution';
const present = datasetDir(DATASET) !== null;

test('PolNeAR subset: quote content and speaker floors', { skip: !present && missingMessage(DATASET) }, () => {
  const docs = loadPolnear(60);
  assert.ok(docs);
  // Without entity mentions: findQuotes falls back to its own proper-noun candidates (keeps the test fast).
  const s = scoreFinder(docs, oursWith(null));
  const ratio = (a: number, b: number): number => a / b;
  assert.ok(ratio(s.direct.predictedCorrect, s.direct.predicted) >= 0.93, 'direct-quote precision fell');
  assert.ok(ratio(s.direct.goldFound, s.direct.gold) >= 0.89, 'direct-quote recall fell');
  assert.ok(ratio(s.direct.speakerCorrect, s.direct.speakerScored) >= 0.91, 'direct-quote speaker accuracy fell');
  assert.ok(ratio(s.speech.predictedCorrect, s.speech.predicted) >= 0.89, 'speech-attribution precision fell');
  assert.ok(ratio(s.speech.goldFound, s.speech.gold) >= 0.89, 'speech-attribution recall fell');
  assert.ok(ratio(s.speech.speakerCorrect, s.speech.speakerScored) >= 0.87, 'speech-attribution speaker accuracy fell');
  assert.ok(ratio(s.all.predictedCorrect, s.all.predicted) >= 0.89, 'all-attribution precision fell');
  assert.ok(ratio(s.all.goldFound, s.all.gold) >= 0.71, 'all-attribution recall fell');
  assert.ok(ratio(s.all.speakerCorrect, s.all.speakerScored) >= 0.81, 'all-attribution speaker accuracy fell');
});
