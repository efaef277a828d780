import type { Span } from '../annotate/types.js';
import type { SummaryDocument, SummaryOptions, SummarySentence, SupportGroup } from './types.js';
import { candidates, sentenceUnits, type Candidate, type SentenceUnit } from './candidates.js';
import { conceptWeights } from './concepts.js';
import { DuplicateIndex, jaccard } from './duplicates.js';
import { selectCandidates, type Scored } from './select.js';
import { SummarizeInputError } from './errors.js';

/** Tunables, named here so they can be read and changed in one place. */
export const SUMMARY_DEFAULTS = {
  maxSentences: 8,
  /** A concept in an article's first sentence counts 1 + leadBonus articles, decaying by leadDecay per sentence. */
  leadBonus: 4,
  leadDecay: 0.2,
  /** Prior per corroborating article, in units of the mean concept weight of the sentence. */
  corroborationBonus: 0.5,
  /** Prior (in units of the sentence's mean concept weight) for an article's first sentence, decaying as leadDecay. */
  positionBonus: 0.5,
  /** Content-word Jaccard at which a sentence of another article counts as the same fact (citation, corroboration). */
  sameFact: 0.45,
  /** Lower Jaccard at which two sentences overlap too much to both be in the summary. */
  redundancy: 0.25,
  minWords: 8,
  maxWords: 55,
  /** Prior (in units of the sentence's mean concept weight) for a sentence that needs its predecessor. */
  danglingPenalty: 0,
  /** Candidates (best by standalone worth per word) that the selection considers. */
  poolSize: 120,
  /** Share of the articles that must use a concept for it to count (at least 2 articles when there are 3+). */
  minDocShare: 0.3,
};

function validate(docs: SummaryDocument[]): void {
  for (const doc of docs) {
    for (const s of doc.sentences) {
      if (!(s.start >= 0 && s.end <= doc.text.length && s.start <= s.end)) {
        throw new SummarizeInputError(`sentence range ${s.start}-${s.end} is outside article "${doc.id}" (${doc.text.length} characters)`);
      }
    }
  }
}

function minDocsFor(docCount: number): number {
  if (docCount < 3) return 1;
  return Math.max(2, Math.round(docCount * SUMMARY_DEFAULTS.minDocShare));
}

/** Which units each support group touches: a span belongs to the sentence it overlaps most. */
function supportByUnit(docs: SummaryDocument[], units: SentenceUnit[], support: SupportGroup[]): Map<number, SupportGroup[]> {
  const docIndex = new Map(docs.map((d, i) => [d.id, i]));
  const unitsByDoc = new Map<number, number[]>();
  units.forEach((u, i) => {
    let list = unitsByDoc.get(u.doc);
    if (!list) unitsByDoc.set(u.doc, (list = []));
    list.push(i);
  });
  const out = new Map<number, SupportGroup[]>();
  for (const group of support) {
    for (const span of group.spans) {
      const d = docIndex.get(span.articleId);
      if (d === undefined) continue;
      let best = -1;
      let bestOverlap = 0;
      for (const i of unitsByDoc.get(d) ?? []) {
        const overlap = Math.min(units[i].end, span.end) - Math.max(units[i].start, span.start);
        if (overlap > bestOverlap) {
          bestOverlap = overlap;
          best = i;
        }
      }
      if (best < 0) continue;
      let list = out.get(best);
      if (!list) out.set(best, (list = []));
      if (!list.includes(group)) list.push(group);
    }
  }
  return out;
}

function chronological(docs: SummaryDocument[]) {
  return (a: Scored, b: Scored): number => {
    const da = docs[a.candidate.unit.doc].publishedAt;
    const db = docs[b.candidate.unit.doc].publishedAt;
    if (da !== db) {
      if (da === null) return 1;
      if (db === null) return -1;
      const ta = Date.parse(da);
      const tb = Date.parse(db);
      if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return ta - tb;
    }
    return a.candidate.unit.doc - b.candidate.unit.doc || a.candidate.unit.position - b.candidate.unit.position;
  };
}

/**
 * An extractive summary of several articles about one story. Every sentence is a verbatim span of a source
 * article (a whole sentence, or with `trim` a sentence less a leading time phrase or trailing attribution),
 * cited to that span and to the sentences of other articles that report the same fact.
 */
