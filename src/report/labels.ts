import type { Dossier, DossierArticle } from '../dossier/types.js';
import type { Span } from '../annotate/types.js';
// The leaf modules, not the stage entry: rendering a stored dossier needs no pipeline code loaded.
import { articleLabel } from '../dossier/labels.js';
export { articleLabel };
import { labelOf, labelSourceOf, originName } from '../dossier/outlets.js';
export { labelOf, labelSourceOf, originName };

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

/** How a report names one article: its number in the source list, its label, and the short chip text. */
export interface ArticleRef {
  /** 1-based position in dossier.articles, shown on the source card. */
  n: number;
  /** "BBC", "AP / Reuters", "bbc.co.uk", or a readable file name. */
  label: string;
  /** True when the label names a publisher (outlet, wire credit or domain) rather than a file. */
  named: boolean;
  /** Citation chip text: the label when it names a publisher briefly and alone, else the number. */
  chip: string;
}

/** Labels longer than this make chips wrap across lines in a list of citations: they show the number. */
const MAX_CHIP_CHARS = 16;

/**
 * Every article's reference. A chip shows the publisher when it is short and no other article has the same
 * label ("BBC"); two articles of one outlet read "BBC 1" and "BBC 4"; a file name or long label reads as
 * the article's number ("2"), with the label on hover.
 */
export function articleRefs(dossier: Pick<Dossier, 'articles'>): Map<string, ArticleRef> {
  const labels = dossier.articles.map((a) => labelOf(a));
  const uses = new Map<string, number>();
  for (const l of labels) uses.set(l.toLowerCase(), (uses.get(l.toLowerCase()) ?? 0) + 1);
  return new Map(
    dossier.articles.map((a, i) => {
      const label = labels[i];
      const named = labelSourceOf(a) !== 'file';
      const short = named && label.length <= MAX_CHIP_CHARS;
      const chip = short ? (uses.get(label.toLowerCase())! > 1 ? `${label} ${i + 1}` : label) : String(i + 1);
      return [a.id, { n: i + 1, label, named, chip }];
    }),
  );
}

/**
 * The figure's counted thing with the capitals of the source text ("Serb gunmen", not "serb gunmen"): the
 * dossier keeps a lower-cased key, and the words as written sit next to the cited number.
 */
export function writtenAs(articles: ReadonlyMap<string, Pick<DossierArticle, 'text'>>, span: Span, what: string): string {
  const text = articles.get(span.articleId)?.text;
  const key = what.trim().toLowerCase();
  if (!text || !key) return what;
  const from = Math.max(0, span.start - 120);
  const window = text.slice(from, Math.min(text.length, span.end + 120)).toLowerCase();
  // The occurrence nearest the number: "three Serb gunmen" after it, "the troop count ... 8,350" before it.
  let best = -1;
  for (let at = window.indexOf(key); at >= 0; at = window.indexOf(key, at + 1)) {
    const distance = Math.abs(from + at - span.start);
    if (best < 0 || distance < Math.abs(from + best - span.start)) best = at;
  }
  return best < 0 ? what : text.slice(from + best, from + best + key.length);
}

/** Distinct named publishers of some spans ("BBC", "AP"), in citation order; file-named articles are left out. */
export function publishers(spans: Span[], refs: ReadonlyMap<string, ArticleRef>): string[] {
  return [...new Set(spans.map((s) => refs.get(s.articleId)).filter((r): r is ArticleRef => !!r?.named).map((r) => r.label))];
}

/**
 * Who states a dispute side. With no claimant the pipeline names the side by its article's outlet or file
 * stem ("004_e56ca0db870ed172"): the report shows the article's label instead.
 */
export function sideName(side: Dossier['disputes'][number]['sides'][number], articles: ReadonlyMap<string, DossierArticle>, refs: ReadonlyMap<string, ArticleRef>): string {
  const first = side.sources[0] && articles.get(side.sources[0].articleId);
  if (side.byName && !(first && !side.by && side.byName === articleLabel(first))) return side.byName;
  if (!first) return side.byName ?? 'unattributed';
  const ref = refs.get(first.id)!;
  return ref.named ? ref.label : `article ${ref.n} (outlet not named)`;
}


/**
 * The named publishers of some citations for a reach line: "BBC, Reuters" when every cited article is
 * named, "among them BBC" when some are not (the count before it is of articles, not of these names).
 */
export function publishersNote(spans: Span[], refs: ReadonlyMap<string, ArticleRef>): string {
  const list = publishers(spans, refs);
  if (!list.length) return '';
  const allNamed = spans.every((s) => refs.get(s.articleId)?.named);
  return `${allNamed ? '' : 'among them '}${list.join(', ')}`;
}
