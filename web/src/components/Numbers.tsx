// Numbers: figures whose value changed over time (with a chart that has its axes and dates), then figures
// reported, each saying what happened to what is counted ("3 attackers killed").
import type { Dossier, DossierArticle, NumberChange, Span } from '../api.js';
import { Cites } from './cite.js';
import { formatDate, formatNumber, oneLine } from '../format.js';
import { namedOutlets, pastParticiple, quantityPhrase, quantityReach, reportedQuantities } from '../../../src/report/explain.js';

/**
 * A phrase as the article wrote it near a span: the pipeline lowercases what is counted ("armed serbs"), so
 * the same words are looked up just after the number and their own capitals kept ("armed Serbs").
 */
export function asWritten(phrase: string, span: Span, articles: ReadonlyMap<string, DossierArticle>): string {
  const text = articles.get(span.articleId)?.text;
  const wanted = oneLine(phrase);
  if (!text || !wanted) return wanted;
  const near = text.slice(Math.max(0, span.start - 120), span.end + 160).replace(/\s+/g, ' ');
  const at = near.toLowerCase().indexOf(wanted.toLowerCase());
  return at >= 0 ? near.slice(at, at + wanted.length) : wanted;
}

/** What happened to the counted thing in a change, from the quantities reported at its values' spans. */
function changeEvent(change: NumberChange, dossier: Dossier): { event?: string; owner?: string } {
  for (const v of change.values) {
    const q = dossier.quantities.find((q) =>
      [q.span, ...(q.sources ?? [])].some((s) => s.articleId === v.span.articleId && s.start < v.span.end && v.span.start < s.end),
    );
    if (q?.event || q?.owner) return { event: q.event, owner: q.owner };
  }
  return {};
}

/** Verbs that tell nothing about what happened to the counted thing ("90% comprise"): not shown. */
const EMPTY_EVENTS = new Set(['be', 'have', 'do', 'get', 'include', 'consist', 'comprise', 'number', 'total']);

function ordinal(n: number): string {
  const suffix = n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** Short label of a value's date for the x axis: the date stated, else its place in the order reported. */
function when(v: NumberChange['values'][number], i: number): { label: string; stated: boolean } {
  if (v.date) return { label: formatDate(v.date), stated: true };
  return { label: `${ordinal(i + 1)} value`, stated: false };
}

function Chart({ change, label }: { change: NumberChange; label: string }) {
  const values = change.values.map((v) => v.value);
  if (values.length < 2) return null;
  const w = 320;
  const h = 150;
  const left = 56;
  const right = 16;
  const top = 12;
  const bottom = 34;
  // Counts start at zero so a drop from 8,350 to 4,500 looks like the halving it is.
  const lo = Math.min(0, ...values);
  const hi = Math.max(...values);
  const x = (i: number) => left + (i * (w - left - right)) / (values.length - 1);
  const y = (v: number) => (hi === lo ? (top + h - bottom) / 2 : h - bottom - ((v - lo) * (h - top - bottom)) / (hi - lo));
  const ticks = [...new Set([lo, (lo + hi) / 2, hi])];
  const labels = change.values.map((v, i) => when(v, i));
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const description = `${label}: ${change.values.map((v, i) => `${formatNumber(v.value)} (${labels[i].label})`).join(', then ')}`;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={description}>
        <line class="axis" x1={left} y1={top} x2={left} y2={h - bottom} />
        <line class="axis" x1={left} y1={h - bottom} x2={w - right} y2={h - bottom} />
        {ticks.map((t) => (
          <g key={t}>
            <line class="grid-line" x1={left} x2={w - right} y1={y(t)} y2={y(t)} />
            <text class="tick" x={left - 6} y={y(t) + 4} text-anchor="end">
              {formatNumber(Math.round(t))}
            </text>
          </g>
        ))}
        <polyline points={points} fill="none" stroke="currentColor" stroke-width="2.5" />
        {values.map((v, i) => (
          <g key={i}>
            <circle cx={x(i)} cy={y(v)} r="4" fill="currentColor" />
            <text class="tick" x={x(i)} y={h - bottom + 16} text-anchor={i === 0 ? 'start' : i === values.length - 1 ? 'end' : 'middle'}>
              {labels[i].label}
            </text>
          </g>
        ))}
      </svg>
      {labels.some((l) => !l.stated) && <figcaption class="muted">No dates are given for these values: shown in the order they were reported.</figcaption>}
    </figure>
  );
}

export function Numbers({ dossier }: { dossier: Dossier }) {
  if (dossier.numberChanges.length === 0 && dossier.quantities.length === 0) return null;
  const articles = new Map(dossier.articles.map((a) => [a.id, a]));
  // Quantities with their reports (newer dossiers): one row per value of one thing, with its reach.
  const reported = reportedQuantities(dossier.quantities).slice(0, 30);
  const reportedSet = new Set(reported);
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
            {dossier.numberChanges.map((c, i) => {
              const what = asWritten(c.what, c.values[0].span, articles);
              const { event, owner } = changeEvent(c, dossier);
              const label = [what, event ? pastParticiple(event) : '', owner ? `(${owner})` : ''].filter(Boolean).join(' ');
              return (
                <li key={i}>
                  <strong>{label}</strong>
                  <Chart change={c} label={label} />
                  <ol class="values">
                    {c.values.map((v, j) => (
                      <li key={j}>
                        <span class="value">{formatNumber(v.value)}</span>
                        <small class="muted"> {v.date ? formatDate(v.date) : 'date not stated'}</small> <Cites spans={[v.span]} />
                      </li>
                    ))}
                  </ol>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {reported.length > 0 && (
        <>
          <h3>Figures reported</h3>
          <ul class="reported-figures">
            {reported.map((q, i) => (
              <li key={i}>
                <strong class="figure">{quantityPhrase({ ...q, what: asWritten(q.what, q.span, articles) }, formatNumber)}</strong>
                {q.owner && <span class="owner">{asWritten(q.owner, q.span, articles)}</span>}
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
                  <th scope="row">
                    {asWritten(what, list[0].span, articles) || '—'}
                    {list[0].event && !EMPTY_EVENTS.has(list[0].event) && <small class="muted"> ({pastParticiple(list[0].event)})</small>}
                  </th>
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
