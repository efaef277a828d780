// Tables of the job system, beside the store's in the same database: intake (inputs waiting to be prepared
// and stored, in batches) and the worker registry. Versioned like the store's schema, in a table of their
// own, so the store's migrations stay the same on both backends (SQLite has no queue).
import type { PostgresStore } from '../store/postgres.js';

export const JOBS_MIGRATIONS: string[] = [
  // 1: intake batches and items, workers.
  `
  CREATE TABLE intake_batches (
    id BIGSERIAL PRIMARY KEY,
    run_id TEXT NOT NULL,
    size INTEGER NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    assigned_at TIMESTAMPTZ,
    stored INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    revised INTEGER NOT NULL DEFAULT 0,
    stories_created INTEGER NOT NULL DEFAULT 0,
    merges INTEGER NOT NULL DEFAULT 0,
    problems INTEGER NOT NULL DEFAULT 0
  );
  -- The assigner looks for the oldest batch not assigned yet: only those rows are indexed.
  CREATE INDEX intake_batches_waiting ON intake_batches(id) WHERE assigned_at IS NULL;
  CREATE INDEX intake_batches_run ON intake_batches(run_id);
  CREATE TABLE intake (
    seq BIGSERIAL PRIMARY KEY,
    batch_id BIGINT NOT NULL REFERENCES intake_batches(id),
    run_id TEXT NOT NULL,
    origin TEXT NOT NULL,
    -- JSON of the IntakeItem; emptied once the article is stored (it then lives in articles).
    item TEXT,
    -- queued | prepared | failed | done
    state TEXT NOT NULL DEFAULT 'queued',
    article TEXT,
    problem TEXT,
    notice TEXT,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
  );
  CREATE INDEX intake_batch ON intake(batch_id);
  CREATE INDEX intake_run ON intake(run_id);
  CREATE INDEX intake_queued ON intake(batch_id) WHERE state = 'queued';
  CREATE TABLE workers (
    id TEXT PRIMARY KEY,
    host TEXT NOT NULL,
    pid INTEGER NOT NULL,
    started_at TIMESTAMPTZ NOT NULL,
    last_seen TIMESTAMPTZ NOT NULL,
    state TEXT NOT NULL,
    assigner BOOLEAN NOT NULL DEFAULT false,
    jobs_done BIGINT NOT NULL DEFAULT 0,
    jobs_failed BIGINT NOT NULL DEFAULT 0,
    current_job TEXT
  );
  CREATE INDEX workers_last_seen ON workers(last_seen);
  `,
];

/** Advisory lock key of the job schema's migrations (another than the store's write lock: no waiting on ingest). */
const JOBS_SCHEMA_LOCK = 0x6a6f_6273; // "jobs"

/**
 * Creates or upgrades the job system's tables, once, whichever of several processes starting together gets
 * there first (the others wait on the lock, then find the schema current). Rejects with the database's error.
 */
export async function ensureJobsSchema(store: PostgresStore): Promise<void> {
  const client = await store.pool.connect();
  try {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [JOBS_SCHEMA_LOCK]);
      await client.query('CREATE TABLE IF NOT EXISTS triangulate_jobs_schema (id INT PRIMARY KEY CHECK (id = 1), version INT NOT NULL)');
      const current = (await client.query<{ version: number }>('SELECT version FROM triangulate_jobs_schema WHERE id = 1')).rows[0]?.version ?? 0;
      if (current > JOBS_MIGRATIONS.length) throw new Error(`the job tables have schema version ${current}, newer than this program's ${JOBS_MIGRATIONS.length}; upgrade triangulate`);
      for (let step = current; step < JOBS_MIGRATIONS.length; step++) await client.query(JOBS_MIGRATIONS[step]);
      await client.query(
        'INSERT INTO triangulate_jobs_schema (id, version) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET version = excluded.version',
        [JOBS_MIGRATIONS.length],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    client.release();
  }
}
