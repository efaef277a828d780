import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { stageProgress } from './progress.js';

/** A stderr stand-in that records what is written; `tty` decides whether it claims to be a terminal. */
function fakeStderr(tty: boolean): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      written.push(String(chunk));
      done();
    },
  }) as unknown as NodeJS.WriteStream & { isTTY: boolean; columns: number };
  stream.isTTY = tty;
  stream.columns = 100;
  // cli-progress moves the cursor through these when it redraws.
  Object.assign(stream, { cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  return { stream, written };
}

function run(tty: boolean, delayMs: number): string[] {
  const { stream, written } = fakeStderr(tty);
  let clock = 0;
  const progress = stageProgress(stream, { delayMs, now: () => clock });
  for (let done = 0; done <= 50; done++) {
    clock += 100;
    progress.update({ stage: 'annotating', done, total: 50 });
  }
  progress.stop();
  return written;
}

test('no bar is drawn when stderr is not a terminal, however long the run', () => {
  assert.deepEqual(run(false, 0), []);
});

test('on a terminal the bar is drawn once the run has lasted the delay, and not for short runs', () => {
  const drawn = run(true, 1000).join('');
  assert.match(drawn, /analyze \[.*\] \d+% \| annotating \d+\/50 articles/);
  assert.deepEqual(run(true, 60_000), [], 'a run shorter than the delay draws nothing');
});
