// CPU cost per 1,000 records of a JSONL file of many tiny records, at two sizes, stage by stage. The attack report:
// 100,000 one-line records (~3 MB) did not finish `analyze` in 120 s. Every stage must cost the same per record
// at 50,000 as at 10,000 (the "growth" column near 1; quadratic would give 5), and `analyze` with its default
// limits must cost about the same whatever the number of records given, since it keeps at most
// MAX_STORY_ARTICLES of them (and says so). Memory is the heap still held when the stage is done, per 1,000.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { markdownTable } from '../util.js';
import { analyze, analyzeArticles, collectArticles, MAX_STORY_ARTICLES } from '../../src/analyze.js';
import { ingestSources } from '../../src/ingest/pipeline.js';
import { openStore } from '../../src/store/index.js';

const SIZES = [10_000, 50_000] as const;
/**
 * Runs per figure of reading (median). The other stages take seconds to minutes at these sizes on a shared
 * machine and are run once: their growth column is what matters, and a quadratic stage shows as 5, not 1.2.
 */
const RUNS = 3;
/** Growth of CPU ms per 1k records from the smaller size to the larger above which a row is flagged. */
const FLAT_ENOUGH = 1.6;

const SHAPES: Record<string, (i: number) => string> = {
  '{"text":"a"}': () => '{"text":"a"}',
  'one short line': (i) => JSON.stringify({ title: 'x', text: `Short line number ${i}.` }),
};

interface Figure {
  /** CPU time of the process (user + system, all threads), in ms: other jobs on a shared machine barely move it. */
  ms: number;
  heapMb: number;
}

/** The result of the stage being measured, kept alive until its heap is read. */
let held: unknown;

/** Median CPU time of `runs` calls, and the heap the last call's result holds (exact when run with --expose-gc). */
async function measure(runs: number, fn: () => Promise<unknown>): Promise<Figure> {
  const times: number[] = [];
  let heapMb = 0;
  for (let run = 0; run < runs; run++) {
    // A tick first: the previous run's awaited result is only let go of after it.
    await new Promise((resolve) => setImmediate(resolve));
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    const started = process.cpuUsage();
    held = await fn();
    const used = process.cpuUsage(started);
    times.push((used.user + used.system) / 1000);
    // Still referenced by `held`: what the collection leaves is what the stage's result costs to keep.
    globalThis.gc?.();
    heapMb = (process.memoryUsage().heapUsed - before) / 1e6;
    held = undefined;
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], heapMb };
}

/** The stages of one file: read+clean, annotate+dossier over every record, `analyze` as shipped, `ingest`. */
async function stages(file: string, dir: string): Promise<Record<string, Figure>> {
  const heavyRuns = 1;
  const out: Record<string, Figure> = {};
  out['read + clean'] = await measure(RUNS, () => collectArticles([file]));
  const { articles, problems } = await collectArticles([file]);
  out['annotate + dossier, every record'] = await measure(heavyRuns, async () => analyzeArticles(articles, problems, { generatedAt: '2026-01-01T00:00:00Z' }));
  out[`analyze (default: keeps ${MAX_STORY_ARTICLES})`] = await measure(heavyRuns, () => analyze([file], { generatedAt: '2026-01-01T00:00:00Z' }));
  out['ingest (store + cluster)'] = await measure(heavyRuns, async () => {
    const db = path.join(dir, `store-${Math.random().toString(36).slice(2)}.db`);
    const store = await openStore(db);
    try {
      return await ingestSources(store, [file]);
    } finally {
      await store.close();
    }
  });
  return out;
}

export async function run(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-records-'));
  const rows: (string | number)[][] = [];
  try {
    for (const [shape, line] of Object.entries(SHAPES)) {
      const bySize: Record<string, Figure>[] = [];
      // Models load and code warms up on a small file first, so the smaller size is not charged for it.
      const warmUp = path.join(dir, 'warm-up.jsonl');
      writeFileSync(warmUp, Array.from({ length: 500 }, (_, i) => line(i)).join('\n') + '\n');
      await stages(warmUp, dir);
      for (const size of SIZES) {
        const file = path.join(dir, `records-${size}.jsonl`);
        writeFileSync(file, Array.from({ length: size }, (_, i) => line(i)).join('\n') + '\n');
        bySize.push(await stages(file, dir));
      }
      for (const stage of Object.keys(bySize[0])) {
        const perK = bySize.map((figures, i) => figures[stage].ms / (SIZES[i] / 1000));
        const growth = perK[1] / perK[0];
        // `analyze` keeps a fixed number of records: its cost per record given falls as the file grows.
        const capped = stage.startsWith('analyze');
        const flag = !capped && growth > FLAT_ENOUGH ? ' SUPER-LINEAR' : '';
        // Ingest returns counts: what it holds while running is freed by then, so nothing below zero is shown.
        const heap = Math.max(0, bySize[1][stage].heapMb / (SIZES[1] / 1000));
        rows.push([shape, stage, perK[0].toFixed(1), perK[1].toFixed(1), `${growth.toFixed(2)}${flag}`, heap.toFixed(2)]);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const header = ['records', 'stage', `CPU ms/1k at ${SIZES[0] / 1000}k`, `CPU ms/1k at ${SIZES[1] / 1000}k`, `growth (flat: <= ${FLAT_ENOUGH})`, `heap MB/1k held at ${SIZES[1] / 1000}k`];
  return (
    `\n## Many tiny JSONL records (read: median of ${RUNS} runs; other stages: one run; heap exact with node --expose-gc)\n\n` +
    `${markdownTable(header, rows)}\n\nanalyze keeps at most ${MAX_STORY_ARTICLES} articles, so its cost per record given falls as the file grows; every other row must stay flat.\n`
  );
}
