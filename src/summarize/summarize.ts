import type { Span } from '../annotate/types.js';
import type { SummaryDispute, SummaryDocument, SummaryOptions, SummarySentence, SupportGroup } from './types.js';
import { candidates, claimCandidate, sentenceUnits, type Candidate, type CandidateRules, type SentenceUnit } from './candidates.js';
import { conceptWeights } from './concepts.js';
import { DuplicateIndex, jaccard } from './duplicates.js';
import { ensureOne, selectCandidates, type Scored } from './select.js';
import { disputeBudget, disputeSeeds } from './disputes.js';
import { openerProblem } from './openers.js';
import { SummarizeInputError } from './errors.js';
import { tagTokens } from '../annotate/nlp.js';

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

/** Finds the sentence unit a span belongs to: the unit of its article it overlaps most. */
function unitLocator(docs: SummaryDocument[], units: SentenceUnit[]): (span: Span) => number {
  const docIndex = new Map(docs.map((d, i) => [d.id, i]));
  const unitsByDoc = new Map<number, number[]>();
  units.forEach((u, i) => {
    let list = unitsByDoc.get(u.doc);
    if (!list) unitsByDoc.set(u.doc, (list = []));
    list.push(i);
  });
  return (span) => {
    const d = docIndex.get(span.articleId);
    if (d === undefined) return -1;
    let best = -1;
    let bestOverlap = 0;
    for (const i of unitsByDoc.get(d) ?? []) {
      const overlap = Math.min(units[i].end, span.end) - Math.max(units[i].start, span.start);
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        best = i;
      }
    }
    return best;
  };
}

/** Which units each support group touches: a span belongs to the sentence it overlaps most. */
function supportByUnit(locate: (span: Span) => number, support: SupportGroup[]): Map<number, SupportGroup[]> {
  const out = new Map<number, SupportGroup[]>();
  for (const group of support) {
    for (const span of group.spans) {
      const best = locate(span);
      if (best < 0) continue;
      let list = out.get(best);
      if (!list) out.set(best, (list = []));
      if (!list.includes(group)) list.push(group);
    }
  }
  return out;
}

/**
 * The independent source of each document: articles that a fact of one independent source spans (a wire story
 * and its copies) are one source, so a concept they share counts once. Without facts every article is its own.
 */
