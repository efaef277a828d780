// Runs every evaluation task in eval/tasks/ (or those named on the command line) and writes docs/evaluation.md.
import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
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

const sections: string[] = [];
for (const file of taskFiles) {
  const started = performance.now();
  const { run } = (await import(pathToFileURL(path.join(here, 'tasks', file)).href)) as { run: () => Promise<EvalReport> };
  const report = await run();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (report.skipped) {
    console.log(`${report.title}: ${report.skipped}`);
    sections.push(`## ${report.title}\n\n${report.skipped}\n`);
    continue;
  }
  console.log(`\n## ${report.title} (${seconds} s)\n${table(report.rows)}`);
  sections.push(`## ${report.title}\n\n${table(report.rows)}\n\n${report.details ?? ''}\n`);
}

if (only.length === 0) {
  mkdirSync(path.join(here, '..', 'docs'), { recursive: true });
  const header = `# Evaluation\n\nWritten by \`npm run eval\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}). Peers ran in the same process on the same data; published figures are quoted from each dataset's README.\n\n`;
  writeFileSync(path.join(here, '..', 'docs', 'evaluation.md'), header + sections.join('\n'));
  console.log('\nwrote docs/evaluation.md');
}
