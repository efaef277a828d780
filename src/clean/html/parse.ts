import { createRequire } from 'node:module';

// linkedom takes most of a second to load; plain-text inputs never need it, so it is loaded on first HTML page.
const requireModule = createRequire(import.meta.url);
let linkedom: typeof import('linkedom') | null = null;
function parseHTML(html: string) {
  linkedom ??= requireModule('linkedom') as typeof import('linkedom');
  return linkedom.parseHTML(html);
}

// Scripts, styles, SVG and comments are never article text, but on news pages they are often most of the
// bytes; cutting them from the markup before parsing makes the DOM several times smaller and faster to build.
// JSON-LD is read first because it carries the publication date, author and publisher.
const JSON_LD = /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;
const NEVER_TEXT = /<script\b[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>|<!--[\s\S]*?-->|<svg\b[\s\S]*?<\/svg\s*>|<noscript\b[\s\S]*?<\/noscript\s*>|<template\b[\s\S]*?<\/template\s*>|<iframe\b[\s\S]*?<\/iframe\s*>/gi;

// Whitespace between two block-level tags renders as nothing, yet each run becomes a text node, and linkedom's
// per-node cost dominates parsing: dropping these runs makes parsing about a fifth faster. Tags with ">" inside an
// attribute value do not match and simply keep their whitespace.
const BLOCK = '(?:div|p|li|ul|ol|section|article|header|footer|nav|aside|table|tr|td|th|tbody|thead|h[1-6]|figure|main|form|dl|dt|dd|blockquote|br|hr|head|body|html|meta|link|title|option|select)';
const SPACE_BETWEEN_BLOCKS = new RegExp(`(<\\/?${BLOCK}\\b[^<>]*>)\\s+(?=<\\/?${BLOCK}\\b)`, 'gi');

const FULL_DOCUMENT = /<(html|body)[\s>]/i;

export interface ParsedPage {
  document: Document;
  /** Parsed JSON-LD blocks (invalid ones skipped). */
  jsonLd: unknown[];
}

/** A fresh DOM of the page (never the caller's), without scripts and styles. */
export function parsePage(html: string): ParsedPage {
  const jsonLd: unknown[] = [];
  for (const match of html.matchAll(JSON_LD)) {
    try {
      jsonLd.push(JSON.parse(match[1].trim().replace(/^<!\[CDATA\[|\]\]>$/g, '')));
    } catch {
      // Broken JSON-LD is common (trailing commas, raw newlines in strings); the page still has meta tags.
    }
  }
  let markup = html.replace(NEVER_TEXT, '').replace(SPACE_BETWEEN_BLOCKS, '$1');
  // linkedom builds no <html>/<body> around a fragment ("<p>One.</p><p>Two.</p>" from a JSON record).
  if (!FULL_DOCUMENT.test(markup)) markup = `<!doctype html><html><head></head><body>${markup}</body></html>`;
  const { document } = parseHTML(markup);
  return { document: document as unknown as Document, jsonLd };
}
