// The queue figures of GET /api/health over PostgreSQL. Health must answer at once even when the database is
// slow: a reading older than `maxAgeMs` is taken again, and the request waits for it at most `waitMs`; when it
// does not come in time, the request gets the last reading (its `checkedAt` says how old) and the new one
// serves the next request. So a monitor polling once a minute sees the queue as it is, not as it was a minute ago.
import type { QueueSummary } from '../jobs/status.js';

/** A reading as shown by health: the figures and when they were read, or why they could not be. */
export type QueueHealth = (QueueSummary & { checkedAt: string }) | { error: string; checkedAt: string };

export class QueueHealthMonitor {
  private last: QueueHealth | null = null;
  private lastAt = 0;
  private reading: Promise<QueueHealth> | null = null;

  /**
   * `read` takes the figures from the database (rejecting when it does not answer); `maxAgeMs` (default
   * 2,000) is how old a reading may be before a request triggers the next; `waitMs` (default 1,000) is how
   * long a request waits for that next reading before it answers with the last one.
   */
  constructor(
    private readonly read: () => Promise<QueueSummary>,
    private readonly maxAgeMs = 2_000,
    private readonly waitMs = 1_000,
  ) {}

  /**
   * A reading at most `maxAgeMs` old, or the last one when a new reading takes longer than `waitMs`; null when
   * there is none yet. Never rejects.
   */
  async current(): Promise<QueueHealth | null> {
    if (this.last && Date.now() - this.lastAt <= this.maxAgeMs) return this.last;
    this.refresh();
    let timer: NodeJS.Timeout | undefined;
    const waited = await Promise.race([this.reading, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), this.waitMs)))]);
    clearTimeout(timer);
    return waited ?? this.last;
  }

  private refresh(): void {
    if (this.reading) return;
    this.reading = this.read().then(
      (summary): QueueHealth => ({ ...summary, checkedAt: new Date().toISOString() }),
      // Health is public: the reason stays generic (the database's own message may name hosts and users).
      (error: unknown): QueueHealth => ({ error: `the queue could not be read${codeOf(error)}`, checkedAt: new Date().toISOString() }),
    );
    void this.reading.then((health) => {
      this.last = health;
      this.lastAt = Date.now();
      this.reading = null;
    });
  }
}

/** " (code X)" for an error carrying a PostgreSQL or system code, else "". */
function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z0-9_]{2,20}$/.test(code) ? ` (code ${code})` : '';
}
