// Regression floors on the first 60 PolNeAR dev+test articles, which the attribution model never trained on
// (measured without entity mentions: direct P 0.968 R 0.928 speaker 0.897; speech attributions P 0.851 R 0.968
// speaker 0.904; all attributions P 0.851 R 0.863 speaker 0.861). Matching rules: eval/tasks/quotes.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datasetDir, missingMessage } from '../../../eval/data.js';
import { loadPolnear, oursWith, scoreFinder } from '../../../eval/tasks/quotes.js';

const DATASET = 'polnear-attribution';
const present = datasetDir(DATASET) !== null;

test('PolNeAR held-out subset: quote content and speaker floors', { skip: !present && missingMessage(DATASET) }, () => {
  const docs = loadPolnear()?.filter((d) => d.split !== 'train').slice(0, 60);
  assert.ok(docs && docs.length === 60);
  // Without entity mentions: findQuotes falls back to its own proper-noun candidates (keeps the test fast).
  const s = scoreFinder(docs, oursWith(null));
  const ratio = (a: number, b: number): number => a / b;
  assert.ok(ratio(s.direct.predictedCorrect, s.direct.predicted) >= 0.95, 'direct-quote precision fell');
  assert.ok(ratio(s.direct.goldFound, s.direct.gold) >= 0.91, 'direct-quote recall fell');
  assert.ok(ratio(s.direct.speakerCorrect, s.direct.speakerScored) >= 0.885, 'direct-quote speaker accuracy fell');
  assert.ok(ratio(s.speech.predictedCorrect, s.speech.predicted) >= 0.84, 'speech-attribution precision fell');
  assert.ok(ratio(s.speech.goldFound, s.speech.gold) >= 0.955, 'speech-attribution recall fell');
  assert.ok(ratio(s.speech.speakerCorrect, s.speech.speakerScored) >= 0.89, 'speech-attribution speaker accuracy fell');
  assert.ok(ratio(s.all.predictedCorrect, s.all.predicted) >= 0.84, 'all-attribution precision fell');
  assert.ok(ratio(s.all.goldFound, s.all.gold) >= 0.85, 'all-attribution recall fell');
  assert.ok(ratio(s.all.speakerCorrect, s.all.speakerScored) >= 0.85, 'all-attribution speaker accuracy fell');
});
