// Typed calls to the server's JSON API. Errors come back as {error: {status, code, message}}.
import type { Dossier } from '../../src/dossier/types.js';

export type { Dossier };
export type { DossierArticle, Dispute, DisputeSide, Fact, NumberChange, SummarySentence, TimelineEntry, DossierQuote } from '../../src/dossier/types.js';
export type { Span } from '../../src/annotate/types.js';

export interface StoryStats {
  facts: number;
  corroborated: number;
  singleSource: number;
  disputes: number;
  quotes: number;
}

export interface StoryItem {
  id: number;
  title: string;
  articleCount: number;
  outletCount: number;
  outlets: string[];
  firstPublished: string | null;
  lastPublished: string | null;
  updatedAt: string;
  version: number;
  analysis: StoryStats | null;
}

export interface StoryQuery {
  q?: string;
  entity?: string;
  outlet?: string;
  from?: string;
  to?: string;
}

export interface AddedArticle {
  status: 'stored' | 'duplicate';
  articleId: number;
  storyId: number | null;
  title: string | null;
  story: StoryItem | null;
}

export interface NewArticle {
  text?: string;
  html?: string;
  url?: string;
  title?: string;
  outlet?: string;
  publishedAt?: string;
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiProblem(0, 'The server cannot be reached. Is "triangulate serve" still running?');
  }
  const body = (await response.json().catch(() => null)) as ({ error?: { message?: string } } & T) | null;
  if (!response.ok) throw new ApiProblem(response.status, body?.error?.message ?? `The server answered ${response.status}.`);
  return body as T;
}

export function listStories(query: StoryQuery, signal?: AbortSignal): Promise<{ total: number; stories: StoryItem[] }> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value && String(value).trim()) params.set(key, String(value).trim());
  params.set('limit', '100');
  return call(`/api/stories?${params}`, { signal });
}

/** A story and its stored articles: `id` is the store's number (for delete), `articleId` the dossier's id. */
export function getStory(id: number, signal?: AbortSignal): Promise<{ story: StoryItem; articles: { id: number; articleId: string; title: string | null; outlet: string | null }[] }> {
  return call(`/api/stories/${id}`, { signal });
}

/** What the dossier endpoint's headers say about an answer (null where a header is absent). */
export interface DossierHeaders {
  /** The story's version now. */
  storyVersion: number | null;
  /** The version the body was built from (null for the "building" object). */
  dossierVersion: number | null;
  /** Articles the body analysed (fewer than `storyArticles` when the per-dossier limit applied). */
  dossierArticles: number | null;
  /** Articles the story held at the body's version (the story now, for a current dossier). */
  storyArticles: number | null;
}

/**
 * A dossier request's outcome. The server answers 200 with the current dossier, or (when the build is still
 * running after `wait`) 202 with the last dossier built, or 202 with a {"status": "building"} object when
 * there is none yet. The two 202 cases are told apart here so a view can never render the building object.
 */
export type DossierAnswer =
  | { kind: 'current'; dossier: Dossier; headers: DossierHeaders }
  | { kind: 'stale'; dossier: Dossier; headers: DossierHeaders; retryAfterMs: number }
  | { kind: 'building'; headers: DossierHeaders; retryAfterMs: number };

const DEFAULT_RETRY_MS = 2000;

function headerNumber(response: Response, name: string): number | null {
  const value = response.headers.get(name);
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value) : null;
}

/** Retry-After as seconds or an HTTP date, kept between 1 s and a minute whatever the server says. */
function retryAfterMs(response: Response): number {
  const value = response.headers.get('retry-after')?.trim();
  let ms = DEFAULT_RETRY_MS;
  if (value && /^\d+$/.test(value)) ms = Number(value) * 1000;
  else if (value && !Number.isNaN(Date.parse(value))) ms = Date.parse(value) - Date.now();
  return Math.min(60_000, Math.max(1000, ms));
}

function looksLikeDossier(body: unknown): body is Dossier {
  const b = body as Partial<Dossier> | null;
  return !!b && typeof b === 'object' && Array.isArray(b.articles) && Array.isArray(b.facts) && Array.isArray(b.problems);
}

