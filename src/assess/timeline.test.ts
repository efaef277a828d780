// The timeline of a small story written for this test: an article without a publication date borrows the story's
// date for what it can place within a small error (a month), never for a day counted from it (a bare weekday).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type ArticleRecord } from '../analyze.js';

const DATED: ArticleRecord = {
  outlet: 'Harbour Times',
  publishedAt: '2024-05-11T09:00:00Z',
  text: 'The port authority of Ostrava Harbour closed the northern pier to ferries on Friday, a spokeswoman said.\n\nRepairs to the pier will cost 2 million euros, according to the authority.',
};

const UNDATED_TEXT = 'Dockworkers at Ostrava Harbour on Sunday marched to the town hall to demand higher pay.\n\nThe union first threatened a strike in April, when talks with the port authority broke down.';

const entryHolding = (timeline: { date: string; text: string; storyAnchored?: boolean }[], words: string) => timeline.filter((e) => e.text.includes(words));

test('an undated article in a dated story: no exact day for "on Sunday", "in April" still placed', async () => {
  const dossier = await analyze([DATED, { outlet: 'Dock Weekly', text: UNDATED_TEXT }]);
  const sunday = entryHolding(dossier.timeline, 'marched to the town hall');
  assert.deepEqual(sunday.map((e) => [e.date, e.text]), [], 'a weekday counted from a borrowed date is no day on the timeline');
  const april = entryHolding(dossier.timeline, 'threatened a strike');
  assert.deepEqual(april.map((e) => [e.date, e.storyAnchored]), [['2024-04', true]]);
  // The dated article's own weekday is placed from its own date.
  assert.deepEqual(entryHolding(dossier.timeline, 'closed the northern pier').map((e) => [e.date, e.storyAnchored]), [['2024-05-10', false]]);
});

test('the same article with its own date: "on Sunday" is placed', async () => {
  const dossier = await analyze([DATED, { outlet: 'Dock Weekly', publishedAt: '2024-05-13T07:00:00Z', text: UNDATED_TEXT }]);
  assert.deepEqual(entryHolding(dossier.timeline, 'marched to the town hall').map((e) => [e.date, e.storyAnchored]), [['2024-05-12', false]]);
  assert.deepEqual(entryHolding(dossier.timeline, 'threatened a strike').map((e) => [e.date, e.storyAnchored]), [['2024-04', false]]);
});
