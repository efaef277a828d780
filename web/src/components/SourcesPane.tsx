// Every source article's cleaned text. The active citation is wrapped in <mark>, scrolled to and focused,
// so the reader lands on exactly the characters the claim rests on.
import type { ComponentChildren } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { Span } from '../api.js';
import { CiteContext, colourClass, type SourceInfo } from './cite.js';
import { formatDate, originName } from '../format.js';

/** Only http(s) links are rendered as links: a "javascript:" URL from an article must never be clickable. */
export function safeHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The cleaner flags a paywalled page of which only the teaser could be read (rule "clean/teaser-only"). */
function isTeaserOnly(diagnostics: { ruleId: string }[] | undefined): boolean {
  return (diagnostics ?? []).some((d) => d.ruleId === 'clean/teaser-only');
}

function paragraphs(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(/\n\s*\n/g)) {
    out.push({ start, end: m.index! });
    start = m.index! + m[0].length;
  }
  out.push({ start, end: text.length });
  return out.filter((p) => p.end > p.start);
}

function ArticleText({ text, highlight }: { text: string; highlight: Span | null }) {
  const mark = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!highlight || !mark.current) return;
    mark.current.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    mark.current.focus({ preventScroll: true });
  }, [highlight]);
  const parts = paragraphs(text);
  // A span may cross paragraphs: each overlapping piece is marked, the first one takes focus.
  const firstHit = highlight ? parts.find((p) => highlight.end > p.start && highlight.start < p.end)?.start : undefined;
  return (
    <div class="text">
      {parts.map((p) => {
        if (!highlight || highlight.end <= p.start || highlight.start >= p.end) return <p key={p.start}>{text.slice(p.start, p.end)}</p>;
        const from = Math.max(p.start, highlight.start);
        const to = Math.min(p.end, highlight.end);
        const first = p.start === firstHit;
        return (
          <p key={p.start}>
            {text.slice(p.start, from)}
            <mark class="hit" ref={first ? mark : undefined} tabIndex={first ? -1 : undefined}>
              {text.slice(from, to)}
            </mark>
            {text.slice(to, p.end)}
          </p>
        );
      })}
    </div>
  );
}

/** Removing an article from the story: what the pane needs (absent while the store's ids are unknown). */
export interface HideControl {
  /** The store's id of each dossier article. */
  storeIds: Map<string, number>;
  hide(articleId: string): Promise<void>;
}

function HideButton({ source, control }: { source: SourceInfo; control: HideControl }) {
  // Two steps: a misplaced tap must not take an article out of the story.
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!control.storeIds.has(source.article.id)) return null;
  if (!confirming)
    return (
      <button type="button" class="quiet small hide" onClick={() => setConfirming(true)} aria-label={`Remove source ${source.n}, ${source.label}, from this story`}>
        Remove…
      </button>
    );
  return (
    <p class="confirm-hide" role="group" aria-label="Confirm removal">
      <span>Remove “{source.article.title ?? source.label}” from this story? It can be restored.</span>
      <button
        type="button"
        class="small danger"
        disabled={busy}
        ref={(el) => el?.focus()}
        onClick={async () => {
          setBusy(true);
          try {
            await control.hide(source.article.id);
          } finally {
            setBusy(false);
            setConfirming(false);
          }
        }}
      >
        {busy ? 'Removing…' : 'Remove'}
      </button>
      <button type="button" class="quiet small" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </p>
  );
}

function SourceArticle({ source, highlight, startOpen, control }: { source: SourceInfo; highlight: Span | null; startOpen: boolean; control: HideControl | null }) {
  const [open, setOpen] = useState(startOpen);
  useEffect(() => {
    if (highlight) setOpen(true);
  }, [highlight]);
  const a = source.article;
  const href = safeHref(a.url);
  // A credit that is the name already shown (an agency's own article) would only repeat it.
  const credits = a.credits.filter((c) => c.toLowerCase() !== source.label.toLowerCase());
  return (
    <article class="source" id={`source-${source.n}`} data-article={a.id}>
      <details open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>
          <span class={`badge ${colourClass(source.n)}`}>{source.n}</span>
          <span class="source-head">
            <strong>{source.label}</strong>
            <span class="title">{a.title ?? '(no headline)'}</span>
            <small>
              {!source.named && !a.label && `${originName(a.origin)} · `}
              {formatDate(a.publishedAt)}
            </small>
            {credits.length > 0 && (
              <span class="credits" aria-label={`Wire credits: ${credits.join(', ')}`}>
                {credits.map((c) => (
                  <span class="credit" key={c}>
                    {c}
                  </span>
                ))}
              </span>
            )}
            {isTeaserOnly(a.diagnostics) && <span class="teaser-only">Teaser only (paywalled page)</span>}
          </span>
        </summary>
        {control && <HideButton source={source} control={control} />}
        {href && (
          <p class="link">
            <a href={href} rel="noopener noreferrer nofollow" target="_blank">
              Original page ↗
            </a>
          </p>
        )}
        {open && <ArticleText text={a.text} highlight={highlight} />}
        {open && a.removed.length > 0 && (
          <details class="removed">
            <summary>{a.removed.length} pieces removed while cleaning</summary>
            <ul>
              {a.removed.map((r, i) => (
                <li key={i}>
                  <del>{r.text}</del> <small>{r.reason}</small>
                </li>
              ))}
            </ul>
          </details>
        )}
      </details>
    </article>
  );
}

export function SourcesPane({ onBack, control, notice }: { onBack: (() => void) | null; control: HideControl | null; notice?: ComponentChildren }) {
  const { sources, active } = useContext(CiteContext);
  const list = [...sources.values()];
  return (
    <aside class="sources" id="sources" tabIndex={-1} aria-labelledby="sources-heading">
      <div class="sources-top">
        <h2 id="sources-heading">Sources ({list.length})</h2>
        {onBack && (
          <button type="button" class="quiet small back" onClick={onBack}>
            ↩ Back to the claim
          </button>
        )}
      </div>
      {notice}
      {list.map((s) => (
        <SourceArticle key={s.article.id} source={s} highlight={active && active.articleId === s.article.id ? active : null} startOpen={list.length <= 6} control={control} />
      ))}
    </aside>
  );
}
