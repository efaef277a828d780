// The HTTP app: JSON API under /api, the OpenAPI file, and the built web UI, all from one process.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import type { ArticleStore } from '../store/index.js';
import { StoryCatalog } from './catalog.js';
import { DossierService } from './dossiers.js';
import { DossierWarmer } from './warmer.js';
import { ArticleIntake } from './intake.js';
import { errorHandler, validationMessage } from './errors.js';
import { addedArticleSchema, errorSchema, storySchema } from './schemas.js';
import { securityHeaders } from './security.js';
import { registerRoutes } from './routes.js';
import type { AppContext } from './context.js';

export type { AppContext } from './context.js';

export interface AppOptions {
  store: ArticleStore;
  /** Largest request body accepted, in bytes (default 2 MiB); larger ones get 413. */
  bodyLimit?: number;
  /** Let "add article" fetch URLs on private and loopback addresses (tests, intranets). */
  allowPrivate?: boolean;
  /** Folder of the built web UI (default: web/dist of this package); the UI is not served when absent. */
  webRoot?: string;
  /** Build missing dossiers of the newest stories in the background (default true). */
  warmDossiers?: boolean;
  logger?: boolean;
}


export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;
const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_WEB_ROOT = path.join(packageRoot, 'web/dist');
const DOSSIER_SCHEMA = path.join(packageRoot, 'schema/dossier.schema.json');


export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit,
    // Unknown fields are refused with a message rather than silently dropped.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
    schemaErrorFormatter: (errors, dataVar) => new Error(validationMessage(errors as never, dataVar)),
  });
  const store = options.store;
  const dossiers = new DossierService(store);
  const context: AppContext = {
    store,
    catalog: new StoryCatalog(store),
    dossiers,
    warmer: new DossierWarmer(dossiers, (id, error) => app.log.error({ err: error }, `dossier of story ${id} failed`)),
    intake: new ArticleIntake(store, { allowPrivate: options.allowPrivate, onChange: () => context.catalog.refresh(true) }),
    watcher: null,
    warmDossiers: options.warmDossiers ?? true,
  };
  app.decorate('triangulate', context);
  app.addHook('onClose', async () => context.warmer.stop());

  app.addSchema(errorSchema);
  app.addSchema(storySchema);
  app.addSchema(addedArticleSchema);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Triangulate API',
        version: '0.1.0',
        description: 'Stories built from many news articles, and their cross-source dossiers. Errors are JSON: {"error": {"status", "code", "message"}}.',
      },
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
    transformObject: (document) => withDossierSchema(('openapiObject' in document ? document.openapiObject : {}) as OpenApiDocument) as never,
  });

  // The API speaks JSON only: a text/plain body gets 415 rather than a confusing validation error.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(errorHandler(bodyLimit));
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { status: 404, code: 'not-found', message: `no such resource: ${request.method} ${request.url.split('?')[0]}` } }),
  );
  app.addHook('onSend', securityHeaders);

  registerRoutes(app, context);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  if (existsSync(path.join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      wildcard: false,
      index: 'index.html',
      // Built asset names carry a content hash, so browsers may keep them; index.html is always revalidated.
      setHeaders: (res, file) => res.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  } else {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/plain; charset=utf-8').send(`The web UI is not built (no ${webRoot}/index.html): run "npm run build:web". The API is at /api and documented at /openapi.json.\n`),
    );
  }
  return app;
}

interface OpenApiDocument {
  paths?: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
  components?: { schemas?: Record<string, unknown> };
}

// The dossier schema is JSON Schema 2020-12 (as is OpenAPI 3.1); fastify's ajv (draft-07) only validates
// requests, so the schema is added to the document here rather than compiled as a route response.
function withDossierSchema(document: OpenApiDocument): OpenApiDocument {
  const { $schema: _drop, $id: _id, ...dossier } = JSON.parse(readFileSync(DOSSIER_SCHEMA, 'utf8')) as Record<string, unknown>;
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Dossier: dossier } };
  const route = document.paths?.['/api/stories/{id}/dossier']?.get;
  if (route) {
    route.responses = {
      200: { description: 'The dossier', content: { 'application/json': { schema: { $ref: '#/components/schemas/Dossier' } } } },
      ...route.responses,
    };
  }
  return document;
}
