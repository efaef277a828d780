// The analysis sections of a story page. All text is rendered as JSX text, which Preact escapes.
import { useContext, useState } from 'preact/hooks';
import type { Dispute, DisputeSide, Dossier, Fact } from '../api.js';
import { CiteContext, Cites, Outlets, colourClass } from './cite.js';
import { formatDate, oneLine, plural } from '../format.js';
import { evidenceParts, factWhy, independence, joinedGroups, shownModality, STORY_ANCHORED_NOTE, whyLine, type ArticleName } from '../../../src/report/explain.js';
import type { MatchEvidence } from '../../../src/dossier/types.js';

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
  const ind = independence(fact, dossier, name);
  const why = factWhy(fact);
  const modality = shownModality(fact.modality);
  const claimant = !!fact.claimedBy?.length || !!modality;
  if (!claimant && !why && !ind) return null;
  return (
    <div class="fact-notes">
      {claimant && (
        <p class="claimant">
          {fact.claimedBy?.length ? (
            <>
              <span class="label">Claimed by</span> {fact.claimedBy.join(', ')}{' '}
            </>
          ) : null}
          {modality && <span class="modality">{modality}</span>}
        </p>
      )}
      <Why why={why} />
      {ind && (
        <p class="indep">
          <span class="label">Independence:</span> {ind.line}
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
    <article class="dispute">
      <h3>
        <span class={`kind ${dispute.kind}`}>{dispute.kind === 'denial' ? 'denied' : `${dispute.kind}s differ`}</span> {oneLine(dispute.about)}
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
  return (
    <section id="disputes" aria-labelledby="disputes-h">
      <h2 id="disputes-h">Disputed ({dossier.disputes.length})</h2>
      {dossier.disputes.length === 0 ? <p class="none">The sources do not contradict each other on anything found.</p> : dossier.disputes.map((d, i) => <DisputeCard key={i} dispute={d} />)}
    </section>
  );
}

function FactList({ facts, limit, dossier }: { facts: Fact[]; limit: number; dossier: Dossier }) {
  const [all, setAll] = useState(false);
  const shown = all ? facts : facts.slice(0, limit);
  return (
    <>
      <ul class="facts">
        {shown.map((f) => (
          <li key={f.id} id={`fact-${f.id}`}>
            <span class="n" title="independent sources">
              {f.independentSources}
            </span>
            <span class="fact-text">{oneLine(f.text)}</span>
            <span class="fact-meta">
              <Outlets spans={f.sources} />
              <Cites spans={f.sources} />
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
  const corroborated = dossier.facts.filter((f) => f.independentSources > 1);
  const single = dossier.facts.filter((f) => f.independentSources <= 1);
  return (
    <>
      <section id="corroborated" aria-labelledby="corroborated-h">
        <h2 id="corroborated-h">Corroborated ({corroborated.length})</h2>
        {corroborated.length ? <FactList facts={corroborated} limit={12} dossier={dossier} /> : <p class="none">No fact is reported by two independent sources.</p>}
      </section>
      <section id="single" aria-labelledby="single-h">
        <h2 id="single-h">Only one source ({single.length})</h2>
        <p class="hint">Reported by a single independent outlet: check before repeating.</p>
        {single.length ? <SingleSource facts={single} dossier={dossier} /> : <p class="none">Every fact has at least two independent sources.</p>}
      </section>
    </>
  );
}

/** Single-source facts grouped under the outlet that alone reports them. */
function SingleSource({ facts, dossier }: { facts: Fact[]; dossier: Dossier }) {
  const { sources } = useContext(CiteContext);
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
          <details key={articleId} class="single-group" open={groups.size <= 2}>
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

export function Timeline({ dossier }: { dossier: Dossier }) {
  if (dossier.timeline.length === 0) return null;
  const entries = [...dossier.timeline].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <section id="timeline" aria-labelledby="timeline-h">
      <h2 id="timeline-h">Timeline</h2>
      <ol class="timeline">
        {entries.map((t, i) => (
          <li key={i}>
            <time dateTime={t.date}>{formatDate(t.date)}</time>
            <div>
              <span>{oneLine(t.text)}</span> <Cites spans={t.sources} />
              {t.storyAnchored && <small class="muted"> (date placed using the story's date)</small>}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function Quotes({ dossier }: { dossier: Dossier }) {
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
        <details class="speaker" key={speaker} open={i < 3}>
          <summary>
            <strong>{speaker}</strong> <span class="muted">{plural(quotes.length, 'quote')}</span>
          </summary>
          <ul>
            {quotes.map((q, j) => (
              <li key={j} class={q.direct ? 'direct' : 'reported'}>
                {q.direct ? <q>{oneLine(q.text)}</q> : <span>{oneLine(q.text)}</span>}
                {!q.direct && <small class="muted"> (reported)</small>} <Cites spans={[q.span]} />
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}

/** Which articles count as one independent source, and why (copies, shared wire credit, same outlet). */
export function SourceGroups({ dossier }: { dossier: Dossier }) {
  const { sources } = useContext(CiteContext);
  const joined = joinedGroups(dossier);
  if (!dossier.sourceGroups?.length) return null;
  const alone = (dossier.sourceGroups ?? []).filter((g) => g.articles.length === 1).map((g) => g.articles[0]);
  const member = (id: string) => {
    const s = sources.get(id);
    return (
      <span class="member" key={id}>
        {s && <span class={`badge ${colourClass(s.n)}`}>{s.n}</span>} {s?.label ?? id}
      </span>
    );
  };
  return (
    <section id="independence" aria-labelledby="independence-h">
      <h2 id="independence-h">Independent sources ({dossier.sourceGroups!.length})</h2>
      <p class="hint">
        {plural(dossier.articles.length, 'article')}, {plural(dossier.sourceGroups!.length, 'independent source')}: articles that copy one another, share a wire credit or
        come from the same outlet count once.
      </p>
      <ul class="groups">
        {joined.map((g) => (
          <li key={g.id}>
            <div class="members">{g.articles.map(member)}</div>
            <p class="reasons">count as one source{g.reasons.length ? `: ${g.reasons.join('; ')}` : ''}</p>
          </li>
        ))}
        {alone.length > 0 && (
          <li>
            <div class="members">{alone.map(member)}</div>
            <p class="reasons">each on its own</p>
          </li>
        )}
      </ul>
    </section>
  );
}
