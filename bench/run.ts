// Runs every benchmark in bench/tasks/ (or those named on the command line) and prints their tables.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(path.join(here, 'tasks'))
  .filter((f) => f.endsWith('.ts'))
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();
for (const file of files) {
  const { run } = (await import(pathToFileURL(path.join(here, 'tasks', file)).href)) as { run: () => Promise<string> };
  console.log(await run());
}
