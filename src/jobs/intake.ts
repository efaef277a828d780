// Intake: what `ingest` and feed polls hand to the workers. Raw inputs are written to the intake table in
// batches, each batch with its prepare jobs, in one transaction; workers prepare the items (fetch, clean) in
// parallel; the assigner (assigner.ts) stores and clusters whole batches in batch order.
//
// Why batches in order: the clusterer's result depends on the order articles arrive, so "three workers give
// the same stories as one" needs one order that does not depend on which worker finished first. A batch is
// exactly what a single-process `ingest` would commit at once (DEFAULT_BATCH_SIZE inputs, sorted by
// publication inside), so the stories also match a single-process run over the same inputs.
import type { Article } from '../clean/index.js';
import type { RawArticle, FeedItem } from '../read/index.js';
import type { PostgresStore } from '../store/postgres.js';
import { DEFAULT_BATCH_SIZE, emptySummary, type IngestSummary } from '../ingest/index.js';
import { articleSignature, signatureFromJson, signatureToJson, type Signature, type SignatureJson, type SignatureOptions } from '../stories/index.js';
import { QUEUES, type PrepareJob } from './names.js';
import type { JobQueue } from './queue.js';

/** Items per prepare job: big enough that queue overhead stays small, small enough to share work between workers. */
export const PREPARE_CHUNK = 10;

/** One input waiting to be prepared: a raw article read by the client, or a feed item whose page may be fetched. */
export type IntakeItem =
  | { kind: 'raw'; raw: RawArticle }
  | { kind: 'feed-item'; origin: string; item: FeedItem; feedTitle: string | null; fetchPage: boolean };

/**
 * A prepared item as stored in the intake row's `article` column: the cleaned article and its story
 * signature, computed by the worker that cleaned it so the assigner (the one serial step) only clusters.
 * The signature options it was computed with travel along: an assigner configured otherwise computes its own.
 * `v` tells this shape from a bare Article, which workers of earlier versions wrote.
 */
interface PreparedJson {
  v: 2;
  article: Article;
  signature: SignatureJson;
  signatureOptions: SignatureOptions;
}

/** The intake `article` column for `article`, with its signature under `options` (all fields filled in). */
export function encodePrepared(article: Article, options: SignatureOptions): string {
  const prepared: PreparedJson = { v: 2, article, signature: signatureToJson(articleSignature(article, options)), signatureOptions: options };
  return JSON.stringify(prepared);
}

/**
 * The article of an intake `article` column and, when the worker computed it with exactly `options` (the
 * assigner's), its signature; else `signature` is null and the assigner computes it. Throws SyntaxError on
 * text that is not JSON (a corrupt row: an internal failure, not a user mistake).
 */
export function decodePrepared(text: string, options: SignatureOptions): { article: Article; signature: Signature | null } {
  const parsed = JSON.parse(text) as PreparedJson | Article;
  if (!('v' in parsed) || parsed.v !== 2) return { article: parsed as Article, signature: null };
  return { article: parsed.article, signature: sameOptions(parsed.signatureOptions, options) ? signatureFromJson(parsed.signature) : null };
}

/** True when both option sets have the same keys with the same values (JSON round trip safe: numbers only). */
function sameOptions(a: SignatureOptions, b: SignatureOptions): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof SignatureOptions>;
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

export function itemOrigin(item: IntakeItem): string {
  return item.kind === 'raw' ? item.raw.origin : item.origin;
}

/**
 * Queues `items` for the workers as intake batches of `batchSize` (default DEFAULT_BATCH_SIZE), one
 * transaction per batch (rows and prepare jobs together: a crash leaves a batch whole or absent). `runId`
 * names the run so its caller can wait for it and read its summary. Resolves with the number of batches.
 */
