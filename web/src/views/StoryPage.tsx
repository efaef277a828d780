import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { EXPORT_FORMATS, fetchExport, getStory, hideArticle, restoreArticle, type Dossier, type ExportFormat, type Span } from '../api.js';
import { useDossier, type DossierView } from '../dossier-poll.js';
import { CiteContext, type CiteContextValue, type SourceInfo } from '../components/cite.js';
import { SourcesPane, type HideControl } from '../components/SourcesPane.js';
import { CoverageGrid } from '../components/CoverageGrid.js';
import { Numbers } from '../components/Numbers.js';
import { Disputes, Facts, Quotes, Summary, Timeline } from '../components/sections.js';
import { Provenance } from '../components/Provenance.js';
import { Entities } from '../components/Entities.js';
import { FilterBar, NO_FILTER, filterDossier, isFiltering, matchLine, speakersOf, type StoryFilter } from '../components/Filters.js';
import { ItemContext, itemElementId, itemIds, type ItemContextValue } from '../components/items.js';
import type { ItemRef } from '../router.js';
import { formatDate, outletName, plural, storyTitle } from '../format.js';
import { articleCountLine } from '../../../src/report/explain.js';
import { labelSourceOf } from '../../../src/dossier/outlets.js';

function dateRange(dossier: Dossier): string {
  const dates = dossier.articles.map((a) => a.publishedAt?.slice(0, 10)).filter((d): d is string => !!d).sort();
  if (dates.length === 0) return 'publication dates unknown';
  return dates[0] === dates[dates.length - 1] ? formatDate(dates[0]) : `${formatDate(dates[0])} – ${formatDate(dates[dates.length - 1])}`;
}

/** The problem a dossier of a very large story carries: it analysed a selection of the story's articles. */
const CAPPED = /analyses (\d+) of the story's (\d+) articles/;

function capOf(dossier: Dossier): { reason: string; analysed: number; total: number } | null {
  for (const p of dossier.problems) {
    const m = CAPPED.exec(p.reason);
    if (m) return { reason: p.reason, analysed: Number(m[1]), total: Number(m[2]) };
  }
  return null;
}

const sentence = (text: string) => {
  const t = text.trim();
  return t.charAt(0).toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? '' : '.');
};

/**
 * Above the analysis: which version is shown while a newer one is analysed, and that it was swapped in.
 * The live region is always in the page so screen readers announce each change politely.
 */
