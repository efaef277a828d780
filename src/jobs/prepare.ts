// The per-article work of the queue, done by any worker in parallel: fetch the page a feed item links to
// (when the feed carries only a teaser), clean it, and compute its story signature (see encodePrepared).
// Storing and clustering are left to the assigner.
import { setImmediate } from 'node:timers/promises';
import type PgBoss from 'pg-boss';
import { cleanArticle, isNoArticleTextError, teaserNotice } from '../clean/index.js';
import { isReadError, type RawArticle } from '../read/index.js';
import { isIngestError } from '../ingest/index.js';
import { itemToRaw } from '../ingest/feeds/poll.js';
import type { PostgresStore } from '../store/postgres.js';
import { DEFAULT_SIGNATURE_OPTIONS, type SignatureOptions } from '../stories/index.js';
import { encodePrepared, type IntakeItem } from './intake.js';
import type { PrepareJob } from './names.js';

/** Channel a worker notifies after preparing items, so the assigner wakes at once instead of at its next poll. */
export const INTAKE_CHANNEL = 'triangulate_intake';

export interface PrepareOptions {
  /** Fetch pages on private and loopback addresses (default false). */
  allowPrivate?: boolean;
  /** Deadline of each page request in milliseconds (default 20 000). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /**
   * Story signature options (default DEFAULT_SIGNATURE_OPTIONS): the signature is computed here, in parallel,
   * and used by an assigner whose options are the same (one with other options computes its own).
   */
  signature?: Partial<SignatureOptions>;
}

interface Prepared {
  seq: number;
  state: 'prepared' | 'failed';
  article: string | null;
  problem: string | null;
  notice: string | null;
}

/**
 * Prepares the intake items of one job. Items already prepared (a retried job) are skipped. A user-level
 * problem (no article text, a page that cannot be fetched and no feed text) fails the item, not the job: it is
 * reported to the run that queued it. Any other error fails the job, which pg-boss retries; on the job's last
 * attempt the items are failed with the error instead, so their batch is not held up for ever.
 */
export async function prepareJob(store: PostgresStore, job: PgBoss.JobWithMetadata<PrepareJob>, options: PrepareOptions = {}): Promise<{ prepared: number; failed: number }> {
  const rows = await store.query<{ seq: string; item: string }>(`SELECT seq, item FROM intake WHERE seq = ANY($1::bigint[]) AND state = 'queued' ORDER BY seq`, [job.data.seqs]);
  const results: Prepared[] = [];
  const lastAttempt = job.retryCount >= job.retryLimit;
  const prepareOptions = { ...options, signatureOptions: { ...DEFAULT_SIGNATURE_OPTIONS, ...options.signature } };
  for (const row of rows) {
    // Let other work of this process in between items (the assigner's transaction, heartbeats): cleaning one
    // page is milliseconds of synchronous work.
    await setImmediate();
    const seq = Number(row.seq);
    try {
      results.push(await prepareItem(seq, JSON.parse(row.item) as IntakeItem, prepareOptions));
    } catch (error) {
      if (!lastAttempt) throw error;
      results.push({ seq, state: 'failed', article: null, problem: `could not be prepared: ${(error as Error).message}`, notice: null });
    }
  }
  if (results.length > 0) {
    // One statement for the job's items; `state = 'queued'` keeps a late duplicate of a retried job from
    // overwriting what the retry already wrote.
    await store.query(
      `UPDATE intake AS i SET state = r.state, article = r.article, problem = r.problem, notice = r.notice, updated_at = now()
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[]) AS r(seq, state, article, problem, notice)
       WHERE i.seq = r.seq AND i.state = 'queued'`,
      [results.map((r) => r.seq), results.map((r) => r.state), results.map((r) => r.article), results.map((r) => r.problem), results.map((r) => r.notice)],
    );
    await store.query('SELECT pg_notify($1, $2)', [INTAKE_CHANNEL, '']);
  }
  return { prepared: results.filter((r) => r.state === 'prepared').length, failed: results.filter((r) => r.state === 'failed').length };
}

async function prepareItem(seq: number, item: IntakeItem, options: PrepareOptions & { signatureOptions: SignatureOptions }): Promise<Prepared> {
  const problems: string[] = [];
  let raw: RawArticle | null;
  if (item.kind === 'raw') raw = item.raw;
  else {
    raw = await itemToRaw(item.item, item.origin, item.feedTitle, { allowPrivate: options.allowPrivate, timeoutMs: options.timeoutMs, signal: options.signal, fetchPages: item.fetchPage }, problems);
  }
  const fetchProblem = problems.length > 0 ? problems.join('; ') : null;
  if (!raw) return { seq, state: 'failed', article: null, problem: fetchProblem ?? 'no article text', notice: null };
  try {
    const article = cleanArticle(raw);
    return { seq, state: 'prepared', article: encodePrepared(article, options.signatureOptions), problem: fetchProblem, notice: teaserNotice(article.diagnostics) ?? null };
  } catch (error) {
    if (!isNoArticleTextError(error) && !isReadError(error) && !isIngestError(error)) throw error;
    return { seq, state: 'failed', article: null, problem: error.message, notice: null };
  }
}
