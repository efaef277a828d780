// Story assignment, the one step that must not run in parallel: the clusterer's choice for an article
// depends on every article placed before it. One worker at a time is the assigner: it holds a session-level
// advisory lock on a connection of its own for as long as it lives. When it dies (even with SIGKILL) its
// connection closes, PostgreSQL releases the lock, and another worker takes over within a poll interval.
//
// The assigner stores and clusters whole intake batches, in batch order, once every item of the batch is
// prepared (or failed). Each batch is one store transaction (articles, stories, clusterer state, the
// batch's counts and its items marked done), so a crash mid-batch leaves the batch to be done again whole,
// and an item is never stored twice.
import type pg from 'pg';
import { StoryIngestor, type IngestorOptions } from '../ingest/index.js';
import type { PostgresStore } from '../store/postgres.js';
import { decodePrepared } from './intake.js';
import { INTAKE_CHANNEL } from './prepare.js';

/** Key of the advisory lock held by the assigner (any constant; named so it shows up in pg_locks reviews). */
export const ASSIGNER_LOCK_KEY = 0x7472_6961; // "tria"

/** Days assigned intake batches are kept (see AssignerOptions.keepDays). */
export const INTAKE_KEEP_DAYS = 7;
/** Milliseconds between purges of old intake batches by the assigner. */
const PURGE_EVERY_MS = 10 * 60_000;

export interface AssignerOptions extends IngestorOptions {
  /** Milliseconds between looks for ready batches when no notification came (default 250). */
  pollMs?: number;
  /** Milliseconds between attempts to become the assigner while another worker is (default 1,000). */
  followerPollMs?: number;
  /**
   * Days an assigned intake batch (its counts and its items' problems, read by the run that queued it) is
   * kept before it is deleted (default INTAKE_KEEP_DAYS). The articles themselves live in the store.
   */
  keepDays?: number;
  /** Called after each batch is stored, with the stories it touched (e.g. to queue dossier rebuilds). */
  onBatch?: (batch: { id: number; storyIds: number[] }) => Promise<void> | void;
}

/** Assigns ready intake batches while this process holds the assigner lock; see the module comment. */
export class Assigner {
  private client: pg.PoolClient | null = null;
  private leading = false;
  private stopped = false;
  private wake: (() => void) | null = null;
  private readonly ingestor: StoryIngestor;
  private loop: Promise<void> | null = null;
  private lastPurge = 0;
  private busy: Promise<void> | null = null;
  /** Batches stored by this process (for tests and the worker's status line). */
  batchesAssigned = 0;

  constructor(
    private readonly store: PostgresStore,
    private readonly options: AssignerOptions = {},
  ) {
    this.ingestor = new StoryIngestor(store, options);
  }

  /** True while this process is the assigner. */
  get isLeading(): boolean {
    return this.leading;
  }

  start(): void {
    this.loop ??= this.run().catch((error: unknown) => {
      process.stderr.write(`assigner stopped: ${(error as Error).message}\n`);
    });
  }

  /** Stops after the batch in hand (if any) and gives the lock back. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    const client = this.client;
    this.client = null;
    if (client) {
      if (this.leading) await client.query('SELECT pg_advisory_unlock($1)', [ASSIGNER_LOCK_KEY]).catch(() => undefined);
      client.release();
    }
    this.leading = false;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        if (!this.leading) await this.tryLead();
        if (this.leading && (await this.assignReady()) > 0) continue;
        if (this.leading && Date.now() - this.lastPurge > PURGE_EVERY_MS) await this.purge();
      } catch (error) {
        // The connection dropped or the store refused: start again with a fresh connection (and the
        // clusterer reloaded from the store by the generation check).
        process.stderr.write(`assigner: ${(error as Error).message.replace(/\s+/g, ' ')}; retrying\n`);
        this.dropConnection();
      }
      await this.sleep(this.leading ? (this.options.pollMs ?? 250) : (this.options.followerPollMs ?? 1000));
    }
  }

  private async tryLead(): Promise<void> {
    if (!this.client) {
      const client = await this.store.pool.connect();
      client.on('notification', () => this.wake?.());
      client.on('error', () => this.dropConnection());
      this.client = client;
    }
    const [row] = (await this.client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [ASSIGNER_LOCK_KEY])).rows;
    if (row.ok) {
      this.leading = true;
      await this.client.query(`LISTEN ${INTAKE_CHANNEL}`);
    }
  }

  private dropConnection(): void {
    const client = this.client;
    this.client = null;
    this.leading = false;
    // Destroying the connection (release with an error) ends the session, which frees the lock.
    client?.release(true);
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.wake = null;
        resolve();
      }
      this.wake = done;
    });
  }

  /**
   * Stores every batch that is ready, oldest first, and stops at the first batch still being prepared.
   * Resolves with the number of batches stored.
   */
  async assignReady(): Promise<number> {
    let done = 0;
    let finish: (() => void) | null = null;
    try {
      while (!this.stopped) {
        const [next] = await this.store.query<{ id: string; waiting: string }>(
          `SELECT b.id, (SELECT COUNT(*) FROM intake i WHERE i.batch_id = b.id AND i.state = 'queued') AS waiting
           FROM intake_batches b WHERE b.assigned_at IS NULL ORDER BY b.id LIMIT 1`,
        );
        if (!next || Number(next.waiting) > 0) break;
        if (!finish) this.busy = new Promise<void>((resolve) => (finish = resolve));
        await this.assignBatch(Number(next.id));
        done++;
      }
    } finally {
      this.busy = null;
      (finish as (() => void) | null)?.();
    }
    return done;
  }

