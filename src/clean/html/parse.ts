import { createRequire } from 'node:module';
import { prepareMarkup } from './markup.js';

// linkedom takes most of a second to load; plain-text inputs never need it, so it is loaded on first HTML page.
const requireModule = createRequire(import.meta.url);
let linkedom: typeof import('linkedom') | null = null;
function parseHTML(html: string) {
  linkedom ??= requireModule('linkedom') as typeof import('linkedom');
  return linkedom.parseHTML(html);
}

export interface ParsedPage {
  document: Document;
  /** Parsed JSON-LD blocks (invalid ones skipped). */
  jsonLd: unknown[];
}

/**
 * A fresh DOM of the page (never the caller's), without scripts, styles and what else never holds article text
 * (see prepareMarkup). JSON-LD is read on the way, since it carries the publication date, author and publisher.
 */
export function parsePage(html: string): ParsedPage {
  const prepared = prepareMarkup(html);
  const jsonLd: unknown[] = [];
  for (const text of prepared.jsonLd) {
    try {
      jsonLd.push(JSON.parse(text.trim().replace(/^<!\[CDATA\[|\]\]>$/g, '')));
    } catch {
      // Broken JSON-LD is common (trailing commas, raw newlines in strings); the page still has meta tags.
    }
  }
  // linkedom builds no <html>/<body> around a fragment ("<p>One.</p><p>Two.</p>" from a JSON record).
  const markup = prepared.fullDocument ? prepared.markup : `<!doctype html><html><head></head><body>${prepared.markup}</body></html>`;
  const { document } = parseHTML(markup);
  return { document: document as unknown as Document, jsonLd };
}
