// The worker-thread pool dossier builds run in (piscina). The worker is a TypeScript file when the server
// runs from src/ under tsx (dev, tests) and the compiled JavaScript beside this file in dist/ when built.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { BuildResult, BuildTask, WorkerResult, WorkerTask } from './dossier-worker.js';
import type { StoryIndexDelta } from './catalog.js';

export interface DossierPoolOptions {
  /** Worker threads (default: one less than the CPU cores, at least 1, so the event loop keeps a core). */
  threads?: number;
  /** Heap limit of each worker in MB (default 1536): a runaway build fails alone instead of taking the server down. */
  maxHeapMb?: number;
}

/** A pool of dossier-build worker threads; threads start on first use and stay until `destroy`. */
export class DossierPool {
  private pool: Piscina<WorkerTask, WorkerResult> | null = null;
  private destroyed = false;
  readonly threads: number;
  private readonly maxHeapMb: number;

  constructor(options: DossierPoolOptions = {}) {
    this.threads = Math.max(1, options.threads ?? availableParallelism() - 1);
    this.maxHeapMb = options.maxHeapMb ?? 1536;
  }

  /** Runs one build in a worker; rejects with the worker's error (or ERR_WORKER_OUT_OF_MEMORY, or after destroy). */
  run(task: BuildTask): Promise<BuildResult> {
    return this.submit(task) as Promise<BuildResult>;
  }

  /** Reads and stems a story of a store file for the search index (catalog.ts) in a worker. */
  index(storePath: string, storyId: number, known: number[]): Promise<StoryIndexDelta> {
    return this.submit({ source: 'catalog', storePath, storyId, known }) as Promise<StoryIndexDelta>;
  }

  private submit(task: WorkerTask): Promise<WorkerResult> {
    if (this.destroyed) return Promise.reject(new Error('the dossier pool is closed'));
    this.pool ??= this.create();
    return this.pool.run(task);
  }

  /** Stops every worker at once, abandoning builds in progress (their promises reject). */
  async destroy(): Promise<void> {
    this.destroyed = true;
    const pool = this.pool;
    this.pool = null;
    await pool?.destroy();
  }

  private create(): Piscina<WorkerTask, WorkerResult> {
    const here = import.meta.url;
    const typescript = here.endsWith('.ts');
    const filename = fileURLToPath(new URL(`./dossier-worker.${typescript ? 'ts' : 'js'}`, here));
    // Workers inherit the process's --import tsx when there is one; add it when the sources were loaded
    // another way (tsx's API), since a worker cannot import .ts files without it.
    const execArgv = typescript && !process.execArgv.some((a) => a.includes('tsx')) ? [...process.execArgv, '--import', 'tsx'] : process.execArgv;
    return new Piscina<WorkerTask, WorkerResult>({
      filename,
      minThreads: this.threads,
      maxThreads: this.threads,
      idleTimeout: 60_000,
      execArgv,
      // Builds yield to the HTTP thread when both want the CPU (needs @napi-rs/nice, which piscina
      // installs on Linux and macOS; without it the increment is ignored).
      niceIncrement: 10,
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb },
    });
  }
}
