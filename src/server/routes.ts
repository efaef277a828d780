// The JSON API. Handlers are thin: search lives in the catalog, analysis in the dossier service,
// storing in the intake.
import { setTimeout, clearTimeout } from 'node:timers';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from './context.js';
import type { CatalogEntry, StorySearch } from './catalog.js';
import type { NewArticle } from './intake.js';
import { ApiError } from './errors.js';
import type { StoredDossier } from './dossiers.js';
import { articleIdParam, checkTextFields, storyIdParam } from './validation.js';
import { distinctIds } from '../story-dossier.js';
import {
  addArticleSchema,
  EXPORT_FORMATS,
  exportStorySchema,
  getDossierSchema,
  getStorySchema,
  healthSchema,
  hideArticleSchema,
  listSourcesSchema,
  listStoriesSchema,
  MAX_EXPORT_WAIT_MS,
  restoreArticleSchema,
  type ExportFormat,
} from './schemas.js';
import type { Dossier } from '../dossier/types.js';
import { renderHtml, renderJson, renderMarkdown } from '../report/index.js';
// Imported from its own module rather than the report entry, which does not list it yet.
import { renderCsv } from '../report/csv.js';

export function storyItem(context: AppContext, entry: CatalogEntry) {
  const s = entry.summary;
  return {
    id: s.id,
    title: entry.headline,
    articleCount: s.articleCount,
    outletCount: s.outletCount,
    outlets: entry.outlets,
    firstPublished: s.firstPublished,
    lastPublished: s.lastPublished,
    updatedAt: s.updatedAt,
    version: s.version,
    analysis: context.dossiers.statsOf(s.id, s.version),
  };
}

/** How long a dossier request waits for a build in progress before answering 202 (default of `?wait=`). */
export const DEFAULT_DOSSIER_WAIT_MS = 5000;
/** What a 202 tells clients to wait before asking again, in seconds. */
const RETRY_AFTER_S = 2;
/** Most stories of unknown dispute count one filtered list request queues for analysis. */
const UNANALYSED_WARM = 50;

async function findStory(context: AppContext, id: number): Promise<CatalogEntry> {
  await context.catalog.refresh();
  const resolved = await context.store.getStory(id);
  const entry = resolved ? context.catalog.get(resolved.id) : undefined;
  if (!entry) throw new ApiError(404, 'not-found', `no story ${id}`);
  return entry;
}

/**
 * The dossier of the story's current version: at once when built, else after the build (started now, ahead
 * of background warming) if it ends within `waitMs`; null when it is still building then. Throws the build's
 * error (DossierBuildError, a 500) when the analysis of this version failed; 404 for an unknown story.
 */
async function currentDossier(context: AppContext, storyId: number, waitMs: number): Promise<StoredDossier | null> {
  const now = await context.dossiers.state(storyId);
  if (!now) throw new ApiError(404, 'not-found', `no story ${storyId}`);
  if (now.current) return now.current;
  if (now.failure && !now.building) throw now.failure;
  const build = context.dossiers.ensure(now.story.id, { urgent: true });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(resolve, waitMs, null)));
  const dossier = await Promise.race([build, timeout]).finally(() => clearTimeout(timer));
  // Still building: the rejection (if any) is for a later reader; this one is answered now.
  if (!dossier) build.catch(() => undefined);
  return dossier;
}

/** "Port Alder: fire!" -> "port-alder-fire": ASCII letters and digits joined by hyphens, at most `max` characters, cut at a word. */
export function slugOf(title: string, max = 60): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug || 'untitled';
  const cut = slug.slice(0, max + 1);
  return cut.slice(0, cut.lastIndexOf('-') > max / 2 ? cut.lastIndexOf('-') : max).replace(/-+$/, '');
}

/**
 * onRequest hook of the bodyless writes (hide, restore). Many fetch wrappers label every request
 * application/json, and fastify refuses an empty body so labelled ("the JSON body is empty"): here an empty
 * JSON body is no body. And since a bodyless POST is a "simple" request that any web page can make a browser
 * send (no CORS preflight), a request the browser marks as coming from another site is refused (403).
 */
async function bodylessWrite(request: FastifyRequest): Promise<void> {
  const headers = request.raw.headers;
  const site = headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') {
    throw new ApiError(403, 'cross-origin', `${request.method} ${request.url.split('?')[0]} is refused from another site's page`);
  }
  const empty = headers['transfer-encoding'] === undefined && (headers['content-length'] === undefined || headers['content-length'] === '0');
  if (empty && /^application\/json\s*(;|$)/i.test(headers['content-type'] ?? '')) delete headers['content-type'];
}

