// Claim-pair scorer speed on MSRP sentences (read at run time from ../shared/eval/msrp, never stored here):
// prepareSide per sentence, scorePair per pair (the MSRP pairs plus random cross pairs, which is what a story's
// candidate pairs look like), and the load time of the word vectors in a fresh process. Peer: TF-IDF cosine on
// the same pairs (src/align/similarity.ts), the cheapest similarity the project has.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { datasetDir, missingMessage } from '../../eval/data.js';
import { medianMs, markdownTable } from '../util.js';
import { parseMsrp, prepareSide, scorePair, type PreparedSide } from '../../src/align/pairs/index.js';
import { contentTerms, cosine, termStats, vectorize } from '../../src/align/similarity.js';
import { random } from '../synthetic.js';

const CROSS_PAIRS = 50_000;
const vectorsModule = pathToFileURL(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/text/vectors.ts')).href;

/** Milliseconds to load the vector file in a fresh process (median of 3), measured inside that process. */
function coldLoadMs(): number {
  const script = `const { loadVectors } = await import(${JSON.stringify(vectorsModule)}); const t = performance.now(); loadVectors(); console.log(performance.now() - t);`;
  const runs = [0, 1, 2].map(() => Number(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' }).trim()));
  return runs.sort((a, b) => a - b)[1];
}

export async function run(): Promise<string> {
  const dir = datasetDir('msrp');
  if (!dir) return `pairs: ${missingMessage('msrp')}`;
  const pairs = parseMsrp(readFileSync(path.join(dir, 'test.tsv'), 'utf8'));
  const sentences = pairs.flatMap((p) => [p.a, p.b]);
  const loadMs = coldLoadMs();

  let prepared: PreparedSide[] = [];
  const prepareMs = await medianMs(5, () => (prepared = sentences.map((text) => prepareSide({ text }))));
  const next = random(11);
  const index: [number, number][] = pairs.map((_, i) => [2 * i, 2 * i + 1]);
  while (index.length < pairs.length + CROSS_PAIRS) index.push([Math.floor(next() * sentences.length), Math.floor(next() * sentences.length)]);
  let sink = 0;
  const scoreAll = () => {
    for (const [i, j] of index) sink += scorePair(prepared[i], prepared[j]).probability;
  };
  const scoreMs = await medianMs(5, scoreAll);
  // CPU time of one more run: on a shared machine the wall time also counts the time other processes hold the core.
  const cpuStarted = process.cpuUsage();
  scoreAll();
  const cpu = process.cpuUsage(cpuStarted);
  const cpuMicrosPerPair = (cpu.user + cpu.system) / index.length;

  const stats = termStats(sentences.map(contentTerms));
  let vectors = sentences.map((s) => vectorize(contentTerms(s), stats));
  const peerPrepareMs = await medianMs(5, () => (vectors = sentences.map((s) => vectorize(contentTerms(s), stats))));
  const peerScoreMs = await medianMs(5, () => {
    for (const [i, j] of index) sink += cosine(vectors[i], vectors[j]);
  });
  if (Number.isNaN(sink)) throw new Error('scores must be numbers');

  const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);
  return (
    markdownTable(
      ['system', `prepare ${sentences.length} sentences (ms)`, 'sentences/s', `score ${index.length} pairs (ms)`, 'pairs/s', 'ratio (peer time / ours)'],
      [
        ['ours (prepareSide, scorePair)', prepareMs.toFixed(0), perSecond(sentences.length, prepareMs), scoreMs.toFixed(0), perSecond(index.length, scoreMs), '1.00'],
        ['TF-IDF cosine (vectorize, cosine)', peerPrepareMs.toFixed(0), perSecond(sentences.length, peerPrepareMs), peerScoreMs.toFixed(0), perSecond(index.length, peerScoreMs), (peerScoreMs / scoreMs).toFixed(3)],
      ],
    ) +
    `\n\nscorePair CPU time: ${cpuMicrosPerPair.toFixed(1)} µs per pair (${Math.round(1e6 / cpuMicrosPerPair)} pairs/s of CPU time; the table's wall times include waiting for the core on a shared machine).` +
    `\nWord vectors (models/vectors.bin) load in a fresh process: ${loadMs.toFixed(0)} ms (median of 3).`
  );
}
