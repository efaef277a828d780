// Cost per KB of every annotation layer on pathological texts (bench/synthetic.ts adversarialText), at two sizes.
// The attack report that motivated it: 80 KB of hyphens took 44 s in wink's tokenizer and 20 KB of "No."
// abbreviations 30 s; no input may make a stage super-linear, so the time per KB must stay flat from the smaller
// size to the larger. The quote layer is left to its own benchmark (bench/tasks/hostile.ts when present).
import { ADVERSARIAL_SHAPES, adversarialText } from '../synthetic.js';
import { markdownTable } from '../util.js';
import { splitSentences } from '../../src/annotate/sentences.js';
import { recognizeMentions } from '../../src/annotate/entities/index.js';
import { findQuantities } from '../../src/annotate/quantities/index.js';
import { resolveTimes } from '../../src/annotate/times/index.js';
import { findClaims } from '../../src/annotate/claims/index.js';

const SIZES = [20_000, 80_000] as const;
const RUNS = 3;
const LAYERS = ['sentences', 'entities', 'quantities', 'times', 'claims'] as const;
type Layer = (typeof LAYERS)[number];
/**
 * Per-KB cost of all layers together may grow this much from 20 KB to 80 KB before the row is flagged: a quadratic
 * stage gives 4, and on a shared machine a linear one measures anywhere from about 0.6 to 1.6.
 */
const FLAT_ENOUGH = 2;

/**
 * Median and fastest milliseconds of each layer over RUNS runs on one text (after a warm-up run). The table shows
 * medians; growth is judged on the fastest runs, since other work on a shared machine only ever adds time (a
 * garbage collection landing in one 80 KB run flagged a linear layer as growing 4x).
 */
function timeLayers(text: string): { median: Record<Layer, number>; fastest: Record<Layer, number> } {
  const samples: Record<Layer, number[]> = { sentences: [], entities: [], quantities: [], times: [], claims: [] };
  for (let run = 0; run <= RUNS; run++) {
    const took: Partial<Record<Layer, number>> = {};
    const timed = <T>(layer: Layer, fn: () => T): T => {
      const started = performance.now();
      const out = fn();
      took[layer] = performance.now() - started;
      return out;
    };
    const sentences = timed('sentences', () => splitSentences(text));
    const mentions = timed('entities', () => recognizeMentions(text, sentences));
    const quantities = timed('quantities', () => findQuantities(text, sentences));
    const times = timed('times', () => resolveTimes(text, sentences, '2023-10-01'));
    timed('claims', () => findClaims(text, sentences, mentions, [], quantities, times));
    if (run > 0) for (const layer of LAYERS) samples[layer].push(took[layer]!);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const each = (f: (xs: number[]) => number) => Object.fromEntries(LAYERS.map((l) => [l, f(samples[l])])) as Record<Layer, number>;
  return { median: each(median), fastest: each((xs) => Math.min(...xs)) };
}

/** The table: per shape, each layer's ms/KB at both sizes and how much the per-KB cost grew (flagged when > 2). */
export async function run(): Promise<string> {
  const rows: (string | number)[][] = [];
  for (const shape of ADVERSARIAL_SHAPES) {
    const timed = SIZES.map((size) => ({ size, ...timeLayers(adversarialText(shape, size)) }));
    const perKb = timed.map((t) => Object.fromEntries(LAYERS.map((l) => [l, t.median[l] / (t.size / 1000)])) as Record<Layer, number>);
    const fastestPerKb = timed.map((t) => Object.fromEntries(LAYERS.map((l) => [l, t.fastest[l] / (t.size / 1000)])) as Record<Layer, number>);
    const sum = (p: Record<Layer, number>) => LAYERS.reduce((n, l) => n + p[l], 0);
    const total = perKb.map(sum);
    const growth = sum(fastestPerKb[1]) / sum(fastestPerKb[0]);
    // The layer that grew most, among those costing enough to be measured (>= 1 ms/KB at the larger size).
    const layerGrowth = (l: Layer) => fastestPerKb[1][l] / fastestPerKb[0][l];
    const grown = LAYERS.filter((l) => fastestPerKb[1][l] >= 1).sort((a, b) => layerGrowth(b) - layerGrowth(a))[0];
    rows.push([
      shape,
      ...LAYERS.map((l) => `${perKb[0][l].toFixed(1)} / ${perKb[1][l].toFixed(1)}`),
      `${total[0].toFixed(1)} / ${total[1].toFixed(1)}`,
      `${growth.toFixed(2)}${growth > FLAT_ENOUGH ? ' SUPER-LINEAR' : ''}`,
      grown ? `${grown} ${layerGrowth(grown).toFixed(2)}` : '',
    ]);
  }
  const header = ['shape', ...LAYERS.map((l) => `${l} ms/KB`), 'total ms/KB', `growth of total per KB, fastest runs (flat: <= ${FLAT_ENOUGH})`, 'layer grown most'];
  const sizes = SIZES.map((s) => `${s / 1000} KB`).join(' / ');
  return `\n## Adversarial inputs: ms per KB at ${sizes} (median of ${RUNS} runs; the quote layer is excluded)\n\n${markdownTable(header, rows)}\n`;
}
