// Background dossier builds for the stories readers are about to see (the newest, and those a list
// request returned), so the story list can show dispute counts without anyone waiting. The builds go
// through the dossier service's queue and worker pool, behind any build a reader asked for.
import type { DossierService } from './dossiers.js';

export class DossierWarmer {
  private stopped = false;

  constructor(private readonly dossiers: DossierService) {}

  /**
   * Queues stories (in the given order) whose current version has no dossier yet; no-op once stopped.
   * Returns at once; the promise resolves once they are queued (it never rejects: see DossierService.warm).
   */
  schedule(storyIds: number[]): Promise<void> {
    return this.stopped ? Promise.resolve() : this.dossiers.warm(storyIds);
  }

  /** Builds running or waiting for a worker (readers' and background ones alike). */
  get pending(): number {
    return this.dossiers.running + this.dossiers.queued;
  }

  stop(): void {
    this.stopped = true;
  }
}
