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

test('without a publication date a relative expression stays unresolved, and a story date places only coarse ones', () => {
  const text = 'Kosovo on Sunday posted footage. Unrest began in April. The province declared independence in 2008.';
  const sentences = splitSentences(text);
  const unanchored = resolveTimes(text, sentences, null);
  const sunday = unanchored.find((t) => t.text === 'Sunday');
  assert.deepEqual([sunday?.value, sunday?.anchor], [null, null]);
  assert.equal(unanchored.find((t) => t.text === '2008')?.anchor, 'absolute');
  const reanchored = reanchorTimes(text, sentences, unanchored, SATURDAY);
  // Counted from a borrowed date, Sunday could be 24 September or 1 October: no day is better than a wrong one.
  const notPlaced = reanchored.find((t) => t.text === 'Sunday');
  assert.deepEqual([notPlaced?.value, notPlaced?.anchor], [null, null]);
  const april = reanchored.find((t) => t.text === 'April');
  assert.deepEqual([april?.value, april?.anchor], ['2023-04', 'story']);
  assert.equal(reanchored.find((t) => t.text === '2008')?.anchor, 'absolute');
});

test('a borrowed story date places no day counted from it, but months, weeks and written days', () => {
  const text = [
    'Officials said yesterday the border was closed.', 'Police said tonight the march had ended.', 'Shots were fired last night.',
    'He left three days ago.', 'The mayor spoke on Friday morning.', 'Talks began last month.', 'Troops arrived last week.',
    'The clash on Sept 24 killed four.', 'The deal fell through in March last year.',
  ].join(' ');
  const sentences = splitSentences(text);
  const story = reanchorTimes(text, sentences, resolveTimes(text, sentences, null), SATURDAY);
  const value = (words: string) => {
    const found = story.find((t) => t.text === words);
    assert.ok(found, `"${words}" not found in: ${JSON.stringify(story.map((t) => t.text))}`);
    return [found.value, found.anchor];
  };
  for (const day of ['yesterday', 'tonight', 'last night', 'three days ago', 'Friday morning']) assert.deepEqual(value(day), [null, null], day);
  assert.deepEqual(value('last month'), ['2023-08', 'story']);
  assert.deepEqual(value('last week'), ['2023-09', 'story']);
  assert.deepEqual(value('Sept 24'), ['2023-09-24', 'story']);
  assert.deepEqual(value('March last year'), ['2022-03', 'story']);
  // The article's own date places every one of those days.
  const own = resolveTimes(text, sentences, SATURDAY);
  const ownDay = (words: string) => own.find((t) => t.text === words)?.value;
  assert.deepEqual(['yesterday', 'tonight', 'last night', 'three days ago', 'Friday morning'].map(ownDay), ['2023-09-29', '2023-09-30', '2023-09-29', '2023-09-27', '2023-09-29']);
});

test('a publication timestamp is cut to its day', () => {
  assert.equal(valueOf('Officials said Friday the border was closed.', 'Friday', '2023-09-30T12:01:51Z'), '2023-09-29');
});

// Tense and cue of the governing verb, for weekdays and for days of a month written without a year.
const MONDAY = '2025-03-17';

test('a weekday under a past verb is the past one, even after an infinitive', () => {
  assert.equal(valueOf('All tenants were allowed to go back inside on Sunday.', 'Sunday', MONDAY), '2025-03-16');
  assert.equal(valueOf('The crew was forced to leave the ship on Thursday.', 'Thursday', MONDAY), '2025-03-13');
  assert.equal(valueOf('Guests stopped arriving on Saturday.', 'Saturday', MONDAY), '2025-03-15');
  // Still forward when the sentence is: a modal, "scheduled", "is to".
  assert.equal(valueOf('The ferry will resume service on Thursday.', 'Thursday', MONDAY), '2025-03-20');
  assert.equal(valueOf('The minister is to visit the port on Wednesday.', 'Wednesday', MONDAY), '2025-03-19');
  assert.equal(valueOf('A vote is scheduled for Friday.', 'Friday', MONDAY), '2025-03-21');
  assert.equal(valueOf('Repairs begin Tuesday.', 'Tuesday', MONDAY), '2025-03-18');
});

test('a weekday naming the publication day is that day', () => {
  assert.equal(valueOf('The mill on Monday rejected the offer from its workers.', 'Monday', MONDAY), '2025-03-17');
  assert.equal(valueOf('The regulator said on Monday that the plan was sound.', 'Monday', MONDAY), '2025-03-17');
});

test('a day and month without a year follow the tense and the cue', () => {
  // Published in April: a past verb keeps September in the year before, a future one puts February in the next.
  const APRIL = '2021-04-20';
  assert.equal(valueOf('The mine closed its gates on Aug. 30, the owners said.', 'Aug. 30', APRIL), '2020-08-30');
  assert.equal(valueOf('The inquiry opens Aug. 30 in the capital.', 'Aug. 30', APRIL), '2021-08-30');
  assert.equal(valueOf('The referendum is scheduled for Dec. 1.', 'Dec. 1', APRIL), '2021-12-01');
  assert.equal(valueOf('The group will publish its accounts on Jan. 28.', 'Jan. 28', APRIL), '2022-01-28');
  // A past verb still lets a day just ahead be the upcoming one ("said in Saturday's issue, April 24").
  assert.equal(valueOf('The paper said in an editorial on Thursday, April 22: the vote matters.', 'Thursday, April 22', '2021-04-21'), '2021-04-22');
  // "preferred" before a noun is an adjective, not a past verb.
  assert.equal(valueOf('The bank said it will redeem 2.5 million preferred shares on June 1.', 'June 1', APRIL), '2021-06-01');
});

test('days of an event and works named by a number are not dates', () => {
  const drill = times('Troops fired live rounds on the last day of the drill, the ministry said.', MONDAY);
  assert.deepEqual(drill.map((t) => t.text), []);
  assert.deepEqual(times('On the first day of the summit nothing was agreed.', MONDAY).map((t) => t.text), []);
  const film = times('The prize went to the war drama “1917,” which beat “Joker” on Saturday.', MONDAY);
  assert.deepEqual(film.map((t) => t.text), ['Saturday']);
  assert.deepEqual(times('She read the novel 1984 at school.', MONDAY).map((t) => t.text), []);
  // A year in a sentence is still a year.
  assert.equal(valueOf('The war ended in 1918.', '1918', MONDAY), '1918');
});
