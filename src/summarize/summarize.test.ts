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

test('a support group raises a sentence above an otherwise equal one and adds its spans as sources', () => {
  const a = doc('a', 'Talks resumed. The finance ministers agreed on a new framework for bank supervision in the region. Short note here.');
  const b = doc('b', 'Markets calmed. The trade envoys settled on a new schedule for tariff reductions in the spring.');
  const withoutSupport = summarize([a, b], { maxSentences: 1 });
  assert.match(withoutSupport[0].text, /finance ministers/);

  const rateSentence = b.sentences[1];
  const note = a.sentences[2];
  const support = [
    {
      spans: [
        { articleId: 'b', start: rateSentence.start, end: rateSentence.end },
        { articleId: 'a', start: note.start, end: note.end },
      ],
      independentSources: 4,
    },
  ];
  const withSupport = summarize([a, b], { maxSentences: 1 }, support);
  assert.match(withSupport[0].text, /trade envoys/);
  assert.deepEqual(withSupport[0].sources[1], { articleId: 'a', start: note.start, end: note.end });
});

test('trimming drops a leading time phrase and a trailing attribution to fit a budget, keeping a verbatim substring', () => {
  const text = 'On Monday, the city council approved a new budget that doubles spending on school repairs, officials said.';
  const story = [doc('a', text)];
  const whole = summarize(story, { maxSentences: 1 });
  assert.equal(whole[0].text, text);
  // 17 words do not fit a 14-word budget, nor 15 with only one end trimmed; 13 with both ends trimmed do.
  assert.deepEqual(summarize(story, { maxSentences: 1, maxWords: 14 }), []);
  const trimmed = summarize(story, { maxSentences: 1, maxWords: 14, trim: true });
  assert.equal(trimmed[0].text, 'the city council approved a new budget that doubles spending on school repairs');
  const span = trimmed[0].sources[0];
  assert.equal(text.slice(span.start, span.end), trimmed[0].text);
});

test('a lead restated further down the same article is summarized once', () => {
  const text =
    'The defense minister rejected claims that the army took part in the border clashes on Sunday. ' +
    'Farmers in the valley reported that the harvest was delayed by the heavy autumn rains this year. ' +
    'The minister rejected claims made by the prime minister that the army took part in the border clashes.';
  const summary = summarize([doc('a', text)], { maxSentences: 3 });
  assert.equal(summary.filter((s) => /rejected claims/.test(s.text)).length, 1);
});
