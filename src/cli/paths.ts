// Checks on paths the user gave, made before any work starts: a typo in --out must not cost a whole analysis
// and then a stack trace. Kept apart from commands/shared.ts so `analyze` can use them without loading the store.
import { statSync, type Stats } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new UsageError(`${file}: cannot be checked (${code ?? (error as Error).message})`);
  }
}

/**
 * Throws UsageError (one line, naming `option`) unless `file` can be created or replaced: its folder must
 * exist and be a folder, and `file` must not itself be a folder. Nothing is created. Used for --out before the
 * work that produces the output runs.
 */
export function checkOutputPath(file: string, option = '--out'): void {
  if (file === '') throw new UsageError(`${option} takes a file name`);
  const info = statOrNull(file);
  if (info?.isDirectory()) throw new UsageError(`${option} ${file}: is a folder; give a file name inside it`);
  if (info) return;
  const folder = path.dirname(path.resolve(file));
  const parent = statOrNull(folder);
  if (!parent) throw new UsageError(`${option} ${file}: folder ${folder} does not exist`);
  if (!parent.isDirectory()) throw new UsageError(`${option} ${file}: ${folder} is not a folder`);
}

/**
 * Throws UsageError (one line, naming `option` and the first bad path) unless every path exists. Paths that
 * look like URLs (http/https) are not checked. Used for inputs that would otherwise silently load nothing.
 */
export function checkInputPaths(paths: readonly string[], option: string): void {
  for (const input of paths) {
    if (/^https?:\/\//i.test(input)) continue;
    if (!statOrNull(input)) throw new UsageError(`${option} ${input}: no such file or folder`);
  }
}

/**
 * Writes `text` to `file` (checked beforehand with `checkOutputPath`); a failure the user can fix (permission,
 * full disk, the folder removed meanwhile) is thrown as a one-line UsageError naming `option`.
 */
export async function writeOutput(file: string, text: string, option = '--out'): Promise<void> {
  try {
    await writeFile(file, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EACCES' || code === 'EPERM' ? 'permission denied'
      : code === 'ENOSPC' ? 'disk full'
      : code === 'EISDIR' ? 'is a folder'
      : code === 'ENOENT' || code === 'ENOTDIR' ? 'its folder does not exist'
      : code ? `cannot write (${code})` : null;
    if (reason === null) throw error;
    throw new UsageError(`${option} ${file}: ${reason}`);
  }
}
