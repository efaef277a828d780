import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { seedsDir } from '../../../eval/data.js';
import { splitSentences } from '../sentences.js';
import { recognizeMentions } from '../entities/index.js';
import { findQuotes } from '../quotes/index.js';
import { findQuantities } from '../quantities/index.js';
import { resolveTimes } from '../times/index.js';
import type { ClaimAnnotation } from '../types.js';
import { findClaims } from './index.js';
import { PREDICATE_CLASSES } from './predicates.js';

/** What a reader sees of a claim: its words and its slots as words. */
interface Seen {
  text: string;
  lemma: string | null;
  polarity: ClaimAnnotation['polarity'];
  modality: ClaimAnnotation['modality'];
  source: string | null;
  sourceName: string | null;
  cue: string | null;
  participants: string[];
  places: string[];
  quantities: string[];
  times: string[];
}

/** Runs the annotate layers the claims layer reads, as annotate() does, and shows the claims as words. */
function claimsOf(text: string, publishedAt: string | null = '2023-09-30'): Seen[] {
  const sentences = splitSentences(text);
  const mentions = recognizeMentions(text, sentences);
  const quotes = findQuotes(text, sentences, mentions);
  const quantities = findQuantities(text, sentences);
  const times = resolveTimes(text, sentences, publishedAt);
  const slice = (r: { start: number; end: number } | null) => (r ? text.slice(r.start, r.end) : null);
  return findClaims(text, sentences, mentions, quotes, quantities, times).map((c) => ({
    text: text.slice(c.start, c.end),
    lemma: c.predicate?.lemma ?? null,
    polarity: c.polarity,
    modality: c.modality,
    source: slice(c.source),
    sourceName: c.sourceName,
    cue: slice(c.cue),
    participants: c.participants.map((i) => mentions[i].text),
    places: c.places.map((i) => mentions[i].text),
    quantities: c.quantities.map((i) => `${quantities[i].value} ${quantities[i].what}`),
    times: c.times.map((i) => times[i].text),
  }));
}

function find(claims: Seen[], words: string): Seen {
  const claim = claims.find((c) => c.text === words) ?? claims.find((c) => c.text.startsWith(words));
  assert.ok(claim, `no claim "${words}" in:\n${claims.map((c) => `  [${c.text}]`).join('\n')}`);
  return claim;
}

test('a participle adjunct carries its own fact: "..., leaving one police officer dead"', () => {
  const claims = claimsOf('A shootout erupted after the group opened fire on police, leaving one police officer dead and another injured.');
  assert.deepEqual(claims.map((c) => c.text), ['A shootout erupted', 'the group opened fire on police', 'leaving one police officer dead and another injured']);
  const dead = find(claims, 'leaving one police officer dead');
  assert.equal(dead.lemma, 'kill');
  assert.ok(dead.quantities.includes('1 police officer'), dead.quantities.join());
  assert.equal(find(claims, 'the group opened fire').lemma, 'attack');
});

test('different words for one killing share the lemma "kill"', () => {
  const killed = claimsOf('The violence - in which a Kosovo police officer and three Serb gunmen were killed - marked one of the gravest escalations in years.');
  const inner = find(killed, 'a Kosovo police officer and three Serb gunmen were killed');
  assert.equal(inner.lemma, 'kill');
  assert.ok(inner.quantities.includes('3 serb gunmen'));
  assert.equal(find(killed, 'The violence').lemma, 'mark');
  // The embedded claim's number is not the main clause's.
  assert.deepEqual(find(killed, 'The violence').quantities, []);

  const lost = claimsOf('In the incident, one Kosovo police officer and three of the assailants lost their lives.');
  assert.equal(lost.length, 1);
  assert.equal(lost[0].lemma, 'kill');
  assert.deepEqual(lost[0].quantities, ['1 kosovo police officer', '3 assailants']);

  const death = claimsOf('The tension peaked last week with the death of a policeman and 3 attackers in an attack by an armed group.');
  const nominal = find(death, 'the death of a policeman and 3 attackers');
  assert.equal(nominal.lemma, 'kill');
  assert.ok(nominal.quantities.includes('3 attackers'));
  assert.equal(find(death, 'The tension peaked last week').lemma, 'peak');
});

test('the outlet\'s own voice: no source, the subject is a participant', () => {
  const [claim, ...rest] = claimsOf('President Vucic has previously raised the combat readiness of Serbian forces on the border with Kosovo.');
  assert.equal(rest.length, 0);
  assert.equal(claim.lemma, 'raise');
  assert.equal(claim.source, null);
  assert.equal(claim.modality, 'asserted');
  assert.ok(claim.participants.includes('Vucic'));
  assert.ok(claim.places.includes('Kosovo'));
});

