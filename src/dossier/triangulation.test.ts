// Triangulation on small stories written for these tests: agreement in different words is corroboration,
// a different number or a debunking is a dispute, and every citation states what it is cited for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type ArticleRecord } from '../analyze.js';
import { unsupportedCitations } from '../../test/citations.js';
import { invalidSpans, schemaErrors } from '../../test/dossier-contract.js';

// Records are named by outlet; the test maps outlets back to the article ids the reader gives them.
const record = (_name: string, outlet: string, publishedAt: string, text: string): ArticleRecord => ({ outlet, publishedAt, text });
const idOf = (dossier: { articles: { id: string; outlet: string | null }[] }, outlet: string) => dossier.articles.find((a) => a.outlet === outlet)!.id;

test('a sentence calling a claim false is a denial, with the debunking outlet on the other side', async () => {
  const dossier = await analyze([
    record('a', 'Valley Post', '2024-02-01T10:00:00Z', 'Carver Motors will close its Redwood assembly plant in March, the company said on Thursday.\n\nThe plant employs 900 workers and has built engines in the town since 1974.'),
    record('b', 'Redwood Courier', '2024-02-02T10:00:00Z', 'Reports that Carver Motors will close its Redwood assembly plant in March are false, Mayor Ellen Park said on Friday.\n\nThe plant employs 900 workers, according to the town council.'),
  ]);
  const dispute = dossier.disputes.find((d) => d.kind === 'denial');
  assert.ok(dispute, 'the debunked closure is disputed');
  assert.ok(dispute.sides.some((s) => s.stance === 'claim' && s.sources.every((x) => x.articleId === idOf(dossier, 'Valley Post'))));
  assert.ok(dispute.sides.some((s) => s.stance === 'denial' && /are false/.test(s.text)));
  assert.ok(!dossier.facts.some((f) => /close/.test(f.text) && f.independentSources > 1), 'the claim and its debunking are not one corroborated fact');
  const workers = dossier.facts.find((f) => /900 workers/.test(f.text));
  assert.equal(workers?.independentSources, 2, 'the workforce both report is corroborated');
  assert.deepEqual(unsupportedCitations(dossier), []);
});

test('the same count in other words corroborates; a different count the same day disputes', async () => {
  const dossier = await analyze([
    record('a', 'Harbour Times', '2024-05-10T08:00:00Z', 'Two miners were killed and five were injured when a tunnel collapsed at the Ostrava coal mine on Thursday, the operator said.'),
    record('b', 'Mining Daily', '2024-05-10T09:00:00Z', 'A tunnel collapse at the Ostrava coal mine on Thursday left 2 miners dead, according to the mine operator.'),
    record('c', 'Evening Star', '2024-05-10T18:00:00Z', 'Four miners were killed when a tunnel collapsed at the Ostrava coal mine on Thursday, rescue services said.'),
  ]);
  assert.deepEqual(schemaErrors(dossier), []);
  assert.deepEqual(invalidSpans(dossier), []);
  const dispute = dossier.disputes.find((d) => d.kind === 'number');
  assert.ok(dispute, `disputes: ${dossier.disputes.map((d) => d.about).join(' | ')}`);
  assert.deepEqual(new Set(dispute.sides.map((s) => s.value)), new Set(['2', '4']));
  const two = dispute.sides.find((s) => s.value === '2')!;
  assert.deepEqual(new Set(two.sources.map((s) => s.articleId)), new Set([idOf(dossier, 'Harbour Times'), idOf(dossier, 'Mining Daily')]), '"two miners were killed" and "left 2 miners dead" are one side');
  const killed = dossier.quantities.find((q) => q.value === 2 && q.event === 'kill');
  assert.equal(killed?.independentSources, 2);
  const star = idOf(dossier, 'Evening Star');
  assert.ok(!dossier.facts.some((f) => f.sources.some((s) => s.articleId === star) && f.sources.some((s) => s.articleId !== star) && /killed|dead/.test(f.text)), 'the count of four corroborates nothing');
  assert.deepEqual(unsupportedCitations(dossier), []);
});

