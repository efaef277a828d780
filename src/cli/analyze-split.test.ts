// `analyze` is for one story: given articles about two unrelated events, it says so (the dossier would mix
// them) and still writes the dossier; one story's articles get no such line.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cli } from '../../test/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'analyze-split-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const fire = (n: number) =>
  `Fire destroys warehouse at Port Alder harbour (${n})\n\nA fire destroyed a timber warehouse at Port Alder harbour on Friday night, the Port Alder fire brigade said. ` +
  `Fire chief Helen Marsh said forty firefighters fought the blaze for six hours before it was brought under control. ` +
  `Two firefighters were treated for smoke inhalation. The cause of the fire at the harbour warehouse is under investigation, Marsh said.`;
const dam = (n: number) =>
  `Villagers evacuated as Kellmore dam cracks (${n})\n\nEngineers ordered the evacuation of three villages below the Kellmore reservoir on Monday after a crack opened in the dam wall, ` +
  `the regional water authority said. Authority spokesman Piet Vos said 1,200 residents of Kellmore, Brandt and Osterby were moved to schools in Lenhof. ` +
  `Divers are inspecting the crack in the Kellmore dam and the reservoir is being drained, Vos said.`;

async function analyzeJson(folder: string): Promise<{ code: number; stderr: string[]; problems: { origin: string; reason: string }[] }> {
  const { code, stdout, stderr } = await cli('analyze', folder, '--format', 'json');
  return { code, stderr, problems: code === 0 ? (JSON.parse(stdout).problems ?? []) : [] };
}

test('articles about two unrelated events: one line says they look like 2 stories, and the dossier says so too', async () => {
  const folder = path.join(dir, 'mixed');
  mkdirSync(folder);
  for (let i = 1; i <= 3; i++) writeFileSync(path.join(folder, `fire-${i}.txt`), fire(i));
  for (let i = 1; i <= 2; i++) writeFileSync(path.join(folder, `dam-${i}.txt`), dam(i));
  const run = await analyzeJson(folder);
  assert.equal(run.code, 0, run.stderr.join('\n'));
  const line = run.stderr.find((l) => l.startsWith('analyze is for one story'));
  assert.match(line ?? run.stderr.join('\n'), /look like 2 \(3 articles: "Fire destroys warehouse at Port Alder harbour \(\d\)"; 2 articles: "Villagers evacuated as Kellmore dam cracks \(\d\)"\); the dossier mixes them\. Sort them into stories with: triangulate ingest/);
  assert.ok(run.problems.some((p) => p.origin === 'analyze' && /look like 2 separate stories/.test(p.reason)), JSON.stringify(run.problems));
});

test('one story\'s articles (the bundled example, and the seeds when present) get no such line', async (t) => {
  const example = await analyzeJson(path.join(root, 'examples/harbour-fire'));
  assert.equal(example.code, 0);
  assert.ok(!example.stderr.some((l) => l.startsWith('analyze is for one story')), example.stderr.join('\n'));
  const seeds = path.join(root, '../shared/seeds');
  if (!existsSync(seeds)) return t.skip('../shared/seeds is absent');
  const run = await analyzeJson(seeds);
  assert.ok(!run.stderr.some((l) => l.startsWith('analyze is for one story')), run.stderr.join('\n'));
});
