// The bundled example corpus (examples/harbour-fire), analysed as the README's quick start does.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { analyze } from '../src/analyze.js';
import type { Dossier } from '../src/dossier/types.js';
import { invalidSpans, schemaErrors, unquotedTexts } from './dossier-contract.js';

const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../examples/harbour-fire');
let dossier: Dossier;
const id = (prefix: string) => dossier.articles.find((a) => a.id.startsWith(prefix))!.id;

before(async () => {
  dossier = await analyze([corpus]);
});

test('all four formats are read, and the output is valid and fully cited', () => {
  assert.equal(dossier.articles.length, 4);
  assert.deepEqual(schemaErrors(dossier), []);
  assert.deepEqual(invalidSpans(dossier), []);
  assert.deepEqual(unquotedTexts(dossier), []);
});

test('page furniture and junk lines are removed and listed with their reasons', () => {
  const web = dossier.articles.find((a) => a.id === id('02'))!;
  assert.equal(web.outlet, 'Northern Wire');
  assert.equal(web.publishedAt?.slice(0, 10), '2025-03-14');
  assert.ok(!/cookies|newsletter|Related stories|All rights reserved/i.test(web.text));
  assert.ok(web.removed.some((r) => /cookies/.test(r.text)));
  const copy = dossier.articles.find((a) => a.id === id('04'))!;
  assert.ok(copy.removed.some((r) => r.reason === 'rewrite-artefact'));
  const local = dossier.articles.find((a) => a.id === id('01'))!;
  assert.deepEqual(local.credits, ['Coastal Wire']);
  assert.ok(!/Comments are moderated/.test(local.text));
});

test('the reworded copy is detected, and copies and shared wire credits count once', () => {
  assert.ok(dossier.provenance.some((p) => p.from === id('01') && p.to === id('04') && p.kind === 'copy'));
  const since = dossier.facts.find((f) => /operated at the harbour since 1998/.test(f.text))!;
  assert.equal(new Set(since.sources.map((s) => s.articleId)).size, 3, 'three articles report it');
  assert.equal(since.independentSources, 1, 'a copy of 01 and a story crediting the same wire as 01');
  const group = dossier.sourceGroups?.find((g) => g.articles.includes(id('01')));
  assert.ok(group?.reasons.some((r) => /copies/.test(r)) && group.reasons.some((r) => /wire credit Coastal Wire/.test(r)), `reasons: ${group?.reasons.join('; ')}`);
});

test("the company's denial of the union's claim is a dispute with both sides named", () => {
  const dispute = dossier.disputes.find((d) => d.kind === 'denial')!;
  assert.ok(dispute.sides.some((s) => s.stance === 'denial' && /Halden/.test(s.byName ?? '')));
  assert.ok(dispute.sides.some((s) => s.stance === 'claim' && /Dockworkers Union/.test(s.byName ?? '')));
});

test('the evacuation count that rose between reports is a change over time, not a contradiction', () => {
  const change = dossier.numberChanges.find((c) => /residents/.test(c.what))!;
  assert.deepEqual(change.values.map((v) => [v.value, v.date]), [[120, '2025-03-14'], [160, '2025-03-17']]);
  assert.ok(!dossier.disputes.some((d) => d.kind === 'number'));
});
