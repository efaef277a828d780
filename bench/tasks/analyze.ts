// End-to-end cost of building a dossier: the seeds through the CLI, and synthetic stories of 200 and 1,000 articles.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedsDir } from '../../eval/data.js';
import { analyze } from '../../src/analyze.js';
import { markdownTable, medianMs } from '../util.js';
import { realTexts, syntheticStory } from '../synthetic.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function run(): Promise<string> {
  const rows: (string | number)[][] = [];
  if (existsSync(seedsDir)) {
    const cli = existsSync(path.join(root, 'dist/cli/main.js')) ? ['bin/triangulate.js'] : ['--import', 'tsx', 'src/cli/main.ts'];
    const ms = await medianMs(5, () => {
      const result = spawnSync(process.execPath, [...cli, 'analyze', seedsDir, '--format', 'json'], { cwd: root, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`analyze failed: ${result.stderr}`);
    });
    rows.push(['seeds, 5 articles, CLI process end to end (json)', (ms / 1000).toFixed(2) + ' s', '']);
    const inProcess = await medianMs(5, () => analyze([seedsDir]));
    rows.push(['seeds, 5 articles, in process', (inProcess / 1000).toFixed(3) + ' s', '']);
  } else rows.push(['seeds', 'skipped: ../shared/seeds absent', '']);

  const times = new Map<number, number>();
  for (const size of [200, 1000]) {
    const records = syntheticStory(size);
    const ms = await medianMs(size >= 1000 ? 3 : 5, () => analyze(records));
    times.set(size, ms);
    rows.push([`synthetic story, ${size} articles`, (ms / 1000).toFixed(2) + ' s', `${(size / (ms / 1000)).toFixed(0)} articles/s`]);
  }
  const ratio = times.get(1000)! / times.get(200)!;
  rows.push(['t(1000) / t(200)', ratio.toFixed(2), ratio <= 6 ? 'near-linear (goal <= 6)' : 'ABOVE GOAL (<= 6)']);
  return `\n## Dossier building (sentences from: ${realTexts().source}; median of runs)\n\n${markdownTable(['case', 'time', 'note'], rows)}\n`;
}
