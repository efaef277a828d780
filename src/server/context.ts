// What every route handler reaches through the app: its own module so routes and app do not import each other.
import type { ArticleStore } from '../store/index.js';
import type { StoryCatalog } from './catalog.js';
import type { DossierService } from './dossiers.js';
import type { DossierWarmer } from './warmer.js';
import type { ArticleIntake } from './intake.js';
import type { FeedWatcher } from './watcher.js';
import type { QueueHealthMonitor } from './queue-health.js';

export interface AppContext {
  store: ArticleStore;
  catalog: StoryCatalog;
  dossiers: DossierService;
  warmer: DossierWarmer;
  intake: ArticleIntake;
  watcher: FeedWatcher | null;
  /** The job queue's figures for health (servers over PostgreSQL; null for SQLite). */
  queueHealth: QueueHealthMonitor | null;
  warmDossiers: boolean;
  /** Default wait of a dossier request for a build in progress, in ms, before it answers 202. */
  dossierWaitMs: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    triangulate: AppContext;
  }
}
