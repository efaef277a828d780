// Dossier builds through the queue: a server (or the CLI) asks for a story's dossier to be rebuilt; a worker
// builds it from one snapshot of the story and saves it under the story version it read. The queue is
// "stately" with the story as singleton key: at most one build waits and one runs per story, however many
// servers ask.
import type PgBoss from 'pg-boss';
import { buildStoryDossier } from '../story-dossier-build.js';
import type { PostgresStore } from '../store/postgres.js';
import { QUEUES, type DossierJob } from './names.js';
import { liveWorkerCount } from './registry.js';
import { QUEUE_SCHEMA, type JobQueue } from './queue.js';

/** Asks for story `storyId`'s dossier to be rebuilt; resolves to false when a rebuild of it is already waiting. */
export async function requestDossier(queue: JobQueue, storyId: number): Promise<boolean> {
  return (await queue.send(QUEUES.dossier, { storyId } satisfies DossierJob, { singletonKey: `story:${storyId}` })) !== null;
}

/**
 * Builds and saves one story's dossier unless the saved one already matches the story's version.
 * Resolves with what happened ('built', 'cached', 'missing' for a story with no visible article).
 */
export async function dossierJob(store: PostgresStore, job: PgBoss.JobWithMetadata<DossierJob>, options: { maxArticles: number }): Promise<'built' | 'cached' | 'missing'> {
  const snapshot = await store.readSnapshot(async () => {
    const story = await store.getStory(job.data.storyId);
    if (!story) return null;
    if ((await store.getCachedDossier(story.id, story.version)) !== null) return { story, articles: null };
    return { story, articles: (await store.storyArticles(story.id)).map((s) => s.article) };
  });
  if (!snapshot) return 'missing';
  if (!snapshot.articles) return 'cached';
  const built = buildStoryDossier(snapshot.story.id, snapshot.articles, options.maxArticles);
  await store.putCachedDossier(snapshot.story.id, snapshot.story.version, built.json);
  return 'built';
}

/** How long a server waits for a worker to build a dossier before telling its reader the build failed. */
export const DEFAULT_REMOTE_BUILD_TIMEOUT_MS = 10 * 60_000;

/**
 * Dossier builds done by the queue's workers, for a server over a PostgreSQL store: `build` queues a rebuild
 * (one per story at a time, however many servers ask) and resolves once a dossier of at least the asked-for
 * version is saved. Several servers share the result through the store instead of each building it.
 */
export class QueuedDossierBuilds {
  constructor(
    private readonly store: PostgresStore,
    private readonly queue: JobQueue,
    private readonly options: { pollMs?: number; timeoutMs?: number } = {},
  ) {}

  /**
   * Resolves to 'built' once the story's saved dossier is of `version` or newer, 'missing' when the story
   * has no visible article any more, or 'no-workers' at once when no worker is alive (the caller then builds
   * it itself). Rejects when no worker saved it within the timeout, or when the store fails.
   */
  async build(storyId: number, version: number): Promise<'built' | 'missing' | 'no-workers'> {
    const ready = async () => ((await this.store.getLatestDossier(storyId))?.version ?? 0) >= version;
    if (await ready()) return 'built';
    if ((await liveWorkerCount(this.store)) === 0) return 'no-workers';
    await requestDossier(this.queue, storyId);
    const deadline = Date.now() + (this.options.timeoutMs ?? DEFAULT_REMOTE_BUILD_TIMEOUT_MS);
    for (let round = 0; ; round++) {
      await new Promise((resolve) => setTimeout(resolve, this.options.pollMs ?? 200));
      if (await ready()) return 'built';
      if ((await this.store.getStory(storyId)) === null) return 'missing';
      if (Date.now() > deadline) throw new Error(`no worker saved the dossier of story ${storyId} in time; see: triangulate status`);
      // Every few seconds: the workers may all have stopped meanwhile, or the job may have failed, or ended
      // with a version older than asked for. A job still waiting or running is left to finish: asking again
      // then would only queue a second build that finds the dossier saved.
      if (round % 25 === 24) {
        if ((await liveWorkerCount(this.store)) === 0) return 'no-workers';
        if (!(await this.pending(storyId))) await requestDossier(this.queue, storyId);
      }
    }
  }

  /** Whether a rebuild of the story is waiting, waiting for a retry, or running. */
  private async pending(storyId: number): Promise<boolean> {
    const rows = await this.store.query(
      `SELECT 1 FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND singleton_key = $2 AND state IN ('created', 'retry', 'active') LIMIT 1`,
      [QUEUES.dossier, `story:${storyId}`],
    );
    return rows.length > 0;
  }
}
