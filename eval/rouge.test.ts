import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rougeN, rougeRecall, rougeTokens } from './rouge.js';
import { rougePorter, rougeStem } from './rouge-stem.js';
import { ducDir, loadClusters, loadPublishedScores, loadSystemSummaries } from './duc2004.js';

test('ROUGE-1/2 recall on a hand-computed example (model average over two references)', () => {
  const peer = 'the cat sat on the mat';
  const references = ['the cat was on the mat', 'a cat sat there'];
  // unigrams: ref 1 has 6 (hits the x2, cat, on, mat = 5), ref 2 has 4 (hits cat, sat = 2): 7 / 10
  assert.deepEqual(rougeN(peer, references, 1), { hits: 7, total: 10, recall: 0.7 });
  // bigrams: ref 1 has 5 (hits "the cat", "on the", "the mat"), ref 2 has 3 (hits "cat sat"): 4 / 8
  assert.deepEqual(rougeN(peer, references, 2), { hits: 4, total: 8, recall: 0.5 });
});

test('only the first 100 words of the summary count', () => {
  const filler = Array.from({ length: 100 }, () => 'lorem').join(' ');
  assert.equal(rougeRecall(`${filler}\nhurricane mitch`, ['hurricane mitch']).rouge1, 0);
  assert.equal(rougeRecall(`hurricane mitch\n${filler}`, ['hurricane mitch']).rouge1, 1);
});

test('tokens are lower-cased, split at hyphens and punctuation, stemmed only above 3 characters', () => {
  assert.deepEqual(rougeTokens("Two-thirds of Hun Sen's voters."), ['two', 'third', 'of', 'hun', 'sen', 's', 'voter']);
  assert.deepEqual(rougeTokens('was has'), ['was', 'has']);
});

test("stemming follows ROUGE-1.5.5: WordNet irregular forms, then Porter with ROUGE's step 4", () => {
  assert.equal(rougeStem('children'), 'child');
  assert.equal(rougeStem('brought'), 'bring');
  assert.equal(rougePorter('governmental'), 'govern');
  assert.equal(rougePorter('agreement'), 'agreem');
  assert.equal(rougePorter('hurricanes'), 'hurrican');
  assert.equal(rougePorter('relational'), 'relat');
});

test('reproduces published ROUGE-1.5.5 per-cluster scores of SumRepo systems', (t) => {
  const dir = ducDir();
  if (!dir) return t.skip('duc2004-mds evaluation data is absent (../shared/eval)');
  const clusters = new Map(loadClusters(dir).map((c) => [c.clusterId, c]));
  const summaries = loadSystemSummaries(dir);
  const rows = loadPublishedScores(dir).filter((p) => ['ICSISumm', 'FreqSum', 'RegSum', 'LexRank'].includes(p.system) && clusters.has(p.clusterId));
  assert.ok(rows.length > 100);
  for (const p of rows) {
    const r = rougeRecall(summaries.get(p.clusterId)!.get(p.system)!, clusters.get(p.clusterId)!.references.map((x) => x.sentences));
    assert.ok(Math.abs(r.rouge1 - p.rouge1) <= 0.005, `${p.clusterId} ${p.system} R-1 ${r.rouge1} vs ${p.rouge1}`);
    assert.ok(Math.abs(r.rouge2 - p.rouge2) <= 0.005, `${p.clusterId} ${p.system} R-2 ${r.rouge2} vs ${p.rouge2}`);
  }
});
