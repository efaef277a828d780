import type { Doc } from '../annotate/types.js';
import type { ResolvedEntities } from './entities/index.js';
import type { FactGroup } from './types.js';
import { cosine, type TermVector } from './similarity.js';
import { SentenceIndex, buildVectors } from './sentence-index.js';
import { collectClaims, type ClaimItem, type ClaimRef } from './claims.js';
import { relate, RELATION_DEFAULTS, type DenialDetector, type MeaningScorer, type PairEvidence, type Relation, type RelationOptions, type StoryContext } from './relations.js';
import { claimScorer } from './scorer.js';

export interface AlignOptions extends RelationOptions {
  /** Terms found in more than this share of the story's claims do not generate candidate pairs. */
  maxCandidateTermShare?: number;
  /** At most this many candidate partners are scored per claim, keeping cost linear in story size. */
  maxCandidatesPerClaim?: number;
  /**
   * Candidates whose term cosine (content terms plus slot keys) is below this are not scored: the pair
   * scorer costs ~10 µs a pair, and such pairs share no rare word, entity, event or counted kind worth it.
   */
  minCandidateCosine?: number;
  /**
   * Mean term cosine between two groups' claims below which they are not merged even when one pair of
   * them agrees: stops chains ("US urges withdrawal" - "Kosovo urges withdrawal" - "Serbia withdraws").
   */
  minGroupCohesion?: number;
  /** The pair scorer; defaults to the trained claim-pair model. */
  scorer?: MeaningScorer;
  /** A stance classifier for denials that the claims layer did not mark (no denial verb); none by default. */
  denies?: DenialDetector;
}

export const ALIGN_DEFAULTS: Required<Omit<AlignOptions, 'scorer' | 'denies'>> = {
  ...RELATION_DEFAULTS,
  maxCandidateTermShare: 0.04,
  maxCandidatesPerClaim: 12,
  minCandidateCosine: 0.15,
  minGroupCohesion: 0.12,
};

/** A claim with its term vector, as held in the story's claim index. */
export interface IndexedClaim {
  articleId: string;
  vector: TermVector;
  item: ClaimItem;
}

/** The story's claims grouped into facts, the relations between candidate pairs, and the index to query them. */
export interface Alignment {
  facts: FactGroup[];
  claims: ClaimItem[];
  /** The scored candidate pairs that agree or conflict (pairs found unrelated are dropped). */
  relations: Relation[];
  index: SentenceIndex<IndexedClaim>;
  /** The fact a claim belongs to, keyed by claimKey. */
  factOf: Map<string, FactGroup>;
  /** The facts of a sentence, keyed by statementKey. */
  factsOfSentence: Map<string, FactGroup[]>;
  /** What the story says about places (which are named together, so nested rather than rival). */
  story: StoryContext;
  /** The claim behind a fact member or representative (fact members are the claims' own refs). */
  claimOf: Map<ClaimRef, ClaimItem>;
}

export const statementKey = (articleId: string, sentenceIndex: number) => `${articleId}#${sentenceIndex}`;
export const claimKey = (ref: { articleId: string; sentenceIndex: number; claimIndex: number }) => `${ref.articleId}#${ref.sentenceIndex}#${ref.claimIndex}`;

/**
 * Groups the story's claims into facts: claims from different articles that say the same thing and agree
 * on every slot both fill. Candidates come from an inverted index over rare terms and slot keys (resolved
 * entities, predicate classes, counted kinds), never from all pairs; each candidate pair is scored by the
 * claim-pair scorer and checked for conflicting numbers, dates and polarity (see relate()).
 */
