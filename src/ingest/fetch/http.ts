// A small HTTP GET for feeds and article pages. node:http is used instead of global fetch because fetch
// gives no hook on the connected address, which the private-address guard needs.
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { guardedLookup, isPrivateAddress, PrivateAddressError } from './address-guard.js';
import { IngestError, isIngestError } from '../errors/ingest-error.js';
import { decodeDocument, isXmlContentType, type DocumentKind } from '../../read/index.js';

export interface FetchOptions {
  allowPrivate?: boolean;
  /** Conditional request: the validators from the previous fetch. */
  etag?: string | null;
  lastModified?: string | null;
  /** Deadline for the whole request, redirects and body included, in milliseconds (default 20 000). */
  timeoutMs?: number;
  /** Largest body accepted after decompression, in bytes (default 10 MB). */
  maxBytes?: number;
  /** Cancels the request (a stopped `watch`): the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  maxRedirects?: number;
}

export interface FetchResult {
  status: number;
  /** True on 304: the resource did not change since the validators were issued. */
  notModified: boolean;
  /** The body as text, decoded by `decodeBody` ("" on 304). */
  body: string;
  /** WHATWG name of the encoding the body was decoded with ("UTF-8", "windows-1252"...). */
  encoding: string;
  finalUrl: string;
  etag: string | null;
  lastModified: string | null;
  contentType: string | null;
}

/**
 * A response body as text. The encoding is the standard's: BOM, then the Content-Type charset, then the
 * document's own declaration (<?xml encoding?> for XML, <meta charset> for HTML), then UTF-8. A body that
 * declares nothing and is not UTF-8 is read as windows-1252, the web's default for legacy pages (what a
 * browser shows), rather than turned into U+FFFD. Never throws.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null): { text: string; encoding: string } {
  const type = contentType ?? '';
  // JSON (a JSON Feed) is UTF-8 by definition (RFC 8259) and plain text declares nothing: neither is searched
  // for a <meta> that would only be quoted content.
  const kind: DocumentKind = isXmlContentType(type)
    ? 'xml'
    : /^\s*(?:text\/html|application\/xhtml\+xml)\b/i.test(type)
      ? 'html'
      : /^\s*(?:application\/(?:[\w.+-]+\+)?json|text\/plain)\b/i.test(type)
        ? 'text'
        : 'auto';
  const { text, encoding } = decodeDocument(bytes, { contentType, kind, undeclared: 'windows-1252' });
  return { text, encoding: encoding.encoding };
}

const USER_AGENT = 'triangulate/0.1 (+https://github.com/; news monitoring)';

/**
 * GET `url` as text, following up to `maxRedirects` (5) redirects, with gzip/deflate/br decompression and
 * charset decoding (`decodeBody`). One deadline, `timeoutMs` (20 s), covers the whole exchange: connecting,
 * every redirect and reading the body to its end, so a server that drips a byte at a time is cut off at the
 * deadline like one that never answers. Rejects with IngestError: 'bad-url', 'private-address' (unless
 * `allowPrivate`), 'http-status' (non-2xx other than 304), 'too-large' (over `maxBytes`, 10 MB),
 * 'fetch-failed' (network errors, a body cut short or undecodable such as truncated gzip, the deadline;
 * message "<url>: fetch failed: <reason>"). When `signal` aborts, rejects with the signal's reason (an
 * AbortError unless the caller gave another) and the connection is closed at once. A 304 resolves with
 * `notModified` and an empty body.
 */
export async function fetchText(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  options.signal?.throwIfAborted();
  // One controller per request, fed by the deadline and by the caller's signal. The caller's signal lives
  // as long as a whole `watch`, so the listener put on it is removed when this request settles: one left
  // behind per fetch would grow without bound over polling rounds.
  const controller = new AbortController();
  const deadline = AbortSignal.timeout(timeoutMs);
  const onDeadline = () => controller.abort(new IngestError('fetch-failed', url, `${url}: fetch failed: timed out after ${formatSeconds(timeoutMs)}`));
  const onCancel = () => controller.abort(options.signal?.reason);
  deadline.addEventListener('abort', onDeadline, { once: true });
  options.signal?.addEventListener('abort', onCancel, { once: true });
  try {
    let current = url;
    for (let redirects = 0; ; redirects++) {
      const result = await fetchOnce(current, options, controller.signal);
      if ('redirect' in result) {
        if (redirects >= (options.maxRedirects ?? 5)) throw new IngestError('fetch-failed', url, `${url}: fetch failed: too many redirects`);
        current = new URL(result.redirect, current).toString();
        continue;
      }
      return result;
    }
  } catch (error) {
    // Whatever error the aborted socket or stream raised, the reason for the abort is what the user needs.
    if (controller.signal.aborted) throw controller.signal.reason;
    throw error;
  } finally {
    deadline.removeEventListener('abort', onDeadline);
    options.signal?.removeEventListener('abort', onCancel);
  }
}

