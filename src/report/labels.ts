import type { Dossier, DossierArticle } from '../dossier/types.js';
import type { Span } from '../annotate/types.js';
// The leaf module, not the stage entry: rendering a stored dossier needs no pipeline code loaded.
export { articleLabel } from '../dossier/labels.js';

export function articleIndex(dossier: Dossier): Map<string, DossierArticle> {
  return new Map(dossier.articles.map((a) => [a.id, a]));
}

export function spanText(articles: Map<string, DossierArticle>, span: Span): string {
  return articles.get(span.articleId)?.text.slice(span.start, span.end) ?? '';
}

export function entityNames(dossier: Dossier): Map<string, string> {
  return new Map(dossier.entities.map((e) => [e.id, e.name]));
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : String(value);
}

/** Story headline: the title of the article whose text is cited most by the summary, else the first title. */
export function storyTitle(dossier: Dossier): string {
  const counts = new Map<string, number>();
  for (const s of dossier.summary) for (const src of s.sources) counts.set(src.articleId, (counts.get(src.articleId) ?? 0) + 1);
  const ranked = [...dossier.articles].filter((a) => a.title).sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0));
  return ranked[0]?.title ?? 'Untitled story';
}

export function dateRange(dossier: Dossier): string {
  const dates = dossier.articles.map((a) => a.publishedAt?.slice(0, 10)).filter((d): d is string => !!d).sort();
  if (dates.length === 0) return 'publication dates unknown';
  return dates[0] === dates[dates.length - 1] ? dates[0] : `${dates[0]} to ${dates[dates.length - 1]}`;
}

export interface QuoteGroup {
  speaker: string;
  quotes: Dossier['quotes'];
}

export function quotesBySpeaker(dossier: Dossier): QuoteGroup[] {
  const groups = new Map<string, Dossier['quotes']>();
  for (const q of dossier.quotes) {
    const key = q.speakerName ?? 'Unattributed';
    groups.set(key, [...(groups.get(key) ?? []), q]);
  }
  // Direct quotes first: the speaker's own words matter more than a paraphrase of them.
  for (const list of groups.values()) list.sort((a, b) => Number(b.direct) - Number(a.direct));
  return [...groups.entries()]
    .map(([speaker, quotes]) => ({ speaker, quotes }))
    .sort((a, b) => Number(a.speaker === 'Unattributed') - Number(b.speaker === 'Unattributed') || b.quotes.length - a.quotes.length || a.speaker.localeCompare(b.speaker));
}

export const MAX_LISTED_FACTS = 25;
