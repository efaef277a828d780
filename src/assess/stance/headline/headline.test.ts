// Headline stance: API shape, behaviour on hand-written claim/statement pairs from the kind of story the dossier
// handles (a denial answering a claim made in another sentence), sentences from ../shared/seeds, and an accuracy
// floor on Emergent's test claims (../shared/eval/emergent), pinned slightly below the measured figure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { evalRoot, seedsDir } from '../../../../eval/data.js';
import { headlineStance, HEADLINE_STANCES, type HeadlineStance } from './index.js';
import { readEmergent } from './emergent.js';
import { scoreStances } from './train.js';

// Measured on test.tsv with the shipped model.json: see docs/evaluation.md (stance-emergent).
const ACCURACY_FLOOR = 0.76; // measured 0.780 (2026-11-30)
const MACRO_F1_FLOOR = 0.745; // measured 0.765

test('headlineStance returns one of three stances with probabilities summing to 1', () => {
  const r = headlineStance('Banksy was arrested in London', 'Banksy arrested in London');
  assert.ok(HEADLINE_STANCES.includes(r.stance));
  const sum = HEADLINE_STANCES.reduce((s, k) => s + r.probabilities[k], 0);
  assert.ok(Math.abs(sum - 1) < 1e-9);
  for (const k of HEADLINE_STANCES) assert.ok(r.probabilities[k] >= 0 && r.probabilities[k] <= 1);
  assert.equal(r.stance, HEADLINE_STANCES.reduce((a, b) => (r.probabilities[b] > r.probabilities[a] ? b : a)));
});

test('empty and unrelated inputs do not throw', () => {
  assert.ok(HEADLINE_STANCES.includes(headlineStance('', '').stance));
  assert.ok(HEADLINE_STANCES.includes(headlineStance('The harbour fire started at night', '???').stance));
});

// Written for this module; the first two mirror the dossier's motivating case (a Serbian denial of a US claim).
const PAIRS: [claim: string, statement: string, expected: HeadlineStance][] = [
  ['The US has monitored a large Serbian military deployment along the border with Kosovo', 'Vucic denied that Serbia was engaging in a military build-up along the border', 'against'],
  ['Vucic has previously raised the combat readiness of Serbian forces', 'There was no combat readiness of the Serbian armed forces because it was not required', 'against'],
  ['The Serbian army took part in the clashes with Kosovo police', 'The defence minister said the Serbian army was not involved in the clashes with Kosovo police', 'against'],
  ['Serbia trained the armed group that attacked the police', 'Belgrade rejected allegations that it had trained the armed group', 'against'],
  ['The mayor resigned after the flood', 'The mayor has not resigned, his office said, calling the reports false', 'against'],
  ['The warehouse fire was started deliberately', 'Fire officials dismissed rumours that the warehouse fire was started deliberately as a hoax', 'against'],
  ['The warehouse fire was started deliberately', 'Investigators confirm warehouse fire was started deliberately', 'for'],
  ['Three people died in the harbour fire', 'Three people died in the harbour fire on Tuesday night', 'for'],
  ['The mayor resigned after the flood', 'Mayor resigns after flood', 'for'],
  ['The mayor resigned after the flood', 'Did the mayor resign after the flood?', 'observing'],
  ['The company will cut 500 jobs', 'The company could reportedly cut 500 jobs, according to unconfirmed sources', 'observing'],
];

for (const [claim, statement, expected] of PAIRS) {
  test(`${expected}: "${statement}" toward "${claim}"`, () => {
    const r = headlineStance(claim, statement);
    assert.equal(r.stance, expected, `probabilities ${JSON.stringify(r.probabilities)}`);
  });
}

test('a denial is more "against" than the same sentence without the denial', () => {
  const claim = 'Serbia deployed tanks and artillery to the border with Kosovo';
  const plain = headlineStance(claim, 'Serbia deployed tanks and artillery to the border').probabilities.against;
  const denied = headlineStance(claim, 'Serbia denied that it deployed tanks and artillery to the border').probabilities.against;
  assert.ok(denied > plain + 0.3, `against: plain ${plain.toFixed(2)}, denied ${denied.toFixed(2)}`);
});

/** The first sentence (split on ". " or line ends) of any seed file that contains `needle`. */
function seedSentence(needle: string): string | null {
  for (const file of readdirSync(seedsDir)) {
    const text = readFileSync(path.join(seedsDir, file), 'utf8');
    const hit = text.split(/(?<=[.!?]["”]?)\s+|\n+/).find((s) => s.includes(needle));
    if (hit) return hit.trim();
  }
  return null;
}

test('seed articles: denials answer the claims they deny', (t) => {
  if (!existsSync(seedsDir)) {
    t.skip(`skipped: ${seedsDir} is absent (the seed articles live beside the checkout in ../shared/seeds)`);
    return;
  }
  const cases: [claimNeedle: string, statementNeedle: string, expected: HeadlineStance][] = [
    ['large Serbian military deployment along the border', 'Vucic later denied that Serbia was engaging', 'against'],
    ['deployed tanks, artillery, and infantry to the border', 'no combat readiness of the Serbian Armed Forces', 'against'],
    ['annex the north of Kosova', 'rejected allegations by the Kosovo prime minister', 'against'],
  ];
  for (const [claimNeedle, statementNeedle, expected] of cases) {
    const claim = seedSentence(claimNeedle);
    const statement = seedSentence(statementNeedle);
    if (!claim || !statement) {
      t.diagnostic(`seed sentence not found for "${claimNeedle}" / "${statementNeedle}"`);
      continue;
    }
    const r = headlineStance(claim, statement);
    assert.equal(r.stance, expected, `${statement}\n  toward ${claim}\n  ${JSON.stringify(r.probabilities)}`);
  }
});

test('accuracy floor on Emergent test claims', (t) => {
  const file = path.join(evalRoot, 'emergent', 'test.tsv');
  if (!existsSync(file)) {
    t.skip(`skipped: ${file} is absent (the public evaluation data lives beside the checkout in ../shared/eval)`);
    return;
  }
  const pairs = readEmergent(file);
  const scores = scoreStances(pairs.map((p) => p.stance), pairs.map((p) => headlineStance(p.claim, p.headline).stance));
  t.diagnostic(`accuracy ${scores.accuracy.toFixed(4)}, macro-F1 ${scores.macroF1.toFixed(4)}`);
  assert.ok(scores.accuracy >= ACCURACY_FLOOR, `accuracy ${scores.accuracy.toFixed(4)} < ${ACCURACY_FLOOR}`);
  assert.ok(scores.macroF1 >= MACRO_F1_FLOOR, `macro-F1 ${scores.macroF1.toFixed(4)} < ${MACRO_F1_FLOOR}`);
});
