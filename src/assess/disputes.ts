// Disputes: claims about the same thing that disagree. The align stage found the conflicting pairs (a
// different number, date or place for the same thing, or one side affirming what the other denies); here
// they become disputes with sides, each side the fact groups that agree with it, its sources and who makes it.
import type { Span } from '../annotate/types.js';
import type { Alignment, ClaimItem, Conflict, FactGroup, Relation } from '../align/index.js';
import { citedRange, claimKey } from '../align/index.js';
import type { Dispute, DisputeSide } from './types.js';
import { describeEvidence, type EvidenceNames } from './evidence.js';
import { balancedTitle } from './titles.js';

/** Who a side's claim is by: the claim's source, else the outlet that says it in its own voice. */
export interface ClaimantNames {
  /** Outlet (or origin) label of an article. */
  outletOf(articleId: string): string;
}

export interface DisputeOptions {
  /** Sides listed per dispute at most (the most widely reported first). */
  maxSides?: number;
}

export const DISPUTE_DEFAULTS: Required<DisputeOptions> = { maxSides: 6 };

/** A number conflict between claims of articles published on different days is a change over time, not a dispute. */
export function isChangeOverTime(alignment: Alignment, relation: Relation): boolean {
  if (relation.conflict?.kind !== 'number') return false;
  const day = (c: ClaimItem) => c.doc.article.publishedAt?.slice(0, 10) ?? null;
  const [a, b] = [day(alignment.claims[relation.a]), day(alignment.claims[relation.b])];
  return a !== null && b !== null && a !== b;
}

/**
 * Disputes of the story from the align stage's conflicting pairs. Conflicts of one kind that link the same
 * facts form one dispute; its sides split by the value each gives (number, date, place) or by polarity
 * (claim vs denial). A side lists every source of the facts on that side.
 */
export function findDisputes(alignment: Alignment, names: EvidenceNames & ClaimantNames, options: DisputeOptions = {}): Dispute[] {
  const settings = { ...DISPUTE_DEFAULTS, ...options };
  const conflicts = alignment.relations.filter((r) => r.conflict && !isChangeOverTime(alignment, r));
  const factOfClaim = (i: number) => alignment.factOf.get(claimKey(alignment.claims[i].ref))!;

  // One dispute per connected set of facts linked by conflicts of one kind (and, for numbers, one counted kind).
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    const p = parent.get(k) ?? k;
    if (p === k) return k;
    const r = find(p);
    parent.set(k, r);
    return r;
  };
  const topic = (r: Relation) => `${r.conflict!.kind}:${r.conflict!.quantities?.[0].kind ?? ''}`;
  for (const r of conflicts) {
    const t = topic(r);
    const a = `${t}|${factOfClaim(r.a).id}`;
    const b = `${t}|${factOfClaim(r.b).id}`;
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(rb, ra);
  }
  const byDispute = new Map<string, Relation[]>();
  for (const r of conflicts) {
    const root = find(`${topic(r)}|${factOfClaim(r.a).id}`);
    byDispute.set(root, [...(byDispute.get(root) ?? []), r]);
  }

  const disputes: Dispute[] = [];
  for (const relations of byDispute.values()) {
    const kind = relations[0].conflict!.kind;
    // Each fact in the dispute takes the value its claims give in the conflicts it is part of.
    const valueOfFact = new Map<FactGroup, string>();
    const claimOfFact = new Map<FactGroup, ClaimItem>();
    for (const r of relations) {
      const [va, vb] = sideValues(r.conflict!, alignment.claims[r.a], alignment.claims[r.b]);
      for (const [i, value] of [[r.a, va], [r.b, vb]] as const) {
        const fact = factOfClaim(i);
        if (!valueOfFact.has(fact)) {
          valueOfFact.set(fact, value);
          claimOfFact.set(fact, alignment.claims[i]);
        }
      }
    }
    // A side is one value (or one stance) as put by one claimant: Vucic's denial and Mojsilovic's denial
    // of the same claim are two sides, each with its own speaker, even when the two denials were matched
    // into one fact. Number, date and place sides are split by value only.
    const sides = new Map<string, { items: ClaimItem[]; value: string; first: ClaimItem }>();
    for (const [fact, value] of valueOfFact) {
      const anchor = claimOfFact.get(fact)!;
      for (const ref of fact.members) {
        const item = alignment.claimOf.get(ref)!;
        // A number or date side lists the claims that state its value, not every claim of the fact.
        if (kind === 'number' && !item.quantities.some((q) => String(q.value) === value)) continue;
        if (kind === 'date' && !item.dates.includes(value)) continue;
        const key = `${value}|${kind === 'denial' ? claimantKey(item) : ''}`;
        const side = sides.get(key) ?? { items: [], value, first: item };
        if (item === anchor) side.first = item;
        side.items.push(item);
        sides.set(key, side);
      }
    }
    if (new Set([...sides.values()].map((s) => s.value)).size < 2) continue;
    const built = [...sides.values()].map((side) => toSide(kind, side.value, side.items, side.first, names));
    built.sort((x, y) => (x.stance === y.stance ? y.sources.length - x.sources.length : x.stance === 'claim' ? -1 : 1));
    // Both sides of a denial stay visible however many claimants one side has.
    const shown = kind === 'denial' ? [...built.filter((b) => b.stance === 'claim').slice(0, Math.ceil(settings.maxSides / 2)), ...built.filter((b) => b.stance === 'denial').slice(0, Math.ceil(settings.maxSides / 2))] : built.slice(0, settings.maxSides);
    const evidence = mergedEvidence(relations);
    disputes.push({
      about: aboutText(kind, relations[0], alignment, built),
      kind,
      sides: shown,
      why: describeEvidence(evidence, names),
    });
  }
  return disputes.sort((x, y) => totalSources(y) - totalSources(x));
}


