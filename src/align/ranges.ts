import type { Range } from '../annotate/types.js';

/** Whether `inner` lies wholly inside `outer` (a mention, number or date inside a sentence). */
export function contains(outer: Range, inner: Range): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}
