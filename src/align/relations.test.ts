// Agreement before corroboration, on hand-built claims: what a fact-checker would call a dispute must never
// be counted as two sources for one fact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClaimPolarity, Doc } from '../annotate/types.js';
import type { ClaimItem, QuantitySlot } from './claims.js';
import { relate } from './relations.js';
import { contentTerms } from './similarity.js';

/**
 * A hand-built claim. With a `verb` (the predicate as written) its terms are the text's content terms and its
 * detail words the stems of its lowercase words, the verb included (as collectClaims may keep it); without one
 * it has neither, so that only the slots given decide.
 */
function claim(text: string, slots: { entities?: string[]; quantities?: Partial<QuantitySlot>[]; dates?: string[]; predicate?: string; verb?: string; polarity?: ClaimPolarity } = {}): ClaimItem {
  const doc = { article: { id: 'a', text, publishedAt: null } } as unknown as Doc;
  const at = slots.verb ? text.indexOf(slots.verb) : -1;
  const details = new Map<string, string>();
  if (slots.verb) for (const word of text.match(/(?<![\p{L}])[\p{Ll}][\p{L}'-]*/gu) ?? []) for (const stem of contentTerms(word)) details.set(stem, word);
  return {
    ref: { articleId: 'a', start: 0, end: text.length, sentenceIndex: 0, claimIndex: 0 },
    articleId: 'a',
    doc,
    claim: { predicate: at >= 0 && slots.predicate ? { range: { start: at, end: at + slots.verb!.length }, lemma: slots.predicate } : null } as ClaimItem['claim'],
    text,
    terms: slots.verb ? contentTerms(text) : [],
    entities: new Set(slots.entities ?? []),
    places: new Set(),
    scenePlaces: new Set(),
    citedEntities: new Set(slots.entities ?? []),
    quantities: (slots.quantities ?? []).map((q) => ({ value: 0, kind: 'thing', event: null, owner: null, range: { start: 0, end: 0 }, ...q })),
    dates: slots.dates ?? [],
    storyAnchoredDates: new Set(),
    predicate: slots.predicate ?? null,
    events: new Set(slots.predicate ? [slots.predicate] : []),
    polarity: slots.polarity ?? 'affirmed',
    modality: 'asserted',
    sourceId: null,
    sourceName: null,
    agent: null,
    agentKind: null,
    details,
  };
}

const fixed = (p: number) => () => p;

test('600 vs 200 more soldiers for the same deployment is a number conflict, never agreement', () => {
  const a = claim('NATO plans to send 600 more soldiers to Kosovo', { entities: ['nato', 'kosovo'], quantities: [{ value: 600, kind: 'soldier', event: 'deploy' }], predicate: 'deploy' });
  const b = claim('NATO will send 200 more soldiers to Kosovo', { entities: ['nato', 'kosovo'], quantities: [{ value: 200, kind: 'soldier', event: 'deploy' }], predicate: 'deploy' });
  const r = relate(a, b, 0, 1, fixed(0.9));
  assert.equal(r.conflict?.kind, 'number');
  assert.equal(r.agrees, false);
});

test('the same count in different words agrees and names the shared number', () => {
  const a = claim('a police officer and three Serb gunmen were killed', { entities: ['kosovo'], quantities: [{ value: 3, kind: 'attacker', event: 'kill' }], predicate: 'kill' });
  const b = claim('one police officer and three of the assailants lost their lives', { entities: ['kosovo'], quantities: [{ value: 3, kind: 'attacker', event: 'kill' }], predicate: 'kill' });
  const r = relate(a, b, 0, 1, fixed(0.7));
  assert.equal(r.conflict, null);
  assert.ok(r.agrees);
  assert.deepEqual(r.evidence.sharedNumbers, ['3 attacker']);
  assert.deepEqual(r.evidence.sharedPredicates, ['kill']);
});

test('different owners or events of one kind are not a conflict', () => {
  const kfor = claim("KFOR's 4,500 troops", { entities: ['serbia'], quantities: [{ value: 4500, kind: 'soldier', owner: 'kfor' }], predicate: 'deploy' });
  const army = claim('the Serbian army has 6,000 troops', { entities: ['serbia'], quantities: [{ value: 6000, kind: 'soldier', owner: 'army' }], predicate: 'deploy' });
  assert.equal(relate(kfor, army, 0, 1, fixed(0.6)).conflict, null);
  const killed = claim('three attackers were killed', { entities: ['kosovo'], quantities: [{ value: 3, kind: 'attacker', event: 'kill' }], predicate: 'kill' });
  const arrested = claim('two attackers were arrested', { entities: ['kosovo'], quantities: [{ value: 2, kind: 'attacker', event: 'arrest' }], predicate: 'kill' });
  assert.equal(relate(killed, arrested, 0, 1, fixed(0.6)).conflict, null);
});

test('rounded figures of the same count are not disputed', () => {
  const a = claim('about 30 armed men', { entities: ['x'], quantities: [{ value: 30, kind: 'attacker' }], predicate: 'attack' });
  const b = claim('32 gunmen', { entities: ['x'], quantities: [{ value: 32, kind: 'attacker' }], predicate: 'attack' });
  assert.equal(relate(a, b, 0, 1, fixed(0.8)).conflict, null, 'about 30 vs 32 is one count, rounded');
  const e = claim('40 gunmen', { entities: ['x'], quantities: [{ value: 40, kind: 'attacker' }], predicate: 'attack' });
  assert.equal(relate(a, e, 0, 1, fixed(0.8)).conflict?.kind, 'number');
  const c = claim('about 4,500 troops', { entities: ['x'], quantities: [{ value: 4500, kind: 'soldier' }], predicate: 'deploy' });
  const d = claim('4,600 troops', { entities: ['x'], quantities: [{ value: 4600, kind: 'soldier' }], predicate: 'deploy' });
  assert.equal(relate(c, d, 0, 1, fixed(0.8)).conflict, null);
});

test('April vs May for the same boycott is a date conflict', () => {
  const a = claim('local ethnic Serbs boycotted elections since April', { entities: ['serbs'], dates: ['2023-04'], predicate: 'boycott', verb: 'boycotted' });
  const b = claim('Serbs boycotted local elections in May', { entities: ['serbs'], dates: ['2023-05'], predicate: 'boycott', verb: 'boycotted' });
  const r = relate(a, b, 0, 1, fixed(0.6));
  assert.equal(r.conflict?.kind, 'date');
  assert.equal(r.agrees, false);
  // A month and a day inside it do not disagree.
  const c = claim('Serbs boycotted local elections on April 23', { entities: ['serbs'], dates: ['2023-04-23'], predicate: 'boycott' });
  assert.equal(relate(a, c, 0, 1, fixed(0.6)).conflict, null);
});

test('an affirmed claim and its denial conflict; two unrelated claims do not', () => {
  const a = claim('Serbia is massing troops on the border', { entities: ['serbia'], predicate: 'deploy' });
  const b = claim('Serbia was engaging in a military build-up on the border', { entities: ['serbia'], predicate: 'deploy', polarity: 'denied' });
  const r = relate(a, b, 0, 1, fixed(0.45));
  assert.equal(r.conflict?.kind, 'denial');
  assert.equal(r.agrees, false);
  const c = claim('The weather was mild in Belgrade', { entities: ['belgrade'], predicate: 'be', polarity: 'negated' });
  assert.equal(relate(a, c, 0, 1, fixed(0.05)).conflict, null);
});

test('the same action by two different bodies is two facts, not one corroborated', () => {
  const kosovo = { ...claim('Kosovo called on Serbia to pull back its troops', { entities: ['kosovo', 'serbia'], predicate: 'call' }), agent: 'kosovo', agentKind: 'group' as const };
  const us = { ...claim('The United States called on Serbia to pull back its troops', { entities: ['us', 'serbia'], predicate: 'call' }), agent: 'us', agentKind: 'group' as const };
  const r = relate(kosovo, us, 0, 1, fixed(0.9));
  assert.equal(r.agrees, false);
  assert.equal(r.distinct, true);
  assert.equal(r.conflict, null, 'not a dispute either');
  // A spokesman and the body he speaks for are not rivals.
  const kirby = { ...us, agent: 'kirby', agentKind: 'person' as const };
  assert.equal(relate(kirby, us, 0, 1, fixed(0.9)).agrees, true);
});

// Two happenings of one kind on different days share the verb and often a participant; only what identifies the
// instance (what was published, a second participant, a count) makes their days disagree.
test('the same verb and one shared participant on different days is no date dispute, and no corroboration', () => {
  const monday = claim('Norway on Monday published a report on fish stocks', { entities: ['norway'], dates: ['2024-03-04'], predicate: 'publish', verb: 'published' });
  const tuesday = claim('On Tuesday, Ola Berg, the fisheries minister of Norway, published new quotas online', { entities: ['berg', 'norway'], dates: ['2024-03-05'], predicate: 'publish', verb: 'published' });
  for (const score of [0.15, 0.3, 0.45]) {
    const r = relate(monday, tuesday, 0, 1, fixed(score));
    assert.equal(r.conflict, null, `similarity ${score}`);
    assert.equal(r.agrees, false, `similarity ${score}`);
    assert.equal(r.distinct, true, 'two posts of one kind are never joined into one fact through a third claim');
  }
  // What was published, said alike, makes it one report whose days disagree.
  const report = claim('Norway published its report on fish stocks on Tuesday', { entities: ['norway'], dates: ['2024-03-05'], predicate: 'publish', verb: 'published' });
  assert.equal(relate(monday, report, 0, 1, fixed(0.3)).conflict?.kind, 'date');
  // So do two participants both name (who did it to whom) or a count both give.
  const strike = claim('Russia struck Kharkiv on Monday', { entities: ['russia', 'kharkiv'], dates: ['2024-03-04'], predicate: 'attack', verb: 'struck' });
  const raid = claim('On Sunday Russia hit Kharkiv', { entities: ['russia', 'kharkiv'], dates: ['2024-03-03'], predicate: 'attack', verb: 'hit' });
  assert.equal(relate(strike, raid, 0, 1, fixed(0.3)).conflict?.kind, 'date');
  const fired = claim('Pyongyang fired 2 missiles on Monday', { entities: ['pyongyang'], quantities: [{ value: 2, kind: 'missile', event: 'launch' }], dates: ['2024-03-04'], predicate: 'launch', verb: 'fired' });
  const launched = claim('Pyongyang launched 2 missiles on Sunday', { entities: ['pyongyang'], quantities: [{ value: 2, kind: 'missile', event: 'launch' }], dates: ['2024-03-03'], predicate: 'launch', verb: 'launched' });
  assert.equal(relate(fired, launched, 0, 1, fixed(0.3)).conflict?.kind, 'date');
});

test('a place dispute also needs the same instance: one kind of event in two towns is two events', () => {
  const story = { placesTogether: () => false };
  const lindau = { ...claim('A gas explosion destroyed a bakery in Lindau', { entities: ['lindau'], predicate: 'destroy', verb: 'destroyed' }), scenePlaces: new Set(['lindau']) };
  const kempten = { ...claim('A gas explosion destroyed a bakery in Kempten', { entities: ['kempten'], predicate: 'destroy', verb: 'destroyed' }), scenePlaces: new Set(['kempten']) };
  assert.equal(relate(lindau, kempten, 0, 1, fixed(0.6), {}, undefined, story).conflict?.kind, 'place');
  // Both name the region, so the pair is "about" one thing by its slots; only the verb and the region are shared.
  const blast = { ...claim('A gas explosion destroyed a bakery in Lindau, Bavaria', { entities: ['lindau', 'bavaria'], predicate: 'destroy', verb: 'destroyed' }), scenePlaces: new Set(['lindau']) };
  const storm = { ...claim('Storms destroyed homes in Kempten, Bavaria', { entities: ['kempten', 'bavaria'], predicate: 'destroy', verb: 'destroyed' }), scenePlaces: new Set(['kempten']) };
  const r = relate(blast, storm, 0, 1, fixed(0.3), {}, undefined, story);
  assert.equal(r.conflict, null, 'a bakery blast and storm damage are not one event placed twice');
  assert.equal(r.agrees, false);
});
