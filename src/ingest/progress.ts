// Progress bar on long runs, on stderr and only when it is a terminal (logs and pipes stay clean).
import cliProgress from 'cli-progress';

export interface Progress {
  start(total: number): void;
  advance(by: number, detail?: string): void;
  stop(): void;
}

export const silentProgress: Progress = { start() {}, advance() {}, stop() {} };

/** A terminal progress bar for runs of at least `minTotal` items; silent otherwise. */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr, minTotal = 200): Progress {
  if (!stream.isTTY) return silentProgress;
  let bar: cliProgress.SingleBar | null = null;
  return {
    start(total) {
      if (total < minTotal) return;
      bar = new cliProgress.SingleBar(
        { stream, format: 'ingest [{bar}] {percentage}% | {value}/{total} articles | {rate}/s | {stories}', hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0, { rate: 0, stories: '' });
    },
    advance(by, detail) {
      if (!bar) return;
      const started = (bar as unknown as { startTime: number }).startTime;
      const value = bar.getProgress() * bar.getTotal() + by;
      const seconds = (Date.now() - started) / 1000;
      bar.increment(by, { rate: seconds > 0 ? Math.round(value / seconds) : 0, stories: detail ?? '' });
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