test('"since April, when ..." gives the time to the clause it introduces', () => {
  const claims = claimsOf('The area has been the scene of unrest since April, when local ethnic Serbs boycotted elections in northern Kosovo.');
  const boycott = find(claims, 'local ethnic Serbs boycotted elections in northern Kosovo');
  assert.equal(boycott.lemma, 'boycott');
  assert.deepEqual(boycott.times, ['April']);
  assert.deepEqual(boycott.places, ['Kosovo']);
});

test('coordinated verbs share their subject; a non-restrictive relative is its own claim', () => {
  const claims = claimsOf('Kosovo declared independence in 2008 and gained recognition from many countries.');
  const declared = find(claims, 'Kosovo declared independence in 2008');
  assert.equal(declared.lemma, 'secede');
  assert.deepEqual(declared.times, ['2008']);
  const gained = find(claims, 'gained recognition from many countries');
  assert.ok(gained.participants.includes('Kosovo'), 'the shared subject takes part');

  const relative = claimsOf('Serbia does not formally acknowledge the independence of Kosovo, which unilaterally seceded in 2008.');
  const main = find(relative, 'Serbia does not formally acknowledge the independence of Kosovo');
  assert.equal(main.polarity, 'negated');
  assert.equal(main.lemma, 'recognize');
  const seceded = find(relative, 'unilaterally seceded in 2008');
  assert.equal(seceded.lemma, 'secede');
  assert.ok(seceded.participants.includes('Kosovo'), 'the antecedent takes part');
  assert.deepEqual(seceded.times, ['2008']);
  assert.deepEqual(main.times, [], 'the year belongs to the relative clause');
});

test('future, planned and hedged claims', () => {
  const [send] = claimsOf('NATO will send 600 more soldiers to Kosovo.');
  assert.equal(send.lemma, 'deploy');
  assert.equal(send.modality, 'future');
  assert.deepEqual(send.quantities, ['600 soldiers']);
  assert.deepEqual(send.places, ['Kosovo']);

  const plans = claimsOf('NATO declared on Sunday that it plans to send 600 more soldiers to Kosovo.');
  const planned = find(plans, 'it plans to send 600 more soldiers to Kosovo');
  assert.equal(planned.modality, 'planned');
  assert.equal(planned.lemma, 'deploy');
  assert.equal(planned.sourceName, 'NATO');

  const [may] = claimsOf('Moscow may attempt to stir up unrest in the Balkans.');
  assert.equal(may.modality, 'hedged');
});

test('reported speech: the content is the claim, the quote layer gives the source', () => {
  const claims = claimsOf('Vucic later denied that Serbia was engaging in a military build-up along the border with Kosovo.');
  assert.deepEqual(claims.map((c) => c.text), ['Serbia was engaging in a military build-up along the border with Kosovo']);
  const [claim] = claims;
  assert.equal(claim.source, 'Vucic');
  assert.equal(claim.cue, 'denied');
  assert.equal(claim.polarity, 'denied');
  assert.equal(claim.modality, 'reported');
  assert.equal(claim.lemma, 'deploy');
  assert.ok(!claim.participants.includes('Vucic'), 'the source is not a participant');

  const said = claimsOf('Serbia deployed tanks and artillery on the frontier after deadly clashes erupted at a monastery, the White House warned.');
  const deployed = find(said, 'Serbia deployed tanks and artillery on the frontier');
  assert.equal(deployed.sourceName, 'White House');
  assert.equal(deployed.modality, 'reported');
  assert.equal(deployed.lemma, 'deploy');
});

test('denials of named claims keep only the content: "rejected claims that", "dismissed reports of", "untruths where they talk about"', () => {
  const rejected = claimsOf("Serbia's leader Vucic has denied there had been a recent build-up rejecting claims that his country's forces were on alert.");
  const alert = find(rejected, "his country's forces were on alert");
  assert.equal(alert.polarity, 'denied');
  assert.equal(alert.lemma, 'alert');
  assert.equal(alert.cue, 'rejecting');
  assert.equal(find(rejected, 'there had been a recent build-up').polarity, 'denied');

  const reports = claimsOf('Serbia has denied recent reports of a military buildup along its border with Kosovo.');
  assert.deepEqual(reports.map((c) => [c.text, c.lemma, c.polarity]), [['a military buildup along its border with Kosovo', 'deploy', 'denied']]);

  const untruths = claimsOf('"I have denied untruths where they talk about the highest level of combat readiness of our forces, because I simply did not sign that," Vucic told reporters.');
  const readiness = find(untruths, 'the highest level of combat readiness of our forces');
  assert.equal(readiness.polarity, 'denied');
  assert.equal(readiness.lemma, 'alert');
  assert.equal(readiness.sourceName, 'Vucic');
  const sign = find(untruths, 'I simply did not sign that');
  assert.equal(sign.polarity, 'negated');
  assert.equal(sign.modality, 'reported');
});

