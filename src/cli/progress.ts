// The progress bar of `analyze`: a dossier of a few thousand articles takes tens of seconds, and a silent
// terminal for that long looks hung. Drawn on stderr only when it is a terminal (a pipe or a log file gets
// no escape codes), and only once the run has lasted `delayMs`, so the common small run never flashes a bar.
// Same library and same rule as ingest's bar (src/ingest/progress.ts); its own format, since ingest's says
// "ingest" and counts stories.
import cliProgress from 'cli-progress';

/** One stage of an analysis and how far it is, as `analyze`'s onProgress reports it. */
export interface ProgressStep {
  /** What is being done ("cleaning", "annotating", "comparing"). */
  stage: string;
  done: number;
  total: number;
}

/** Receives the steps of a run; `stop` removes the bar (if any) before the run's last lines are written. */
export interface StageProgress {
  update(step: ProgressStep): void;
  stop(): void;
}

/** Does nothing: for runs whose stderr is not a terminal. */
export const silentStageProgress: StageProgress = { update() {}, stop() {} };

/**
 * A progress bar on `stream` (stderr) for the stages of one analysis: silent when `stream` is not a TTY,
 * and not drawn until `delayMs` (default 1.5 s) after it was made. `now` is the clock (tests pass their own).
 */
export function stageProgress(
  stream: NodeJS.WriteStream = process.stderr,
  { delayMs = 1500, now = Date.now }: { delayMs?: number; now?: () => number } = {},
): StageProgress {
  if (!stream.isTTY) return silentStageProgress;
  const started = now();
  let bar: cliProgress.SingleBar | null = null;
  let stage = '';
  return {
    update({ stage: next, done, total }) {
      if (!bar) {
        // A stage about to end is not worth a bar: it would be drawn and wiped in the same instant.
        if (now() - started < delayMs || done >= total) return;
        bar = new cliProgress.SingleBar(
          { stream, format: 'analyze [{bar}] {percentage}% | {stage} {value}/{total} articles | ETA {eta_formatted}', hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done, { stage: next });
        stage = next;
        return;
      }
      if (next !== stage) {
        // A new stage starts from zero with its own total; the ETA is of this stage alone.
        stage = next;
        bar.setTotal(total);
      }
      bar.update(done, { stage: next });
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
