import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from '../sentences.js';
import { reanchorTimes, resolveTimes } from './index.js';
import type { TimeAnnotation } from '../types.js';

// A Saturday, as in a weekend wire story.
const SATURDAY = '2023-09-30';

function times(text: string, publishedAt: string | null = SATURDAY): TimeAnnotation[] {
  return resolveTimes(text, splitSentences(text), publishedAt);
}

function valueOf(text: string, words: string, publishedAt: string | null = SATURDAY): string | null | undefined {
  const found = times(text, publishedAt).find((t) => t.text === words);
  assert.ok(found, `"${words}" not found in: ${JSON.stringify(times(text, publishedAt).map((t) => t.text))}`);
  return found.value;
}

test('a lone weekday is the most recent such day on or before publication', () => {
  assert.equal(valueOf('The minister spoke to reporters on Friday in the capital.', 'Friday'), '2023-09-29');
  assert.equal(valueOf('On Monday, the general said the units had returned to normal.', 'Monday'), '2023-09-25');
  assert.equal(valueOf('The council met Saturday to discuss the border.', 'Saturday'), '2023-09-30');
  assert.equal(valueOf('Police said Sunday that two men were detained.', 'Sunday'), '2023-09-24');
});

test('a weekday looks forward only when the sentence does', () => {
  assert.equal(valueOf('The foreign ministers will meet on Tuesday in Brussels.', 'Tuesday'), '2023-10-03');
  assert.equal(valueOf('The envoy is scheduled to arrive Monday.', 'Monday'), '2023-10-02');
  assert.equal(valueOf('Talks resume next Friday, officials said.', 'next Friday'), '2023-10-06');
});

test('month-and-day dates with and without abbreviation dots', () => {
  assert.equal(valueOf('Fighting broke out on Sept. 24 near the village.', 'Sept. 24'), '2023-09-24');
  assert.equal(valueOf('He denied any role in the clashes on Sept 24.', 'Sept 24'), '2023-09-24');
  assert.equal(valueOf('The report was released on September 30, 2023.', 'September 30, 2023'), '2023-09-30');
  const full = times('The report was released on September 30, 2023.')[0];
  assert.equal(full.anchor, 'absolute');
});

test('lone months point back; the part of a month stays a month', () => {
  assert.equal(valueOf('The tension started with local elections in May.', 'May'), '2023-05');
  assert.equal(valueOf('The area has been restive since April, officials say.', 'April'), '2023-04');
  assert.equal(valueOf('In late September, tensions rose sharply.', 'late September'), '2023-09');
  assert.equal(valueOf('The vote was held in December.', 'December', '2024-02-10'), '2023-12');
});

test('relative days, weeks and months against the publication date', () => {
  assert.equal(valueOf('The council authorized more forces just yesterday.', 'yesterday'), '2023-09-29');
  assert.equal(valueOf('The ministers met today to discuss it.', 'today'), '2023-09-30');
  assert.equal(valueOf('Exports fell last month.', 'last month'), '2023-08');
  const lastWeek = times('Talks collapsed last week without a result.').find((t) => t.text === 'last week');
  // Convention: a week's value is the month holding its Thursday; the exact days are in range.
  assert.equal(lastWeek?.value, '2023-09');
  assert.deepEqual(lastWeek?.range, { start: '2023-09-18', end: '2023-09-24' });
  assert.equal(lastWeek?.anchor, 'publication');
});

test('bare years and year ranges', () => {
  assert.equal(valueOf('The province declared independence in 2008.', '2008'), '2008');
  const war = times('It broke away after a war in 1998-99 and much later declared independence.').find((t) => t.text === '1998-99');
  assert.equal(war?.value, '1998');
  assert.deepEqual(war?.range, { start: '1998', end: '1999' });
  assert.equal(war?.anchor, 'absolute');
});

test('numbers, modal verbs and names that only look like dates are not dates', () => {
  const text = 'Moscow may attempt to stir unrest. Police found 37 distinct positions and 8,350 rounds. ' +
    'Protesters march through the city. The Sunday Times reported it, and 2000 soldiers were sent.';
  assert.deepEqual(times(text).map((t) => t.text), []);
});

test('vague references are kept without a value', () => {
  const vague = times('Relations have escalated in recent months in the north.').find((t) => t.text === 'recent months');
  assert.equal(vague?.value, null);
  assert.equal(vague?.vague, true);
});

test('without a publication date a relative expression stays unresolved, and a story date can place it', () => {
  const text = 'Kosovo on Sunday posted footage. The province declared independence in 2008.';
  const sentences = splitSentences(text);
  const unanchored = resolveTimes(text, sentences, null);
  const sunday = unanchored.find((t) => t.text === 'Sunday');
  assert.deepEqual([sunday?.value, sunday?.anchor], [null, null]);
  assert.equal(unanchored.find((t) => t.text === '2008')?.anchor, 'absolute');
  const reanchored = reanchorTimes(text, sentences, unanchored, SATURDAY);
  const placed = reanchored.find((t) => t.text === 'Sunday');
  assert.deepEqual([placed?.value, placed?.anchor], ['2023-09-24', 'story']);
  assert.equal(reanchored.find((t) => t.text === '2008')?.anchor, 'absolute');
});

test('a publication timestamp is cut to its day', () => {
  assert.equal(valueOf('Officials said Friday the border was closed.', 'Friday', '2023-09-30T12:01:51Z'), '2023-09-29');
});