test('negation is scoped to the claim\'s predicate', () => {
  const [none] = claimsOf('There was no combat readiness of the Serbian Armed Forces.');
  assert.equal(none.polarity, 'negated');
  assert.equal(none.lemma, 'alert');
  const [never] = claimsOf('The Serbian army never entered the territory of Kosovo.');
  assert.equal(never.polarity, 'negated');
  const claims = claimsOf('Police arrested two men, and the army did not intervene.');
  assert.equal(find(claims, 'Police arrested two men').polarity, 'affirmed');
  assert.equal(find(claims, 'the army did not intervene').polarity, 'negated');
});

test('allegations: "accused ... of", "blamed ... for"', () => {
  const [blame] = claimsOf("Kosovo Prime Minister Kurti blamed Serbia for plans to annex the country's northern territories.");
  assert.equal(blame.text, "plans to annex the country's northern territories");
  assert.equal(blame.modality, 'alleged');
  assert.equal(blame.lemma, 'annex');
  assert.equal(blame.cue, 'blamed');
});

test('no over-splitting: a bare prepositional phrase or a list stays in its clause', () => {
  const [one] = claimsOf('Amid the unrest over the elections, NATO peacekeepers were deployed, including a group of extra Turkish reinforcements.');
  assert.equal(one.lemma, 'deploy');
  assert.equal(claimsOf('The army had deployed tanks, artillery, and infantry to the border.').length, 1);
  assert.equal(claimsOf('Tensions between Kosovo and Serbia are rising after an attack by an armed group.').length, 1);
});

test('a run-on "sentence" is bounded: one claim, no parse', () => {
  const junk = Array.from({ length: 400 }, (_, i) => `word${i} and`).join(' ') + ' Serbia deployed troops.';
  const claims = findClaims(junk, [{ start: 0, end: junk.length, paragraph: 0 }], [], [], [], []);
  assert.equal(claims.length, 1);
  assert.equal(claims[0].predicate, null);
  assert.deepEqual([claims[0].start, claims[0].end], [0, junk.length]);
});

test('every predicate class names its motivating example', () => {
  for (const cls of PREDICATE_CLASSES) assert.ok(cls.example.length > 10, cls.lemma);
});

const seeds = existsSync(seedsDir) ? readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort() : [];
const skipSeeds = seeds.length === 0 && `skipped: ${seedsDir} is absent`;
function seed(prefix: string): Seen[] {
  const file = seeds.find((f) => f.startsWith(prefix));
  assert.ok(file, `seed ${prefix} missing`);
  return claimsOf(readFileSync(path.join(seedsDir, file), 'utf8'));
}

test('seeds: the killing is one predicate across outlets', { skip: skipSeeds }, () => {
  const kills = [
    find(seed('000'), 'leaving one police officer dead'),
    find(seed('001'), 'a Kosovo police officer and three Serb gunmen were killed'),
    find(seed('003'), 'In the incident, one Kosovo police officer and three of the assailants lost their lives'),
    find(seed('004'), 'the death of a policeman and 3 attackers'),
  ];
  for (const k of kills) {
    assert.equal(k.lemma, 'kill', k.text);
    assert.equal(k.polarity, 'affirmed', k.text);
    assert.equal(k.source, null, k.text);
  }
});

test('seeds: denials, reports and plans', { skip: skipSeeds }, () => {
  const s0 = seed('000');
  const buildUp = find(s0, 'Serbia was engaging in a military build-up');
  assert.deepEqual([buildUp.lemma, buildUp.polarity, buildUp.sourceName, buildUp.cue], ['deploy', 'denied', 'Vucic', 'denied']);
  const tanks = find(s0, 'the army had deployed tanks, artillery, and infantry to the border');
  assert.deepEqual([tanks.lemma, tanks.polarity, tanks.sourceName], ['deploy', 'denied', 'Milan Mojsilovic']);
  const readiness = find(s0, 'there was no combat readiness of the Serbian Armed Forces');
  assert.equal(readiness.polarity, 'negated');
  assert.equal(readiness.sourceName, 'Milan Mojsilovic');
  // The attribution clause itself is no claim.
  assert.ok(!s0.some((c) => c.text.startsWith('Vucic later denied')));

  const s1 = seed('001');
  const alert = find(s1, 'the highest level of combat readiness of our forces');
  assert.deepEqual([alert.lemma, alert.polarity, alert.sourceName], ['alert', 'denied', 'Aleksandar Vucic']);

  const s2 = seed('002');
  const raised = find(s2, 'President Vucic has previously raised the combat readiness of Serbian forces');
  assert.deepEqual([raised.lemma, raised.source, raised.polarity], ['raise', null, 'affirmed']);
  assert.ok(raised.participants.includes('Vucic'));

  const s3 = seed('003');
  const send = find(s3, 'it plans to send 600 more soldiers to Kosovo');
  assert.deepEqual([send.lemma, send.modality, send.sourceName], ['deploy', 'planned', 'NATO']);
  assert.ok(send.quantities.includes('600 soldiers'));
  const seceded = find(s3, 'unilaterally seceeded in 2008');
  assert.deepEqual([seceded.lemma, seceded.times], ['secede', ['2008']]);
  assert.ok(seceded.participants.includes('Kosovo'));

  const blame = find(s0, "plans to annex the country's northern territories");
  assert.deepEqual([blame.modality, blame.sourceName], ['alleged', 'Albin Kurti']);
  assert.ok(blame.participants.includes('Serbia'), 'the accused takes part');

  const s0boycott = find(s0, 'local ethnic Serbs boycotted elections in northern Kosovo');
  assert.ok(s0boycott.times.includes('April'));
  const declared = find(s0, 'Kosovo declared independence from Serbia in 2008');
  assert.deepEqual([declared.lemma, declared.times], ['secede', ['2008']]);
});

