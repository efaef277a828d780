// Every error leaves the server as JSON {error: {status, code, message}} with a one-line message.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isReadError } from '../read/index.js';
import { isNoArticleTextError } from '../clean/index.js';
import { isIngestError, type IngestErrorCode } from '../ingest/index.js';
import { isStoreError } from '../store/index.js';
import { DossierBuildError } from './dossiers.js';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

const INGEST_STATUS: Record<IngestErrorCode, number> = {
  'private-address': 403,
  'bad-url': 400,
  'fetch-failed': 502,
  'http-status': 502,
  'not-a-feed': 422,
  'too-large': 413,
};

/** Maps any thrown error to status, code and a message fit for the client (internal errors say little). */
export function describeError(error: unknown, bodyLimit: number): { status: number; code: string; message: string; internal: boolean } {
  if (isApiError(error)) return { status: error.status, code: error.code, message: error.message, internal: false };
  // The analysis failing is the server's problem, but the reader gets the one-line reason (the log has the stack).
  if (error instanceof DossierBuildError) return { status: 500, code: 'analysis-failed', message: error.message, internal: false };
  // Another process holds the store's write lock past the busy timeout: a retry will do.
  if (isStoreError(error) && error.code === 'busy') return { status: 503, code: 'store-busy', message: error.message, internal: false };
  if (isReadError(error)) return { status: 422, code: error.code, message: error.message, internal: false };
  if (isNoArticleTextError(error)) return { status: 422, code: 'no-article-text', message: error.message, internal: false };
  if (isIngestError(error)) return { status: INGEST_STATUS[error.code] ?? 502, code: error.code, message: error.message, internal: false };
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) return { status: 400, code: 'invalid-request', message: fastifyError.message, internal: false };
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'body-too-large', message: `request body is larger than the limit of ${bodyLimit} bytes`, internal: false };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'unsupported-media-type', message: 'send the body as application/json', internal: false };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'invalid-request', message: 'the JSON body is empty', internal: false };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, code: 'invalid-json', message: `the body is not valid JSON (${fastifyError.message})`, internal: false };
  }
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const body = fastifyError as unknown as { body?: unknown };
    if ((error as SyntaxError).name === 'SyntaxError' && body) {
      return { status: 400, code: 'invalid-json', message: `the body is not valid JSON (${fastifyError.message})`, internal: false };
    }
    return { status: fastifyError.statusCode, code: 'bad-request', message: fastifyError.message, internal: false };
  }
  return { status: 500, code: 'internal', message: 'internal error; the server log has details', internal: true };
}

export function errorHandler(bodyLimit: number) {
  return (error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const described = describeError(error, bodyLimit);
    if (described.internal) request.log.error({ err: error }, 'request failed');
    return reply.status(described.status).type('application/json; charset=utf-8').send({
      error: { status: described.status, code: described.code, message: described.message },
    });
  };
}

/** Clearer one-line validation messages than ajv's defaults ("body must NOT have additional properties"). */
export function validationMessage(
  errors: { keyword: string; instancePath: string; message?: string; params: Record<string, unknown>; parentSchema?: { description?: string } }[],
  dataVar: string,
): string {
  const first = errors.find((e) => e.keyword !== 'anyOf' && !(e.keyword === 'required' && errors.some((x) => x.keyword === 'anyOf'))) ?? errors[0];
  const where = `${dataVar}${first.instancePath.replace(/\//g, '.')}`;
  if (errors.some((e) => e.keyword === 'anyOf') && dataVar === 'body' && first.keyword === 'required') {
    return 'body needs one of "text", "html" or "url"';
  }
  switch (first.keyword) {
    case 'additionalProperties':
      return `${where} has an unknown field "${String(first.params.additionalProperty)}"`;
    case 'required':
      return `${where} needs the field "${String(first.params.missingProperty)}"`;
    case 'anyOf':
      return dataVar === 'body' ? 'body needs one of "text", "html" or "url"' : `${where} ${first.message ?? 'is invalid'}`;
    case 'pattern':
      if (where.endsWith('url')) return `${where} must start with http:// or https://`;
      if (where === 'params.id') {
        const kind = first.parentSchema?.description?.startsWith('Article id') ? 'an article' : 'a story';
        return `${where} must be ${kind} id (a positive decimal integer)`;
      }
      if (where === 'body.id') return `${where} must be lower-case letters and digits joined by single hyphens, e.g. "gazette-0318"`;
      return `${where} ${first.message ?? 'is invalid'}`;
    case 'format':
      return `${where} must be a real date, ISO style: 2024-05-31 or 2024-05-31T14:30:00Z`;
    case 'type':
      return `${where} must be ${String(first.params.type).replace(/,/g, ' or ')}`;
    default:
      return `${where} ${first.message ?? 'is invalid'}`;
  }
}
