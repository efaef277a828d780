// Running the CLI in this process, as the tests of commands do: what a user would see, without a child process.
import { main } from '../src/cli/main.js';

/** Runs `triangulate <args>` in-process; resolves with its exit code, stdout (joined) and stderr lines. */
export async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string[] }> {
  const out: string[] = [];
  const stderr: string[] = [];
  const code = await main(args, { stdout: (text) => out.push(text), stderr: (line) => stderr.push(line) });
  return { code, stdout: out.join(''), stderr };
}
