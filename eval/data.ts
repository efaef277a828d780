import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Root of the public evaluation data: ../shared/eval beside the checkout, or $TRIANGULATE_EVAL_DIR. */
export const evalRoot = process.env.TRIANGULATE_EVAL_DIR ?? path.resolve(repoRoot, '../shared/eval');
export const seedsDir = process.env.TRIANGULATE_SEEDS_DIR ?? path.resolve(repoRoot, '../shared/seeds');

/** Path of one dataset folder, or null (with the reason printed by the caller) when it is not present. */
export function datasetDir(name: string): string | null {
  const dir = path.join(evalRoot, name);
  return existsSync(dir) ? dir : null;
}

export function missingMessage(name: string): string {
  return `skipped: ${path.join(evalRoot, name)} is absent (the public evaluation data lives beside the checkout in ../shared/eval)`;
}
