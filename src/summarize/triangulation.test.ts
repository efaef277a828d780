// Triangulation in the summary: independent reports count, disputes get both sides, the first sentence stands alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { summarize, type SummaryDispute, type SummaryDocument, type SummarySentence } from './index.js';
import { splitSentences } from '../annotate/sentences.js';
import { dependentOpener, DEPENDENT_OPENERS } from './patterns.js';
import { seedsDir } from '../../eval/data.js';
import type { Span } from '../annotate/types.js';

function doc(id: string, text: string, publishedAt: string | null = null): SummaryDocument {
  return { id, text, sentences: splitSentences(text).map(({ start, end }) => ({ start, end })), publishedAt };
}

/** The span of the sentence of `d` that contains `words`. */
function sentenceWith(d: SummaryDocument, words: string): Span {
  const at = d.text.indexOf(words);
  assert.ok(at >= 0, `"${words}" not in ${d.id}`);
  const s = d.sentences.find((r) => r.start <= at && r.end > at)!;
  return { articleId: d.id, start: s.start, end: s.end };
}

/** Every summary sentence is the exact text of its first source, and every source is a real span. */
function assertCited(docs: SummaryDocument[], summary: SummarySentence[]): void {
  const byId = new Map(docs.map((d) => [d.id, d]));
  for (const sentence of summary) {
    assert.ok(sentence.sources.length >= 1, `uncited: ${sentence.text}`);
    for (const span of sentence.sources) {
      const source = byId.get(span.articleId);
      assert.ok(source, `unknown article ${span.articleId}`);
      assert.ok(span.start >= 0 && span.start < span.end && span.end <= source.text.length, `bad span ${JSON.stringify(span)}`);
    }
    const first = sentence.sources[0];
    assert.equal(sentence.text, byId.get(first.articleId)!.text.slice(first.start, first.end));
  }
}

const overlaps = (a: Span, b: Span) => a.articleId === b.articleId && a.start < b.end && b.start < a.end;
const states = (summary: SummarySentence[], spans: Span[]) => summary.some((s) => spans.some((x) => overlaps(s.sources[0], x)));

test('a fact reported by independent outlets beats one repeated only by copies of one wire story', () => {
  // Both facts are in three articles; the ferry fact's three reports are one wire story (one independent source).
  const ferry = 'A ferry carrying 200 passengers ran aground near the harbour entrance during the storm.';
  const bridge = 'The coastal bridge was closed to traffic after strong winds damaged its western span.';
  const docs = [
    doc('a', `${ferry} Harbour officials said the passengers were taken ashore by lifeboats late at night.`),
    doc('b', `${ferry} Engineers will inspect the hull of the vessel once the sea calms down again.`),
    doc('c', `${ferry} ${bridge.replace('The coastal bridge was', 'Separately, the coastal bridge was')}`),
    doc('d', `Forecasters warned of more gales this week. ${bridge}`),
    doc('e', `Schools along the coast stayed open on Friday morning. The coastal bridge was closed to traffic after strong winds damaged the western span.`),
  ];
  const spans = (words: string) => docs.filter((d) => d.text.includes(words)).map((d) => sentenceWith(d, words));
  const withoutSupport = summarize(docs, { maxSentences: 1 });
  assert.match(withoutSupport[0].text, /ferry/, 'without the align stage the repeated wire sentence wins');
  const support = [
    { spans: spans('A ferry carrying'), independentSources: 1 },
    { spans: spans('damaged'), independentSources: 3 },
  ];
  const summary = summarize(docs, { maxSentences: 1 }, support);
  assert.match(summary[0].text, /bridge was closed/);
  assert.deepEqual(new Set(summary[0].sources.map((s) => s.articleId)), new Set(['c', 'd', 'e']));
  assertCited(docs, summary);
});

// A self-written disputed story: a claim, its denial, and more central background that would crowd both out.
const DISPUTED = [
  doc(
    'a',
    'Floodwater from the dam reached the lower valley on Tuesday, forcing hundreds of families to leave their homes. ' +
      'Rescue crews in boats searched the lower valley for families trapped by the floodwater on Tuesday night. ' +
      'The opposition leader accused the water authority of opening the dam gates without warning residents downstream.',
    '2024-05-07',
  ),
  doc(
    'b',
    'Hundreds of families in the lower valley left their homes as floodwater from the dam reached them on Tuesday. ' +
      'Rescue crews searched the lower valley in boats for families trapped by the floodwater. ' +
      'The water authority denied that the dam gates were opened without warning, saying sirens sounded an hour earlier.',
    '2024-05-08',
  ),
  doc(
    'c',
    'Floodwater from the dam reached hundreds of homes in the lower valley on Tuesday, officials said. ' +
      'Rescue crews in boats searched for families trapped in the lower valley by the floodwater. ' +
      'Schools in the lower valley will stay closed until the floodwater from the dam recedes.',
    '2024-05-08',
  ),
];
const CLAIM = sentenceWith(DISPUTED[0], 'accused the water authority');
const DENIAL = sentenceWith(DISPUTED[1], 'denied that the dam gates');
const DAM_DISPUTE: SummaryDispute = { kind: 'denial', sides: [{ stance: 'claim', sources: [CLAIM] }, { stance: 'denial', sources: [DENIAL] }] };

