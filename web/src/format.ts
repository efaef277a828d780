// Small display helpers shared by the views.
import type { Dossier, DossierArticle } from './api.js';

export const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Outlet, else a readable form of the file or URL the article came from. */
export function sourceLabel(article: Pick<DossierArticle, 'outlet' | 'origin' | 'url'>): string {
  if (article.outlet) return article.outlet;
  if (article.url) {
    try {
      return new URL(article.url).hostname.replace(/^www\./, '');
    } catch {
      /* fall through */
    }
  }
  const base = article.origin.split(/[\\/]/).pop() ?? article.origin;
  return base.replace(/\.(txt|html?|jsonl?)(?=#|$)/i, '');
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return 'date unknown';
  const date = new Date(value.length === 10 ? `${value}T00:00:00` : value);
  if (Number.isNaN(date.getTime())) return value;
  const withTime = value.length > 10 && !/T00:00(:00)?/.test(value);
  return date.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}) });
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : String(value);
}

/** Story headline: the title of the article the summary cites most, else the first title. */
export function storyTitle(dossier: Dossier): string {
  const counts = new Map<string, number>();
  for (const s of dossier.summary) for (const src of s.sources) counts.set(src.articleId, (counts.get(src.articleId) ?? 0) + 1);
  const ranked = dossier.articles.filter((a) => a.title).sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0));
  return ranked[0]?.title ?? oneLine(dossier.summary[0]?.text ?? 'Untitled story');
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;
}
