// A small HTTP GET for feeds and article pages. node:http is used instead of global fetch because fetch
// gives no hook on the connected address, which the private-address guard needs.
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { guardedLookup, isPrivateAddress, PrivateAddressError } from './address-guard.js';
import { IngestError } from '../errors/ingest-error.js';

export interface FetchOptions {
  allowPrivate?: boolean;
  /** Conditional request: the validators from the previous fetch. */
  etag?: string | null;
  lastModified?: string | null;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export interface FetchResult {
  status: number;
  /** True on 304: the resource did not change since the validators were issued. */
  notModified: boolean;
  body: string;
  finalUrl: string;
  etag: string | null;
  lastModified: string | null;
  contentType: string | null;
}

const USER_AGENT = 'triangulate/0.1 (+https://github.com/; news monitoring)';

export async function fetchText(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  let current = url;
  for (let redirects = 0; ; redirects++) {
    const result = await fetchOnce(current, options);
    if ('redirect' in result) {
      if (redirects >= (options.maxRedirects ?? 5)) throw new IngestError('fetch-failed', url, `${url}: too many redirects`);
      current = new URL(result.redirect, current).toString();
      continue;
    }
    return result;
  }
}

function fetchOnce(url: string, options: FetchOptions): Promise<FetchResult | { redirect: string }> {
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
  return new Promise((resolve, reject) => {
    const request = client.get(parsed, { headers, lookup: guardedLookup(allowPrivate), timeout: options.timeoutMs ?? 20_000 }, (response) => {
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
        return resolve({ ...base, notModified: true, body: '' });
      }
      if (status < 200 || status >= 300) {
        response.resume();
        return reject(new IngestError('http-status', url, `${url}: HTTP ${status}`));
      }
      let stream: Readable = response;
      const encoding = header('content-encoding');
      if (encoding === 'gzip') stream = response.pipe(createGunzip());
      else if (encoding === 'deflate') stream = response.pipe(createInflate());
      else if (encoding === 'br') stream = response.pipe(createBrotliDecompress());
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          request.destroy();
          reject(new IngestError('too-large', url, `${url}: response over ${Math.round(maxBytes / 1024 / 1024)} MB`));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('end', () => resolve({ ...base, notModified: false, body: Buffer.concat(chunks).toString('utf8') }));
      stream.on('error', (error) => reject(new IngestError('fetch-failed', url, `${url}: ${error.message}`)));
    });
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', (error) => {
      if (error instanceof PrivateAddressError) reject(new IngestError('private-address', url, error.message));
      else reject(new IngestError('fetch-failed', url, `${url}: ${error.message}`));
    });
  });
}