test('seeds: claims are trimmed spans of their sentences, several per sentence on average', { skip: skipSeeds }, () => {
  for (const file of seeds) {
    const text = readFileSync(path.join(seedsDir, file), 'utf8');
    const sentences = splitSentences(text);
    const mentions = recognizeMentions(text, sentences);
    const claims = findClaims(text, sentences, mentions, findQuotes(text, sentences, mentions), findQuantities(text, sentences), resolveTimes(text, sentences, null));
    assert.ok(claims.length > sentences.length * 0.8, `${file}: ${claims.length} claims for ${sentences.length} sentences`);
    for (const c of claims) {
      const s = sentences[c.sentence];
      assert.ok(c.start >= s.start && c.end <= s.end && c.start < c.end, `${file}: claim outside its sentence`);
      const words = text.slice(c.start, c.end);
      assert.equal(words, words.trim());
      assert.ok(!/^[,;:.]|^(and|but) /i.test(words), `${file}: untrimmed claim "${words}"`);
      assert.ok(!/[,;:]$/.test(words), `${file}: untrimmed claim "${words}"`);
    }
  }
});

test('a relative clause after a preposition is a claim of its own', () => {
  const claims = claimsOf('The reinforcements follow a gunfight near the village of Dorsk in which 3 gunmen were killed.');
  const toll = claims.find((c) => c.lemma === 'kill');
  assert.equal(toll?.text, '3 gunmen were killed');
  assert.ok(claims.some((c) => c.lemma !== 'kill' && /gunfight/.test(c.text) && !/killed/.test(c.text)));
});

test('a negation between a modal and its verb makes the claim negated, with the verb as predicate', () => {
  const [claim] = claimsOf('The hospital board said it would not close in June.');
  assert.equal(claim.lemma, 'close');
  assert.equal(claim.polarity, 'negated');
});

// "X said ..., announcing ...": a participle that goes on from a named speaker's report is the speaker's, not the
// outlet's, whether the report leads the sentence or ends the clause before the comma.
test('a participle clause continuing a report keeps the report\'s speaker', () => {
  const ministry = find(claimsOf('The ministry said grain prices rose sharply in March, announcing new subsidies for farmers and calling on retailers to cut their margins.'), 'announcing new subsidies');
  assert.equal(ministry.source, 'The ministry');
  assert.equal(ministry.modality, 'reported');
  const hale = find(claimsOf('"We have enough grain for the winter," Minister Tom Hale told reporters on Friday, referring to the national reserve.'), 'referring to the national reserve');
  assert.equal(hale.sourceName, 'Tom Hale');
  // A denial's speaker goes on affirming: calling the reports a smear is not denied.
  const governor = find(claimsOf('The governor denied that the dam had leaked, calling the reports a smear campaign.'), 'calling the reports');
  assert.equal(governor.source, 'The governor');
  assert.equal(governor.polarity, 'affirmed');
});

test('a participle of the outlet\'s own sentence, or after another report, takes no earlier speaker', () => {
  assert.equal(find(claimsOf('Grain prices rose sharply in March, leaving many farmers worse off.'), 'leaving many farmers').source, null);
  // The newspaper cites the officials, not the residents.
  assert.equal(find(claimsOf('Residents said the tap water tasted of metal, the Valley Post reported, citing local health officials.'), 'citing local health officials').source, null);
  // A report inside a relative clause is not the sentence's: "men who said ..., the paper reported, citing ...".
  assert.equal(find(claimsOf('The rule follows complaints from passengers who said the seats were too narrow, the paper reported, citing airline staff.'), 'citing airline staff').source, null);
});