export function alignStory(docs: Doc[], entities: ResolvedEntities, options: AlignOptions = {}): Alignment {
  const settings = { ...ALIGN_DEFAULTS, ...options };
  const claims = collectClaims(docs, entities);
  const termLists = claims.map(slotTerms);
  const { stats, vectors } = buildVectors(termLists);
  const indexed: IndexedClaim[] = claims.map((item, i) => ({ articleId: item.articleId, vector: vectors[i], item }));
  const index = new SentenceIndex(indexed, stats, settings.maxCandidateTermShare);
  const scorer = options.scorer ?? claimScorer();

  const story = placesNamedTogether(docs, entities);
  const relations: Relation[] = [];
  const seen = new Set<number>();
  indexed.forEach((entry, i) => {
    // A denial may answer a claim in its own article ("the US said ... Vucic denied it"), so contrary
    // claims also look inside their article; agreement is only counted across articles.
    const contrary = claims[i].polarity !== 'affirmed';
    const skip = (j: number) => j === i || (!contrary && (j < i || indexed[j].articleId === entry.articleId));
    for (const { index: j, similarity: cos } of index.neighbours(entry.vector, settings.maxCandidatesPerClaim, skip)) {
      if (cos < settings.minCandidateCosine) break;
      const [a, b] = i < j ? [i, j] : [j, i];
      const key = a * claims.length + b;
      if (seen.has(key)) continue;
      seen.add(key);
      const relation = sameWords(claims[a], claims[b], a, b) ?? relate(claims[a], claims[b], a, b, scorer, settings, options.denies, story);
      if (claims[a].articleId === claims[b].articleId) relation.agrees = false;
      // Pairs that neither agree nor conflict say nothing downstream; keeping them would hold ~20 objects per claim.
      if (relation.agrees || relation.conflict || relation.distinct) relations.push(relation);
    }
  });
  const groups = mergeAgreeing(indexed, relations, settings.minGroupCohesion);
  const agreeingOf = new Map<number, Relation[]>();
  for (const r of relations) if (r.agrees) (agreeingOf.get(r.a) ?? agreeingOf.set(r.a, []).get(r.a)!).push(r);

  const facts: FactGroup[] = groups.map((members) => {
    const { index: rep, cohesion } = medoid(members, indexed);
    return { id: '', representative: claims[rep].ref, members: members.map((i) => claims[i].ref), cohesion, evidence: groupEvidence(members, claims, agreeingOf) };
  });
  // Order: most widely reported first, then by where the fact first appears, so ids are stable for the same input.
  const articleOrder = new Map(docs.map((d, i) => [d.article.id, i]));
  const position = (r: ClaimRef) => [articleOrder.get(r.articleId) ?? 0, r.start] as const;
  facts.sort((x, y) => {
    const [ax, sx] = position(x.members[0]);
    const [ay, sy] = position(y.members[0]);
    return y.members.length - x.members.length || ax - ay || sx - sy;
  });
  facts.forEach((fact, i) => (fact.id = `f${i + 1}`));
  const factOf = new Map<string, FactGroup>();
  const factsOfSentence = new Map<string, FactGroup[]>();
  for (const fact of facts) {
    for (const m of fact.members) {
      factOf.set(claimKey(m), fact);
      const key = statementKey(m.articleId, m.sentenceIndex);
      const list = factsOfSentence.get(key) ?? [];
      if (!list.includes(fact)) list.push(fact);
      factsOfSentence.set(key, list);
    }
  }
  return { facts, claims, relations, index, factOf, factsOfSentence, story, claimOf: new Map(claims.map((c) => [c.ref, c])) };
}

/**
 * Copies and wire stories repeat claims word for word: with the same words, the same dates and the same
 * polarity two claims agree without scoring (a third of the pairs in a story built from shared wire copy).
 * Same words with other dates (a relative date in articles of different days) go through relate().
 */
function sameWords(a: ClaimItem, b: ClaimItem, ia: number, ib: number): Relation | null {
  if (a.text !== b.text || a.polarity !== b.polarity || a.dates.join() !== b.dates.join() || a.agent !== b.agent) return null;
  const evidence = { similarity: 1, sharedEntities: [], sharedNumbers: [], sharedDates: [], sharedPredicates: [] };
  return { a: ia, b: ib, evidence, conflict: null, agrees: true };
}

