// Crash safety: an ingest killed with SIGKILL mid-run and restarted leaves every article stored exactly
// once, every article in a story, and a database that passes PRAGMA integrity_check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openStore } from '../store/index.js';
import { ingestSources } from './index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const TOTAL = 1200;

// Self-written articles: 150 small "events" of 8 reports each, dated in file order.
function writeInput(file: string): void {
  const places = ['Arlen', 'Brisk', 'Coldmere', 'Dunhall', 'Eskvale', 'Farrow', 'Glent', 'Harrowby', 'Istow', 'Jorvik'];
  const things = ['bridge', 'school', 'harbour', 'factory', 'museum', 'station', 'stadium', 'library', 'market', 'tunnel'];
  const lines: string[] = [];
  for (let i = 0; i < TOTAL; i++) {
    const event = Math.floor(i / 8);
    const place = `${places[event % 10]}${Math.floor(event / 10)}`;
    const thing = things[(event * 7) % 10];
    const day = new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString();
    lines.push(JSON.stringify({
      title: `${thing} in ${place} closed after inspection, report ${i}`,
      text: `Officials in ${place} closed the ${thing} on event day ${event}. Inspectors from ${place} council found cracks in the ${thing}. Report ${i} adds that repairs in ${place} could take weeks.`,
      publishedAt: day,
      url: `https://news.example/${event}/${i}`,
    }));
  }
  writeFileSync(file, lines.join('\n'));
}

function countArticles(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      conn.close();
    }
  } catch {
    return 0; // not created yet
  }
}

function startIngest(dir: string, input: string, db: string) {
  const runner = path.join(dir, 'run-ingest.mjs');
  writeFileSync(
    runner,
    `const { command } = await import(${JSON.stringify(path.join(here, '..', 'cli', 'commands', 'ingest.ts'))});
     process.exitCode = await command.run([${JSON.stringify(input)}, '--store', ${JSON.stringify(db)}, '--batch', '25'], { stdout: () => {}, stderr: () => {} });`,
  );
  return spawn(process.execPath, ['--import', 'tsx', runner], { stdio: 'ignore' });
}

function partition(rows: { url: string; story: number }[]): string[] {
  const byStory = new Map<number, string[]>();
  for (const r of rows) byStory.set(r.story, [...(byStory.get(r.story) ?? []), r.url]);
  return [...byStory.values()].map((urls) => urls.sort().join(',')).sort();
}

// Three runs over 1,200 articles (killed, restarted, uninterrupted) take about a minute on a loaded 2-core
// machine: the timeout is only there against a hang.
test('ingest killed with SIGKILL and restarted stores every article exactly once', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crash-test-'));
  const input = path.join(dir, 'articles.jsonl');
  const db = path.join(dir, 'store.db');
  writeInput(input);

  const child = startIngest(dir, input, db);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let atKill = 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, 15));
    atKill = countArticles(db);
    if (atKill >= 100 || child.exitCode !== null) break;
  }
  child.kill('SIGKILL');
  await exited;
  assert.ok(atKill > 0 && atKill < TOTAL, `the process was killed mid-run (${atKill} of ${TOTAL} stored)`);

  const restarted = startIngest(dir, input, db);
  const code = await new Promise<number | null>((resolve) => restarted.on('exit', (c) => resolve(c)));
  assert.equal(code, 0);

  const conn = new Database(db, { readonly: true });
  const rows = conn.prepare("SELECT json_extract(body, '$.url') AS url, story_id AS story FROM articles").all() as { url: string; story: number }[];
  const integrity = conn.pragma('integrity_check', { simple: true });
  conn.close();
  assert.equal(integrity, 'ok');
  assert.equal(rows.length, TOTAL);
  assert.equal(new Set(rows.map((r) => r.url)).size, TOTAL, 'no article stored twice');
  assert.ok(rows.every((r) => r.story !== null), 'every article is in a story');

  // The interrupted run ends with the same stories as a run that was never interrupted.
  const clean = await openStore(path.join(dir, 'clean.db'));
  await ingestSources(clean, [input], { batchSize: 25 });
  const cleanRows: { url: string; story: number }[] = [];
  const cleanCount = await clean.articleCount();
  for (let id = 1; id <= cleanCount; id++) {
    const a = (await clean.getArticle(id))!;
    cleanRows.push({ url: a.article.url!, story: (await clean.getStory(a.storyId!))!.id });
  }
  await clean.close();
  const resolved = await openStore(db, { readonly: true });
  const crashedRows: { url: string; story: number }[] = [];
  for (const r of rows) crashedRows.push({ url: r.url, story: (await resolved.getStory(r.story))!.id });
  await resolved.close();
  assert.deepEqual(partition(crashedRows), partition(cleanRows));
  rmSync(dir, { recursive: true, force: true });
});
