// Regression floor on a small DUC 2004 subset (first 8 public clusters), measured with eval/rouge.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ducDir, loadClusters } from '../../eval/duc2004.js';
import { meanRecall } from '../../eval/rouge.js';
import { clusterDocuments, DUC_OPTIONS, scoreOurs } from '../../eval/tasks/summary.js';
import { summarize } from './index.js';
import { dependentOpener } from './patterns.js';

// Measured 0.4133 / 0.1106 on these clusters; the floors sit a little below.
const FLOOR_ROUGE1 = 0.405;
const FLOOR_ROUGE2 = 0.105;

test('DUC 2004 subset: 100-word summaries keep their ROUGE recall, every sentence cited', (t) => {
  const dir = ducDir();
  if (!dir) return t.skip('duc2004-mds evaluation data is absent (../shared/eval)');
  // scoreOurs fails when a summary sentence is not the exact text of its cited span or exceeds 100 words.
  const mean = meanRecall(scoreOurs(loadClusters(dir).slice(0, 8)));
  assert.ok(mean.rouge1 >= FLOOR_ROUGE1, `ROUGE-1 ${mean.rouge1.toFixed(4)} < ${FLOOR_ROUGE1}`);
  assert.ok(mean.rouge2 >= FLOOR_ROUGE2, `ROUGE-2 ${mean.rouge2.toFixed(4)} < ${FLOOR_ROUGE2}`);
});

test('DUC 2004: no summary opens with a sentence that leans on a previous one', (t) => {
  const dir = ducDir();
  if (!dir) return t.skip('duc2004-mds evaluation data is absent (../shared/eval)');
  for (const cluster of loadClusters(dir)) {
    const summary = summarize(clusterDocuments(cluster), DUC_OPTIONS);
    assert.ok(summary.length > 0, cluster.clusterId);
    assert.equal(dependentOpener(summary[0].text), null, `${cluster.clusterId}: ${summary[0].text}`);
  }
});