const DEFAULT_TIMEOUT_MS = 20_000;

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** A Node stream or socket error as a short reason ("connection closed before the body ended"). */
function describeNetworkError(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ECONNRESET' || error.message === 'aborted') return 'connection closed before the body ended';
  // zlib reports Z_BUF_ERROR ("unexpected end of file") for a truncated gzip body; Brotli's codes start ERR__.
  if (code?.startsWith('Z_') || code?.startsWith('ERR__') || code === 'ERR_BROTLI_DECOMPRESSION_FAILED') return `body could not be decompressed (${error.message})`;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  return error.message;
}

function fetchOnce(url: string, options: FetchOptions, signal: AbortSignal): Promise<FetchResult | { redirect: string }> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return Promise.reject(new IngestError('bad-url', url, `${url}: not a valid URL`));
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return Promise.reject(new IngestError('bad-url', url, `${url}: only http and https URLs can be fetched`));
  }
  const allowPrivate = options.allowPrivate ?? false;
  // A literal IP address never goes through DNS lookup, so it is checked here.
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(host) && isPrivateAddress(host)) {
    return Promise.reject(new IngestError('private-address', url, new PrivateAddressError(host, host).message));
  }
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, 'accept-encoding': 'gzip, deflate, br', accept: '*/*' };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  const client = parsed.protocol === 'https:' ? https : http;
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const failed = (error: Error) =>
    isIngestError(error) ? error : new IngestError('fetch-failed', url, `${url}: fetch failed: ${describeNetworkError(error)}`);
  return new Promise((resolve, reject) => {
    // `signal` destroys the request (and with it the response) on the deadline or a cancellation.
    const request = client.get(parsed, { headers, lookup: guardedLookup(allowPrivate), signal }, (response) => {
      const status = response.statusCode ?? 0;
      const header = (name: string) => {
        const value = response.headers[name];
        return typeof value === 'string' ? value : null;
      };
      if (status >= 300 && status < 400 && status !== 304 && response.headers.location) {
        response.resume();
        return resolve({ redirect: response.headers.location });
      }
      const base = { status, finalUrl: url, etag: header('etag'), lastModified: header('last-modified'), contentType: header('content-type') };
      if (status === 304) {
        response.resume();
        return resolve({ ...base, notModified: true, body: '', encoding: 'UTF-8' });
      }
      if (status < 200 || status >= 300) {
        response.resume();
        return reject(new IngestError('http-status', url, `${url}: HTTP ${status}`));
      }
      const encoding = header('content-encoding')?.trim().toLowerCase();
      const decoder: Transform | null =
        encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : encoding === 'br' ? createBrotliDecompress() : null;
      const chunks: Buffer[] = [];
      let size = 0;
      // pipeline() carries an error from any stage to the end and destroys the others: with pipe(), a
      // connection closed mid-body left the decompressor waiting for an end that never came.
      const collect = async (source: AsyncIterable<Buffer>) => {
        for await (const chunk of source) {
          size += chunk.length;
          if (size > maxBytes) throw new IngestError('too-large', url, `${url}: response over ${Math.round(maxBytes / 1024 / 1024)} MB`);
          chunks.push(chunk);
        }
      };
      (decoder ? pipeline(response, decoder, collect) : pipeline(response, collect))
        .then(() => {
          // A body shorter than its Content-Length ends the stream without an error on some Node versions.
          if (!response.complete) throw new Error('aborted');
          const { text, encoding: used } = decodeBody(Buffer.concat(chunks), base.contentType);
          resolve({ ...base, notModified: false, body: text, encoding: used });
        })
        .catch((error: Error) => {
          request.destroy();
          reject(failed(error));
        });
    });
    request.on('error', (error) => {
      if (error instanceof PrivateAddressError) reject(new IngestError('private-address', url, error.message));
      else reject(failed(error));
    });
  });
}
