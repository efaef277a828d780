// Builds missing dossiers in the background, newest stories first, one per turn of the event loop, so
// the story list can show dispute counts without a reader waiting for the analysis.
import type { DossierService } from './dossiers.js';

export class DossierWarmer {
  private readonly queue: number[] = [];
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly dossiers: DossierService,
    private readonly onError: (storyId: number, error: unknown) => void = () => {},
  ) {}

  /** Queues stories (in the given order) whose dossier is not built yet. */
  schedule(storyIds: number[]): void {
    for (const id of storyIds) if (!this.queue.includes(id)) this.queue.push(id);
    this.kick();
  }

  get pending(): number {
    return this.queue.length;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private kick(): void {
    if (this.timer || this.stopped || this.queue.length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const id = this.queue.shift()!;
      try {
        this.dossiers.get(id);
      } catch (error) {
        this.onError(id, error);
      }
      this.kick();
    }, 5);
    this.timer.unref();
  }
}
