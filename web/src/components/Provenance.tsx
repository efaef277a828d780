// Provenance: which article copies, rewrites or credits which, and the independent sources that follow
// from it (articles that copy one another, share a wire credit or come from one outlet count once).
import { useContext } from 'preact/hooks';
import type { Dossier } from '../api.js';
import { CiteContext, colourClass, namesForIds } from './cite.js';
import { joinedGroups } from '../../../src/report/explain.js';
import { plural } from '../format.js';

const VERB = { copy: 'copies', rewrite: 'rewrites', credit: 'credits' } as const;

export function Provenance({ dossier }: { dossier: Dossier }) {
  const { sources } = useContext(CiteContext);
  if (dossier.articles.length < 2) return null;
  const groups = dossier.sourceGroups ?? [];
  const joined = joinedGroups(dossier);
  const alone = groups.filter((g) => g.articles.length === 1).map((g) => g.articles[0]);
  const member = (id: string) => {
    const s = sources.get(id);
    return (
      <span class="member" key={id}>
        {s && <span class={`badge ${colourClass(s.n)}`}>{s.n}</span>} {s?.label ?? id}
      </span>
    );
  };
  const links = [...dossier.provenance].sort((a, b) => b.score - a.score);
  return (
    <section id="provenance" aria-labelledby="provenance-h">
      <h2 id="provenance-h">Provenance</h2>
      <h3>Who copies whom</h3>
      {links.length === 0 ? (
        <p class="none">No article copies, rewrites or credits another of the {plural(dossier.articles.length, 'article')}: each was written on its own.</p>
      ) : (
        <ul class="provenance">
          {links.map((p, i) => (
            <li key={i}>
              {member(p.to)} <strong class="verb">{VERB[p.kind] ?? p.kind}</strong> {member(p.from)}{' '}
              <small class="muted">
                {p.kind === 'credit' ? 'names it as its source' : `${Math.round(p.score * 100)}% of the wording shared`}
              </small>
            </li>
          ))}
        </ul>
      )}
      {groups.length > 0 && (
        <div id="independence">
          <h3>Independent sources ({groups.length})</h3>
          <p class="hint">
            {plural(dossier.articles.length, 'article')}, {plural(groups.length, 'independent source')}: articles that copy one another, share a wire credit or come from
            the same outlet count once.
          </p>
          <ul class="groups">
            {joined.map((g) => (
              <li key={g.id}>
                <div class="members">{g.articles.map(member)}</div>
                <p class="reasons">count as one source{g.reasons.length ? `: ${g.reasons.map((r) => namesForIds(r, sources)).join('; ')}` : ''}</p>
              </li>
            ))}
            {alone.length > 0 && (
              <li>
                <div class="members">{alone.map(member)}</div>
                <p class="reasons">{alone.length === 1 ? 'on its own' : 'each on its own: no copying, shared wire credit or common outlet found'}</p>
              </li>
            )}
          </ul>
        </div>
      )}
    </section>
  );
}
