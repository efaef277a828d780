import type { Doc, Range } from '../annotate/types.js';
import type { Alignment, Statement } from '../align/index.js';
import { vectorize, contentTerms, statementKey } from '../align/index.js';
import type { Dispute, DisputeSide } from './types.js';
import { actorOfSentence, findCue, type Actor, type EntityLookup } from './actors.js';
import { CLAIM_CUE_STEMS, CLAIM_NOUN_STEMS, DENIAL_STEMS } from './cues.js';

export interface DisputeOptions {
  /** Cosine between a denial (minus its cue words) and a statement for that statement to be the denied claim. */
  claimSimilarity?: number;
  /** At most this many claim statements are kept per denial. */
  claimsPerDenial?: number;
}

export const DISPUTE_DEFAULTS: Required<DisputeOptions> = { claimSimilarity: 0.3, claimsPerDenial: 4 };

interface Located {
  statementIndex: number;
  doc: Doc;
  sentence: Range;
  actor: Actor | null;
}

interface Denial extends Located {
  cue: Range;
  claims: Located[];
}

/**
 * Disputes where one actor asserts what another denies: each denial ("Vucic later denied that Serbia was
 * engaging in a military build-up") is compared, without its denial and claim-naming words, with the
 * story's other statements; close statements by a different actor that do not deny are the claim side.
 * Denials answering the same claims (or reporting the same fact) form one dispute.
 */
export function findDenialDisputes(docs: Doc[], alignment: Alignment, entities: EntityLookup, options: DisputeOptions = {}): Dispute[] {
  const settings = { ...DISPUTE_DEFAULTS, ...options };
  const docById = new Map(docs.map((d) => [d.article.id, d]));
  const locate = (statementIndex: number, cueAt: number | null): Located => {
    const statement = alignment.statements[statementIndex];
    const doc = docById.get(statement.articleId)!;
    const sentence = doc.sentences[statement.ref.sentenceIndex];
    return { statementIndex, doc, sentence, actor: actorOfSentence(doc, sentence, cueAt, entities) };
  };

  const isDenial = new Map<number, Range>();
  alignment.statements.forEach((statement, i) => {
    const doc = docById.get(statement.articleId)!;
    const cue = findCue(doc.article.text, statement.ref, DENIAL_STEMS);
    if (cue) isDenial.set(i, cue);
  });

  const denials: Denial[] = [];
  for (const [i, cue] of isDenial) {
    const denial = { ...locate(i, cue.start), cue, claims: [] as Located[] };
    const proposition = propositionVector(denial, alignment);
    const neighbours = alignment.index.neighbours(proposition, 80, (j) => j === i || isDenial.has(j));
    for (const { index: j, similarity } of neighbours) {
      if (similarity < settings.claimSimilarity || denial.claims.length >= settings.claimsPerDenial) break;
      const cueAt = firstAssertionCue(alignment.statements[j], docById);
      const claim = locate(j, cueAt);
      // A claim is somebody's statement: narrative sentences ("A shootout erupted...") are not a side.
      if (!claim.actor || (cueAt === null && !quotedBy(claim))) continue;
      if (sameSide(claim.actor, denial.actor)) continue;
      denial.claims.push(claim);
    }
    if (denial.claims.length) denials.push(denial);
  }
  return groupDenials(denials, alignment).map((group) => toDispute(group));
}

// The denial's wording minus who denies and what the denied thing is called ("allegations", "claims"),
// so what remains is the proposition ("military build-up along the border").
function propositionVector(denial: Denial, alignment: Alignment) {
  const text = denial.doc.article.text.slice(denial.sentence.start, denial.sentence.end);
  const actorTerms = new Set(denial.actor ? contentTerms(denial.actor.name) : []);
  const terms = contentTerms(text).filter((t) => !DENIAL_STEMS.has(t) && !CLAIM_NOUN_STEMS.has(t) && !actorTerms.has(t));
  return vectorize(terms, alignment.index.stats);
}

function firstAssertionCue(statement: Statement, docById: Map<string, Doc>): number | null {
  return findCue(docById.get(statement.articleId)!.article.text, statement.ref, CLAIM_CUE_STEMS)?.start ?? null;
}

function quotedBy(located: Located): boolean {
  return located.doc.quotes.some((q) => q.speakerName && q.start < located.sentence.end && q.end > located.sentence.start);
}

function sameSide(a: Actor | null, b: Actor | null): boolean {
  if (!a || !b) return false;
  if (a.id && b.id) return a.id === b.id;
  return a.name.toLowerCase() === b.name.toLowerCase();
}

function groupDenials(denials: Denial[], alignment: Alignment): Denial[][] {
  const parent = denials.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const owner = new Map<string, number>();
  denials.forEach((denial, i) => {
    const keys = denial.claims.map((c) => `claim:${c.statementIndex}`);
    const fact = alignment.factOf.get(statementKey(denial.doc.article.id, alignment.statements[denial.statementIndex].ref.sentenceIndex));
    if (fact && fact.members.length > 1) keys.push(`fact:${fact.id}`);
    for (const key of keys) {
      const first = owner.get(key);
      if (first === undefined) owner.set(key, i);
      else parent[find(i)] = find(first);
    }
  });
  const groups = new Map<number, Denial[]>();
  denials.forEach((d, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), d]));
  return [...groups.values()];
}

function toDispute(group: Denial[]): Dispute {
  const sides = new Map<string, DisputeSide & { stance: string }>();
  const add = (located: Located, stance: 'claim' | 'denial') => {
    const key = `${stance}:${located.actor?.id ?? located.actor?.name ?? 'unknown'}`;
    const span = { articleId: located.doc.article.id, start: located.sentence.start, end: located.sentence.end };
    const side = sides.get(key);
    if (side) {
      if (!side.sources.some((s) => s.articleId === span.articleId && s.start === span.start)) side.sources.push(span);
      return;
    }
    sides.set(key, {
      stance,
      text: located.doc.article.text.slice(span.start, span.end),
      by: located.actor?.id ?? null,
      byName: located.actor?.name ?? null,
      sources: [span],
    });
  };
  for (const denial of group) for (const claim of denial.claims) add(claim, 'claim');
  for (const denial of group) add(denial, 'denial');
  return {
    about: aboutText(group[0]),
    kind: 'denial',
    sides: [...sides.values()].map(({ stance, ...side }) => ({ ...side, stance: stance as 'claim' | 'denial' })),
  };
}

// What is denied, in the denial's own words: the clause after the cue ("that Serbia was engaging in a
// military build-up along the border with Kosovo"), cut at the first clause break.
function aboutText(denial: Denial): string {
  const text = denial.doc.article.text;
  const rest = text.slice(denial.cue.end, denial.sentence.end).replace(/^[\s,]+/, '');
  const clause = rest.split(/,\s|;\s|\s(?:saying|following|after|because|while)\s/)[0].replace(/[.\s"”]+$/, '');
  return clause.split(/\s+/).length >= 3 ? clause : text.slice(denial.sentence.start, denial.sentence.end);
}
