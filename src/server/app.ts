// The HTTP app: JSON API under /api, the OpenAPI file, and the built web UI, all from one process.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import type { ArticleStore } from '../store/index.js';
import { StoryCatalog } from './catalog.js';
import { DossierService, type RemoteDossierBuilds } from './dossiers.js';
import { DossierPool } from './dossier-pool.js';
import { DossierWarmer } from './warmer.js';
import { ArticleIntake } from './intake.js';
import { errorHandler, validationMessage } from './errors.js';
import { addedArticleSchema, articleVisibilitySchema, errorSchema, storySchema } from './schemas.js';
import { allowedHost, hostGuard, securityHeaders } from './security.js';
import { strictValidatorCompiler } from './validation.js';
import { DEFAULT_DOSSIER_WAIT_MS } from './routes.js';
import { registerRoutes } from './routes.js';
import type { AppContext } from './context.js';
import type { QueueHealthMonitor } from './queue-health.js';

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
  /** Worker threads for dossier builds (default: CPU cores less one, at least 1). */
  dossierThreads?: number;
  /** Most articles one dossier analyses (default 500); larger stories get a representative selection. */
  maxDossierArticles?: number;
  /** How long a dossier request waits for a build in progress before answering 202 (default 5000 ms). */
  dossierWaitMs?: number;
  /** Tests and benchmarks: every build first blocks its worker this long (ms), like a very large story. */
  dossierBuildDelayMs?: number;
  /** The address the server is bound to (default 127.0.0.1): Host headers must name it or a localhost name. */
  host?: string;
  /** More Host names to answer for ("*" for any, ".example.org" for a domain and its subdomains). */
  allowedHosts?: string[];
  /** Longest time a client may take to send a whole request, headers and body, in ms (default 30 s); then 408. */
  requestTimeoutMs?: number;
  /** Longest silence on a connection, in ms (default 120 s, above the longest dossier wait); then it is closed. */
  connectionTimeoutMs?: number;
  logger?: boolean;
  /** The store as worker threads open it when `store.path` is not enough (a PostgreSQL URL: `path` hides its password). */
  storeTarget?: string;
  /** Dossier builds done by queue workers (PostgreSQL stores; see RemoteDossierBuilds). */
  remoteBuilds?: RemoteDossierBuilds;
  /** The job queue's figures shown by GET /api/health (PostgreSQL stores). */
  queueHealth?: QueueHealthMonitor;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_CONNECTION_TIMEOUT_MS = 120_000;


export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;
const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_WEB_ROOT = path.join(packageRoot, 'web/dist');
const DOSSIER_SCHEMA = path.join(packageRoot, 'schema/dossier.schema.json');


/**
 * The Fastify app over a store (not listening yet: `startServer` does that). Dossier builds run in a pool
 * of worker threads that starts on the first build and is terminated when the app closes.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit,
    // A client that sends its request slowly (a byte now and then) is cut off instead of holding a socket
    // and its buffers forever: Node checks open requests every `connectionsCheckingInterval` and answers 408.
    requestTimeout,
    connectionTimeout: options.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
    http: { connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(requestTimeout / 4))), headersTimeout: Math.min(60_000, requestTimeout) },
    // Closing (SIGTERM) must not wait for keep-alive clients to go away.
    forceCloseConnections: true,
    schemaErrorFormatter: (errors, dataVar) => new Error(validationMessage(errors as never, dataVar)),
  });
  // Unknown fields are refused with a message rather than silently dropped, and body types are not coerced.
  app.setValidatorCompiler(strictValidatorCompiler());
  const store = options.store;
  // One pool of worker threads for everything slow: dossier builds, and re-indexing large stories for search.
  const pool = new DossierPool({ threads: options.dossierThreads });
  const storeTarget = options.storeTarget ?? store.path;
  const dossiers = new DossierService(store, {
    pool,
    storeTarget,
    remote: options.remoteBuilds,
    maxArticles: options.maxDossierArticles,
    buildDelayMs: options.dossierBuildDelayMs,
    onError: (id, error) => app.log.error({ err: error }, `dossier of story ${id} failed`),
  });
  const context: AppContext = {
    store,
    // A worker can open a store file, not an in-memory database: those are indexed on this thread.
    catalog: new StoryCatalog(store, 1000, store.path === ':memory:' ? undefined : (storyId, known) => pool.index(storeTarget, storyId, known)),
    dossiers,
    warmer: new DossierWarmer(dossiers),
    intake: new ArticleIntake(store, { allowPrivate: options.allowPrivate, onChange: () => context.catalog.refresh(true) }),
    watcher: null,
    queueHealth: options.queueHealth ?? null,
    warmDossiers: options.warmDossiers ?? true,
    dossierWaitMs: options.dossierWaitMs ?? DEFAULT_DOSSIER_WAIT_MS,
  };
  app.decorate('triangulate', context);
  app.addHook('onClose', async () => {
    context.warmer.stop();
    await dossiers.close();
  });
  app.addHook('onRequest', hostGuard(allowedHost(options.host ?? '127.0.0.1', options.allowedHosts)));

  app.addSchema(errorSchema);
  app.addSchema(storySchema);
  app.addSchema(addedArticleSchema);
  app.addSchema(articleVisibilitySchema);
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
