import type { Dossier } from '../dossier/types.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { renderCsv } from './csv.js';
import { publicOrigin } from '../dossier/outlets.js';

/** "csv": one row per fact, dispute side and number, for a spreadsheet (see renderCsv). */
export type ReportFormat = 'md' | 'json' | 'html' | 'csv';
export const REPORT_FORMATS: ReportFormat[] = ['md', 'json', 'html', 'csv'];

/**
 * The dossier as JSON. Origins keep what the user typed when relative ("../seeds/a.txt") but an absolute
 * local path is reduced to its file name, also for a dossier stored before the builder did so: the JSON
 * is shared like the other reports and must not tell where files sit on this machine.
 */
export function renderJson(dossier: Dossier): string {
  const shared: Dossier = {
    ...dossier,
    articles: dossier.articles.map((a) => ({ ...a, origin: publicOrigin(a.origin) })),
    problems: dossier.problems.map((p) => ({ ...p, origin: publicOrigin(p.origin) })),
  };
  return JSON.stringify(shared, null, 2) + '\n';
}

/** The dossier in one report format, as text. */
export function render(dossier: Dossier, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return renderJson(dossier);
    case 'html':
      return renderHtml(dossier);
    case 'csv':
      return renderCsv(dossier);
    default:
      return renderMarkdown(dossier);
  }
}

export { renderHtml, renderMarkdown };
export { escapeHtml } from './escape.js';
export { renderCsv, csvRows, neutraliseFormula, CSV_COLUMNS, type CsvRow, type CsvRowKind, type CsvColumn } from './csv.js';
