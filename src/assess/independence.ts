import type { Article } from '../clean/types.js';
import type { Provenance, SourceGroup } from './types.js';
import { canonicalSource } from './names.js';

/** Article id -> group id, and the groups with the reasons their articles count as one source. */
export interface Independence {
  groupOf: Map<string, string>;
  groups: SourceGroup[];
}

/**
 * Groups articles that are not independent of each other: one copies or rewrites another, they come
 * from the same outlet, or they rest on the same wire credit. Each group records why its articles were
 * joined ("002 and 004 share the wire credit AP", "003 copies 001", "001 and 005 come from the same outlet, BBC"), so a report can say why several
 * articles count as one source. `label` names an article in those reasons.
 */
export function independenceGroups(articles: Article[], provenance: Provenance[], label: (articleId: string) => string = (id) => id): Independence {
  const parent = new Map(articles.map((a) => [a.id, a.id]));
  const reasons = new Map<string, string[]>();
  const find = (id: string): string => {
    const p = parent.get(id)!;
    if (p === id) return id;
    const root = find(p);
    parent.set(id, root);
    return root;
  };
  const join = (x: string, y: string, reason: string) => {
    const rx = find(x);
    const ry = find(y);
    const [keep, drop] = rx < ry ? [rx, ry] : [ry, rx];
    const list = [...(reasons.get(keep) ?? []), ...(rx !== ry ? reasons.get(drop) ?? [] : [])];
    if (!list.includes(reason)) list.push(reason);
    reasons.set(keep, list);
    if (rx !== ry) {
      parent.set(drop, keep);
      reasons.delete(drop);
    }
  };
  const verb = { copy: 'copies', rewrite: 'rewrites', credit: 'credits' } as const;
  for (const edge of provenance) {
    if (parent.has(edge.from) && parent.has(edge.to)) join(edge.from, edge.to, `${label(edge.to)} ${verb[edge.kind]} ${label(edge.from)}`);
  }
  const firstBySource = new Map<string, string>();
  for (const article of articles) {
    // Any shared credit counts, known agency or not: two stories resting on one source are one source.
    const keys = article.credits.map((c) => [`credit:${canonicalSource(c)}`, `share the wire credit ${c}`]);
    if (article.outlet) keys.push([`outlet:${canonicalSource(article.outlet)}`, `come from the same outlet, ${article.outlet}`]);
    for (const [key, reason] of keys) {
      const first = firstBySource.get(key);
      // The reason names the articles it joins: a group may hold articles joined for different reasons.
      if (first) join(first, article.id, `${label(first)} and ${label(article.id)} ${reason}`);
      else firstBySource.set(key, article.id);
    }
  }
  const groupOf = new Map(articles.map((a) => [a.id, find(a.id)]));
  const members = new Map<string, string[]>();
  for (const a of articles) members.set(groupOf.get(a.id)!, [...(members.get(groupOf.get(a.id)!) ?? []), a.id]);
  const groups: SourceGroup[] = [...members].map(([root, ids], i) => ({ id: `s${i + 1}`, articles: ids, reasons: ids.length > 1 ? reasons.get(root) ?? [] : [] }));
  const idOfRoot = new Map([...members.keys()].map((root, i) => [root, `s${i + 1}`]));
  return { groupOf: new Map([...groupOf].map(([a, root]) => [a, idOfRoot.get(root)!])), groups };
}
