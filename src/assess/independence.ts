import type { Article } from '../clean/types.js';
import type { Provenance } from './types.js';
import { canonicalSource } from './names.js';

/**
 * Groups articles that are not independent of each other: one copies or rewrites another, they come
 * from the same outlet, or they rest on the same wire credit. Returns article id -> group id.
 */
export function independenceGroups(articles: Article[], provenance: Provenance[]): Map<string, string> {
  const parent = new Map(articles.map((a) => [a.id, a.id]));
  const find = (id: string): string => {
    const p = parent.get(id)!;
    if (p === id) return id;
    const root = find(p);
    parent.set(id, root);
    return root;
  };
  const join = (x: string, y: string) => {
    const rx = find(x);
    const ry = find(y);
    if (rx !== ry) parent.set(rx < ry ? ry : rx, rx < ry ? rx : ry);
  };
  for (const edge of provenance) if (parent.has(edge.from) && parent.has(edge.to)) join(edge.from, edge.to);
  const firstBySource = new Map<string, string>();
  for (const article of articles) {
    // Any shared credit counts, known agency or not: two stories resting on one source are one source.
    const keys = article.credits.map((c) => `credit:${canonicalSource(c)}`);
    if (article.outlet) keys.push(`outlet:${canonicalSource(article.outlet)}`);
    for (const key of keys) {
      const first = firstBySource.get(key);
      if (first) join(first, article.id);
      else firstBySource.set(key, article.id);
    }
  }
  return new Map(articles.map((a) => [a.id, find(a.id)]));
}
