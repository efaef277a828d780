// Story-level entity resolution: the mentions of all articles of one story grouped into entities.
import type { Doc, EntityType, Span } from '../../annotate/types.js';
import { acronymOf, firstNamesCompatible, nameWords, textKey } from './names.js';

export interface StoryEntity {
  /** Deterministic id: "e1", "e2", ... in order of first appearance (article order, then text order). */
  id: string;
  /** The most frequent full form, e.g. "Aleksandar Vucic". */
  name: string;
  /** Majority type across the story. */
  type: EntityType;
  /** Other written forms ("Vucic", "Alexander Vucic"). */
  aliases: string[];
  mentions: Span[];
}

export interface ResolvedEntities {
  entities: StoryEntity[];
  /** The entity with a mention overlapping that range of that article (the largest overlap), or null. */
  entityAt(articleId: string, start: number, end: number): StoryEntity | null;
}

interface Occurrence {
  span: Span;
  text: string;
  type: EntityType;
  /** Position in the story: article index, then offset; gives first-appearance order. */
  order: number;
  article: number;
}

interface Cluster {
  occurrences: Occurrence[];
  /** Set when merged into another cluster. */
  parent: Cluster | null;
}

/** A full person name grouped under its surname ("Vucic" -> clusters with first-name keys). */
interface FullName {
  first: string;
  cluster: Cluster;
}

const TYPE_PRIORITY: EntityType[] = ['person', 'organization', 'place', 'other'];

function root(c: Cluster): Cluster {
  while (c.parent) c = c.parent;
  return c;
}

function union(a: Cluster, b: Cluster): Cluster {
  const ra = root(a);
  const rb = root(b);
  if (ra === rb) return ra;
  rb.parent = ra;
  ra.occurrences.push(...rb.occurrences);
  rb.occurrences = [];
  return ra;
}

/**
 * Groups every mention of the story into entities. Rules:
 * - A person's full names group by surname; two full names merge when their first names are compatible
 *   (equal, an initial, or a transliteration: "Aleksandar"/"Alexander"). Different surnames never merge.
 * - A surname alone ("Vucic") joins the only full name with that surname in the story. When several full
 *   names share it, it joins the one last written in full before it in the same article, else the one
 *   mentioned most in that article; with neither, it stays an entity of its own rather than guess.
 * - Other mentions merge on their normalised text; "North Atlantic Treaty Organization" also merges with a
 *   one-word "NATO" found in the story.
 * Cost is linear in mentions: every step is a hash lookup by surname or text key.
 */
export function resolveEntities(docs: Doc[]): ResolvedEntities {
  const occurrences: Occurrence[] = [];
  docs.forEach((doc, article) => {
    for (const m of doc.mentions) {
      occurrences.push({
        span: { articleId: doc.article.id, start: m.start, end: m.end },
        text: m.text,
        type: m.type,
        order: occurrences.length,
        article,
      });
    }
  });

  const clusterOf = new Map<Occurrence, Cluster>();
  const newCluster = (o: Occurrence): Cluster => {
    const c: Cluster = { occurrences: [o], parent: null };
    clusterOf.set(o, c);
    return c;
  };
  const join = (o: Occurrence, c: Cluster): void => {
    const r = root(c);
    r.occurrences.push(o);
    clusterOf.set(o, r);
  };

  // 1. Full person names, grouped by surname.
  const bySurname = new Map<string, FullName[]>();
  const fullForms = new Map<string, Cluster>();
  for (const o of occurrences) {
    const words = nameWords(o.text);
    if (o.type !== 'person' || words.length < 2) continue;
    const surname = textKey(words[words.length - 1]);
    const first = words[0];
    let group = bySurname.get(surname);
    if (!group) bySurname.set(surname, (group = []));
    const match = group.find((g) => firstNamesCompatible(g.first, first));
    if (match) join(o, match.cluster);
    else {
      const cluster = newCluster(o);
      group.push({ first, cluster });
    }
    fullForms.set(textKey(o.text), root(clusterOf.get(o)!));
  }

  // 2. Everything else: surnames alone, full names typed otherwise, and non-person names by text.
  const byText = new Map<string, Cluster>();
  const lastFull = new Map<string, Cluster>(); // "article|surname" -> cluster last written in full there
  for (const o of occurrences) {
    const words = nameWords(o.text);
    if (clusterOf.has(o)) {
      lastFull.set(`${o.article}|${textKey(words[words.length - 1])}`, root(clusterOf.get(o)!));
      continue;
    }
    const key = textKey(o.text);
    const full = fullForms.get(key);
    if (full) {
      join(o, full);
      continue;
    }
    const group = words.length === 1 ? bySurname.get(key) : undefined;
    if (group) {
      const target = group.length === 1 ? group[0].cluster : pickAmong(group, o, lastFull);
      if (target) {
        join(o, target);
        continue;
      }
    }
    // Ambiguous surnames get their own key so they never join a non-person of the same spelling.
    const textKeyed = group ? 'surname:' + key : key;
    const existing = byText.get(textKeyed);
    if (existing) join(o, existing);
    else byText.set(textKeyed, newCluster(o));
  }

  // 3. Acronyms: "European Union" joins "EU" when both are in the story.
  for (const [key, cluster] of [...byText]) {
    const acronym = acronymOf(key);
    if (!acronym) continue;
    const short = byText.get(acronym);
    if (short && root(short) !== root(cluster)) union(short, cluster);
  }

  return finish(occurrences, clusterOf);
}

