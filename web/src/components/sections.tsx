// The analysis sections of a story page. All text is rendered as JSX text, which Preact escapes.
import { useContext, useState } from 'preact/hooks';
import type { Dispute, DisputeSide, Dossier, Fact } from '../api.js';
import { CiteContext, Cites, Outlets, colourClass, namesForIds } from './cite.js';
import { formatDate, oneLine, plural } from '../format.js';
import { citationNote, claimantLine, evidenceParts, factWhy, independence, shownModality, STORY_ANCHORED_NOTE, timelineNote, timelineRows, whyLine, type ArticleName } from '../../../src/report/explain.js';
import type { MatchEvidence } from '../../../src/dossier/types.js';
import { ItemContext, isTarget, itemElementId } from './items.js';
import { Permalink } from './Permalink.js';

/** How the explanations name an article: its outlet and badge number, as on the badges. */
function useArticleName(): ArticleName {
  const { sources } = useContext(CiteContext);
  return (id) => {
    const s = sources.get(id);
    return s ? (s.named ? `${s.label} (${s.n})` : s.label) : id;
  };
}

/** Why the sentences were matched: the reason in one line, the evidence folded under it. */
export function Why({ why }: { why?: MatchEvidence }) {
  if (!why) return null;
  const parts = evidenceParts(why);
  const line = (
    <>
      <span class="label">Why matched:</span> {oneLine(whyLine(why))}
    </>
  );
  if (parts.length === 0) return <p class="why">{line}</p>;
  return (
    <details class="why">
      <summary>{line}</summary>
      <dl>
        {parts.map((p) => (
          <div key={p.label}>
            <dt>{p.label}</dt>
            <dd>{p.values.join(', ')}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** Under a fact: who claims it and how, why it was matched, and why some of its articles count once. */
function FactNotes({ fact, dossier }: { fact: Fact; dossier: Dossier }) {
  const name = useArticleName();
  const { sources } = useContext(CiteContext);
  const ind = independence(fact, dossier, name);
  const why = factWhy(fact);
  const modality = shownModality(fact.modality);
  const claimant = !!fact.claimedBy?.length || !!modality;
  // Several badges on a "one source only" fact look like corroboration: say what they are.
  const passages = fact.independentSources <= 1 && !ind ? citationNote(fact) : null;
  if (!claimant && !why && !ind && !passages) return null;
  return (
    <div class="fact-notes">
      {claimant && (
        <p class="claimant">
          {fact.claimedBy?.length ? (
            <>
              <span class="label">Claimed by</span> {claimantLine(fact, name)}{' '}
            </>
          ) : null}
          {modality && <span class="modality">{modality}</span>}
        </p>
      )}
      <Why why={why} />
      {ind && (
        <p class="indep">
          <span class="label">{fact.independentSources <= 1 ? 'One source only:' : 'Independence:'}</span> {namesForIds(ind.line, sources)}
        </p>
      )}
      {passages && (
        <p class="indep">
          <span class="label">One source only:</span> the badges are {passages}, not separate sources.
        </p>
      )}
    </div>
  );
}

export function Summary({ dossier }: { dossier: Dossier }) {
  if (dossier.summary.length === 0) return null;
  return (
    <section id="summary" aria-labelledby="summary-h">
      <h2 id="summary-h">Summary</h2>
      <ol class="summary">
        {dossier.summary.map((s, i) => (
          <li key={i}>
            <span>{oneLine(s.text)}</span> <Cites spans={s.sources} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function Side({ side }: { side: DisputeSide }) {
  const { sources } = useContext(CiteContext);
  return (
    <div class={`side ${side.stance}`}>
      {side.value && <p class="side-value">{oneLine(side.value)}{side.storyAnchored && <small> ({STORY_ANCHORED_NOTE})</small>}</p>}
      <p class="who">
        <strong>{side.byName ?? 'Unattributed'}</strong>
        {side.sources.some((s) => sources.get(s.articleId)?.named) && (
          <span class="via">
            {' '}
            via <Outlets spans={side.sources} />
          </span>
        )}
      </p>
      <blockquote>{oneLine(side.text)}</blockquote>
      <Cites spans={side.sources} />
    </div>
  );
}

function DisputeCard({ dispute }: { dispute: Dispute }) {
  const { disputeIds, target } = useContext(ItemContext);
  const id = disputeIds.get(dispute) ?? '';
  const claims = dispute.sides.filter((s) => s.stance === 'claim');
  const denials = dispute.sides.filter((s) => s.stance === 'denial');
  const columns: [string, DisputeSide[]][] =
    dispute.kind === 'denial'
      ? [
          ['Claim', claims],
          ['Denial', denials],
        ]
      : dispute.sides.map((s, i) => [`Version ${i + 1}`, [s]]);
  return (
    <article class={`dispute${isTarget(target, 'dispute', id) ? ' target' : ''}`} id={id ? itemElementId('dispute', id) : undefined} tabIndex={-1}>
      <h3>
        <span class={`kind ${dispute.kind}`}>{dispute.kind === 'denial' ? 'denied' : `${dispute.kind}s differ`}</span> {oneLine(dispute.about)} {id && <Permalink kind="dispute" id={id} />}
      </h3>
      <div class="sides">
        {columns.map(([heading, sides]) => (
          <div class="column" key={heading}>
            <h4>{heading}</h4>
            {sides.length ? sides.map((s, i) => <Side key={i} side={s} />) : <p class="none">No source states it.</p>}
          </div>
        ))}
      </div>
      <Why why={dispute.why} />
    </article>
  );
}

export function Disputes({ dossier }: { dossier: Dossier }) {
  const { filtering } = useContext(ItemContext);
  if (filtering && dossier.disputes.length === 0) return null;
  return (
    <section id="disputes" aria-labelledby="disputes-h">
      <h2 id="disputes-h">Disputed ({dossier.disputes.length})</h2>
      {dossier.disputes.length === 0 ? <p class="none">The sources do not contradict each other on anything found.</p> : dossier.disputes.map((d, i) => <DisputeCard key={i} dispute={d} />)}
    </section>
  );
}

function FactList({ facts, limit, dossier }: { facts: Fact[]; limit: number; dossier: Dossier }) {
  const { target } = useContext(ItemContext);
  const [all, setAll] = useState(false);
  // A permalink to a fact beyond the first few unfolds the list, so the fact is there to scroll to.
  const targetIndex = target?.kind === 'fact' ? facts.findIndex((f) => f.id === target.id) : -1;
  const shown = all || targetIndex >= limit ? facts : facts.slice(0, limit);
  return (
    <>
      <ul class="facts">
        {shown.map((f) => (
          <li key={f.id} id={itemElementId('fact', f.id)} class={isTarget(target, 'fact', f.id) ? 'target' : undefined} tabIndex={-1}>
            <span class="n" title="independent sources">
              {f.independentSources}
            </span>
            <span class="fact-text">{oneLine(f.text)}</span>
            <span class="fact-meta">
              <Outlets spans={f.sources} />
              <Cites spans={f.sources} />
              <Permalink kind="fact" id={f.id} />
            </span>
            <FactNotes fact={f} dossier={dossier} />
          </li>
        ))}
      </ul>
      {facts.length > limit && (
        <button type="button" class="quiet" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? 'Show fewer' : `Show all ${facts.length}`}
        </button>
      )}
    </>
  );
}

export function Facts({ dossier }: { dossier: Dossier }) {
  const { filtering } = useContext(ItemContext);
  const corroborated = dossier.facts.filter((f) => f.independentSources > 1);
  const single = dossier.facts.filter((f) => f.independentSources <= 1);
  return (
    <>
      {!(filtering && corroborated.length === 0) && (
      <section id="corroborated" aria-labelledby="corroborated-h">
        <h2 id="corroborated-h">Corroborated ({corroborated.length})</h2>
        {corroborated.length ? <FactList facts={corroborated} limit={12} dossier={dossier} /> : <p class="none">No fact is reported by two independent sources.</p>}
      </section>
      )}
      {!(filtering && single.length === 0) && (
      <section id="single" aria-labelledby="single-h">
        <h2 id="single-h">Only one source ({single.length})</h2>
        <p class="hint">Reported by a single independent outlet: check before repeating.</p>
        {single.length ? <SingleSource facts={single} dossier={dossier} /> : <p class="none">Every fact has at least two independent sources.</p>}
      </section>
      )}
    </>
  );
}

/** Single-source facts grouped under the outlet that alone reports them. */
function SingleSource({ facts, dossier }: { facts: Fact[]; dossier: Dossier }) {
  const { sources } = useContext(CiteContext);
  const { target, filtering } = useContext(ItemContext);
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    const key = f.sources[0]?.articleId ?? '';
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return (
    <div class="single-groups">
      {[...groups.entries()].map(([articleId, list]) => {
        const source = sources.get(articleId);
        return (
          <details key={articleId} class="single-group" open={groups.size <= 2 || filtering || (target?.kind === 'fact' && list.some((f) => f.id === target.id))}>
            <summary>
              {source && <span class={`badge ${colourClass(source.n)}`}>{source.n}</span>} <strong>{source?.label ?? articleId}</strong> <span class="muted">only: {plural(list.length, 'fact')}</span>
            </summary>
            <FactList facts={list} limit={8} dossier={dossier} />
          </details>
        );
      })}
    </div>
  );
}

/**
 * The timeline by year, then by date; each sentence once. A sentence that names two dates is shown at the
 * first with the other said beside it, and entries saying the same on one date are merged (timelineRows).
 */
export function Timeline({ dossier }: { dossier: Dossier }) {
  if (dossier.timeline.length === 0) return null;
  const rows = timelineRows([...dossier.timeline].sort((a, b) => a.date.localeCompare(b.date)));
  const years = new Map<string, typeof rows>();
  for (const row of rows) {
    const year = row.date.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), row]);
  }
  return (
    <section id="timeline" aria-labelledby="timeline-h">
      <h2 id="timeline-h">Timeline</h2>
      {[...years.entries()].map(([year, yearRows]) => (
        <div class="year" key={year}>
          <h3 class="year-h">{year}</h3>
          <ol class="timeline">
            {yearRows.map((row) => (
              <li key={row.date}>
                {/* A bare year is the group's heading already. */}
                <time dateTime={row.date}>{row.date.length === 4 ? 'during the year' : formatDate(row.date)}</time>
                <ul class="entries">
                  {row.items.map((item, i) => {
                    const note = timelineNote({ ...item, alsoDated: item.alsoDated.map(formatDate) });
                    return (
                      <li key={i}>
                        <span>{oneLine(item.text)}</span> <Cites spans={item.sources} />
                        {note && <small class="muted note"> ({note})</small>}
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}

export function Quotes({ dossier }: { dossier: Dossier }) {
  const { quoteIds, target, filtering } = useContext(ItemContext);
  if (dossier.quotes.length === 0) return null;
  const groups = new Map<string, Dossier['quotes']>();
  for (const q of dossier.quotes) {
    const key = q.speakerName ?? 'Unattributed';
    groups.set(key, [...(groups.get(key) ?? []), q]);
  }
  const sorted = [...groups.entries()].sort(
    (a, b) => Number(a[0] === 'Unattributed') - Number(b[0] === 'Unattributed') || b[1].length - a[1].length || a[0].localeCompare(b[0]),
  );
  return (
    <section id="quotes" aria-labelledby="quotes-h">
      <h2 id="quotes-h">Who said what</h2>
      {sorted.map(([speaker, quotes], i) => (
        <details class="speaker" key={speaker} open={i < 3 || filtering || quotes.some((q) => isTarget(target, 'quote', quoteIds.get(q)))}>
          <summary>
            <strong>{speaker}</strong> <span class="muted">{plural(quotes.length, 'quote')}</span>
          </summary>
          <ul>
            {quotes.map((q, j) => {
              const id = quoteIds.get(q) ?? '';
              return (
                <li key={j} class={`${q.direct ? 'direct' : 'reported'}${isTarget(target, 'quote', id) ? ' target' : ''}`} id={id ? itemElementId('quote', id) : undefined} tabIndex={-1}>
                  {q.direct ? <q>{oneLine(q.text)}</q> : <span>{oneLine(q.text)}</span>}
                  {!q.direct && <small class="muted"> (reported)</small>} <Cites spans={[q.span]} /> {id && <Permalink kind="quote" id={id} />}
                </li>
              );
            })}
          </ul>
        </details>
      ))}
    </section>
  );
}
