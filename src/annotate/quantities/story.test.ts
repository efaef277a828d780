// The story a number carries (kind, event, owner, informative), on small texts written for these tests after the
// wording of real reports of the Banjska attack (Sept. 2023) and of other news.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from '../sentences.js';
import { findQuantities } from './index.js';
import { kindOfWords, kindsCompatible, singular } from './kinds.js';

interface Row { words: string; value: number; kind?: string; event?: string; owner?: string; informative?: false }

function rows(text: string): Row[] {
  return findQuantities(text, splitSentences(text)).map((q) => ({
    words: text.slice(q.start, q.end),
    value: q.value,
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.event ? { event: q.event } : {}),
    ...(q.owner ? { owner: text.slice(q.owner.start, q.owner.end) } : {}),
    ...(q.informative === false ? { informative: false as const } : {}),
  }));
}

test('different words for the attackers are one kind', () => {
  const kinds = ['3 Serb gunmen fled.', 'Three of the assailants fled.', 'Three rebels fled.', '3 attackers fled.', 'About 30 armed Serbs fled.', 'Three militants fled.']
    .map((t) => rows(t)[0]?.kind);
  assert.deepEqual(kinds, ['attacker', 'attacker', 'attacker', 'attacker', 'attacker', 'attacker']);
});

test('troops, soldiers and police officers normalise; plurals and adjectives go', () => {
  assert.equal(rows('NATO will send 600 more soldiers.')[0].kind, 'soldier');
  assert.equal(rows('The force has approximately 4,500 troops.')[0].kind, 'soldier');
  assert.equal(rows('Ankara sent 50 additional servicemen.')[0].kind, 'soldier');
  assert.equal(rows('One Kosovo police officer was hurt.')[0].kind, 'police officer');
  assert.equal(rows('Two policemen were hurt.')[0].kind, 'police officer');
  assert.equal(rows('He stated that the troop count had been decreased from 8,350 to 4,500.')[1].kind, 'soldier');
  assert.equal(singular('gunmen'), 'gunman');
  assert.equal(singular('countries'), 'country');
  assert.equal(singular('positions'), 'position');
  // "attackers" and "attacks" share a stem but not a kind
  assert.notEqual(kindOfWords(['attacks']), kindOfWords(['attackers']));
  assert.ok(kindsCompatible('person', 'civilian') && !kindsCompatible('soldier', 'attacker'));
});

test('money is counted by currency code, shares as percent', () => {
  assert.deepEqual(rows('The line was sold for $22 million and 1.5 million euros.').map((r) => r.kind), ['usd', 'eur']);
  assert.equal(rows('Over 90% of the population is Albanian.')[0].kind, 'percent');
});

test('killing is one event however it is written', () => {
  const events = [
    'A Kosovo police officer and three Serb gunmen were killed.',
    'In the incident, one Kosovo police officer and three of the assailants lost their lives.',
    'Tension peaked with the death of a policeman and 3 attackers in an attack by an armed group.',
    'The group opened fire on police, leaving one police officer dead and another injured.',
    'Three rebels died in the exchange of fire.',
  ].map((t) => rows(t).map((r) => `${r.value} ${r.kind} ${r.event}`));
  assert.deepEqual(events, [
    ['1 police officer kill', '3 attacker kill'],
    ['1 police officer kill', '3 attacker kill'],
    ['1 police officer kill', '3 attacker kill'],
    ['1 police officer kill', '1 police officer injure'],
    ['3 attacker kill'],
  ]);
});

test('"a"/"an" counts only beside a written number that shares its event', () => {
  assert.deepEqual(rows('A policeman was killed.'), []);
  assert.deepEqual(rows('A man walked in with 3 friends.').map((r) => r.value), [3]);
  assert.deepEqual(rows('A soldier and 2 civilians were wounded.').map((r) => `${r.value} ${r.kind} ${r.event}`), ['1 soldier injure', '2 civilian injure']);
});

test('deployments, withdrawals, arrests and elliptic casualties', () => {
  assert.equal(rows('NATO declared on Sunday that it plans to send 600 more soldiers to Kosovo.')[0].event, 'deploy');
  assert.deepEqual(rows('He said the troop count had been decreased from 8,350 to 4,500.').map((r) => r.event), ['reduce', 'reduce']);
  assert.equal(rows('Police arrested 17 people on Monday.')[0].event, 'arrest');
  assert.deepEqual(rows('Two people were killed and five wounded.').map((r) => `${r.value} ${r.kind} ${r.event}`), ['2 person kill', '5 person injure']);
  assert.deepEqual(rows('Nine other deaths were reported.').map((r) => `${r.kind} ${r.event}`), ['person kill']);
  // the event belongs to the clause of the number: "tensions ... must be reduced", not the two countries
  assert.equal(rows('Tensions between the two countries must be reduced.')[0].event, undefined);
  assert.equal(rows('Police fought about 30 armed Serbs who had taken refuge in a monastery.')[0].event, 'fight');
  // measures undergo nothing
  assert.equal(rows('He was hospitalized for two more weeks.')[0].event, undefined);
});

test('owners: possessives, names in the phrase, subjects of fielding verbs, the antecedent of "which"', () => {
  const two = rows("KFOR's 4,500 troops patrol the north, while the Serbian army's 4,500 soldiers stay at the border.");
  assert.deepEqual(two.map((r) => [r.value, r.kind, r.owner]), [[4500, 'soldier', 'KFOR'], [4500, 'soldier', 'Serbian army']]);
  assert.equal(rows('There are 4,500 KFOR troops in Kosovo.')[0].owner, 'KFOR');
  assert.equal(rows('NATO declared on Sunday that it plans to send 600 more soldiers.')[0].owner, 'NATO');
  assert.equal(rows('NATO sent 600 soldiers to support the existing KFOR peacekeeping force, which currently consists of approximately 4,500 troops.')[1].owner, 'KFOR');
  assert.deepEqual(rows('Serbia has 28,000 soldiers and 200 tanks.').map((r) => r.owner), ['Serbia', 'Serbia']);
  // people in no fielded role have no owner: "Serb gunmen" are not Serbia's
  assert.equal(rows('Three Serb gunmen were killed.')[0].owner, undefined);
  // a definite count borrows the owner of the same kind named just before
  const text = 'Serbia has announced the withdrawal of a portion of its forces from the border. He stated that the troop count had been decreased from 8,350 to 4,500.';
  assert.deepEqual(rows(text).map((r) => r.owner), ['Serbia', 'Serbia']);
});

test('numbers that say nothing to compare are not informative', () => {
  assert.equal(rows('Tensions between the two countries must be reduced.')[0].informative, false);
  assert.equal(rows('Article 5 of the NATO treaty was invoked.')[0]?.informative, false);
  assert.equal(rows('Article 5 of the NATO treaty was invoked.')[0]?.kind, undefined);
  // a total is informative even when definite, and so is a larger definite count
  assert.deepEqual(rows("Hun Sen's party won 64 of the 122 seats.").map((r) => [r.value, r.informative]), [[122, undefined]]);
  assert.equal(rows('Most of the 75,000 residents had left.')[0].informative, undefined);
  // "one of the gravest escalations" is no quantity at all
  assert.deepEqual(rows('It was one of the gravest escalations in years.'), []);
});
