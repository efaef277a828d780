import type { RawArticle, ReadProblem, SourceHints } from './types.js';
import { ReadError, isReadError } from './errors/read-error.js';
import { describeJsonError } from './json-errors.js';
import { idFromOrigin, slugify } from './ids.js';

/** Field names accepted for each value of a JSON record, first match wins (feeds and scrapers disagree). */
const FIELD_NAMES = {
  text: ['text', 'content', 'body', 'articleBody'],
  html: ['html', 'rawHtml', 'raw_html'],
  title: ['title', 'headline'],
  url: ['url', 'link'],
  outlet: ['outlet', 'source', 'site', 'siteName', 'site_name', 'publisher'],
  publishedAt: ['publishedAt', 'published_at', 'datePublished', 'published', 'date'],
  byline: ['byline', 'author'],
} as const;

// XHTML pages may open with an XML declaration before the doctype.
const HTML_START = /^\s*(?:<\?xml[^>]*>\s*)?(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]|<!--)/i;

/** "html" when the content or its file name says so, else "text". */
export function sniffFormat(content: string, origin: string): 'text' | 'html' {
  if (/\.html?(#|$)/i.test(origin)) return 'html';
  if (/\.txt(#|$)/i.test(origin)) return 'text';
  return HTML_START.test(content) ? 'html' : 'text';
}

/** One article from a string a library user already holds (plain text or an HTML page). */
export function readText(content: string, origin: string, format?: 'text' | 'html'): RawArticle {
  if (content.trim() === '') throw new ReadError('empty', origin, 'empty text');
  return { id: idFromOrigin(origin), origin, format: format ?? sniffFormat(content, origin), content, hints: {} };
}

function pick(record: Record<string, unknown>, names: readonly string[], origin: string): string | undefined {
  for (const name of names) {
    const value = record[name];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') return value.trim() === '' ? undefined : value;
    // Authors and publishers often come as {name: "..."} objects (schema.org style).
    if (typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') return (value as { name: string }).name;
    if (typeof value === 'number' && name !== 'text') return String(value);
    throw new ReadError('invalid-record', origin, `field "${name}" should be a string, not ${Array.isArray(value) ? 'an array' : typeof value}`);
  }
  return undefined;
}

/**
 * One article from a JSON record {title, text | html, url, outlet, publishedAt, byline}. A string or numeric
 * `id` field becomes the article id (slugified); otherwise the id comes from the origin.
 */
export function readRecord(record: unknown, origin: string): RawArticle {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new ReadError('invalid-record', origin, `record should be an object, not ${Array.isArray(record) ? 'an array' : record === null ? 'null' : typeof record}`);
  }
  const fields = record as Record<string, unknown>;
  const html = pick(fields, FIELD_NAMES.html, origin);
  const text = pick(fields, FIELD_NAMES.text, origin);
  if (html === undefined && text === undefined) {
    throw new ReadError('invalid-record', origin, 'record has no "text" or "html" field (or it is empty)');
  }
  const hints: SourceHints = {};
  for (const key of ['title', 'url', 'outlet', 'publishedAt', 'byline'] as const) {
    const value = pick(fields, FIELD_NAMES[key], origin);
    if (value !== undefined) hints[key] = value.trim();
  }
  const ownId = typeof fields.id === 'string' || typeof fields.id === 'number' ? slugify(String(fields.id)) : '';
  return {
    id: ownId || idFromOrigin(origin),
    origin,
    format: html !== undefined ? 'html' : 'text',
    content: html ?? text ?? '',
    hints,
  };
}

function problemOf(error: unknown, origin: string): ReadProblem {
  if (isReadError(error)) return { origin: error.origin, reason: error.message };
  throw error;
}

/**
 * Articles from the content of a .json file (one record or an array of records; items get "#<n>", 1-based)
 * or a .jsonl file (one record a line; records get "#<line>"). A bad record or line is one problem; the rest are read.
 */
export function readRecords(content: string, origin: string, kind: 'json' | 'jsonl'): { articles: RawArticle[]; problems: ReadProblem[] } {
  const articles: RawArticle[] = [];
  const problems: ReadProblem[] = [];
  if (kind === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch (error) {
      return { articles, problems: [{ origin, reason: describeJsonError(content, error) }] };
    }
    const items = Array.isArray(parsed) ? parsed : [parsed];
    if (items.length === 0) problems.push({ origin, reason: 'JSON array is empty' });
    items.forEach((item, index) => {
      const itemOrigin = Array.isArray(parsed) ? `${origin}#${index + 1}` : origin;
      try {
        articles.push(readRecord(item, itemOrigin));
      } catch (error) {
        problems.push(problemOf(error, itemOrigin));
      }
    });
    return { articles, problems };
  }
  const lines = content.split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const lineOrigin = `${origin}#${index + 1}`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (error) {
      problems.push({ origin: lineOrigin, reason: describeJsonError(line, error).replace(/on line 1 /, `on line ${index + 1} `) });
      return;
    }
    try {
      articles.push(readRecord(parsed, lineOrigin));
    } catch (error) {
      problems.push(problemOf(error, lineOrigin));
    }
  });
  if (articles.length === 0 && problems.length === 0) problems.push({ origin, reason: 'no records in the file' });
  return { articles, problems };
}