export function summarize(docs: SummaryDocument[], options: SummaryOptions = {}, support: SupportGroup[] = []): SummarySentence[] {
  validate(docs);
  const maxSentences = options.maxSentences ?? SUMMARY_DEFAULTS.maxSentences;
  const maxWords = options.maxWords ?? Number.POSITIVE_INFINITY;
  if (docs.length === 0 || maxSentences <= 0 || maxWords <= 0) return [];

  const units = sentenceUnits(docs);
  const weights = conceptWeights(units, {
    minDocs: minDocsFor(docs.length),
    leadBonus: SUMMARY_DEFAULTS.leadBonus,
    leadDecay: SUMMARY_DEFAULTS.leadDecay,
  });
  const unitIndex = new Map(units.map((u, i) => [u, i]));
  const duplicates = new DuplicateIndex(units);
  const supported = supportByUnit(docs, units, support);

  const pool = candidates(docs, units, { minWords: SUMMARY_DEFAULTS.minWords, maxWords: SUMMARY_DEFAULTS.maxWords, trim: options.trim ?? false });
  const neighbourCache = new Map<number, { unit: number; similarity: number }[]>();
  const neighboursOf = (i: number) => {
    let found = neighbourCache.get(i);
    if (!found) neighbourCache.set(i, (found = duplicates.neighbours(i, SUMMARY_DEFAULTS.sameFact)));
    return found;
  };

  const meanWeightOf = (candidate: Candidate): { sum: number; mean: number } => {
    let sum = 0;
    let counted = 0;
    for (const key of candidate.concepts) {
      const w = weights.get(key);
      if (w !== undefined) {
        sum += w;
        counted++;
      }
    }
    return { sum, mean: counted > 0 ? sum / counted : 1 };
  };
  const positionPrior = (candidate: Candidate) =>
    SUMMARY_DEFAULTS.positionBonus * Math.pow(SUMMARY_DEFAULTS.leadDecay, candidate.unit.position) -
    (candidate.dangling ? SUMMARY_DEFAULTS.danglingPenalty : 0);

  // Corroboration needs index lookups, so it is computed only for a shortlist: the candidates worth most per word
  // before it, plus the candidates the align stage marked as supported among a longer (still bounded) list.
  // A bounded shortlist keeps big stories linear: in a story of 1,000 articles most sentences are supported.
  const shortlist = pool
    .map((candidate, order) => {
      const { sum, mean } = meanWeightOf(candidate);
      return { candidate, order, mean, value: (sum + mean * positionPrior(candidate)) / Math.max(1, candidate.words) };
    })
    .sort((a, b) => b.value - a.value || a.order - b.order)
    .filter((item, rank) => rank < SUMMARY_DEFAULTS.poolSize * 4 || (rank < SUMMARY_DEFAULTS.poolSize * 8 && supported.has(unitIndex.get(item.candidate.unit)!)))
    .sort((a, b) => a.order - b.order);

  const scored: Scored[] = shortlist.map(({ candidate, mean }) => {
    const i = unitIndex.get(candidate.unit)!;
    const otherDocs = new Set(neighboursOf(i).map((n) => units[n.unit].doc)).size;
    const groups = supported.get(i) ?? [];
    const independent = Math.max(otherDocs, ...groups.map((g) => g.independentSources - 1));
    const corroboration = SUMMARY_DEFAULTS.corroborationBonus * Math.log2(1 + Math.max(0, independent));
    return { candidate, prior: mean * (corroboration + positionPrior(candidate)) };
  });

  // Same-fact pairs inside one article count too: news often restates its lead a few paragraphs down.
  const redundant = (a: Candidate, b: Candidate): boolean => jaccard(a.unit.content, b.unit.content) >= SUMMARY_DEFAULTS.redundancy;
  const chosen = selectCandidates(scored, weights, { maxSentences, maxWords, redundant }, SUMMARY_DEFAULTS.poolSize);
  chosen.sort(chronological(docs));

  return chosen.map(({ candidate }) => {
    const doc = docs[candidate.unit.doc];
    const i = unitIndex.get(candidate.unit)!;
    const own: Span = { articleId: doc.id, start: candidate.start, end: candidate.end };
    const sources: Span[] = [own];
    const key = (s: Span) => `${s.articleId}:${s.start}:${s.end}`;
    const seen = new Set([key(own), `${doc.id}:${candidate.unit.start}:${candidate.unit.end}`]);
    const citedDocs = new Set([doc.id]);
    for (const group of supported.get(i) ?? []) {
      for (const span of group.spans) {
        if (seen.has(key(span)) || span.articleId === doc.id) continue;
        seen.add(key(span));
        sources.push(span);
        citedDocs.add(span.articleId);
      }
    }
    for (const n of neighboursOf(i)) {
      const other = units[n.unit];
      const otherId = docs[other.doc].id;
      if (citedDocs.has(otherId)) continue; // one citation per article: its closest sentence
      citedDocs.add(otherId);
      sources.push({ articleId: otherId, start: other.start, end: other.end });
    }
    return { text: doc.text.slice(candidate.start, candidate.end), sources };
  });
}
