// Word-vector lookup for the stance features, through the project's one vectors module (src/text/vectors.ts).
// The vectors are optional: when models/vectors.bin has not been built, the lookup is undefined and the
// vector features are simply absent.
import { loadVectors } from '../../../text/vectors.js';
import type { VectorLookup } from './features.js';

let lookup: VectorLookup | null | undefined;

/** The vector lookup, or undefined when the vector file is missing or unreadable. Cached for the process. */
export function vectorLookup(): VectorLookup | undefined {
  if (lookup === undefined) {
    try {
      const vectors = loadVectors();
      lookup = (word: string) => vectors.vector(word);
    } catch {
      lookup = null;
    }
  }
  return lookup ?? undefined;
}

/** Async form for scripts (kept async so a later loader may read the file without blocking). */
export async function loadVectorLookup(): Promise<VectorLookup | undefined> {
  return vectorLookup();
}
