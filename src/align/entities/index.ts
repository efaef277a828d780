// Story-level entity resolution: the mentions of all articles of one story grouped into entities.
import type { Doc, EntityType, Span } from '../../annotate/types.js';
import { NAME_GROUPS } from './aliases.js';
import {
  abbreviates,
  acronymOf,
  firstNamesCompatible,
  givenNames,
  givenNamesCompatible,
  nameWords,
  NearIndex,
  personNameWords,
  surnameKey,
  textKey,
} from './names.js';

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
  /** Name words, titles removed for persons ("President Macron" -> ["Macron"]). */
  words: string[];
}

interface Cluster {
  occurrences: Occurrence[];
  /** Set when merged into another cluster. */
  parent: Cluster | null;
}

/** A full person name grouped under its surname ("Vucic" -> clusters with first-name keys). */
interface FullName {
  given: string[];
  cluster: Cluster;
}

/** The full names sharing one surname key. */
interface SurnameGroup {
  key: string;
  names: FullName[];
}

const TYPE_PRIORITY: EntityType[] = ['person', 'organization', 'place', 'other'];

// A misspelt surname joins another only when both are this long: short surnames one letter apart are
// usually different names ("Vucic" / "Vujic", "Kurti" / "Kurt").
const MIN_MISSPELT_SURNAME = 6;

/** Standard-name key -> canonical key ("britain" -> "united kingdom"), from aliases.ts. */
const CANONICAL = new Map<string, string>();
for (const group of NAME_GROUPS) for (const form of group) CANONICAL.set(textKey(form), textKey(group[0]));
const canonical = (key: string): string => CANONICAL.get(key) ?? key;

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

/** Same first name, not just the same initial: the evidence a misspelt surname needs. */
function sameFirstName(a: FullName, b: FullName): boolean {
  const fa = a.given[0];
  const fb = b.given[0];
  return fa !== undefined && fb !== undefined && textKey(fa).length > 1 && textKey(fb).length > 1 && firstNamesCompatible(fa, fb);
}

// "Kosovo Force (KFOR)" or "KFOR (Kosovo Force)": a parenthesis right after a mention.
const PARENTHESIS = /^\s*\(([^()\n]{2,80})\)/;
// What may be written as an acronym: one word with at least two capitals ("KFOR", "U.N.", "EULEX", "DoD").
const ACRONYM = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z.&]{1,11}$/;

/**
 * The other form of a name defined in the text right after the occurrence ("the Kosovo Force (KFOR)" gives
 * "KFOR"; "KFOR (Kosovo Force)" gives "Kosovo Force"), or null when the parenthesis defines nothing.
 */
function definedForm(o: Occurrence, text: string): string | null {
  const match = PARENTHESIS.exec(text.slice(o.span.end, o.span.end + 90));
  if (!match) return null;
  const inside = match[1].trim();
  if (ACRONYM.test(inside) && abbreviates(inside, o.text)) return inside;
  if (ACRONYM.test(o.text.trim()) && abbreviates(o.text, inside)) return inside;
  return null;
}