const totalSources = (d: Dispute) => d.sides.reduce((n, s) => n + s.sources.length, 0);

function sideValues(conflict: Conflict, a: ClaimItem, b: ClaimItem): [string, string] {
  switch (conflict.kind) {
    case 'number':
      return [String(conflict.quantities![0].value), String(conflict.quantities![1].value)];
    case 'date':
      return [conflict.dates![0], conflict.dates![1]];
    case 'place':
      return [conflict.places![0], conflict.places![1]];
    case 'denial':
      if (conflict.denier) return conflict.denier === 'a' ? ['denial', 'claim'] : ['claim', 'denial'];
      return [a.polarity === 'affirmed' ? 'claim' : 'denial', b.polarity === 'affirmed' ? 'claim' : 'denial'];
  }
}

/** Who puts a claim: its source entity, else its source as written, else the outlet's own voice. */
function claimantKey(item: ClaimItem): string {
  return item.sourceName?.toLowerCase() ?? item.sourceId ?? `outlet:${item.articleId}`;
}

function toSide(kind: Conflict['kind'], value: string, items: ClaimItem[], first: ClaimItem, names: EvidenceNames & ClaimantNames): DisputeSide {
  const sources: Span[] = [];
  for (const item of [first, ...items.filter((i) => i !== first)]) {
    const r = citedRange(item);
    if (!sources.some((s) => s.articleId === item.articleId && s.start === r.start)) sources.push({ articleId: item.articleId, ...r });
  }
  const cited = citedRange(first);
  return {
    stance: kind === 'denial' ? (value === 'denial' ? 'denial' : 'claim') : 'claim',
    text: first.doc.article.text.slice(cited.start, cited.end),
    by: first.sourceId,
    byName: first.sourceName ?? names.outletOf(first.articleId),
    sources,
    ...(kind === 'denial' ? {} : { value: kind === 'place' ? names.entityName(value) : value }),
    reportedBy: [...new Set(items.map((c) => names.outletOf(c.articleId)))],
    ...(kind === 'date' && items.every((c) => c.storyAnchoredDates.has(value)) ? { storyAnchored: true } : {}),
  };
}

function mergedEvidence(relations: Relation[]) {
  const pick = (f: (r: Relation) => string[]) => [...new Set(relations.flatMap(f))];
  return {
    similarity: relations.reduce((s, r) => s + r.evidence.similarity, 0) / relations.length,
    sharedEntities: pick((r) => r.evidence.sharedEntities),
    sharedNumbers: pick((r) => r.evidence.sharedNumbers),
    sharedDates: pick((r) => r.evidence.sharedDates),
    sharedPredicates: pick((r) => r.evidence.sharedPredicates),
  };
}

function aboutText(kind: Conflict['kind'], first: Relation, alignment: Alignment, sides: DisputeSide[]): string {
  const values = sides.map((s) => s.value).filter((v): v is string => !!v);
  switch (kind) {
    case 'number': {
      const q = first.conflict!.quantities![0];
      const event = q.event ? ` (${q.event})` : '';
      return `${q.kind}${event}: ${values.map((v) => Number(v).toLocaleString('en-US')).join(' vs ')}`;
    }
    case 'date':
      return `when (${alignment.claims[first.a].predicate ?? 'date'}): ${values.join(' vs ')}`;
    case 'place':
      return `where: ${values.join(' vs ')}`;
    case 'denial': {
      // What is disputed, in the claim side's own words.
      const claim = [alignment.claims[first.a], alignment.claims[first.b]].find((c) => c.polarity === 'affirmed') ?? alignment.claims[first.a];
      return balancedTitle(claim.text);
    }
  }
}