function VersionNote({ view, onDismiss }: { view: DossierView; onDismiss: () => void }) {
  const { dossier, building, notice, replaced } = view;
  const shown = view.shownArticles ?? dossier?.articles.length ?? 0;
  return (
    <div class="version-live" role="status" aria-live="polite">
      {dossier && building && (
        <p class="version-note building-note">
          <span class="spinner" aria-hidden="true" />
          <span>
            {building.storyArticles !== null
              ? `A newer version with ${plural(building.storyArticles, 'article')} is being analysed; showing the version of ${plural(shown, 'article')}.`
              : `A newer version of this story is being analysed; showing the version of ${plural(shown, 'article')}.`}
          </span>
        </p>
      )}
      {notice && (
        <p class="version-note trouble">
          <span>{notice}</span>
        </p>
      )}
      {!building && replaced && (
        <p class="version-note updated">
          <span>
            Updated: now showing the version of {plural(replaced.to, 'article')} (was {plural(replaced.from, 'article')}).
          </span>
          <button type="button" class="quiet small" onClick={onDismiss}>
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}

const SECTIONS: [string, string][] = [
  ['summary', 'Summary'],
  ['disputes', 'Disputed'],
  ['coverage', 'Coverage'],
  ['corroborated', 'Corroborated'],
  ['single', 'One source'],
  ['timeline', 'Timeline'],
  ['quotes', 'Quotes'],
  ['numbers', 'Numbers'],
  ['entities', 'Names'],
  ['provenance', 'Provenance'],
];

/** Export buttons: each file is fetched, so a failure is said on the page instead of saved as the file. */
function Exports({ id }: { id: number }) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const download = async (format: ExportFormat) => {
    setBusy(format);
    setProblem(null);
    try {
      const { blob, filename } = await fetchExport(id, format);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      document.body.append(link);
      link.click();
      link.remove();
      // Revoked later: the download has to have started reading it.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      setProblem(`Export failed: ${(error as Error).message}`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div class="exports" role="group" aria-labelledby="exports-label">
      <span id="exports-label" class="label">
        Export
      </span>
      {EXPORT_FORMATS.map(([format, label]) => (
        <button key={format} type="button" class="quiet small" disabled={busy !== null} onClick={() => void download(format)} aria-label={`Export as ${label}`}>
          {busy === format ? `${label}…` : label}
        </button>
      ))}
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/** Says what was removed and offers it back; takes focus, since the button that was pressed is gone. */
function RemovedNote({ removed, onUndo, onDismiss }: { removed: Removed; onUndo: () => void; onDismiss: () => void }) {
  const undo = useRef<HTMLButtonElement>(null);
  useEffect(() => undo.current?.focus(), []);
  return (
    <p class="version-note removed-note">
      <span>
        Removed “{removed.name}” from this story; the analysis is updated without it.{removed.problem ? ` Undo failed: ${removed.problem}` : ''}
      </span>
      <button type="button" class="small" ref={undo} disabled={removed.busy} onClick={onUndo}>
        {removed.busy ? 'Restoring…' : 'Undo'}
      </button>
      <button type="button" class="quiet small" onClick={onDismiss}>
        Dismiss
      </button>
    </p>
  );
}

/** An article just removed from the story, offered back until dismissed. */
interface Removed {
  storeId: number;
  name: string;
  busy: boolean;
  problem: string | null;
}

export function StoryPage({ id, item = null }: { id: number; item?: ItemRef | null }) {
  const [view, dismiss, refresh] = useDossier(id);
  const { dossier, problem } = view;
  const [active, setActive] = useState<Span | null>(null);
  const origin = useRef<HTMLElement | null>(null);
  const [canGoBack, setCanGoBack] = useState(false);
  const [filter, setFilter] = useState<StoryFilter>(NO_FILTER);
  const [storeIds, setStoreIds] = useState<Map<string, number>>(new Map());
  const [removed, setRemoved] = useState<Removed | null>(null);
  const [hideProblem, setHideProblem] = useState<string | null>(null);

  const sources = useMemo(() => {
    const map = new Map<string, SourceInfo>();
    dossier?.articles.forEach((article, i) => {
      // The dossier's own label when it has one (outlet > wire credit > domain > file name); older dossiers carry none.
      const fallback = outletName(article);
      const label = article.label ?? article.outlet ?? fallback ?? `Source ${i + 1}`;
      const named = article.labelSource ? labelSourceOf(article) !== 'file' : fallback !== null;
      map.set(article.id, { n: i + 1, label, named, article });
    });
    return map;
  }, [dossier]);

  // The store's ids of the story's articles (the delete call takes those), read again for each version shown.
  useEffect(() => {
    if (!dossier) return;
    const controller = new AbortController();
    getStory(id, controller.signal)
      .then((r) => setStoreIds(new Map(r.articles.map((a) => [a.articleId, a.id]))))
      .catch(() => undefined);
    return () => controller.abort();
  }, [id, dossier]);

  const title = dossier ? storyTitle(dossier) : view.building?.title;
  useEffect(() => {
    document.title = title ? `${title} · Triangulate` : `Story ${id} · Triangulate`;
  }, [title, id]);

  const ids = useMemo(() => (dossier ? itemIds(dossier) : { disputeIds: new Map(), quoteIds: new Map() }), [dossier]);
  const filtering = isFiltering(filter);
  const shown = useMemo(() => (dossier ? filterDossier(dossier, filter, sources) : null), [dossier, filter, sources]);
  const items: ItemContextValue = useMemo(() => ({ storyId: id, target: item, filtering, ...ids }), [id, item, filtering, ids]);

  // A permalink: once the item is on the page, bring it under the top bar, mark it and give it focus. Done
  // once per link (a newer dossier swapped in later does not scroll the reader back).
  const reached = useRef<string | null>(null);
  const itemKey = item ? `${item.kind}/${item.id}` : null;
  useEffect(() => {
    if (!item || !dossier || reached.current === itemKey) return;
    const el = document.getElementById(itemElementId(item.kind, item.id));
    if (!el) return;
    reached.current = itemKey;
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
  }, [itemKey, dossier, filtering]);
  // A permalink to an item the filters hide: the filters are let go, so the link still works.
  useEffect(() => {
    if (item && filtering) setFilter(NO_FILTER);
  }, [itemKey]);

  const control: HideControl | null = useMemo(
    () =>
      storeIds.size > 1
        ? {
            storeIds,
            async hide(articleId) {
              const storeId = storeIds.get(articleId);
              const source = sources.get(articleId);
              if (storeId === undefined) return;
              setHideProblem(null);
              try {
                await hideArticle(storeId);
                setRemoved({ storeId, name: source?.article.title ?? source?.label ?? `article ${storeId}`, busy: false, problem: null });
                refresh();
              } catch (error) {
                setHideProblem(`Could not remove the article: ${(error as Error).message}`);
              }
            },
          }
        : null,
    [storeIds, sources],
  );

  const undo = async () => {
    if (!removed) return;
    setRemoved({ ...removed, busy: true, problem: null });
    try {
      await restoreArticle(removed.storeId);
      setRemoved(null);
      refresh();
    } catch (error) {
      setRemoved({ ...removed, busy: false, problem: (error as Error).message });
    }
  };

  // A newer dossier was swapped in: the followed citation stays selected when its article is still analysed
  // (article ids and texts do not change between versions), and is let go when it is not.
  useEffect(() => {
    if (active && !sources.has(active.articleId)) {
      setActive(null);
      setCanGoBack(false);
    }
  }, [sources]);

  const back = () => {
    let target = origin.current;
    setCanGoBack(false);
    // The badge that was followed may have been re-created by a newer dossier: find its twin by span.
    if (target && !target.isConnected && active) {
      const sel = `.analysis .cite[data-article="${CSS.escape(active.articleId)}"][data-start="${active.start}"][data-end="${active.end}"]`;
      target = document.querySelector<HTMLElement>(sel);
    }
    if (target && target.isConnected) {
      target.scrollIntoView({ block: 'center' });
      target.focus();
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && canGoBack) back();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [canGoBack]);

  const context: CiteContextValue = useMemo(
    () => ({
      sources,
      active,
      cite(span, from) {
        origin.current = from;
        setCanGoBack(true);
        setActive({ ...span });
      },
    }),
    [sources, active],
  );

  if (problem)
    return (
      <section class="empty">
        <h1>Story {id}</h1>
        <p class="problem" role="alert">
          {problem}
        </p>
        <p>
          <a href="#/">Back to the stories</a>
        </p>
      </section>
    );
  if (!dossier && view.building)
    return (
      // Not aria-busy: that would hold back the status line, which is the news here.
      <section class="loading building">
        <p class="crumb">
          <a href="#/">Stories</a> / story {id}
        </p>
        {view.building.title && <h1>{view.building.title}</h1>}
        <p class="building-state" role="status">
          <span class="spinner" aria-hidden="true" /> Analysing this story
          {view.building.storyArticles !== null ? ` (${plural(view.building.storyArticles, 'article')})` : ''}…
        </p>
        <p class="hint">Large stories take a while. This page shows the analysis by itself when it is ready; you can leave and come back.</p>
        {view.notice && (
          <p class="version-note trouble">
            <span>{view.notice}</span>
          </p>
        )}
      </section>
    );
  if (!dossier)
    return (
      <section class="loading" aria-busy="true">
        <p>
          <span class="spinner" aria-hidden="true" /> Analysing story {id}: aligning facts across sources…
        </p>
      </section>
    );

  const corroborated = dossier.facts.filter((f) => f.independentSources > 1).length;
  const cap = capOf(dossier);
  // Shown at the top instead: the selection is not an input that could not be read.
  const problems = dossier.problems.filter((p) => !CAPPED.test(p.reason));
  const view2 = shown ?? dossier;
  const outletOptions = [...new Set([...sources.values()].map((s) => s.label))];
  return (
    <CiteContext.Provider value={context}>
      <ItemContext.Provider value={items}>
        <div class="story-page">
          <div class="analysis">
            <VersionNote view={view} onDismiss={dismiss} />
            <header class="story-head">
              <p class="crumb">
                <a href="#/">Stories</a> / story {id}
              </p>
              <h1>{storyTitle(dossier)}</h1>
              <p class="muted">
                {cap ? `${cap.analysed.toLocaleString('en-US')} of ${plural(cap.total, 'article')} analysed` : articleCountLine(dossier.articles)} · {dateRange(dossier)}
              </p>
              {cap && <p class="capped">{sentence(cap.reason)}</p>}
              <dl class="tiles">
                <div class="tile good">
                  <dt>corroborated</dt>
                  <dd>{corroborated}</dd>
                </div>
                <div class={`tile ${dossier.disputes.length ? 'bad' : ''}`}>
                  <dt>disputed</dt>
                  <dd>{dossier.disputes.length}</dd>
                </div>
                <div class="tile warn">
                  <dt>one source only</dt>
                  <dd>{dossier.singleSource.length}</dd>
                </div>
                <div class="tile">
                  <dt>quotes</dt>
                  <dd>{dossier.quotes.length}</dd>
                </div>
              </dl>
              <nav class="jump" aria-label="Sections">
                {SECTIONS.map(([anchor, label]) => (
                  <a
                    key={anchor}
                    href={`#/story/${id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      const section = document.getElementById(anchor);
                      // scroll-margin-top (styles.css) keeps the heading clear of the sticky top bar.
                      section?.scrollIntoView({ block: 'start' });
                      const heading = section?.querySelector<HTMLElement>('h2');
                      heading?.setAttribute('tabindex', '-1');
                      heading?.focus({ preventScroll: true });
                    }}
                  >
                    {label}
                  </a>
                ))}
                <a href={`#/add?story=${id}`}>+ Add article</a>
              </nav>
              <Exports id={id} />
              <FilterBar filter={filter} onChange={setFilter} speakers={speakersOf(dossier)} outlets={outletOptions} status={filtering ? matchLine(view2) : null} />
            </header>
            <Summary dossier={view2} />
            <Disputes dossier={view2} />
            <CoverageGrid dossier={view2} />
            <Facts dossier={view2} />
            <Timeline dossier={view2} />
            <Quotes dossier={view2} />
            <Numbers dossier={view2} />
            <Entities
              dossier={view2}
              onPick={(name) => {
                setFilter({ ...NO_FILTER, text: name });
                // The reader is at the bottom of the page: take them to the search that now applies.
                const input = document.querySelector<HTMLInputElement>('.story-filters input[type=search]');
                input?.scrollIntoView({ block: 'center' });
                input?.focus({ preventScroll: true });
              }}
            />
            {!filtering && <Provenance dossier={dossier} />}
            {problems.length > 0 && (
              <section id="problems">
                <h2>Inputs that could not be used</h2>
                <ul>
                  {problems.map((p, i) => (
                    <li key={i}>
                      <code>{p.origin}</code>: {p.reason}
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </div>
          <SourcesPane
            onBack={canGoBack ? back : null}
            control={control}
            notice={
              // In the pane, where the remove button was: on a laptop the pane's top stays in view.
              <div class="removed-live" role="status" aria-live="polite">
                {removed && <RemovedNote removed={removed} onUndo={() => void undo()} onDismiss={() => setRemoved(null)} />}
                {hideProblem && (
                  <p class="version-note trouble">
                    <span>{hideProblem}</span>
                  </p>
                )}
              </div>
            }
          />
        </div>
      </ItemContext.Provider>
    </CiteContext.Provider>
  );
}