/**
 * Groups every mention of the story into entities. Rules:
 * - A person's full names group by surname key, which folds diacritics and transliterations ("Vučić" /
 *   "Vucic", "Zelenskyy" / "Zelensky" / "Zelenskiy"); titles are not part of a name ("President Macron" is
 *   "Macron"). Two full names merge when their given names are compatible (equal, an initial, a
 *   transliteration such as "Aleksandar"/"Alexander", or the hyphen/space variants "Jean-Luc"/"Jean Luc").
 * - A surname misspelt by one letter ("Radoicic" / "Radojicic", both of at least 6 letters) joins when the
 *   first names are the same; other different surnames never merge ("Vucic" / "Vucevic").
 * - A surname alone ("Vucic", "Mr. Vucic") joins the only full name with that surname in the story (or, for a
 *   person, with a surname one letter off). When several full names share it, it joins the one last written
 *   in full before it in the same article, else the one mentioned most in that article; with neither, it
 *   stays an entity of its own rather than guess.
 * - Other mentions merge on their normalised text, standard names of one country or body merge
 *   ("Britain" / "UK" / "United Kingdom", aliases.ts), a long form merges with its initials found in the
 *   story ("North Atlantic Treaty Organization" / "NATO"), and a form defined in a parenthesis merges with
 *   it ("the Kosovo Force (KFOR)").
 * Cost is linear in mentions: every step is a hash lookup by surname, text key or one-letter deletion of a
 * surname (NearIndex), never a comparison of all pairs.
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
        words: m.type === 'person' ? personNameWords(m.text) : nameWords(m.text),
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
  const surnameOf = (words: string[]): string => surnameKey(words[words.length - 1]);

  // 1. Full person names, grouped by surname.
  const bySurname = new Map<string, SurnameGroup>();
  const fullForms = new Map<string, Cluster>();
  for (const o of occurrences) {
    const words = o.words;
    if (o.type !== 'person' || words.length < 2) continue;
    const surname = surnameOf(words);
    const given = givenNames(words);
    let group = bySurname.get(surname);
    if (!group) bySurname.set(surname, (group = { key: surname, names: [] }));
    const match = group.names.find((g) => givenNamesCompatible(g.given, given));
    if (match) join(o, match.cluster);
    else group.names.push({ given, cluster: newCluster(o) });
    fullForms.set(textKey(words.join(' ')), root(clusterOf.get(o)!));
  }

  // 1b. Surnames misspelt by one letter, found through the deletion index, merge when the first names agree.
  const near = new NearIndex<SurnameGroup>();
  for (const group of bySurname.values()) {
    if (group.key.length < MIN_MISSPELT_SURNAME) continue;
    for (const other of near.near(group.key)) {
      if (other.key.length < MIN_MISSPELT_SURNAME) continue;
      for (const a of group.names) for (const b of other.names) if (sameFirstName(a, b)) union(b.cluster, a.cluster);
    }
    near.add(group.key, group);
  }
  // A surname alone: its own group, else the only group one letter away (for persons only).
  const surnameGroup = (o: Occurrence, key: string): SurnameGroup | undefined => {
    const exact = bySurname.get(key);
    if (exact || o.type !== 'person' || key.length < MIN_MISSPELT_SURNAME) return exact;
    const candidates = near.near(key).filter((g) => g.key.length >= MIN_MISSPELT_SURNAME);
    return candidates.length === 1 ? candidates[0] : undefined;
  };

  // 2. Everything else: surnames alone, full names typed otherwise, and non-person names by text.
  const byText = new Map<string, Cluster>();
  const lastFull = new Map<string, Cluster>(); // "article|surname key" -> cluster last written in full there
  const definitions: [Occurrence, string][] = [];
  for (const o of occurrences) {
    const words = o.words;
    const defined = definedForm(o, docs[o.article].article.text);
    if (defined) definitions.push([o, defined]);
    if (clusterOf.has(o)) {
      lastFull.set(`${o.article}|${surnameOf(words)}`, root(clusterOf.get(o)!));
      continue;
    }
    const key = textKey(o.text);
    const full = fullForms.get(key) ?? fullForms.get(textKey(words.join(' ')));
    if (full) {
      join(o, full);
      continue;
    }
    const group = words.length === 1 ? surnameGroup(o, surnameOf(words)) : undefined;
    if (group) {
      const target = group.names.length === 1 ? group.names[0].cluster : pickAmong(group, o, lastFull);
      if (target) {
        join(o, target);
        continue;
      }
    }
    // Ambiguous surnames get their own key so they never join a non-person of the same spelling.
    const textKeyed = group ? 'surname:' + group.key : canonical(key);
    const existing = byText.get(textKeyed);
    if (existing) join(o, existing);
    else byText.set(textKeyed, newCluster(o));
  }

  // 3. Acronyms: "European Union" joins "EU" when both are in the story; so do forms defined in parentheses.
  for (const [key, cluster] of [...byText]) {
    const acronym = acronymOf(key);
    if (!acronym) continue;
    const short = byText.get(canonical(acronym));
    if (short && root(short) !== root(cluster)) union(short, cluster);
  }
  for (const [o, form] of definitions) {
    const other = byText.get(canonical(textKey(form)));
    if (other) union(clusterOf.get(o)!, other);
  }

  return finish(occurrences, clusterOf);
}

/** For a surname shared by several full names: the one last written in full in the same article, else the most mentioned there. */
function pickAmong(group: SurnameGroup, o: Occurrence, lastFull: Map<string, Cluster>): Cluster | null {
  const recent = lastFull.get(`${o.article}|${group.key}`);
  if (recent) return root(recent);
  const counts = new Map<Cluster, number>();
  for (const g of group.names) {
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
    const full = occ.filter((o) => o.words.length > 1);
    // A person's forms are written without titles ("President Macron" counts as "Macron").
    const form = (o: Occurrence): string => (o.type === 'person' ? o.words.join(' ') : o.text.trim());
    const name = mostFrequent(type === 'person' && full.length > 0 ? full : occ, form);
    const aliases = [...new Set(occ.map(form))].filter((a) => a !== name && a !== '');
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
