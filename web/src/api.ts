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

export function getStory(id: number): Promise<{ story: StoryItem; articles: { id: number; articleId: string; title: string | null; outlet: string | null }[] }> {
  return call(`/api/stories/${id}`);
}

export function getDossier(id: number): Promise<Dossier> {
  return call(`/api/stories/${id}/dossier`);
}

export function addArticle(article: NewArticle): Promise<AddedArticle> {
  return call('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(article) });
}
