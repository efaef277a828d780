import { parseHTML } from 'linkedom';

// Scripts, styles, SVG and comments are never article text, but on news pages they are often most of the
// bytes; cutting them from the markup before parsing makes the DOM several times smaller and faster to build.
// JSON-LD is read first because it carries the publication date, author and publisher.
const JSON_LD = /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;
const NEVER_TEXT = /<script\b[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>|<!--[\s\S]*?-->|<svg\b[\s\S]*?<\/svg\s*>|<noscript\b[\s\S]*?<\/noscript\s*>|<template\b[\s\S]*?<\/template\s*>|<iframe\b[\s\S]*?<\/iframe\s*>/gi;

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
  const { document } = parseHTML(html.replace(NEVER_TEXT, ''));
  return { document: document as unknown as Document, jsonLd };
}
