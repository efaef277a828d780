// What makes two stored articles "the same": a normalised URL, or the same cleaned text.
import { createHash } from 'node:crypto';

// Tracking parameters added by newsletters and social sharing; they do not change the page.
const TRACKING_PARAMETER = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref|smid|partner)$/i;

/** URL without fragment, tracking parameters, default port or trailing slash; null when not a URL. */
export function normaliseUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  parsed.hash = '';
  for (const key of [...parsed.searchParams.keys()]) if (TRACKING_PARAMETER.test(key)) parsed.searchParams.delete(key);
  parsed.searchParams.sort();
  let out = parsed.toString();
  if (parsed.pathname !== '/' && out.endsWith('/') && !parsed.search) out = out.slice(0, -1);
  // http and https copies of one page are the same article.
  return out.replace(/^http:\/\//, 'https://');
}

/** Hash of the cleaned text with whitespace runs collapsed, so re-wrapped copies still match. */
export function textHash(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex');
}

/** Outlet name as given, else the host name of the URL. */
export function outletKey(outlet: string | null, url: string | null): string | null {
  if (outlet) return outlet;
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
