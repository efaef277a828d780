import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_SENTENCE_CHARS, splitSentences, splitSentencesWithDiagnostics } from './sentences.js';
import { tokenize } from './nlp.js';

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

test('a sentence that never ends is cut into pieces of at most 1,000 characters at clause boundaries, with a diagnostic', () => {
  // The attack sample: abbreviation periods are no sentence ends, so 20 KB of "No. 1 ... No. 2" was one sentence.
  const text = Array.from({ length: 300 }, (_, i) => `item No. ${i} was listed after No. ${i + 1},`).join(' ');
  const { sentences, diagnostics } = splitSentencesWithDiagnostics(text);
  assert.ok(sentences.length >= text.length / MAX_SENTENCE_CHARS, `${sentences.length} sentences`);
  for (const s of sentences) {
    assert.ok(s.end - s.start <= MAX_SENTENCE_CHARS, `sentence of ${s.end - s.start} characters`);
    assert.match(text.slice(s.start, s.end), /^item No\. \d+ .*,$/, 'cut after a comma, trimmed');
  }
  for (let i = 1; i < sentences.length; i++) assert.equal(text.slice(sentences[i - 1].end, sentences[i].start), ' ');
  assert.deepEqual(diagnostics.map((d) => d.ruleId), ['sentence/too-long']);
  assert.deepEqual([diagnostics[0].start, diagnostics[0].end], [0, text.length]);
});

test('runs without spaces (hyphens, base64, emoji) are cut hard, and every offset stays exact', () => {
  const emoji = '\u{1F600}'.repeat(700);
  const text = `Lead sentence here. ${'-'.repeat(2500)} Z${'aB3+/x9Q'.repeat(200)} ${emoji} End.`;
  const sentences = splitSentences(text);
  let covered = 0;
  for (const s of sentences) {
    assert.ok(s.end - s.start <= MAX_SENTENCE_CHARS);
    assert.ok(s.start >= covered, 'sentences in order, not overlapping');
    covered = s.end;
    const piece = text.slice(s.start, s.end);
    assert.equal(piece, piece.trim());
    assert.ok(!/^[\udc00-\udfff]/.test(piece) && !/[\ud800-\udbff]$/.test(piece), 'no surrogate pair cut in two');
  }
  const nonSpace = (from: number, to: number) => text.slice(from, to).replace(/\s+/g, '').length;
  assert.equal(sentences.reduce((n, s) => n + nonSpace(s.start, s.end), 0), nonSpace(0, text.length), 'every character is in a sentence');
  for (const token of tokenize(text)) assert.equal(text.slice(token.start, token.end), token.text);
});