function copiesAsOneSource(docs: SummaryDocument[], support: SupportGroup[]): (doc: number) => number {
  const docIndex = new Map(docs.map((d, i) => [d.id, i]));
  const parent = docs.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (const group of support) {
    if (group.independentSources !== 1) continue;
    const members = [...new Set(group.spans.map((s) => docIndex.get(s.articleId)).filter((d): d is number => d !== undefined))];
    for (const d of members.slice(1)) {
      const a = find(members[0]);
      const b = find(d);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  return find;
}

/** True when a text has a verb (wink's tagger): a claim span without one is a noun phrase, not a statement. */
function hasVerb(text: string): boolean {
  return tagTokens(text).some((t) => t.pos === 'VERB' || t.pos === 'AUX');
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
 * article (a whole sentence; a claim span of one, given by `support` or `disputes`, when it reads as a sentence
 * and the whole sentence cannot be used or the word budget is tight; or with `trim` a sentence less a leading
 * time phrase or trailing attribution), cited to that span and to the spans of other articles that report the
 * same fact.
 *
 * Triangulation: a fact's prior grows with its independent sources (from `support`, the align stage's facts;
 * copies count once), the main `disputes` get a sentence per side (or one that reports the disagreement), and
 * the first sentence is always one that stands alone (no "He ...", "This clash ...", "But ...", no standfirst).
 */
export function summarize(
  docs: SummaryDocument[],
  options: SummaryOptions = {},
  support: SupportGroup[] = [],
  disputes: SummaryDispute[] = [],
): SummarySentence[] {
  validate(docs);
  const maxSentences = options.maxSentences ?? SUMMARY_DEFAULTS.maxSentences;
  const maxWords = options.maxWords ?? Number.POSITIVE_INFINITY;
  if (docs.length === 0 || maxSentences <= 0 || maxWords <= 0) return [];

  const units = sentenceUnits(docs);
  const sourceOf = copiesAsOneSource(docs, support);
  const weights = conceptWeights(units, {
    minDocs: minDocsFor(new Set(docs.map((_, d) => sourceOf(d))).size),
    leadBonus: SUMMARY_DEFAULTS.leadBonus,
    leadDecay: SUMMARY_DEFAULTS.leadDecay,
    sourceOf,
  });
  const unitIndex = new Map(units.map((u, i) => [u, i]));
  const duplicates = new DuplicateIndex(units);
  const locate = unitLocator(docs, units);
  const supported = supportByUnit(locate, support);

  const rules: CandidateRules = { minWords: SUMMARY_DEFAULTS.minWords, maxWords: SUMMARY_DEFAULTS.maxWords, trim: options.trim ?? false };
  const pool = candidates(docs, units, rules);
  pool.push(...claimCandidates(docs, units, pool, locate, support, disputes, rules, Number.isFinite(maxWords)));
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
  const corroborated = (i: number) => (supported.get(i) ?? []).some((g) => g.spans.length > 1);
  const disputed = new Set(disputes.flatMap((d) => d.sides.flatMap((side) => side.sources.map(locate))));

  // Corroboration needs index lookups, so it is computed only for a shortlist: the candidates worth most per word
  // before it, plus the candidates the align stage marked as supported among a longer (still bounded) list, plus
  // the sentences that state a side of a dispute.
  // A bounded shortlist keeps big stories linear: in a story of 1,000 articles most sentences are supported.
  const shortlist = pool
    .map((candidate, order) => {
      const { sum, mean } = meanWeightOf(candidate);
      return { candidate, order, mean, value: (sum + mean * positionPrior(candidate)) / Math.max(1, candidate.words) };
    })
    .sort((a, b) => b.value - a.value || a.order - b.order)
    .filter((item, rank) => {
      const i = unitIndex.get(item.candidate.unit)!;
      return rank < SUMMARY_DEFAULTS.poolSize * 4 || (rank < SUMMARY_DEFAULTS.poolSize * 8 && corroborated(i)) || disputed.has(i);
    })
    .sort((a, b) => a.order - b.order);

  const scored: Scored[] = shortlist.map(({ candidate, mean }) => {
    const i = unitIndex.get(candidate.unit)!;
    const groups = supported.get(i) ?? [];
    // The align stage knows which repeats are copies of one source: when it grouped this sentence's facts, its
    // count of independent sources is used; otherwise the articles with a near-identical sentence are counted.
    const independent =
      groups.length > 0
        ? Math.max(...groups.map((g) => g.independentSources)) - 1
        : new Set(neighboursOf(i).map((n) => units[n.unit].doc)).size;
    const corroboration = SUMMARY_DEFAULTS.corroborationBonus * Math.log2(1 + Math.max(0, independent));
    return { candidate, prior: mean * (corroboration + positionPrior(candidate)) };
  });

  // Same-fact pairs inside one article count too: news often restates its lead a few paragraphs down.
  const redundant = (a: Candidate, b: Candidate): boolean => jaccard(a.unit.content, b.unit.content) >= SUMMARY_DEFAULTS.redundancy;
  const limits = { maxSentences, maxWords, redundant };
  const idOf = (item: Scored) => docs[item.candidate.unit.doc].id;
  const textOf = (item: Scored) => docs[item.candidate.unit.doc].text.slice(item.candidate.start, item.candidate.end);
  const seeds = disputeSeeds(disputes, scored, idOf, textOf, weights, disputeBudget(maxSentences, maxWords));
  const canOpen = (item: Scored) => openerProblem(item.candidate, docs[item.candidate.unit.doc]) === null;
  let chosen = selectCandidates(scored, weights, limits, SUMMARY_DEFAULTS.poolSize, seeds);
  chosen = ensureOne(chosen, scored, canOpen, weights, limits, seeds);
  chosen.sort(chronological(docs));
  // The first sentence must stand alone: the earliest one that can open the summary goes first. When none can
  // (ensureOne found nothing in the story that stands alone and fits), the summary is empty rather than open
  // with a sentence that leans on one the reader has not seen.
  const opener = chosen.findIndex(canOpen);
  if (opener > 0) chosen.unshift(...chosen.splice(opener, 1));
  if (opener < 0) chosen = [];

  // A sentence that states a side of a dispute is cited to every span that states the same side.
  const mostlyInside = (span: Span, item: Scored) =>
    span.articleId === idOf(item) &&
    Math.min(span.end, item.candidate.end) - Math.max(span.start, item.candidate.start) >= 0.5 * (span.end - span.start);
  const sideSpans = new Map<Scored, Span[]>();
  for (const item of chosen) {
    for (const dispute of disputes) {
      for (const side of dispute.sides) {
        if (side.sources.some((span) => mostlyInside(span, item))) sideSpans.set(item, [...(sideSpans.get(item) ?? []), ...side.sources]);
      }
    }
  }

  return chosen.map((item) => {
    const { candidate } = item;
    const doc = docs[candidate.unit.doc];
    const i = unitIndex.get(candidate.unit)!;
    const own: Span = { articleId: doc.id, start: candidate.start, end: candidate.end };
    const sources: Span[] = [own];
    const key = (s: Span) => `${s.articleId}:${s.start}:${s.end}`;
    const seen = new Set([key(own), `${doc.id}:${candidate.unit.start}:${candidate.unit.end}`]);
    const citedDocs = new Set([doc.id]);
    const cite = (span: Span) => {
      if (seen.has(key(span)) || span.articleId === doc.id) return;
      seen.add(key(span));
      sources.push(span);
      citedDocs.add(span.articleId);
    };
    // A claim span is cited only to the reports of its own claims; a sentence to those of any fact it holds.
    const overlapsOwn = (g: SupportGroup) => g.spans.some((span) => mostlyInside(span, item));
    for (const group of supported.get(i) ?? []) if (!candidate.claim || overlapsOwn(group)) group.spans.forEach(cite);
    (sideSpans.get(item) ?? []).forEach(cite);
    if (!candidate.claim) {
      for (const n of neighboursOf(i)) {
        const other = units[n.unit];
        const otherId = docs[other.doc].id;
        if (citedDocs.has(otherId)) continue; // one citation per article: its closest sentence
        citedDocs.add(otherId);
        sources.push({ articleId: otherId, start: other.start, end: other.end });
      }
    }
    return { text: doc.text.slice(candidate.start, candidate.end), sources };
  });
}

/**
 * Claim spans (of the facts and of the dispute sides) offered as candidates of their own. Whole sentences stay
 * the default: a claim span is offered when the word budget is tight, when its sentence cannot be used whole
 * (too long, a quote...), or when the sentence leans on its predecessor and the claim does not.
 */
function claimCandidates(
  docs: SummaryDocument[],
  units: SentenceUnit[],
  pool: Candidate[],
  locate: (span: Span) => number,
  support: SupportGroup[],
  disputes: SummaryDispute[],
  rules: CandidateRules,
  tightBudget: boolean,
): Candidate[] {
  const whole = new Map<SentenceUnit, Candidate>();
  for (const c of pool) if (!whole.has(c.unit)) whole.set(c.unit, c);
  const spans = [
    ...support.filter((g) => g.independentSources > 1).flatMap((g) => g.spans),
    ...disputes.flatMap((d) => d.sides.flatMap((s) => s.sources)),
  ];
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const span of spans) {
    const u = locate(span);
    if (u < 0) continue;
    const unit = units[u];
    const sentence = whole.get(unit);
    if (!tightBudget && sentence && !sentence.dangling) continue;
    const candidate = claimCandidate(docs, unit, span, rules, hasVerb);
    if (!candidate) continue;
    if (!tightBudget && sentence && candidate.dangling) continue;
    const key = `${u}:${candidate.start}:${candidate.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(candidate);
  }
  return out;
}
