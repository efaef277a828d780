// The people, places and organisations the story names, with how often and in how many sources; choosing
// one narrows the page to the items that mention it.
import type { Dossier } from '../api.js';
import { articlesOf } from '../../../src/report/explain.js';
import { plural } from '../format.js';

const TYPES: [string, string][] = [
  ['person', 'People'],
  ['organization', 'Organisations'],
  ['place', 'Places'],
  ['other', 'Other names'],
];

export function Entities({ dossier, onPick }: { dossier: Dossier; onPick: (name: string) => void }) {
  if (dossier.entities.length === 0) return null;
  const byType = new Map<string, Dossier['entities']>();
  for (const e of dossier.entities) {
    const type = TYPES.some(([t]) => t === e.type) ? e.type : 'other';
    byType.set(type, [...(byType.get(type) ?? []), e]);
  }
  return (
    <section id="entities" aria-labelledby="entities-h">
      <h2 id="entities-h">Names ({dossier.entities.length})</h2>
      <p class="hint">Who and what the articles name, most mentioned first. Select a name to search the story for it.</p>
      <div class="entity-groups">
        {TYPES.filter(([t]) => byType.has(t)).map(([type, heading]) => (
          <div key={type} class="entity-group">
            <h3>{heading}</h3>
            <ul class="entities">
              {[...byType.get(type)!]
                .sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name))
                .map((e) => {
                  const sources = articlesOf(e.mentions).length;
                  return (
                    <li key={e.id}>
                      <button type="button" class="linkish" onClick={() => onPick(e.name)} title={e.aliases.length ? `also written ${e.aliases.join(', ')}` : undefined}>
                        {e.name}
                      </button>{' '}
                      <small class="muted">
                        {plural(e.mentions.length, 'mention')}, {plural(sources, 'source')}
                      </small>
                    </li>
                  );
                })}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