/** For a surname shared by several full names: the one last written in full in the same article, else the most mentioned there. */
function pickAmong(group: FullName[], o: Occurrence, lastFull: Map<string, Cluster>): Cluster | null {
  const recent = lastFull.get(`${o.article}|${textKey(o.text)}`);
  if (recent) return recent;
  const counts = new Map<Cluster, number>();
  for (const g of group) {
    const r = root(g.cluster);
    counts.set(r, r.occurrences.filter((x) => x.article === o.article).length);
  }
  const ranked = [...counts].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[0][1] === ranked[1][1])) return null;
  return ranked[0][0];
}

function mostFrequent<T>(items: T[], key: (t: T) => string): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  // Ties go to the form seen first (Map keeps insertion order).
  let best = '';
  let bestCount = 0;
  for (const [k, n] of counts) {
    if (n > bestCount) {
      best = k;
      bestCount = n;
    }
  }
  return best;
}

function finish(occurrences: Occurrence[], clusterOf: Map<Occurrence, Cluster>): ResolvedEntities {
  const roots: Cluster[] = [];
  const seen = new Set<Cluster>();
  for (const o of occurrences) {
    const r = root(clusterOf.get(o)!);
    if (!seen.has(r)) {
      seen.add(r);
      roots.push(r);
    }
  }
  const entityOf = new Map<Cluster, StoryEntity>();
  const entities = roots.map((r, index) => {
    const occ = r.occurrences.slice().sort((a, b) => a.order - b.order);
    const typeCounts = new Map<EntityType, number>();
    for (const o of occ) typeCounts.set(o.type, (typeCounts.get(o.type) ?? 0) + 1);
    const top = Math.max(...typeCounts.values());
    const type = TYPE_PRIORITY.find((t) => typeCounts.get(t) === top) ?? 'other';
    const full = occ.filter((o) => nameWords(o.text).length > 1);
    const name = mostFrequent(type === 'person' && full.length > 0 ? full : occ, (o) => o.text.trim());
    const aliases = [...new Set(occ.map((o) => o.text.trim()))].filter((a) => a !== name);
    const entity: StoryEntity = { id: `e${index + 1}`, name, type, aliases, mentions: occ.map((o) => o.span) };
    entityOf.set(r, entity);
    return entity;
  });

  // Per-article mention index sorted by start, for entityAt.
  const byArticle = new Map<string, { start: number; end: number; entity: StoryEntity }[]>();
  for (const o of occurrences) {
    let list = byArticle.get(o.span.articleId);
    if (!list) byArticle.set(o.span.articleId, (list = []));
    list.push({ start: o.span.start, end: o.span.end, entity: entityOf.get(root(clusterOf.get(o)!))! });
  }
  for (const list of byArticle.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);

  const entityAt = (articleId: string, start: number, end: number): StoryEntity | null => {
    const list = byArticle.get(articleId);
    if (!list) return null;
    // First mention starting at or after `end`: every overlapping one lies before it.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].start < Math.max(end, start + 1)) lo = mid + 1;
      else hi = mid;
    }
    let best: StoryEntity | null = null;
    let bestOverlap = 0;
    // Mentions do not nest deeply, so a short backward walk finds every overlap.
    for (let k = lo - 1; k >= 0 && lo - k <= 16; k--) {
      const m = list[k];
      const overlap = Math.min(m.end, Math.max(end, start + 1)) - Math.max(m.start, start);
      if (overlap > bestOverlap) {
        best = m.entity;
        bestOverlap = overlap;
      }
    }
    return best;
  };
  return { entities, entityAt };
}
