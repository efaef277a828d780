// The JSON API. Handlers are thin: search lives in the catalog, analysis in the dossier service,
// storing in the intake.
import { setTimeout, clearTimeout } from 'node:timers';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from './context.js';
import type { CatalogEntry, StorySearch } from './catalog.js';
import type { NewArticle } from './intake.js';
import { ApiError } from './errors.js';
import type { StoredDossier } from './dossiers.js';
import { checkTextFields, storyIdParam } from './validation.js';
import { distinctIds } from './dossier-build.js';
import { addArticleSchema, getDossierSchema, getStorySchema, healthSchema, listSourcesSchema, listStoriesSchema } from './schemas.js';

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

function findStory(context: AppContext, id: number): CatalogEntry {
  context.catalog.refresh();
  const resolved = context.store.getStory(id);
  const entry = resolved ? context.catalog.get(resolved.id) : undefined;
  if (!entry) throw new ApiError(404, 'not-found', `no story ${id}`);
  return entry;
}

export function registerRoutes(app: FastifyInstance, context: AppContext): void {
  const warm = (entries: CatalogEntry[]) => {
    if (!context.warmDossiers) return;
    context.warmer.schedule(entries.filter((e) => !context.dossiers.statsOf(e.summary.id, e.summary.version)).map((e) => e.summary.id));
  };

  // Health must answer at once whatever else happens, so it does not refresh the catalog (re-indexing a
  // story that changed is the one slow thing left on the event loop): its story count may lag a second.
  app.get('/api/health', { schema: healthSchema }, async () => {
    return {
      status: 'ok',
      version: '0.1.0',
      store: { schemaVersion: context.store.schemaVersion, articles: context.store.articleCount(), stories: context.catalog.size },
      analysing: context.warmer.pending,
      dossierBuilds: { running: context.dossiers.running, queued: context.dossiers.queued, threads: context.dossiers.threads, maxArticles: context.dossiers.maxArticles },
      watcher: context.watcher?.status ?? null,
    };
  });

  app.get<{ Querystring: StorySearch & { q?: string } }>('/api/stories', { schema: listStoriesSchema }, async (request) => {
    const { q, ...rest } = request.query;
    if (rest.from && rest.to && rest.from > rest.to) throw new ApiError(400, 'invalid-request', `"from" (${rest.from}) is after "to" (${rest.to})`);
    context.catalog.refresh();
    const result = context.catalog.search({ ...rest, text: q });
    warm(result.stories);
    return { total: result.total, stories: result.stories.map((e) => storyItem(context, e)) };
  });

  app.get<{ Params: { id: string } }>('/api/stories/:id', { schema: getStorySchema }, async (request) => {
    const entry = findStory(context, storyIdParam(request.params.id));
    const stored = context.store.storyArticles(entry.summary.id);
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
    const now = context.dossiers.state(id);
    if (!now) throw new ApiError(404, 'not-found', `no story ${id}`);
    const story = now.story;
    const currentTag = `"story-${story.id}-v${story.version}"`;
    // A client holding the current version is answered without touching the dossier at all.
    if (request.headers['if-none-match'] === currentTag && context.dossiers.statsOf(story.id, story.version)) {
      return reply.status(304).header('etag', currentTag).header('x-story-id', String(story.id)).header('cache-control', 'no-cache').send();
    }
    let dossier = now.current;
    if (!dossier) {
      if (now.failure && !now.building) throw now.failure;
      const build = context.dossiers.ensure(story.id, { urgent: true });
      const waitMs = request.query.wait ?? context.dossierWaitMs;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<null>((resolve) => (timer = setTimeout(resolve, waitMs, null)));
      dossier = await Promise.race([build, timeout]).finally(() => clearTimeout(timer));
      // Still building: the rejection (if any) is for a later reader; this one is answered now.
      if (!dossier) build.catch(() => undefined);
    }
    if (dossier) {
      const etag = `"story-${dossier.storyId}-v${dossier.version}"`;
      dossierHeaders(reply, dossier, story.version, 'current').header('etag', etag);
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      // Sent as the stored bytes: no parse and re-serialise on the hot path.
      return reply.type('application/json; charset=utf-8').send(dossier.bytes);
    }
    const previous = context.dossiers.state(story.id)?.previous ?? now.previous;
    reply.status(202).header('retry-after', String(RETRY_AFTER_S)).header('x-story-id', String(story.id)).header('x-story-version', String(story.version));
    if (previous) return dossierHeaders(reply, previous, story.version, 'building').type('application/json; charset=utf-8').send(previous.bytes);
    return reply.header('x-dossier-status', 'building').send({ status: 'building', storyId: story.id, storyVersion: story.version, dossierVersion: null, retryAfterSeconds: RETRY_AFTER_S });
  });

  app.post<{ Body: NewArticle }>('/api/articles', { schema: addArticleSchema }, async (request, reply) => {
    checkTextFields(request.body as Record<string, unknown>);
    const result = await context.intake.add(request.body);
    const entry = result.storyId !== null ? context.catalog.get(context.store.getStory(result.storyId)?.id ?? result.storyId) : undefined;
    if (entry) warm([entry]);
    return reply.status(result.status === 'stored' ? 201 : 200).send({ ...result, story: entry ? storyItem(context, entry) : null });
  });

  app.get('/api/sources', { schema: listSourcesSchema }, async () => {
    context.catalog.refresh();
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
