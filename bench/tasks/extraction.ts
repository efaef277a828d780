// Article extraction speed: our clean stage on HTML pages vs Mozilla Readability on the same DOM library.
import { datasetDir, missingMessage } from '../../eval/data.js';
import { loadPages, ours, readabilityLinkedom } from '../../eval/tasks/extraction.js';
import type { Extractor, Page } from '../../eval/tasks/extraction.js';
import { markdownTable, medianMs } from '../util.js';

const PAGES = 40;
const RUNS = 5;

function allPages(extractor: Extractor, pages: Page[]): void {
  for (const page of pages) {
    try {
      extractor(page);
    } catch {
      // crashes are counted by the evaluation, not here
    }
  }
}

export async function run(): Promise<string> {
  const dir = datasetDir('article-extraction');
  if (!dir) return `## Article extraction speed\n\n${missingMessage('article-extraction')}\n`;
  const pages = loadPages(dir, PAGES);
  const oursMs = await medianMs(RUNS, () => allPages(ours, pages));
  const peerMs = await medianMs(RUNS, () => allPages(readabilityLinkedom, pages));
  const perSecond = (ms: number) => (pages.length / (ms / 1000)).toFixed(0);
  return `## Article extraction speed (${pages.length} real pages, median of ${RUNS} runs)\n\n${markdownTable(
    ['extractor', 'ms / page', 'pages / s', 'time vs Readability+linkedom'],
    [
      ['ours (clean stage, HTML)', (oursMs / pages.length).toFixed(1), perSecond(oursMs), `${(oursMs / peerMs).toFixed(2)}x`],
      ['Readability+linkedom', (peerMs / pages.length).toFixed(1), perSecond(peerMs), '1.00x'],
    ],
  )}\n`;
}
