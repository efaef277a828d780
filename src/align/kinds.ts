import { stemmer } from 'stemmer';

// Words around a counted noun that say nothing about what is counted ("troop count", "more troops").
const NOT_HEAD = new Set(['count', 'number', 'more', 'additional', 'extra', 'total', 'some', 'about', 'around']);

/**
 * The counted thing reduced to its head noun stem, so "troops", "troop count" and "more troops" compare.
 * The fallback for quantities the annotate stage gave no normalised kind; "" when nothing is counted.
 */
export function countedKind(what: string): string {
  const words = what.toLowerCase().match(/[\p{L}%]+/gu) ?? [];
  const head = words.filter((w) => !NOT_HEAD.has(w)).pop() ?? words.pop() ?? '';
  return head ? stemmer(head) : '';
}
