// Runs every evaluation task in eval/tasks/ (or those named on the command line) and writes docs/evaluation.md.
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { EvalReport, EvalRow } from './types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const taskFiles = readdirSync(path.join(here, 'tasks'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();

function fmt(value: number, unit?: string): string {
  return unit ? `${value.toFixed(unit === 'pages/s' || unit === 'tokens/s' ? 0 : 2)} ${unit}` : value.toFixed(3);
}

function table(rows: EvalRow[]): string {
  const lines = ['| dataset | metric | ours | peers (same run) | published |', '|---|---|---|---|---|'];
  for (const row of rows) {
    const peers = row.peers.map((p) => `${p.name} ${fmt(p.score, row.unit)}`).join('; ') || '—';
    const published = row.published.map((p) => `${p.name} ${fmt(p.score, row.unit)}`).join('; ') || '—';
    lines.push(`| ${row.dataset} | ${row.metric} | **${fmt(row.ours, row.unit)}** | ${peers} | ${published} |`);
  }
  return lines.join('\n');
}

const sections = new Map<string, string>();
for (const file of taskFiles) {
  const name = file.replace(/\.ts$/, '');
  const started = performance.now();
  const { run } = (await import(pathToFileURL(path.join(here, 'tasks', file)).href)) as { run: () => Promise<EvalReport> };
  const report = await run();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (report.skipped) {
    console.log(`${report.title}: ${report.skipped}`);
    sections.set(name, `## ${report.title}\n\n${report.skipped}\n`);
    continue;
  }
  console.log(`\n## ${report.title} (${seconds} s)\n${table(report.rows)}`);
  sections.set(name, `## ${report.title}\n\n_Measured in ${seconds} s._\n\n${table(report.rows)}\n\n${report.details ?? ''}\n`);
}

// Each task's section sits between markers, so running some tasks updates just their sections.
const docsDir = path.join(here, '..', 'docs');
const output = path.join(docsDir, 'evaluation.md');
const marker = (name: string) => [`<!-- task:${name} -->`, `<!-- /task:${name} -->`];
const previous = existsSync(output) ? readFileSync(output, 'utf8') : '';
const kept = new Map<string, string>();
for (const match of previous.matchAll(/<!-- task:([\w-]+) -->\n([\s\S]*?)<!-- \/task:\1 -->/g)) kept.set(match[1], match[2]);
for (const [name, body] of sections) kept.set(name, body);
mkdirSync(docsDir, { recursive: true });
const header = `# Evaluation\n\nWritten by \`npm run eval\` (last run ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, a 2-core machine). Peers ran in the same process on the same data; published figures are quoted from each dataset's README in ../shared/eval. Scores are fractions (1 = perfect) unless a unit is given.\n\n`;
const body = [...kept.keys()].sort().map((name) => `${marker(name)[0]}\n${kept.get(name)}${marker(name)[1]}\n`);
writeFileSync(output, header + body.join('\n'));
console.log(`\nwrote ${path.relative(process.cwd(), output)} (${sections.size} section(s) updated)`);
