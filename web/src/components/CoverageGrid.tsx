// Sources by facts: which outlet reports which fact, as a grid the eye can scan faster than a list.
// Each filled cell is a citation: activating it opens that source at that fact.
import { useContext } from 'preact/hooks';
import type { Dossier } from '../api.js';
import { CiteContext, colourClass } from './cite.js';
import { oneLine } from '../format.js';

const MAX_ROWS = 24;

export function CoverageGrid({ dossier }: { dossier: Dossier }) {
  const { sources, cite } = useContext(CiteContext);
  // Most corroborated first: the top of the grid is what many sources agree on.
  const facts = [...dossier.facts].sort((a, b) => b.independentSources - a.independentSources || b.sources.length - a.sources.length).slice(0, MAX_ROWS);
  if (facts.length === 0 || sources.size < 2) return null;
  const columns = [...sources.values()];
  return (
    <section id="coverage" aria-labelledby="coverage-h">
      <h2 id="coverage-h">Coverage</h2>
      <p class="hint">
        Which source reports which fact ({facts.length} of {dossier.facts.length} facts, most corroborated first). Select a dot to read it in the source.
      </p>
      <div class="grid-wrap" tabIndex={0} aria-label="Coverage grid, scrollable">
        <table class="grid">
          <thead>
            <tr>
              <th scope="col" class="fact-col">
                Fact
              </th>
              {columns.map((s) => (
                <th scope="col" key={s.n} title={s.label}>
                  <span class={`badge ${colourClass(s.n)}`}>{s.n}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {facts.map((f) => {
              const byArticle = new Map(f.sources.map((span) => [span.articleId, span]));
              return (
                <tr key={f.id}>
                  <th scope="row" class="fact-col">
                    {oneLine(f.text)}
                  </th>
                  {columns.map((s) => {
                    const span = byArticle.get(s.article.id);
                    return (
                      <td key={s.n}>
                        {span ? (
                          <button
                            type="button"
                            class={`dot ${colourClass(s.n)}`}
                            aria-label={`Source ${s.n}, ${s.label}, reports: ${oneLine(f.text).slice(0, 80)}`}
                            onClick={(e) => cite(span, e.currentTarget as HTMLElement)}
                          >
                            {/* The number is the column's name on a phone, where the rows stack and the header row is not shown. */}
                            <span aria-hidden="true">{s.n}</span>
                          </button>
                        ) : (
                          <span class="no" role="img" aria-label={`not in source ${s.n}, ${s.label}`}>
                            <span aria-hidden="true">{s.n}</span>
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
