// Accuracy floors measured on ../shared/eval, pinned so a regression fails the suite (see docs/evaluation.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datasetDir } from '../../eval/data.js';
import { clusterStream, loadHamborg, loadWikiRef, scoreClustering, streamOrder } from '../../eval/tasks/clustering.js';

const FLOORS = { hamborg: 0.945, wikiref: 0.865 };

test('streaming clustering keeps its B-cubed F1 on Hamborg events (fine) and WikiRef topics (coarse)', (t) => {
  const hamborg = datasetDir('news-event-clusters-hamborg');
  const wikiref = datasetDir('wikiref220-clustering');
  if (!hamborg || !wikiref) {
    t.skip('../shared/eval clustering sets are absent');
    return;
  }
  for (const [name, articles, floor] of [
    ['hamborg', streamOrder(loadHamborg(hamborg)), FLOORS.hamborg],
    ['wikiref', streamOrder(loadWikiRef(wikiref)), FLOORS.wikiref],
  ] as const) {
    const score = scoreClustering(articles.map((a) => a.label), clusterStream(articles));
    assert.ok(score.f1 >= floor, `${name}: B-cubed F1 ${score.f1.toFixed(3)} < floor ${floor}`);
  }
});

test('B-cubed and ARI agree with hand-computed values', () => {
  // gold {a,a,b}, predicted {1,2,2}: precision (1 + 1/2 + 1/2)/3, recall (1/2 + 1/2 + 1)/3.
  const s = scoreClustering(['a', 'a', 'b'], [1, 2, 2]);
  assert.ok(Math.abs(s.precision - 2 / 3) < 1e-9);
  assert.ok(Math.abs(s.recall - 2 / 3) < 1e-9);
  assert.equal(scoreClustering(['a', 'a', 'b'], [5, 5, 9]).ari, 1);
});