  /**
   * Resolves when the assigner is not storing batches. The assigner's worker waits for it before cleaning
   * pages: cleaning is synchronous work that would run while a batch transaction awaits the database, and
   * every millisecond of it is held under the store's write lock, which stalls every other writer.
   */
  whenIdle(): Promise<void> {
    return this.busy ?? Promise.resolve();
  }

  /**
   * Deletes intake batches assigned more than `keepDays` ago with their items: a desk taking a million articles
   * a day would otherwise keep a million bookkeeping rows a day. Resolves with the batches deleted.
   */
  async purge(): Promise<number> {
    this.lastPurge = Date.now();
    const days = this.options.keepDays ?? INTAKE_KEEP_DAYS;
    const old = await this.store.query<{ id: string }>(
      `SELECT id FROM intake_batches WHERE assigned_at < now() - make_interval(days => $1) ORDER BY id LIMIT 10000`,
      [days],
    );
    await this.store.query(`DELETE FROM workers WHERE last_seen < now() - make_interval(days => $1)`, [days]);
    if (old.length === 0) return 0;
    const ids = old.map((r) => r.id);
    await this.store.query('DELETE FROM intake WHERE batch_id = ANY($1::bigint[])', [ids]);
    await this.store.query('DELETE FROM intake_batches WHERE id = ANY($1::bigint[])', [ids]);
    return ids.length;
  }

  private async assignBatch(batchId: number): Promise<void> {
    let storyIds: number[] = [];
    await this.store.transaction(async () => {
      // Under the store's write lock: a batch assigned by a previous assigner that died after committing is
      // seen here and skipped.
      const [batch] = await this.store.query<{ assigned_at: string | null }>('SELECT assigned_at FROM intake_batches WHERE id = $1 FOR UPDATE', [batchId]);
      if (!batch || batch.assigned_at !== null) return;
      const rows = await this.store.query<{ article: string }>(`SELECT article FROM intake WHERE batch_id = $1 AND state = 'prepared' ORDER BY seq`, [batchId]);
      // Signatures come computed by the workers that prepared the items (unless their options differ).
      const prepared = rows.map((r) => decodePrepared(r.article, this.ingestor.signatureSettings));
      const outcome =
        prepared.length > 0
          ? await this.ingestor.addBatch(
              prepared.map((p) => p.article),
              prepared.map((p) => p.signature),
            )
          : null;
      const [problems] = await this.store.query<{ n: string }>('SELECT COUNT(*) AS n FROM intake WHERE batch_id = $1 AND problem IS NOT NULL', [batchId]);
      await this.store.query(
        `UPDATE intake_batches SET assigned_at = now(), stored = $2, duplicates = $3, revised = $4, stories_created = $5, merges = $6, problems = $7 WHERE id = $1`,
        [batchId, outcome?.stored ?? 0, outcome?.duplicates ?? 0, outcome?.revised ?? 0, outcome?.storiesCreated ?? 0, outcome?.merges ?? 0, Number(problems.n)],
      );
      // The article now lives in the store; the intake copy is dropped to keep the table small.
      await this.store.query(`UPDATE intake SET state = CASE WHEN state = 'prepared' THEN 'done' ELSE state END, item = NULL, article = NULL, updated_at = now() WHERE batch_id = $1`, [batchId]);
      storyIds = outcome ? [...new Set([...outcome.placed.map((p) => p.storyId), ...outcome.revisions.flatMap((r) => (r.storyId === null ? [] : [r.storyId]))])] : [];
    });
    this.batchesAssigned++;
    await this.options.onBatch?.({ id: batchId, storyIds });
  }
}