/** Pairs of place entities named in one sentence somewhere in the story (linear: places per sentence are few). */
function placesNamedTogether(docs: Doc[], entities: ResolvedEntities): StoryContext {
  const together = new Set<string>();
  for (const doc of docs) {
    const places = doc.mentions.filter((m) => m.type === 'place');
    let p = 0;
    for (const sentence of doc.sentences) {
      const ids = new Set<string>();
      while (p < places.length && places[p].start < sentence.end) {
        if (places[p].start >= sentence.start) {
          const id = entities.entityAt(doc.article.id, places[p].start, places[p].end)?.id;
          if (id) ids.add(id);
        }
        p++;
      }
      const list = [...ids].slice(0, 12);
      for (const x of list) for (const y of list) if (x < y) together.add(`${x}\u0000${y}`);
    }
  }
  return { placesTogether: (x, y) => together.has(x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`) };
}

/**
 * The claim's content terms plus keys for its resolved slots, so that "lost their lives" and "were
 * killed" share the predicate key, "Vucic" and "Aleksandar Vucic" share the entity key, and "three
 * gunmen" and "3 attackers" share the counted-kind key, in the index and in the cosine alike.
 */
function slotTerms(item: ClaimItem): string[] {
  const terms = [...item.terms];
  if (item.predicate) terms.push(`#p:${item.predicate}`);
  for (const e of item.entities) terms.push(`#e:${e}`);
  for (const q of item.quantities) terms.push(`#q:${q.kind}`);
  return terms;
}

/**
 * Merges agreeing pairs, best first, into groups. Two groups merge only when no claim of one conflicts
 * with a claim of the other (a dispute is never folded into a corroboration) and the mean term cosine
 * between their claims stays above minCohesion (for unit vectors that mean is dot(sumA, sumB)/(|A||B|),
 * so only each group's summed vector is kept).
 */
function mergeAgreeing(items: IndexedClaim[], relations: Relation[], minCohesion: number): number[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const members = new Map<number, number[]>(items.map((_, i) => [i, [i]]));
  const sums = new Map<number, Map<string, number>>(items.map((item, i) => [i, new Map(item.vector.terms)]));
  const conflicts = new Map<number, Set<number>>();
  for (const r of relations) {
    if (!r.conflict && !r.distinct) continue;
    (conflicts.get(r.a) ?? conflicts.set(r.a, new Set()).get(r.a)!).add(r.b);
    (conflicts.get(r.b) ?? conflicts.set(r.b, new Set()).get(r.b)!).add(r.a);
  }
  const blocked = (ma: number[], mb: number[]) => {
    if (conflicts.size === 0) return false;
    const [small, large] = ma.length <= mb.length ? [ma, mb] : [mb, ma];
    let other: Set<number> | null = null;
    for (const i of small) {
      const set = conflicts.get(i);
      if (!set) continue;
      other ??= new Set(large);
      for (const j of set) if (other.has(j)) return true;
    }
    return false;
  };
  const agreeing = relations.filter((r) => r.agrees).sort((x, y) => y.evidence.similarity - x.evidence.similarity || x.a - y.a || x.b - y.b);
  for (const r of agreeing) {
    const ra = find(r.a);
    const rb = find(r.b);
    if (ra === rb) continue;
    const ma = members.get(ra)!;
    const mb = members.get(rb)!;
    if (blocked(ma, mb)) continue;
    const mean = dot(sums.get(ra)!, sums.get(rb)!) / (ma.length * mb.length);
    if (mean < minCohesion) continue;
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    parent[drop] = keep;
    members.set(keep, [...members.get(keep)!, ...members.get(drop)!].sort((x, y) => x - y));
    const sum = sums.get(keep)!;
    for (const [term, weight] of sums.get(drop)!) sum.set(term, (sum.get(term) ?? 0) + weight);
    members.delete(drop);
    sums.delete(drop);
  }
  return [...members.values()];
}

function dot(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let total = 0;
  for (const [term, weight] of small) total += weight * (large.get(term) ?? 0);
  return total;
}

/**
 * The member whose words the others state most: fewest content terms that no other member has (so the
 * fact's text does not carry one outlet's extra detail, "in a bloody war in 1998-99"), each named participant
 * in its cited words counting in its favour, then the most central by term cosine. Cohesion is the mean cosine of the chosen member to the others.
 */
function medoid(members: number[], items: IndexedClaim[]): { index: number; cohesion: number } {
  if (members.length === 1) return { index: members[0], cohesion: 1 };
  // Large groups: the choice among a bounded sample keeps this linear.
  const pool = members.slice(0, 40);
  const termCount = new Map<string, number>();
  for (const i of pool) for (const t of new Set(items[i].item.terms)) termCount.set(t, (termCount.get(t) ?? 0) + 1);
  let best = pool[0];
  let bestOwn = Infinity;
  let bestScore = -1;
  for (const a of pool) {
    // Named participants make the text stand alone ("Kosovo declared independence" over "declared independence").
    let own = -2 * items[a].item.citedEntities.size;
    for (const t of new Set(items[a].item.terms)) if (termCount.get(t) === 1) own++;
    let score = 0;
    for (const b of pool) if (a !== b) score += cosine(items[a].vector, items[b].vector);
    if (own < bestOwn || (own === bestOwn && score > bestScore)) {
      bestOwn = own;
      bestScore = score;
      best = a;
    }
  }
  return { index: best, cohesion: bestScore / (pool.length - 1) };
}

/**
 * What every claim of the group states alike: the reason its claims were matched, which each cited span
 * can be checked against. Similarity is the mean pair-scorer probability of the agreeing pairs inside.
 */
function groupEvidence(members: number[], claims: ClaimItem[], agreeingOf: Map<number, Relation[]>): PairEvidence {
  if (members.length === 1) return { similarity: 1, sharedEntities: [], sharedNumbers: [], sharedDates: [], sharedPredicates: [] };
  const inside = new Set(members);
  // Relations are looked up per member (never a scan of all relations per group, which is quadratic on big stories).
  const pairs = members.flatMap((i) => (agreeingOf.get(i) ?? []).filter((r) => inside.has(r.b)));
  const everyone = (pick: (c: ClaimItem) => string[]) => {
    const [first, ...rest] = members.map((i) => new Set(pick(claims[i])));
    return [...first].filter((v) => rest.every((set) => set.has(v)));
  };
  const similarity = pairs.length ? pairs.reduce((s, p) => s + p.evidence.similarity, 0) / pairs.length : 0;
  return {
    similarity: Math.round(similarity * 1000) / 1000,
    sharedEntities: everyone((c) => [...c.citedEntities]),
    sharedNumbers: everyone((c) => c.quantities.map((q) => `${q.value} ${q.kind}`)),
    sharedDates: everyone((c) => c.dates),
    sharedPredicates: everyone((c) => (c.predicate ? [c.predicate] : [])),
  };
}
