import type { Doc } from '../annotate/types.js';
import type { FactGroup, SentenceRef } from './types.js';
import { contentTerms, cosine, type TermVector } from './similarity.js';
import { SentenceIndex, buildVectors } from './sentence-index.js';
import { isStatement } from './statements.js';

export interface AlignOptions {
  /** Cosine similarity (IDF-weighted stems) at which two sentences are taken to report the same fact. */
  sameFactThreshold?: number;
  /** Terms found in more than this share of the story's sentences do not generate candidate pairs. */
  maxCandidateTermShare?: number;
  /** At most this many candidate partners are scored per sentence, keeping cost linear in story size. */
  maxCandidatesPerSentence?: number;
}

export const ALIGN_DEFAULTS: Required<AlignOptions> = {
  sameFactThreshold: 0.36,
  maxCandidateTermShare: 0.04,
  maxCandidatesPerSentence: 60,
};


/** The story's statements with their term vectors, grouped into facts, and the index to query them. */
export interface Alignment {
  facts: FactGroup[];
  statements: Statement[];
  index: SentenceIndex<Statement>;
  /** The fact a statement belongs to, keyed by `${articleId}#${sentenceIndex}`. */
  factOf: Map<string, FactGroup>;
}

export interface Statement {
  ref: SentenceRef;
  articleId: string;
  vector: TermVector;
  terms: string[];
}

type Item = Statement;

export const statementKey = (articleId: string, sentenceIndex: number) => `${articleId}#${sentenceIndex}`;

/** Groups the story's statements into facts: sentences from different articles that report the same thing. */
export function alignStory(docs: Doc[], options: AlignOptions = {}): Alignment {
  const settings = { ...ALIGN_DEFAULTS, ...options };
  const items: Item[] = [];
  const termLists: string[][] = [];
  for (const doc of docs) {
    doc.sentences.forEach((sentence, sentenceIndex) => {
      const text = doc.article.text.slice(sentence.start, sentence.end);
      if (!isStatement(text)) return;
      const terms = contentTerms(text);
      if (terms.length === 0) return;
      items.push({ ref: { articleId: doc.article.id, start: sentence.start, end: sentence.end, sentenceIndex }, articleId: doc.article.id, vector: { terms: new Map() }, terms });
      termLists.push(terms);
    });
  }
  const { stats, vectors } = buildVectors(termLists);
  items.forEach((item, i) => (item.vector = vectors[i]));
  const index = new SentenceIndex(items, stats, settings.maxCandidateTermShare);
  const pairs = candidatePairs(index, settings);
  const groups = averageLinkage(items, pairs, settings.sameFactThreshold);

  const facts: FactGroup[] = [];
  for (const members of groups) {
    const { index, cohesion } = medoid(members, items);
    facts.push({ id: '', representative: items[index].ref, members: members.map((i) => items[i].ref), cohesion });
  }
  // Order: most widely reported first, then by where the fact first appears, so ids are stable for the same input.
  facts.sort((x, y) => y.members.length - x.members.length || order(x.members[0], y.members[0], docs));
  facts.forEach((fact, i) => (fact.id = `f${i + 1}`));
  const factOf = new Map<string, FactGroup>();
  for (const fact of facts) for (const m of fact.members) factOf.set(statementKey(m.articleId, m.sentenceIndex), fact);
  return { facts, statements: items, index, factOf };
}

/**
 * Average-linkage merging over the candidate pairs, best first. Single linkage (plain union-find) chains
 * "US urges withdrawal" to "Kosovo urges withdrawal" to "Serbia withdraws"; requiring the mean similarity
 * between two groups to pass the threshold keeps each group about one fact. For unit vectors the mean
 * pairwise cosine is dot(sumA, sumB) / (|A||B|), so only the groups' summed vectors are kept.
 */
function averageLinkage(items: Item[], pairs: [number, number, number][], threshold: number): number[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const members = new Map<number, number[]>(items.map((_, i) => [i, [i]]));
  const sums = new Map<number, Map<string, number>>(items.map((item, i) => [i, new Map(item.vector.terms)]));
  for (const [a, b, similarity] of pairs) {
    if (similarity < threshold) break;
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    const ma = members.get(ra)!;
    const mb = members.get(rb)!;
    const mean = dot(sums.get(ra)!, sums.get(rb)!) / (ma.length * mb.length);
    if (mean < threshold) continue;
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

function order(a: SentenceRef, b: SentenceRef, docs: Doc[]): number {
  const ia = docs.findIndex((d) => d.article.id === a.articleId);
  const ib = docs.findIndex((d) => d.article.id === b.articleId);
  return ia - ib || a.start - b.start;
}

function medoid(members: number[], items: Item[]): { index: number; cohesion: number } {
  if (members.length === 1) return { index: members[0], cohesion: 1 };
  let best = members[0];
  let bestScore = -1;
  // Facts are small (a handful of outlets), so scoring members against each other is cheap.
  for (const a of members) {
    let score = 0;
    for (const b of members) if (a !== b) score += cosine(items[a].vector, items[b].vector);
    if (score > bestScore) {
      bestScore = score;
      best = a;
    }
  }
  return { index: best, cohesion: bestScore / (members.length - 1) };
}

/** Cross-article sentence pairs worth scoring, from the rare-term index (never all pairs), best first. */
function candidatePairs(index: SentenceIndex<Item>, settings: Required<AlignOptions>): [number, number, number][] {
  const pairs: [number, number, number][] = [];
  index.items.forEach((item, i) => {
    const skip = (j: number) => j <= i || index.items[j].articleId === item.articleId;
    for (const { index: j, similarity } of index.neighbours(item.vector, settings.maxCandidatesPerSentence, skip)) pairs.push([i, j, similarity]);
  });
  return pairs.sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1]);
}