test('a story with a claim and a denial gets a sentence for each side, each cited', () => {
  const plain = summarize(DISPUTED, { maxSentences: 3 });
  assert.ok(!(states(plain, [CLAIM]) && states(plain, [DENIAL])), 'without the dispute the background crowds out a side');
  for (const maxSentences of [3, 4, 8]) {
    const summary = summarize(DISPUTED, { maxSentences }, [], [DAM_DISPUTE]);
    assert.ok(states(summary, [CLAIM]), `claim side missing at ${maxSentences} sentences`);
    assert.ok(states(summary, [DENIAL]), `denial side missing at ${maxSentences} sentences`);
    assert.ok(summary.length <= maxSentences);
    assertCited(DISPUTED, summary);
  }
});

test('with room for one dispute sentence only, a sentence reporting the disagreement stands for both sides', () => {
  const reporting = doc('d', 'The water authority rejected claims by the opposition leader that the dam gates were opened without any warning.');
  const docs = [...DISPUTED, reporting];
  const both = sentenceWith(reporting, 'rejected claims');
  const dispute: SummaryDispute = { kind: 'denial', sides: [{ stance: 'claim', sources: [CLAIM] }, { stance: 'denial', sources: [DENIAL, both] }] };
  const summary = summarize(docs, { maxSentences: 2 }, [], [dispute]);
  assert.ok(states(summary, [both]), summary.map((s) => s.text).join(' | '));
  assertCited(docs, summary);
});

test('the first sentence never leans on a previous one', () => {
  // The most central sentences of each article open with a pronoun, a demonstrative or a connective.
  const docs = [
    doc('a', 'The port authority opened a new container terminal in the northern harbour on Monday. He said the terminal would double the port capacity within two years.'),
    doc('b', 'This terminal will double the port capacity within two years, the port authority said on Monday.'),
    doc('c', 'But the new terminal will double the port capacity within two years only if dredging of the harbour is finished.'),
  ];
  for (const maxSentences of [1, 2, 3]) {
    const summary = summarize(docs, { maxSentences });
    assert.ok(summary.length >= 1);
    assert.doesNotMatch(summary[0].text, /^(?:This|He|But)\b/);
    assert.equal(dependentOpener(summary[0].text), null);
    assertCited(docs, summary);
  }
});

test('the dependent-opener list catches the motivating examples and leaves stand-alone openers alone', () => {
  const dependent = [
    'This clash, one of the worst since Kosovo declared independence from Serbia in 2008, prompted NATO to act.',
    'He explained that there was no combat readiness of the Serbian Armed Forces.',
    'They have called for Serbia to immediately withdraw its forces.',
    'But Belgrade has never recognized Kosovo.',
    'However, the talks broke down.',
    'It was the worst flooding in a decade.',
    'The move drew criticism from the opposition.',
    'The clashes have caused concerns about a potential escalation.',
    'Earlier on Monday, Kosovo Prime Minister Kurti blamed Serbia.',
    'These were among the biggest issues that still separated the two sides.',
  ];
  for (const text of dependent) assert.ok(dependentOpener(text), text);
  const standalone = [
    'This year, Voinovich, a Republican who is barred from seeking a third term, is running again.',
    'The attack on the embassy killed 12 people.',
    'Heavy flooding forced the evacuation of 3,000 residents.',
    'Italy\'s Communists on Sunday voted to withdraw support for Premier Romano Prodi.',
    'Iteration after iteration, the model improved.',
    'One police officer was killed.',
  ];
  for (const text of standalone) assert.equal(dependentOpener(text), null, text);
  assert.ok(DEPENDENT_OPENERS.every((o) => o.why.length > 0));
});

