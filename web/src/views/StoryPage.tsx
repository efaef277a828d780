import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { getDossier, type Dossier, type Span } from '../api.js';
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
  const [dossier, setDossier] = useState<Dossier | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [active, setActive] = useState<Span | null>(null);
  const origin = useRef<HTMLElement | null>(null);
  const [canGoBack, setCanGoBack] = useState(false);

  useEffect(() => {
    let live = true;
    getDossier(id)
      .then((d) => live && setDossier(d))
      .catch((error: Error) => live && setProblem(error.message));
    return () => {
      live = false;
    };
  }, [id]);

  const sources = useMemo(() => {
    const map = new Map<string, SourceInfo>();
    dossier?.articles.forEach((article, i) => {
      const outlet = outletName(article);
      map.set(article.id, { n: i + 1, label: outlet ?? `Source ${i + 1}`, named: outlet !== null, article });
    });
    return map;
  }, [dossier]);

  const back = () => {
    const target = origin.current;
    setCanGoBack(false);
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
  return (
    <CiteContext.Provider value={context}>
      <div class="story-page">
        <div class="analysis">
          <header class="story-head">
            <p class="crumb">
              <a href="#/">Stories</a> / story {id}
            </p>
            <h1>{storyTitle(dossier)}</h1>
            <p class="muted">
              {plural(dossier.articles.length, 'article')} · {named.size ? plural(named.size, 'outlet') : 'outlets not named'}
              {named.size > 0 && unnamed > 0 && ` and ${unnamed} unnamed`} · {dateRange(dossier)}
            </p>
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
          {dossier.problems.length > 0 && (
            <section id="problems">
              <h2>Inputs that could not be used</h2>
              <ul>
                {dossier.problems.map((p, i) => (
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
