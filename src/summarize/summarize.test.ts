import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summarize, SummarizeInputError, type SummaryDocument } from './index.js';
import { splitSentences } from '../annotate/sentences.js';
import { wordCount } from './text.js';

function doc(id: string, text: string, publishedAt: string | null = null): SummaryDocument {
  return { id, text, sentences: splitSentences(text).map(({ start, end }) => ({ start, end })), publishedAt };
}

// A small self-written story told by three outlets.
const STORY = [
  doc(
    'a',
    'Heavy flooding forced the evacuation of 3,000 residents from the river town of Millbrook on Tuesday. ' +
      'The regional governor declared a state of emergency across the northern valley after two days of rain. ' +
      'Rescue teams used boats to reach families stranded on the roofs of their homes near the old bridge. ' +
      'Local schools were closed and turned into shelters for the displaced residents of the valley.',
    '2024-03-05',
  ),
  doc(
    'b',
    'The regional governor declared a state of emergency across the northern valley after two days of heavy rain. ' +
      'About 3,000 residents of Millbrook were evacuated as the river burst its banks on Tuesday morning. ' +
      'Forecasters expect more rain over the weekend, which could push the river even higher near the town.',
    '2024-03-06',
  ),
  doc(
    'c',
    'Forecasters expect more rain over the weekend, which could push the river even higher in the valley. ' +
      'The governor said the state of emergency would free money for repairs to roads and the damaged bridge. ' +
      'Insurance companies said it was too early to estimate the cost of the damage to homes and farms.',
    '2024-03-04',
  ),
];

test('every summary sentence is the exact source text of its first cited span', () => {
  const summary = summarize(STORY, { maxSentences: 4 });
  assert.ok(summary.length > 0);
  const byId = new Map(STORY.map((d) => [d.id, d]));
  for (const sentence of summary) {
    assert.ok(sentence.sources.length >= 1);
    for (const span of sentence.sources) {
      const source = byId.get(span.articleId);
      assert.ok(source, `unknown article ${span.articleId}`);
      assert.ok(span.start >= 0 && span.start < span.end && span.end <= source.text.length);
    }
    const first = sentence.sources[0];
    assert.equal(sentence.text, byId.get(first.articleId)!.text.slice(first.start, first.end));
  }
});

test('respects the sentence and word limits', () => {
  assert.ok(summarize(STORY, { maxSentences: 2 }).length <= 2);
  const short = summarize(STORY, { maxWords: 40, maxSentences: 10 });
  assert.ok(short.length >= 1);
  assert.ok(short.reduce((n, s) => n + wordCount(s.text), 0) <= 40);
});

test('a fact told by two outlets appears once and cites both', () => {
  const summary = summarize(STORY, { maxSentences: 6 });
  const emergency = summary.filter((s) => /state of emergency across the northern valley/.test(s.text));
  assert.equal(emergency.length, 1);
  assert.deepEqual(new Set(emergency[0].sources.map((s) => s.articleId)), new Set(['a', 'b']));
});

test('orders sentences by article date, then position', () => {
  const summary = summarize(STORY, { maxSentences: 6 });
  const dates = summary.map((s) => STORY.find((d) => d.id === s.sources[0].articleId)!.publishedAt!);
  assert.deepEqual(dates, [...dates].sort());
});

test('is deterministic', () => {
  assert.deepEqual(summarize(STORY, { maxSentences: 3 }), summarize(STORY, { maxSentences: 3 }));
});

test('rejects a sentence range outside the text with a typed error', () => {
  assert.throws(() => summarize([{ id: 'x', text: 'Short.', sentences: [{ start: 0, end: 99 }], publishedAt: null }]), SummarizeInputError);
});