/**
 * The dossier of a story. `wait` is how long the server may hold the request for a build in progress before
 * answering 202 (the server's default when absent).
 */
export async function fetchDossier(id: number, options: { wait?: number; signal?: AbortSignal } = {}): Promise<DossierAnswer> {
  const query = options.wait !== undefined ? `?wait=${Math.max(0, Math.round(options.wait))}` : '';
  let response: Response;
  try {
    response = await fetch(`/api/stories/${id}/dossier${query}`, { signal: options.signal });
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    throw new ApiProblem(0, 'The server cannot be reached. Is "triangulate serve" still running?');
  }
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const message = (body as { error?: { message?: string } } | null)?.error?.message;
    throw new ApiProblem(response.status, message ?? `The server answered ${response.status}.`);
  }
  const headers: DossierHeaders = {
    storyVersion: headerNumber(response, 'x-story-version'),
    dossierVersion: headerNumber(response, 'x-dossier-version'),
    dossierArticles: headerNumber(response, 'x-dossier-articles'),
    storyArticles: headerNumber(response, 'x-story-articles'),
  };
  if (response.status === 200) {
    if (looksLikeDossier(body)) return { kind: 'current', dossier: body, headers };
    throw new ApiProblem(response.status, 'The server sent something that is not a dossier.');
  }
  // 202 (or anything else that is not a whole dossier): only a body that is a dossier is ever shown as one.
  if (looksLikeDossier(body) && (body as { status?: unknown }).status === undefined) return { kind: 'stale', dossier: body, headers, retryAfterMs: retryAfterMs(response) };
  return { kind: 'building', headers, retryAfterMs: retryAfterMs(response) };
}

export function addArticle(article: NewArticle): Promise<AddedArticle> {
  return call('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(article) });
}

/** The export formats `GET /api/stories/{id}/export?format=` serves, with what the button says. */
export const EXPORT_FORMATS = [
  ['json', 'JSON'],
  ['md', 'Markdown'],
  ['html', 'HTML'],
  ['csv', 'CSV'],
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number][0];

export function exportUrl(storyId: number, format: ExportFormat): string {
  return `/api/stories/${storyId}/export?format=${format}`;
}

/**
 * One export, fetched so a failure can be told in the page (a plain link would save the error as the file).
 * The file name comes from the server's Content-Disposition, else one is made up.
 */
export async function fetchExport(storyId: number, format: ExportFormat): Promise<{ blob: Blob; filename: string }> {
  let response: Response;
  try {
    response = await fetch(exportUrl(storyId, format));
  } catch {
    throw new ApiProblem(0, 'The server cannot be reached. Is "triangulate serve" still running?');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    const message = body?.error?.message;
    // A 404 for the route itself (an older server) is not the same as a missing story.
    throw new ApiProblem(response.status, response.status === 404 && (!message || /no such resource/.test(message)) ? 'This server cannot export stories yet.' : (message ?? `The server answered ${response.status}.`));
  }
  // 202: the story changed and its analysis did not finish within the server's wait; the body is a status, not the file.
  if (response.status === 202) throw new ApiProblem(202, 'The story is still being analysed; try again in a moment.');
  const disposition = response.headers.get('content-disposition') ?? '';
  const named = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  let filename = `story-${storyId}.${format}`;
  if (named) {
    try {
      filename = decodeURIComponent(named);
    } catch {
      filename = named;
    }
  }
  return { blob: await response.blob(), filename };
}

export interface HiddenArticle {
  status: 'hidden' | 'restored' | string;
  articleId: number;
  storyId: number | null;
  story: StoryItem | null;
}

/** Hides an article (the store keeps it, so it can be restored): the story's dossier is rebuilt without it. */
export function hideArticle(storeId: number): Promise<HiddenArticle> {
  return call(`/api/articles/${storeId}`, { method: 'DELETE' });
}

export function restoreArticle(storeId: number): Promise<HiddenArticle> {
  return call(`/api/articles/${storeId}/restore`, { method: 'POST' });
}
