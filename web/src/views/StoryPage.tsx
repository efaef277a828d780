import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Dossier, Span } from '../api.js';
import { useDossier, type DossierView } from '../dossier-poll.js';
import { CiteContext, type CiteContextValue, type SourceInfo } from '../components/cite.js';
import { SourcesPane } from '../components/SourcesPane.js';
import { CoverageGrid } from '../components/CoverageGrid.js';
import { Numbers } from '../components/Numbers.js';
import { Disputes, Facts, Quotes, SourceGroups, Summary, Timeline } from '../components/sections.js';
import { formatDate, outletName, plural, storyTitle } from '../format.js';

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
  ['independence', 'Independence'],
];

export function StoryPage({ id }: { id: number }) {
  const [view, dismiss] = useDossier(id);
  const { dossier, problem } = view;
  const [active, setActive] = useState<Span | null>(null);
  const origin = useRef<HTMLElement | null>(null);
  const [canGoBack, setCanGoBack] = useState(false);

  const sources = useMemo(() => {
    const map = new Map<string, SourceInfo>();
    dossier?.articles.forEach((article, i) => {
      const outlet = outletName(article);
      map.set(article.id, { n: i + 1, label: outlet ?? `Source ${i + 1}`, named: outlet !== null, article });
    });
    return map;
  }, [dossier]);

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
  const named = new Set(dossier.articles.map(outletName).filter((o): o is string => o !== null));
  const unnamed = dossier.articles.filter((a) => outletName(a) === null).length;
  const cap = capOf(dossier);
  // Shown at the top instead: the selection is not an input that could not be read.
  const problems = dossier.problems.filter((p) => !CAPPED.test(p.reason));
  return (
    <CiteContext.Provider value={context}>
      <div class="story-page">
        <div class="analysis">
          <VersionNote view={view} onDismiss={dismiss} />
          <header class="story-head">
            <p class="crumb">
              <a href="#/">Stories</a> / story {id}
            </p>
            <h1>{storyTitle(dossier)}</h1>
            <p class="muted">
              {cap ? `${cap.analysed.toLocaleString('en-US')} of ${plural(cap.total, 'article')} analysed` : plural(dossier.articles.length, 'article')} · {named.size ? plural(named.size, 'outlet') : 'outlets not named'}
              {named.size > 0 && unnamed > 0 && ` and ${unnamed} unnamed`} · {dateRange(dossier)}
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
          </header>
          <Summary dossier={dossier} />
          <Disputes dossier={dossier} />
          <CoverageGrid dossier={dossier} />
          <Facts dossier={dossier} />
          <Timeline dossier={dossier} />
          <Quotes dossier={dossier} />
          <Numbers dossier={dossier} />
          <SourceGroups dossier={dossier} />
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
        <SourcesPane onBack={canGoBack ? back : null} />
      </div>
    </CiteContext.Provider>
  );
}
