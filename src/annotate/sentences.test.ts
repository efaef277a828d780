import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from './sentences.js';

test('headline lines stay separate sentences and paragraphs are counted', () => {
  const text = 'Claims rejected\n\nSerbia denied it. "We never did," he said.\nNext line';
  const sentences = splitSentences(text).map((s) => ({ words: text.slice(s.start, s.end), paragraph: s.paragraph }));
  assert.deepEqual(sentences, [
    { words: 'Claims rejected', paragraph: 0 },
    { words: 'Serbia denied it.', paragraph: 1 },
    { words: '"We never did," he said.', paragraph: 1 },
    { words: 'Next line', paragraph: 1 },
  ]);
});
