// Cost per KB of the quote layer (findQuotes) on pathological texts, at two sizes. Issue 13: a 25 KB single
// sentence of "The minister said that the army " repeated took ~57 s because quote-source ranking grew about
// cubically with the cues of a sentence. Each text is handed over as one sentence per paragraph, without the
// sentence splitter's length cap in front, so the layer itself must stay linear: time per KB flat from the
// smaller size to the larger.
import { markdownTable } from '../util.js';
import { findQuotes } from '../../src/annotate/quotes/index.js';
import type { Sentence } from '../../src/annotate/types.js';
import { annotate } from '../../src/annotate/index.js';
import { cleanArticle } from '../../src/clean/index.js';

const SIZES = [12_500, 50_000] as const;
const RUNS = 3;
/** Growth of ms/KB from the smaller to the larger size above which a row is flagged (quadratic gives 4). */
const FLAT_ENOUGH = 2;

// Shapes that stress one part of attribution each: cues per sentence, quotes per sentence, appositions, titles,
// participles that look back for their clause's subject, list items whose pronouns look back for a speaker.
const SHAPES: Record<string, (i: number) => string> = {
  'said-that (issue 13)': () => 'The minister said that the army ',
  'quoted-words': (i) => `“Word number ${i},” `,
  'cues-and-commas': () => 'he said, she added, they warned, ',
  'appositions': () => 'Ana Lima, a Recife resident who tweeted, said ',
  'titles': (i) => `the film “Night Number ${i}” and `,
  'quote-said': (i) => `“We will win ${i} times,” he said, and `,
  'participles': () => 'saying the army was not involved, adding ',
  'according-to': () => 'according to officials, ',
  'list-pronouns': (i) => (i % 20 === 0 ? 'The minister said:\n\n' : `He would speak “bluntly” about item ${i}\n\n`),
};

function build(shape: string, size: number): string {
  let out = '';
  for (let i = 0; out.length < size; i++) out += SHAPES[shape](i);
  return out.slice(0, size);
}

/** One sentence per blank-line paragraph, however long. */
function paragraphsAsSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  let paragraph = 0;
  for (const m of text.matchAll(/\n\n/g)) {
    out.push({ start, end: m.index ?? 0, paragraph: paragraph++ });
    start = (m.index ?? 0) + 2;
  }
  out.push({ start, end: text.length, paragraph });
  return out;
}

function medianMs(text: string): number {
  const sentences = paragraphsAsSentences(text);
  const samples: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const started = performance.now();
    findQuotes(text, sentences, []);
    if (run > 0) samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}

/**
 * The whole annotation as the product runs it (splitter with its length cap, every layer, claims after quotes):
 * the layers meet here, so a shape that is linear in each layer alone can still grow in their combination
 * (the said-that text once gave quotes as long as the text, and claims then cost its cube: 227 s at 100 KB).
 */
function wholeMs(text: string): number {
  const article = cleanArticle({ id: 'hostile', origin: 'hostile.txt', format: 'text', content: text, hints: { title: 'Hostile input' } });
  const samples: number[] = [];
  for (let run = 0; run < 2; run++) {
    const started = performance.now();
    annotate(article);
    samples.push(performance.now() - started);
  }
  return Math.min(...samples);
}

export async function run(): Promise<string> {
  findQuotes('He said it was fine.', [{ start: 0, end: 20, paragraph: 0 }], []); // loads the attribution model
  const rows: (string | number)[][] = [];
  for (const shape of Object.keys(SHAPES)) {
    const perKb = SIZES.map((size) => medianMs(build(shape, size)) / (size / 1000));
    const growth = perKb[1] / perKb[0];
    rows.push([shape, perKb[0].toFixed(1), perKb[1].toFixed(1), `${growth.toFixed(2)}${growth > FLAT_ENOUGH ? ' SUPER-LINEAR' : ''}`]);
  }
  const header = ['shape', `ms/KB at ${SIZES[0] / 1000} KB`, `ms/KB at ${SIZES[1] / 1000} KB`, `growth (flat: <= ${FLAT_ENOUGH})`];
  const whole: (string | number)[][] = [];
  for (const shape of Object.keys(SHAPES)) {
    const perKb = SIZES.map((size) => wholeMs(build(shape, size)) / (size / 1000));
    const growth = perKb[1] / perKb[0];
    whole.push([shape, perKb[0].toFixed(1), perKb[1].toFixed(1), `${growth.toFixed(2)}${growth > FLAT_ENOUGH ? ' SUPER-LINEAR' : ''}`]);
  }
  return (
    `\n## Quote layer on hostile inputs (median of ${RUNS} runs, one sentence per paragraph)\n\n${markdownTable(header, rows)}\n` +
    `\n## Whole annotation on the same inputs (fastest of 2 runs; sentence splitter, every layer, claims)\n\n${markdownTable(header, whole)}\n`
  );
}
