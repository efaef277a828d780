// The queue figures of GET /api/health over PostgreSQL. Health must answer at once even when the database is
// slow, so it shows the last reading (with its time) and refreshes it in the background when it is older
// than `maxAgeMs`; only the very first request waits, and at most `firstWaitMs`.
import type { QueueSummary } from '../jobs/status.js';

/** A reading as shown by health: the figures and when they were read, or why they could not be. */
export type QueueHealth = (QueueSummary & { checkedAt: string }) | { error: string; checkedAt: string };

export class QueueHealthMonitor {
  private last: QueueHealth | null = null;
  private lastAt = 0;
  private reading: Promise<QueueHealth> | null = null;

  /**
   * `read` takes the figures from the database (rejecting when it does not answer); `maxAgeMs` (default
   * 2,000) is how old a reading may be before a request triggers the next; `firstWaitMs` (default 1,000) is
   * how long a request waits when there is no reading yet.
   */
  constructor(
    private readonly read: () => Promise<QueueSummary>,
    private readonly maxAgeMs = 2_000,
    private readonly firstWaitMs = 1_000,
  ) {}

  /** The latest reading, refreshed as described above; null when the first reading is still under way. Never rejects. */
  async current(): Promise<QueueHealth | null> {
    if (Date.now() - this.lastAt > this.maxAgeMs) this.refresh();
    if (this.last) return this.last;
    const waited = await Promise.race([this.reading, new Promise<null>((resolve) => setTimeout(() => resolve(null), this.firstWaitMs))]);
    return waited ?? null;
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
