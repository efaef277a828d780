// Request validation stricter than fastify's defaults. Bodies are JSON, so their types are checked as sent
// ({"text": 123} and ["..."] are refused, not coerced to "123"); query strings and URL parameters are text
// by nature and are converted, but never from arrays. Dates must be real calendar dates and times: a
// date the file reader would have moved ("2023-02-30" -> 2 March) or dropped is refused here instead.
import { Ajv, type Options as AjvOptions } from 'ajv';
import type { FastifySchemaCompiler } from 'fastify';
import { ApiError } from './errors.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/;

/**
 * Whether `value` is an ISO 8601 date ("2024-05-31") or date-time ("2024-05-31T14:30", seconds, fraction
 * and a "Z" or "+02:00" offset optional) naming a real day and time: month 01-12, a day the month has
 * (29 February only in leap years), hour 00-23, minute and second 00-59, offset at most 14 hours.
 */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (day > days) return false;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59)) return false;
  if (m[6] !== undefined && Number(m[6]) > 59) return false;
  if (m[8] !== undefined && (Number(m[8]) > 14 || Number(m[9]) > 59)) return false;
  return true;
}

function makeAjv(coerceTypes: AjvOptions['coerceTypes']): Ajv {
  // `verbose` puts the failing schema on each error, so a message can tell a story id from an article id.
  const ajv = new Ajv({ coerceTypes, useDefaults: true, removeAdditional: false, allErrors: false, strict: false, verbose: true });
  ajv.addFormat('iso-date', { type: 'string', validate: isIsoDate });
  return ajv;
}

/**
 * The validator compiler of the app: bodies without type coercion, everything else coerced from text
 * (but an array, e.g. a repeated query parameter, is never turned into one value).
 */
export function strictValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const body = makeAjv(false);
  const text = makeAjv(true);
  return ({ schema, httpPart }) => (httpPart === 'body' ? body : text).compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
}

/** Story id from a URL segment already checked to be decimal digits; 404 when no story can have it. */
export function storyIdParam(raw: string): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id < 1) throw new ApiError(404, 'not-found', `no story ${raw}`);
  return id;
}

/** Article id (the store's) from a URL segment already checked to be decimal digits; 404 when no article can have it. */
export function articleIdParam(raw: string): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id < 1) throw new ApiError(404, 'not-found', `no article ${raw}`);
  return id;
}

// C0 control characters other than the whitespace ones (tab, line feed, vertical tab, form feed, carriage
// return), and DEL. No article has them; a body full of them is binary data, which the file reader
// refuses (it refuses files with NUL bytes), so the API does too.
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/;
const READABLE = /[^\s\p{Cc}\p{Cf}]/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Refuses string fields the file reader would not read: NUL or other control characters (422 "binary"),
 * unpaired UTF-16 surrogates (400), and a text or HTML body with no readable character (422 "empty").
 */
export function checkTextFields(body: Record<string, unknown>): void {
  for (const [field, value] of Object.entries(body)) {
    if (typeof value !== 'string') continue;
    const control = CONTROL.exec(value);
    if (control) {
      const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      throw new ApiError(422, 'binary', `body.${field} contains control characters (U+${code}): binary data, not text`);
    }
    if (LONE_SURROGATE.test(value)) throw new ApiError(400, 'invalid-request', `body.${field} contains an unpaired UTF-16 surrogate: not valid text`);
    if ((field === 'text' || field === 'html') && !READABLE.test(value)) {
      throw new ApiError(422, 'empty', `body.${field} has no readable characters`);
    }
  }
}
