// The story's main disputes in the summary: a sentence stating each side, or one sentence reporting the disagreement.
import type { Span } from '../annotate/types.js';
import type { SummaryDispute } from './types.js';
import type { Scored } from './select.js';
import { gain } from './concepts.js';
import { REPORTS_DISAGREEMENT } from './patterns.js';

export interface DisputeBudget {
  /** At most this many summary sentences go to disputes. */
  sentences: number;
  /** At most this many words go to disputes. */
  words: number;
  /** At most this many disputes are covered. */
  disputes: number;
}

/** Disputes tried, best-sourced first, before giving up on covering more (keeps big stories bounded). */
const MAX_TRIED = 12;

/**
 * The dispute budget of a summary: half of its sentences (two from 3 sentences on, one in a summary of two, none
 * in a one-sentence summary) and half of its words; two disputes in a summary of 6+ sentences, else one.
 */
export function disputeBudget(maxSentences: number, maxWords: number): DisputeBudget {
  return {
    sentences: maxSentences >= 3 ? Math.max(2, Math.floor(maxSentences / 2)) : maxSentences === 2 ? 1 : 0,
    words: Number.isFinite(maxWords) ? Math.floor(maxWords / 2) : Number.POSITIVE_INFINITY,
    disputes: maxSentences >= 6 ? 2 : 1,
  };
}

/** True when the candidate's span states (contains most of) the side's span. */
function states(item: Scored, span: Span, articleId: string): boolean {
  if (span.articleId !== articleId) return false;
  const c = item.candidate;
  const overlap = Math.min(c.end, span.end) - Math.max(c.start, span.start);
  const inSentence = Math.min(c.unit.end, span.end) - Math.max(c.unit.start, span.start);
  return inSentence > 0 && overlap >= 0.8 * inSentence;
}

/** Whether a text reports a disagreement by itself ("X rejected allegations that ...", "a claim rejected by X"). */
export function reportsDisagreement(text: string): boolean {
  return REPORTS_DISAGREEMENT.some((pattern) => pattern.test(text));
}

/**
 * Candidates the summary must hold so that the main disputes are in it. Disputes are ranked by how many
 * articles state them. For each, the best candidate stating its claim side and the best stating its denial
 * side (for a number, date or place dispute: its two best-sourced sides) are taken when both fit; else one
 * candidate that reports the disagreement by itself; else nothing for that dispute.
 */
export function disputeSeeds(
  disputes: SummaryDispute[],
  items: Scored[],
  articleIdOf: (item: Scored) => string,
  textOf: (item: Scored) => string,
  weights: Map<string, number>,
  budget: DisputeBudget,
): Scored[] {
  if (disputes.length === 0 || budget.sentences <= 0) return [];
  const articleCount = (d: SummaryDispute) => new Set(d.sides.flatMap((s) => s.sources.map((x) => x.articleId))).size;
  const ranked = disputes
    .map((dispute, order) => ({ dispute, order, articles: articleCount(dispute) }))
    .filter(({ dispute }) => dispute.sides.length >= 2)
    .sort((a, b) => b.articles - a.articles || a.order - b.order)
    .slice(0, MAX_TRIED);

  // Worth per word, halved for a candidate that leans on its previous sentence.
  const worth = (item: Scored) =>
    ((gain(item.candidate, weights, new Set()) + item.prior) / Math.max(1, item.candidate.words)) * (item.candidate.dangling ? 0.5 : 1);
  const chosen: Scored[] = [];
  let words = 0;
  const usable = (item: Scored) => !chosen.some((c) => c.candidate.unit === item.candidate.unit);
  const best = (spans: Span[], extra: (item: Scored) => boolean = () => true): Scored | null => {
    let top: Scored | null = null;
    for (const item of items) {
      if (!usable(item) || !extra(item)) continue;
      const id = articleIdOf(item);
      if (!spans.some((span) => states(item, span, id))) continue;
      if (!top || worth(item) > worth(top)) top = item;
    }
    return top;
  };

  let covered = 0;
  for (const { dispute } of ranked) {
    if (covered >= budget.disputes) break;
    const bySources = [...dispute.sides].sort((a, b) => b.sources.length - a.sources.length);
    const claim = bySources.find((s) => s.stance === 'claim');
    const other = bySources.find((s) => s !== claim && (s.stance === 'denial' || !bySources.some((x) => x.stance === 'denial')));
    if (!claim || !other) continue;
    const claimItem = best(claim.sources);
    const otherItem = best(other.sources, (item) => item !== claimItem && item.candidate.unit !== claimItem?.candidate.unit);
    const left = budget.sentences - chosen.length;
    const wordsLeft = budget.words - words;
    if (claimItem && otherItem && left >= 2 && claimItem.candidate.words + otherItem.candidate.words <= wordsLeft) {
      chosen.push(claimItem, otherItem);
      words += claimItem.candidate.words + otherItem.candidate.words;
      covered++;
      continue;
    }
    const allSpans = dispute.sides.flatMap((s) => s.sources);
    const single = best(allSpans, (item) => reportsDisagreement(textOf(item)) && item.candidate.words <= wordsLeft);
    if (single && left >= 1) {
      chosen.push(single);
      words += single.candidate.words;
      covered++;
    }
  }
  return chosen;
}
