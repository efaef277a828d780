// The JSON API. Handlers are thin: search lives in the catalog, analysis in the dossier service,
// storing in the intake.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.js';
import type { CatalogEntry, StorySearch } from './catalog.js';
import type { NewArticle } from './intake.js';
import { ApiError } from './errors.js';
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

  app.get('/api/health', { schema: healthSchema }, async () => {
    context.catalog.refresh();
    return {
      status: 'ok',
      version: '0.1.0',
      store: { path: context.store.path, schemaVersion: context.store.schemaVersion, articles: context.store.articleCount(), stories: context.catalog.size },
      analysing: context.warmer.pending,
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

  app.get<{ Params: { id: number } }>('/api/stories/:id', { schema: getStorySchema }, async (request) => {
    const entry = findStory(context, request.params.id);
    const articles = context.store.storyArticles(entry.summary.id).map((s) => ({
      id: s.id,
      articleId: s.article.id,
      title: s.article.title,
      outlet: s.article.outlet,
      url: s.article.url,
      publishedAt: s.article.publishedAt,
    }));
    return { story: storyItem(context, entry), articles };
  });

  app.get<{ Params: { id: number } }>('/api/stories/:id/dossier', { schema: getDossierSchema }, async (request, reply) => {
    const dossier = context.dossiers.get(request.params.id);
    if (!dossier) throw new ApiError(404, 'not-found', `no story ${request.params.id}`);
    const etag = `"story-${dossier.storyId}-v${dossier.version}"`;
    reply.header('etag', etag).header('x-story-id', String(dossier.storyId)).header('cache-control', 'no-cache');
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    // Sent as the stored bytes: no parse and re-serialise on the hot path.
    return reply.type('application/json; charset=utf-8').send(dossier.bytes);
  });

  app.post<{ Body: NewArticle }>('/api/articles', { schema: addArticleSchema }, async (request, reply) => {
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
