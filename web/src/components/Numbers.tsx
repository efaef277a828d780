// Numbers: figures whose value changed over time (with a small line chart), then figures mentioned.
import type { Dossier, NumberChange } from '../api.js';
import { Cites } from './cite.js';
import { formatNumber, oneLine } from '../format.js';
import { namedOutlets, quantityPhrase, quantityReach, reportedQuantities } from '../../../src/report/explain.js';

function Sparkline({ change }: { change: NumberChange }) {
  const values = change.values.map((v) => v.value);
  if (values.length < 2) return null;
  const w = 120;
  const h = 32;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const x = (i: number) => 4 + (i * (w - 8)) / (values.length - 1);
  const y = (v: number) => (max === min ? h / 2 : h - 4 - ((v - min) * (h - 8)) / (max - min));
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  return (
    <svg class="spark" viewBox={`0 0 ${w} ${h}`} width={w} height={h} role="img" aria-label={`from ${formatNumber(values[0])} to ${formatNumber(values[values.length - 1])}`}>
      <polyline points={points} fill="none" stroke="currentColor" stroke-width="2" />
      {values.map((v, i) => (
        <circle key={i} cx={x(i)} cy={y(v)} r="3" fill="currentColor" />
      ))}
    </svg>
  );
}

export function Numbers({ dossier }: { dossier: Dossier }) {
  if (dossier.numberChanges.length === 0 && dossier.quantities.length === 0) return null;
  // Quantities with their reports (newer dossiers): one row per value of one thing, with its reach.
  const reported = reportedQuantities(dossier.quantities).slice(0, 30);
  const reportedSet = new Set(reported);
  const articles = new Map(dossier.articles.map((a) => [a.id, a]));
  const byWhat = new Map<string, Dossier['quantities']>();
  for (const q of dossier.quantities) if (!reportedSet.has(q) && !q.sources?.length) byWhat.set(q.what, [...(byWhat.get(q.what) ?? []), q]);
  const figures = [...byWhat.entries()].sort((a, b) => b[1].length - a[1].length).slice(0, 30);
  return (
    <section id="numbers" aria-labelledby="numbers-h">
      <h2 id="numbers-h">Numbers</h2>
      {dossier.numberChanges.length > 0 && (
        <>
          <h3>Changed over time</h3>
          <ul class="changes">
            {dossier.numberChanges.map((c, i) => (
              <li key={i}>
                <strong>{oneLine(c.what)}</strong>
                <Sparkline change={c} />
                <ol class="values">
                  {c.values.map((v, j) => (
                    <li key={j}>
                      <span class="value">{formatNumber(v.value)}</span>
                      {v.date && <small class="muted"> {v.date}</small>} <Cites spans={[v.span]} />
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ul>
        </>
      )}
      {reported.length > 0 && (
        <>
          <h3>Figures reported</h3>
          <ul class="reported-figures">
            {reported.map((q, i) => (
              <li key={i}>
                <strong class="figure">{quantityPhrase(q, formatNumber)}</strong>
                {q.owner && <span class="owner">{oneLine(q.owner)}</span>}
                <span class="reach">{quantityReach(q, articles)}</span>
                {q.reportedBy && q.reportedBy.length > 0 && namedOutlets(q.sources ?? [q.span], articles) && <small class="muted">{[...new Set(q.reportedBy)].join(', ')}</small>}
                <Cites spans={q.sources?.length ? q.sources : [q.span]} max={6} />
              </li>
            ))}
          </ul>
        </>
      )}
      {figures.length > 0 && (
        <>
          <h3>{reported.length ? 'Other figures mentioned' : 'Figures mentioned'}</h3>
          <table class="figures">
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col">Values given</th>
              </tr>
            </thead>
            <tbody>
              {figures.map(([what, list]) => (
                <tr key={what}>
                  <th scope="row">{oneLine(what) || '—'}</th>
                  <td>
                    {[...new Set(list.map((q) => q.value))].map((v) => formatNumber(v)).join(' / ')} <Cites spans={list.map((q) => q.span)} max={5} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