function renderExport(dossier: Dossier, format: ExportFormat): string {
  switch (format) {
    case 'json':
      return renderJson(dossier);
    case 'md':
      return renderMarkdown(dossier);
    case 'html':
      return renderHtml(dossier);
    case 'csv':
      return renderCsv(dossier);
  }
}

export function registerRoutes(app: FastifyInstance, context: AppContext): void {
  // Not awaited: queueing reads the store, and the answer need not wait for it (schedule never rejects).
  const warm = (entries: CatalogEntry[]) => {
    if (!context.warmDossiers) return;
    void context.warmer.schedule(entries.filter((e) => !context.dossiers.statsOf(e.summary.id, e.summary.version)).map((e) => e.summary.id));
  };

  // Health must answer at once whatever else happens, so it does not refresh the catalog (re-indexing a
  // story that changed is the one slow thing left on the event loop): its story count may lag a second.
  app.get('/api/health', { schema: healthSchema }, async () => {
    const [articles, hidden] = await Promise.all([context.store.articleCount(), context.store.hiddenArticleCount()]);
    return {
      status: 'ok',
      version: '0.1.0',
      store: { schemaVersion: context.store.schemaVersion, articles, hidden, stories: context.catalog.size },
      analysing: context.warmer.pending,
      dossierBuilds: { running: context.dossiers.running, queued: context.dossiers.queued, threads: context.dossiers.threads, maxArticles: context.dossiers.maxArticles },
      watcher: context.watcher?.status ?? null,
      queue: context.queueHealth ? await context.queueHealth.current() : null,
    };
  });

  app.get<{ Querystring: Omit<StorySearch, 'keep' | 'text'> & { q?: string; disputed?: boolean } }>('/api/stories', { schema: listStoriesSchema }, async (request) => {
    const { q, disputed, ...rest } = request.query;
    if (rest.from && rest.to && rest.from > rest.to) throw new ApiError(400, 'invalid-request', `"from" (${rest.from}) is after "to" (${rest.to})`);
    await context.catalog.refresh();
    // Dispute counts live in the dossiers, not in the catalog: a story whose current version has no dossier
    // yet cannot be judged, so it is left out, counted, and its analysis queued.
    const unanalysed: CatalogEntry[] = [];
    const keep =
      disputed === undefined
        ? undefined
        : (entry: CatalogEntry) => {
            const stats = context.dossiers.statsOf(entry.summary.id, entry.summary.version);
            if (!stats) unanalysed.push(entry);
            return !!stats && (disputed ? stats.disputes > 0 : stats.disputes === 0);
          };
    const result = context.catalog.search({ ...rest, text: q, keep });
    warm(result.stories);
    if (disputed === undefined) return { total: result.total, stories: result.stories.map((e) => storyItem(context, e)) };
    warm(unanalysed.slice(0, UNANALYSED_WARM));
    return { total: result.total, stories: result.stories.map((e) => storyItem(context, e)), unanalysed: unanalysed.length };
  });

  app.get<{ Params: { id: string } }>('/api/stories/:id', { schema: getStorySchema }, async (request) => {
    const entry = await findStory(context, storyIdParam(request.params.id));
    const stored = await context.store.storyArticles(entry.summary.id);
    // The ids the dossier uses: two articles of a story may have been given the same one.
    const ids = distinctIds(stored.map((s) => s.article));
    const articles = stored.map((s, i) => ({
      id: s.id,
      articleId: ids[i].id,
      title: s.article.title,
      outlet: s.article.outlet,
      url: s.article.url,
      publishedAt: s.article.publishedAt,
    }));
    return { story: storyItem(context, entry), articles };
  });

  app.get<{ Params: { id: string }; Querystring: { wait?: number } }>('/api/stories/:id/dossier', { schema: getDossierSchema }, async (request, reply) => {
    const id = storyIdParam(request.params.id);
    const now = await context.dossiers.state(id);
    if (!now) throw new ApiError(404, 'not-found', `no story ${id}`);
    const story = now.story;
    const currentTag = `"story-${story.id}-v${story.version}"`;
    // A client holding the current version is answered without touching the dossier at all.
    if (request.headers['if-none-match'] === currentTag && context.dossiers.statsOf(story.id, story.version)) {
      return reply.status(304).header('etag', currentTag).header('x-story-id', String(story.id)).header('cache-control', 'no-cache').send();
    }
    const dossier = now.current ?? (await currentDossier(context, story.id, request.query.wait ?? context.dossierWaitMs));
    if (dossier) {
      const etag = `"story-${dossier.storyId}-v${dossier.version}"`;
      dossierHeaders(reply, dossier, story.version, 'current').header('etag', etag);
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      // Sent as the stored bytes: no parse and re-serialise on the hot path.
      return reply.type('application/json; charset=utf-8').send(dossier.bytes);
    }
    const previous = (await context.dossiers.state(story.id))?.previous ?? now.previous;
    reply.status(202).header('retry-after', String(RETRY_AFTER_S)).header('x-story-id', String(story.id)).header('x-story-version', String(story.version));
    if (previous) return dossierHeaders(reply, previous, story.version, 'building').type('application/json; charset=utf-8').send(previous.bytes);
    return reply.header('x-dossier-status', 'building').send({ status: 'building', storyId: story.id, storyVersion: story.version, dossierVersion: null, retryAfterSeconds: RETRY_AFTER_S });
  });

  app.get<{ Params: { id: string }; Querystring: { format: ExportFormat; wait?: number } }>('/api/stories/:id/export', { schema: exportStorySchema }, async (request, reply) => {
    const entry = await findStory(context, storyIdParam(request.params.id));
    const id = entry.summary.id;
    // Never a stale file: an export is kept and passed around, so it must be the story as it is now.
    const stored = await currentDossier(context, id, request.query.wait ?? MAX_EXPORT_WAIT_MS);
    if (!stored) {
      const version = (await context.store.getStory(id))?.version ?? entry.summary.version;
      return reply
        .status(202)
        .header('retry-after', String(RETRY_AFTER_S))
        .header('x-story-id', String(id))
        .header('x-story-version', String(version))
        .header('x-dossier-status', 'building')
        .send({ status: 'building', storyId: id, storyVersion: version, retryAfterSeconds: RETRY_AFTER_S });
    }
    const format = request.query.format;
    const { ext, type } = EXPORT_FORMATS[format];
    const body = renderExport(JSON.parse(stored.bytes.toString('utf8')) as Dossier, format);
    return reply
      .header('content-disposition', `attachment; filename="story-${id}-${slugOf(entry.headline)}.${ext}"`)
      .header('x-story-id', String(id))
      .header('x-story-version', String(stored.version))
      .header('x-dossier-version', String(stored.version))
      .header('cache-control', 'no-cache')
      .type(type)
      .send(body);
  });

  app.delete<{ Params: { id: string } }>('/api/articles/:id', { schema: hideArticleSchema, onRequest: bodylessWrite }, async (request) => {
    return setVisibility(articleIdParam(request.params.id), true);
  });

  app.post<{ Params: { id: string } }>('/api/articles/:id/restore', { schema: restoreArticleSchema, onRequest: bodylessWrite }, async (request) => {
    return setVisibility(articleIdParam(request.params.id), false);
  });

  // Hiding and restoring answer with the story as the list now shows it, so the UI can update in place.
  async function setVisibility(articleId: number, hide: boolean) {
    const result = await context.intake.setHidden(articleId, hide);
    if (!result) throw new ApiError(404, 'not-found', `no article ${articleId}`);
    await context.catalog.refresh(true);
    const story = result.storyId !== null ? await context.store.getStory(result.storyId) : null;
    const entry = story ? context.catalog.get(story.id) : undefined;
    // The story's version grew: its dossier is rebuilt (without the hidden article) in the background.
    if (entry) warm([entry]);
    return { status: hide ? 'hidden' : 'restored', articleId, storyId: result.storyId, story: entry ? storyItem(context, entry) : null };
  }

  app.post<{ Body: NewArticle }>('/api/articles', { schema: addArticleSchema }, async (request, reply) => {
    checkTextFields(request.body as Record<string, unknown>);
    const result = await context.intake.add(request.body);
    const entry = result.storyId !== null ? context.catalog.get((await context.store.getStory(result.storyId))?.id ?? result.storyId) : undefined;
    if (entry) warm([entry]);
    return reply.status(result.status === 'stored' ? 201 : 200).send({ ...result, story: entry ? storyItem(context, entry) : null });
  });

  app.get('/api/sources', { schema: listSourcesSchema }, async () => {
    await context.catalog.refresh();
    return { sources: context.catalog.sources() };
  });
}

function dossierHeaders(reply: FastifyReply, dossier: StoredDossier, storyVersion: number, status: 'current' | 'building'): FastifyReply {
  return reply
    .header('x-story-id', String(dossier.storyId))
    .header('x-story-version', String(storyVersion))
    .header('x-dossier-version', String(dossier.version))
    .header('x-dossier-status', status)
    .header('x-dossier-articles', String(dossier.stats.articles))
    .header('x-story-articles', String(dossier.storyArticles))
    .header('cache-control', 'no-cache');
}
