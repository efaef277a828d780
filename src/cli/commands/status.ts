import { UsageError } from '../../errors.js';
import type { CliCommand, CliOption } from '../command.js';
import { parseOptions } from '../options.js';
import { STORE_OPTION, withStore } from './shared.js';
import { isPostgresUrl } from '../../store/target.js';
import { count, terminalSafe } from '../format.js';
import { feedFailureReason } from '../../ingest/feeds/poll.js';
import type { QueueStatus } from '../../jobs/status.js';

const OPTIONS = [
  { ...STORE_OPTION, description: 'the PostgreSQL store whose job queue to show (postgres://user@host/database)' },
  { name: 'json', description: 'print the status as JSON (for monitoring scripts)' },
  { name: 'failed', value: 'N', description: 'how many of the latest failed jobs to list', default: '10' },
] as const satisfies readonly CliOption[];

export const command: CliCommand = {
  name: 'status',
  summary: 'Show the job queue of a PostgreSQL store: jobs waiting and running per queue, failed jobs with their errors, workers alive',
  arguments: '',
  options: OPTIONS,
  notes: ['Exit code 1 when jobs wait but no worker is alive, so a health check can alert on it.'],
  examples: ['triangulate status --store postgres://triangulate@localhost/news', 'triangulate status --json --store "$TRIANGULATE_STORE"'],
  async run(args, io) {
    const { values } = parseOptions(OPTIONS, args, { positionals: false, command: 'status' });
    const failedLimit = Number(values.failed);
    if (!Number.isInteger(failedLimit) || failedLimit < 0 || failedLimit > 1000) throw new UsageError(`--failed takes a whole number from 0 to 1000, not "${values.failed}"`);
    // Said before opening: opening an SQLite path would leave an empty store file behind.
    if (!isPostgresUrl(values.store)) throw new UsageError(`only a PostgreSQL store has a job queue (--store postgres://… or $TRIANGULATE_STORE); ${values.store} is an SQLite file`);
    return withStore(values.store, io, async (store) => {
      const [{ queueStatus }, { QUEUES }] = await Promise.all([import('../../jobs/status.js'), import('../../jobs/names.js')]);
      const status = await queueStatus(store as never, { failedLimit });
      if (values.json) io.stdout(`${JSON.stringify(status, null, 2)}\n`);
      else io.stdout(terminalSafe(describeStatus(status, store.path)));
      // Dead letters wait for a person, not a worker: they never make the queue look stuck.
      const waiting = status.queues.filter((q) => q.queue !== QUEUES.dead).reduce((n, q) => n + q.created + q.retry, 0) + status.intake.itemsWaiting;
      return waiting > 0 && !status.workers.some((w) => w.alive) ? 1 : 0;
    });
  },
};

/** The status as the terminal shows it: a table of queues, the workers, the failures. */
export function describeStatus(status: QueueStatus, where: string): string {
  const lines = [`job queue of ${where}`, ''];
  const header = ['queue', 'waiting', 'retrying', 'running', 'expired', 'done', 'failed'];
  const rows = status.queues.map((q) => [q.queue, q.created, q.retry, q.active, q.expired, q.completed, q.failed].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  lines.push(format(header), ...(rows.length ? rows.map(format) : ['(no jobs yet)']), '');
  const { intake } = status;
  lines.push(
    intake.batchesWaiting === 0
      ? 'story assignment: up to date'
      : `story assignment: ${intake.batchesWaiting} batches waiting (${intake.itemsWaiting} items not prepared yet), oldest since ${intake.oldestWaitingSince}`,
    '',
  );
  const alive = status.workers.filter((w) => w.alive);
  lines.push(`workers alive: ${alive.length}`);
  for (const w of status.workers) {
    const role = w.assigner ? ', assigner' : '';
    const state = w.alive ? w.state : w.state === 'stopped' ? 'stopped' : 'not seen since ' + w.lastSeen;
    lines.push(`  ${w.id.slice(0, 8)} ${w.host} pid ${w.pid}: ${state}${role}; ${count(w.jobsDone, 'job')} done, ${w.jobsFailed} failed${w.currentJob ? `; now ${w.currentJob}` : ''}`);
  }
  if (status.failingFeeds.length > 0) {
    lines.push('', 'feeds failing (newest first):');
    for (const f of status.failingFeeds) {
      const reason = feedFailureReason(f.url, (f.lastStatus ?? '').replace(/\s+/g, ' '));
      lines.push(`  ${f.url}: ${count(f.failures, 'failure')}, last ${f.lastCheckedAt ?? '?'}: ${reason.slice(0, 200)}; next try ${f.nextAttemptAt ?? 'now'}`);
    }
  }
  if (status.failed.length > 0) {
    lines.push('', 'failed jobs (newest first):');
    for (const f of status.failed) lines.push(`  ${f.failedAt} ${f.queue} ${f.id.slice(0, 8)} after ${f.retries} retries: ${f.error.replace(/\s+/g, ' ').slice(0, 200)}`);
  }
  return `${lines.join('\n')}\n`;
}
