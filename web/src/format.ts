// Small display helpers shared by the views.
import type { Dossier, DossierArticle } from './api.js';

export const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Outlet, else the host name of its address; null when the article names neither. */
export function outletName(article: Pick<DossierArticle, 'outlet' | 'url'>): string | null {
  if (article.outlet) return article.outlet;
  if (article.url) {
    try {
      return new URL(article.url).hostname.replace(/^www\./, '') || null;
    } catch {
      return null;
    }
  }
  return null;
}

/** The file (or record) an article was read from, without folders and extension. */
export function originName(origin: string): string {
  const base = origin.split(/[\\/]/).pop() ?? origin;
  return base.replace(/\.(txt|html?|jsonl?)(?=#|$)/i, '');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

/** A date at the grain it was given: "1998", "May 2023", "24 Sept 2023", or with a time of day. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return 'date unknown';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2}))?)?)?/.exec(value);
  if (!m) return value;
  const [, year, month, day, hour, minute] = m;
  if (!month) return year;
  const monthName = MONTHS[Number(month) - 1] ?? month;
  if (!day) return `${monthName} ${year}`;
  const date = `${Number(day)} ${monthName} ${year}`;
  return hour && !(hour === '00' && minute === '00') ? `${date}, ${hour}:${minute}` : date;
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