test('a standfirst is never the first sentence', () => {
  // The deck under a headline, on its own line, in headline present ("rejects"), is the most central sentence.
  const standfirst = 'Finance minister Halvorsen rejects opposition claims of a budget gap of 4 billion crowns.';
  const docs = [
    doc('a', `${standfirst}\n\nThe government will present its spring budget to parliament in Oslo on Thursday morning.`, '2024-01-01'),
    doc('b', 'Finance Minister Erik Halvorsen on Tuesday rejected opposition claims of a budget gap of 4 billion crowns in the spring budget.', '2024-01-02'),
    doc('c', 'The opposition says there is a budget gap of 4 billion crowns, which finance minister Halvorsen rejected on Tuesday.', '2024-01-02'),
  ];
  const summary = summarize(docs, { maxSentences: 3 });
  assert.ok(summary.some((s) => s.text === standfirst), 'the standfirst may stay in the summary');
  assert.notEqual(summary[0].text, standfirst);
  assertCited(docs, summary);
});

test('a claim span of an over-long sentence is used verbatim; one whose sentence attributes it is not', () => {
  const long =
    'The health ministry confirmed 42 new cases of cholera in the eastern province on Sunday, and in a long statement that listed every district, ' +
    'every clinic and every water source under watch, it asked residents to boil drinking water, to avoid the river and to report symptoms at once to the nearest clinic.';
  const claimEnd = long.indexOf(', and in a long');
  const attributed = 'Aid workers fear the outbreak will spread to the refugee camps, the charity warned.';
  const docs = [
    doc('a', `${long} Clinics in the eastern province opened extra wards for cholera patients.`),
    doc('b', `The health ministry confirmed 42 new cases of cholera in the eastern province. ${attributed}`),
  ];
  const claim = { articleId: 'a', start: 0, end: claimEnd };
  const warned = sentenceWith(docs[1], 'Aid workers fear');
  const fearClaim = { articleId: 'b', start: warned.start, end: warned.start + attributed.indexOf(', the charity') };
  const support = [
    { spans: [claim, sentenceWith(docs[1], 'The health ministry confirmed')], independentSources: 2 },
    { spans: [fearClaim], independentSources: 2 },
  ];
  const summary = summarize(docs, { maxSentences: 3 }, support);
  assertCited(docs, summary);
  assert.ok(summary.every((s) => !/^Aid workers fear the outbreak will spread to the refugee camps$/.test(s.text)));
  const budget = summarize(docs, { maxSentences: 2, maxWords: 30 }, support);
  assertCited(docs, budget);
  assert.ok(budget.some((s) => s.text === long.slice(0, claimEnd)), budget.map((s) => s.text).join(' | '));
});

test('is inert without disputes and facts: the same summary as the plain call', () => {
  assert.deepEqual(summarize(DISPUTED, { maxSentences: 3 }, [], []), summarize(DISPUTED, { maxSentences: 3 }));
});

const seeds = existsSync(seedsDir) ? false : `seed articles not found at ${seedsDir} (../shared/seeds); skipping the seed checks`;

test('seeds: the summary opens with a stand-alone sentence and states both sides of the build-up dispute', { skip: seeds }, async () => {
  const { collectArticles } = await import('../analyze.js');
  const { articles } = await collectArticles([seedsDir]);
  const docs = articles.map((a) => doc(a.id, a.text, a.publishedAt));
  const find = (words: string) => {
    const d = docs.find((x) => x.text.includes(words));
    assert.ok(d, `no seed article has "${words}"`);
    return sentenceWith(d, words);
  };
  const disputes: SummaryDispute[] = [
    {
      kind: 'denial',
      sides: [
        { stance: 'claim', sources: [find('The United States stated that Serbia had made'), find('The White House said Serbia continued')] },
        { stance: 'denial', sources: [find('Vucic later denied that Serbia'), find('Serbia has denied recent reports of a military buildup')] },
      ],
    },
    {
      kind: 'denial',
      sides: [
        { stance: 'claim', sources: [find('Earlier on Monday, Kosovo Prime Minister Kurti blamed')] },
        { stance: 'denial', sources: [find('Serbian Defense Minister Milos Vucevic rejected')] },
      ],
    },
  ];
  for (const options of [{ maxSentences: 8 }, { maxSentences: 4 }, { maxSentences: 10, maxWords: 100 }]) {
    const summary = summarize(docs, options, [], disputes);
    assertCited(docs, summary);
    assert.equal(dependentOpener(summary[0].text), null, summary[0].text);
    assert.doesNotMatch(summary[0].text, /refutes false claims|claims to have decreased/, 'a standfirst opened the summary');
    assert.ok(states(summary, disputes[0].sides[0].sources), 'build-up claim missing');
    assert.ok(states(summary, disputes[0].sides[1].sources), 'build-up denial missing');
  }
});