test('the same event placed in two towns the story never names together is a place dispute', async () => {
  const dossier = await analyze([
    record('a', 'Euro Times', '2024-06-05T08:00:00Z', 'A gas explosion destroyed a bakery in Lindau on Tuesday, fire officials said.\n\nNo one was hurt.'),
    record('b', 'Alpine News', '2024-06-05T09:00:00Z', 'A gas explosion destroyed a bakery in Kempten on Tuesday, fire officials said.'),
  ]);
  const dispute = dossier.disputes.find((d) => d.kind === 'place');
  assert.ok(dispute, `disputes: ${dossier.disputes.map((d) => d.about).join(' | ')}`);
  assert.deepEqual(new Set(dispute.sides.map((s) => s.value)), new Set(['Lindau', 'Kempten']));
  assert.ok(!dossier.facts.some((f) => /explosion/.test(f.text) && f.independentSources > 1), 'the two towns do not corroborate each other');
});

test('a denial of what "would" happen answers the claim, whatever the tagger makes of the verb', async () => {
  const dossier = await analyze([
    record('a', 'Business Daily', '2024-06-10T08:00:00Z', 'Union leaders said the company would close the Kessel plant by 2026.'),
    record('b', 'Radio Nord', '2024-06-10T12:00:00Z', 'Voltra denied that it would close the Kessel plant.'),
  ]);
  const dispute = dossier.disputes.find((d) => d.kind === 'denial');
  assert.ok(dispute, 'the closure claim and its denial form a dispute');
  assert.ok(dispute.sides.some((s) => s.stance === 'denial' && s.byName === 'Voltra'));
  for (const [claim, denial] of [
    ['The minister said the hospital would close in June.', 'The hospital board said it would not close in June.'],
    ['Police said the attack had been planned by a local militia, the Grey Wolves.', 'The Grey Wolves denied that they had planned the attack.'],
  ]) {
    const d = await analyze([record('a', 'Business Daily', '2024-06-10T08:00:00Z', claim), record('b', 'Radio Nord', '2024-06-10T12:00:00Z', denial)]);
    assert.ok(d.disputes.some((x) => x.kind === 'denial'), `${claim} / ${denial}`);
    // The summary never cites the denial for the claim, or the claim for the denial.
    for (const sentence of d.summary) assert.equal(new Set(sentence.sources.map((s) => s.articleId)).size, 1, sentence.text);
  }
});

// Sentences worded almost alike that state different facts: a different actor, action, object or counted thing.
const NEAR_MISSES: [string, string][] = [
  ['France pledged 40 armoured vehicles to the coalition on Monday.', 'Spain pledged 40 armoured vehicles to the coalition on Monday.'],
  ['The regional council approved the new motorway on Tuesday.', 'The regional council suspended the new motorway on Tuesday.'],
  ['The court convicted the former mayor of bribery on Friday.', 'The court acquitted the former mayor of bribery on Friday.'],
  ['Rescuers found 30 survivors in the collapsed hotel.', 'Rescuers found 30 bodies in the collapsed hotel.'],
  ['A fire destroyed a paper warehouse at the northern docks on Sunday night.', 'A fire destroyed a textile warehouse at the northern docks on Sunday night.'],
  ['Three nurses were treated for smoke inhalation at the clinic.', 'Three nurses were treated for burns at the clinic.'],
  ['Senator Halvorsen defeated Governor Brandt in the primary on Tuesday.', 'Governor Brandt defeated Senator Halvorsen in the primary on Tuesday.'],
];

test('near-identical sentences that state different facts are never corroborated', async () => {
  for (const [a, b] of NEAR_MISSES) {
    const dossier = await analyze([record('a', 'Valley Post', '2024-03-01T08:00:00Z', a), record('b', 'Coast Herald', '2024-03-01T09:00:00Z', b)]);
    const wrong = dossier.facts.filter((f) => f.independentSources > 1);
    assert.deepEqual(wrong.map((f) => f.text), [], `${a} / ${b}`);
  }
});

test('one count reported in two rival towns is two rows and no corroborated fact', async () => {
  const dossier = await analyze([
    record('a', 'Euro Times', '2024-06-05T08:00:00Z', 'Two people died when a footbridge over the river gave way in Lindau on Tuesday afternoon.'),
    record('b', 'Alpine News', '2024-06-05T09:00:00Z', 'A footbridge over the river collapsed in Kempten on Tuesday, killing two people.'),
  ]);
  const rows = dossier.quantities.filter((q) => q.value === 2 && q.event === 'kill');
  assert.equal(rows.length, 2, 'Lindau and Kempten are not one report');
  assert.ok(rows.every((q) => q.independentSources === 1));
  assert.ok(!dossier.facts.some((f) => f.independentSources > 1));
});
