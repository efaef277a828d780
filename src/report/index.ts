import type { Dossier } from '../dossier/types.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';

export type ReportFormat = 'md' | 'json' | 'html';
export const REPORT_FORMATS: ReportFormat[] = ['md', 'json', 'html'];

export function renderJson(dossier: Dossier): string {
  return JSON.stringify(dossier, null, 2) + '\n';
}

export function render(dossier: Dossier, format: ReportFormat): string {
  return format === 'json' ? renderJson(dossier) : format === 'html' ? renderHtml(dossier) : renderMarkdown(dossier);
}

export { renderHtml, renderMarkdown };
export { escapeHtml } from './escape.js';
