import type { Article } from '../clean/types.js';
import type { FactGroup } from '../align/types.js';
import type { Provenance } from './types.js';
import { words } from '../text/terms.js';
import { canonicalSource } from './names.js';

export interface ProvenanceOptions {
  /** Share of the smaller article's word 5-grams found in the other: at or above it the smaller is a copy. */
  copyContainment?: number;
  /** Share of the smaller article's statements aligned with the other's: at or above it, a rewrite. */
  rewriteCoverage?: number;
  /** A rewrite needs at least this many aligned statements, so two-line briefs are not called rewrites. */
  rewriteMinAligned?: number;
  /** Facts told by more articles than this are common knowledge of the story and say nothing about who copied whom. */
  maxFactSizeForPairs?: number;
  /**
   * Share of the smaller article's word 3-grams found in the other for a rewrite. Independent reports of one
   * event share most facts (that is corroboration); a rewrite also keeps much of the wording. Measured on the
   * bundled example: a reworded copy 0.74, independent outlets quoting the same people 0.10-0.20; the seeds'
   * five independent reports 0.01-0.06.
   */
  rewriteWordOverlap?: number;
}

export const PROVENANCE_DEFAULTS: Required<ProvenanceOptions> = { copyContainment: 0.5, rewriteCoverage: 0.6, rewriteMinAligned: 3, maxFactSizeForPairs: 20, rewriteWordOverlap: 0.3 };

function shingles(text: string, size: number): Set<string> {
  const list = words(text);
  const out = new Set<string>();
  for (let i = 0; i + size <= list.length; i++) out.add(list.slice(i, i + size).join(' '));
  return out;
}

function containment(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const s of small) if (large.has(s)) common++;
  return small.size ? common / small.size : 0;
}

/**
 * Which article copies or rewrites which. Candidate pairs come from the aligned facts (articles that
 * share at least one fact), never from all pairs; credits link an article to the credited outlet's own.
 */
export function detectProvenance(
  articles: Article[],
  facts: FactGroup[],
  statementCounts: Map<string, number>,
  options: ProvenanceOptions = {},
): Provenance[] {
  const settings = { ...PROVENANCE_DEFAULTS, ...options };
  const byId = new Map(articles.map((a) => [a.id, a]));
  const shared = new Map<string, number>();
  for (const fact of facts) {
    const ids = [...new Set(fact.members.map((m) => m.articleId))].sort();
    if (ids.length > settings.maxFactSizeForPairs) continue;
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) {
      const key = `${ids[i]}\u0000${ids[j]}`;
      shared.set(key, (shared.get(key) ?? 0) + 1);
    }
  }
  const shingleCache = new Map<string, Set<string>>();
  const shinglesOf = (a: Article, size: number) => {
    const key = `${size}:${a.id}`;
    let s = shingleCache.get(key);
    if (!s) shingleCache.set(key, (s = shingles(a.text, size)));
    return s;
  };

  const out: Provenance[] = [];
  for (const [key, alignedCount] of shared) {
    // A copy shares many facts with its source: pairs sharing one or two are not worth reading word by word.
    if (alignedCount < Math.min(settings.rewriteMinAligned, 2)) continue;
    const [idA, idB] = key.split('\u0000');
    const a = byId.get(idA)!;
    const b = byId.get(idB)!;
    const sa = shinglesOf(a, 5);
    const sb = shinglesOf(b, 5);
    const copied = containment(sa, sb);
    const smallerStatements = Math.min(statementCounts.get(idA) ?? 0, statementCounts.get(idB) ?? 0) || 1;
    const coverage = alignedCount / smallerStatements;
    let kind: Provenance['kind'] | null = null;
    let score = 0;
    if (copied >= settings.copyContainment) [kind, score] = ['copy', copied];
    else if (coverage >= settings.rewriteCoverage && alignedCount >= settings.rewriteMinAligned && containment(shinglesOf(a, 3), shinglesOf(b, 3)) >= settings.rewriteWordOverlap) {
      [kind, score] = ['rewrite', Math.min(1, coverage)];
    }
    if (!kind) continue;
    const [from, to] = orderBySource(a, b, sa.size, sb.size);
    out.push({ from: from.id, to: to.id, kind, score: round(score) });
  }

  for (const article of articles) {
    const credited = new Set(article.credits.map(canonicalSource));
    if (credited.size === 0) continue;
    for (const other of articles) {
      if (other === article || !other.outlet || !credited.has(canonicalSource(other.outlet))) continue;
      out.push({ from: other.id, to: article.id, kind: 'credit', score: 1 });
    }
  }
  return out.sort((x, y) => x.from.localeCompare(y.from) || x.to.localeCompare(y.to) || x.kind.localeCompare(y.kind));
}

/** The earlier article is the source; with no dates, the longer one (copies trim, they rarely add). */
function orderBySource(a: Article, b: Article, sizeA: number, sizeB: number): [Article, Article] {
  if (a.publishedAt && b.publishedAt && a.publishedAt !== b.publishedAt) return a.publishedAt < b.publishedAt ? [a, b] : [b, a];
  return sizeA >= sizeB ? [a, b] : [b, a];
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
