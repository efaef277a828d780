// Citation badges. Every claim on the page carries badges for the spans it comes from; activating one
// asks the story page to open that source and highlight exactly those characters.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DossierArticle, Span } from '../api.js';
import { oneLine } from '../format.js';

export interface SourceInfo {
  /** 1-based number shown on badges. */
  n: number;
  /** Outlet name, or "Source n" when the article names none. */
  label: string;
  named: boolean;
  article: DossierArticle;
}

export interface CiteContextValue {
  sources: Map<string, SourceInfo>;
  active: Span | null;
  cite(span: Span, from: HTMLElement): void;
}

export const CiteContext = createContext<CiteContextValue>({ sources: new Map(), active: null, cite: () => {} });

export const colourClass = (n: number) => `src-c${(n - 1) % 8}`;

const sameSpan = (a: Span | null, b: Span) => !!a && a.articleId === b.articleId && a.start === b.start && a.end === b.end;

export function Cite({ span }: { span: Span }) {
  const { sources, active, cite } = useContext(CiteContext);
  const source = sources.get(span.articleId);
  if (!source) return null;
  const quoted = oneLine(source.article.text.slice(span.start, span.end));
  return (
    <button
      type="button"
      class={`cite ${colourClass(source.n)}${sameSpan(active, span) ? ' on' : ''}`}
      data-article={span.articleId}
      data-start={span.start}
      data-end={span.end}
      title={`${source.label}: “${quoted.length > 140 ? `${quoted.slice(0, 140)}…` : quoted}”`}
      aria-label={`Show in source ${source.n}, ${source.label}`}
      onClick={(e) => cite(span, e.currentTarget as HTMLElement)}
    >
      {source.n}
    </button>
  );
}

/** Badges for several spans, one per span (a source cited twice shows twice: two places in its text). */
export function Cites({ spans, max = 8 }: { spans: Span[]; max?: number }) {
  const shown = spans.slice(0, max);
  return (
    <span class="cites">
      {shown.map((s) => (
        <Cite key={`${s.articleId}:${s.start}:${s.end}`} span={s} />
      ))}
      {spans.length > max && <span class="more">+{spans.length - max}</span>}
    </span>
  );
}

/** The outlets behind some spans, as small named chips. */
export function Outlets({ spans }: { spans: Span[] }) {
  const { sources } = useContext(CiteContext);
  // Unnamed sources already show as numbered badges; a chip would only repeat the number.
  const seen = [...new Set(spans.map((s) => s.articleId))].map((id) => sources.get(id)).filter((s): s is SourceInfo => !!s && s.named);
  if (seen.length === 0) return null;
  return (
    <span class="outlet-chips">
      {seen.map((s) => (
        <span key={s.n} class={`chip ${colourClass(s.n)}`}>
          {s.label}
        </span>
      ))}
    </span>
  );
}

/**
 * The dossier's reasons name articles by id ("Daily Roundup copies 01-coastal-herald"): each id is replaced
 * by the name and number the page shows for it, so the reason reads like the badges around it.
 */
export function namesForIds(text: string, sources: Map<string, SourceInfo>): string {
  const ids = [...sources.keys()].sort((a, b) => b.length - a.length);
  if (ids.length === 0) return text;
  const pattern = new RegExp(ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return text.replace(pattern, (id) => {
    const s = sources.get(id)!;
    return `${s.label} (${s.n})`;
  });
}
