// Entity recognition speed on the seed articles: ours against compromise, median of several runs.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import nlp from 'compromise';
import { seedsDir } from '../../eval/data.js';
import { medianMs, markdownTable } from '../util.js';
import { splitSentences } from '../../src/annotate/sentences.js';
import { recognizeMentions, loadModel } from '../../src/annotate/entities/index.js';

export async function run(): Promise<string> {
  if (!existsSync(seedsDir)) return `skipped: ${seedsDir} is absent`;
  const texts = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(path.join(seedsDir, f), 'utf8'));
  const prepared = texts.map((text) => ({ text, sentences: splitSentences(text) }));
  const words = texts.reduce((n, t) => n + t.split(/\s+/).length, 0);
  const loadStarted = performance.now();
  loadModel();
  const loadMs = performance.now() - loadStarted;
  const ours = await medianMs(9, () => prepared.forEach((p) => recognizeMentions(p.text, p.sentences)));
  const peer = await medianMs(9, () =>
    texts.forEach((t) => {
      const doc = nlp(t);
      doc.people().out('array');
      doc.places().out('array');
      doc.organizations().out('array');
    }),
  );
  return markdownTable(
    ['system', `ms for ${texts.length} seed articles (${words} words)`, 'words/s', 'ratio'],
    [
      ['ours (recognizeMentions)', ours.toFixed(1), Math.round((words / ours) * 1000), '1.00'],
      ['compromise (people/places/organizations)', peer.toFixed(1), Math.round((words / peer) * 1000), (peer / ours).toFixed(2)],
    ],
  ) + `\n\nModel load (once per process): ${loadMs.toFixed(0)} ms.`;
}
