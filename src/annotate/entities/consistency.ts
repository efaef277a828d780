// Document-level consistency: one name keeps one type across an article, surnames inherit the type of the
// full name ("Kirby" after "John Kirby"), and later bare repetitions of a name the tagger missed are added.
import type { EntityClass } from './tags.js';
import type { Token } from './tokenize.js';

export interface RawMention {
  sentence: number;
  /** Token range inside `tokens` (the sentence's tokens). */
  startToken: number;
  endToken: number;
  tokens: Token[];
  type: EntityClass;
  roleRange: [number, number] | null;
}

const nameOf = (m: RawMention): string =>
  m.tokens
    .slice(m.startToken, m.endToken)
    .map((t) => t.norm)
    .join(' ');

/** Mentions after the document-level rules, in text order. */
export function consolidate(mentions: RawMention[], sentences: Token[][]): RawMention[] {
  // Surnames of multi-word person names: "John Kirby" -> "Kirby".
  const surnames = new Set<string>();
  for (const m of mentions) {
    if (m.type === 'PER' && m.endToken - m.startToken >= 2) {
      const last = m.tokens[m.endToken - 1].norm;
      if (/^[A-Z]/.test(last)) surnames.add(last);
    }
  }
  // Majority type per written name; person wins for a known surname.
  const votes = new Map<string, Map<EntityClass, number>>();
  for (const m of mentions) {
    const name = nameOf(m);
    let v = votes.get(name);
    if (!v) votes.set(name, (v = new Map()));
    v.set(m.type, (v.get(m.type) ?? 0) + 1);
  }
  const typeOf = new Map<string, EntityClass>();
  for (const [name, v] of votes) {
    if (surnames.has(name)) typeOf.set(name, 'PER');
    else typeOf.set(name, [...v.entries()].sort((a, b) => b[1] - a[1])[0][0]);
  }
  for (const m of mentions) m.type = typeOf.get(nameOf(m)) ?? m.type;

  // Repetitions the tagger missed: an untagged capitalised token equal to a known one-word name or surname.
  const singles = new Map<string, EntityClass>();
  for (const [name, type] of typeOf) if (!name.includes(' ')) singles.set(name, type);
  for (const s of surnames) singles.set(s, 'PER');
  const taken = sentences.map((tokens) => new Uint8Array(tokens.length));
  for (const m of mentions) for (let i = m.startToken; i < m.endToken; i++) taken[m.sentence][i] = 1;
  const added: RawMention[] = [];
  sentences.forEach((tokens, s) => {
    tokens.forEach((token, i) => {
      if (taken[s][i] || !/^[A-Z]/.test(token.norm)) return;
      const type = singles.get(token.norm);
      // Neighbouring capitalised words mean a longer name the tagger chose not to tag; leave those alone.
      const capitalisedNeighbour = [tokens[i - 1], tokens[i + 1]].some((t) => t && /^[A-Z]/.test(t.norm) && i > 0);
      if (type && !capitalisedNeighbour) added.push({ sentence: s, startToken: i, endToken: i + 1, tokens, type, roleRange: null });
    });
  });
  return [...mentions, ...added].sort((a, b) => a.sentence - b.sentence || a.startToken - b.startToken);
}