export async function enqueueIntake(store: PostgresStore, queue: JobQueue, runId: string, items: IntakeItem[], options: { batchSize?: number } = {}): Promise<number> {
  const size = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let batches = 0;
  for (let start = 0; start < items.length; start += size) {
    const chunk = items.slice(start, start + size);
    // Not the store's write lock: queueing must not wait behind the assigner (a stream would stall, then
    // fail as "busy"). One client's batches commit in order; two clients queueing at once may commit out of
    // id order, which only changes which of their batches is assigned first (a race between them anyway).
    await store.sideTransaction(async () => {
      const [batch] = await store.query<{ id: string }>('INSERT INTO intake_batches (run_id, size) VALUES ($1, $2) RETURNING id', [runId, chunk.length]);
      const rows = await store.query<{ seq: string }>(
        `INSERT INTO intake (batch_id, run_id, origin, item)
         SELECT $1, $2, o, i FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS t(o, i, n) ORDER BY n RETURNING seq`,
        [batch.id, runId, chunk.map(itemOrigin), chunk.map((item) => JSON.stringify(item))],
      );
      const seqs = rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
      const jobs: PrepareJob[] = [];
      for (let i = 0; i < seqs.length; i += PREPARE_CHUNK) jobs.push({ seqs: seqs.slice(i, i + PREPARE_CHUNK) });
      await queue.sendMany(QUEUES.prepare, jobs);
    });
    batches++;
  }
  return batches;
}

/** Where a run stands: batches assigned so far, their summed counts, and the problems of its items. */
export interface RunProgress {
  batches: number;
  assigned: number;
  items: number;
  /** Items prepared, failed or stored (for progress bars). */
  settled: number;
  summary: IngestSummary;
  problems: { origin: string; reason: string }[];
  notices: { origin: string; notice: string }[];
}

/**
 * Progress of run `runId` (all its batches, whenever they were queued). Without `details` the problems and
 * notices are not read (left empty, `summary.problems` 0): a caller polling for the end needs only the counts.
 */
export async function runProgress(store: PostgresStore, runId: string, options: { details?: boolean } = {}): Promise<RunProgress> {
  const details = options.details ?? true;
  const [totals] = await store.query<Record<string, string | null>>(
    `SELECT COUNT(*) AS batches, COUNT(assigned_at) AS assigned, COALESCE(SUM(size), 0) AS items,
            COALESCE(SUM(stored), 0) AS stored, COALESCE(SUM(duplicates), 0) AS duplicates, COALESCE(SUM(revised), 0) AS revised,
            COALESCE(SUM(stories_created), 0) AS stories_created, COALESCE(SUM(merges), 0) AS merges
     FROM intake_batches WHERE run_id = $1`,
    [runId],
  );
  const [settled] = await store.query<{ n: string }>(`SELECT COUNT(*) AS n FROM intake WHERE run_id = $1 AND state <> 'queued'`, [runId]);
  const problems = details
    ? await store.query<{ origin: string; problem: string }>(`SELECT origin, problem FROM intake WHERE run_id = $1 AND problem IS NOT NULL ORDER BY seq`, [runId])
    : [];
  const notices = details
    ? await store.query<{ origin: string; notice: string }>(`SELECT origin, notice FROM intake WHERE run_id = $1 AND notice IS NOT NULL ORDER BY seq`, [runId])
    : [];
  const summary = emptySummary();
  summary.read = Number(totals.items);
  summary.stored = Number(totals.stored);
  summary.duplicates = Number(totals.duplicates);
  summary.revised = Number(totals.revised);
  summary.storiesCreated = Number(totals.stories_created);
  summary.merges = Number(totals.merges);
  summary.problems = problems.length;
  return {
    batches: Number(totals.batches),
    assigned: Number(totals.assigned),
    items: Number(totals.items),
    settled: Number(settled.n),
    summary,
    problems: problems.map((p) => ({ origin: p.origin, reason: p.problem })),
    notices: notices.map((n) => ({ origin: n.origin, notice: n.notice })),
  };
}
