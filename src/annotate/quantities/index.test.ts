import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from '../sentences.js';
import { findQuantities } from './index.js';

function quantities(text: string): { words: string; value: number; what: string; qualifier?: string }[] {
  return findQuantities(text, splitSentences(text)).map((q) => ({
    words: text.slice(q.start, q.end), value: q.value, what: q.what, ...(q.qualifier ? { qualifier: q.qualifier } : {}),
  }));
}

test('a count takes the noun phrase after it, without "more"', () => {
  assert.deepEqual(quantities('The alliance will send 600 more soldiers to the region.'), [{ words: '600', value: 600, what: 'soldiers' }]);
  assert.deepEqual(quantities('Attackers struck 37 distinct positions overnight.'), [{ words: '37', value: 37, what: 'distinct positions' }]);
});

test('hedges are kept as the qualifier', () => {
  assert.deepEqual(quantities('The mission now has approximately 4,500 troops.'), [{ words: '4,500', value: 4500, what: 'troops', qualifier: 'approximately' }]);
  assert.deepEqual(quantities('Police fought about 30 armed Serbs who hid in a church.'), [{ words: '30', value: 30, what: 'armed serbs', qualifier: 'about' }]);
});

test('spelled-out numbers count too, and "one" only before a noun', () => {
  assert.deepEqual(
    quantities('One police officer and three Serb gunmen were killed; it was one of the gravest clashes in years.'),
    [{ words: 'One', value: 1, what: 'police officer' }, { words: 'three', value: 3, what: 'serb gunmen' }],
  );
  assert.deepEqual(quantities('Twenty-five people were hurt, and two hundred fled.').map((q) => [q.value, q.what]), [[25, 'people']]);
});

test('a lone number in "from X to Y" takes the counted thing named before it', () => {
  const found = quantities('The general said the troop count had been cut from 8,350 to 4,500.');
  assert.deepEqual(found.map((q) => [q.value, q.what]), [[8350, 'troop count'], [4500, 'troop count']]);
});

test('percentages count a share of what follows "of"', () => {
  assert.deepEqual(quantities('Over 90% of the population is Albanian.'), [{ words: '90%', value: 90, what: '% of the population', qualifier: 'over' }]);
  assert.deepEqual(quantities('Turnout was 3.5 percent.').map((q) => [q.value, q.what]), [[3.5, '%']]);
});

test('money is counted in its currency', () => {
  assert.deepEqual(quantities('The line was sold for $22 million last year.').map((q) => [q.value, q.what]), [[22_000_000, 'dollars']]);
});

test('years, dates, clock times, codes, phone numbers and vague amounts are not quantities', () => {
  const text = 'In 2008 the region declared independence. The clash on Sept. 24 began at 6 a.m. ' +
    'F-16 jets flew over. Call 555-123-4567 for details. Half the troops left, and dozens of protesters gathered.';
  assert.deepEqual(quantities(text), []);
});
