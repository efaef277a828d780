// Document-level consistency: a person's name stays a person across an article, surnames inherit the type of the
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
export function consolidate(mentions: RawMention[], sentences: Token[][], isCommonWord: (lowerWord: string) => boolean): RawMention[] {
  // Surnames of multi-word person names: "John Kirby" -> "Kirby".
  const surnames = new Set<string>();
  for (const m of mentions) {
    if (m.type === 'PER' && m.endToken - m.startToken >= 2) {
      const last = m.tokens[m.endToken - 1].norm;
      if (/^[A-Z]/.test(last)) surnames.add(last);
    }
  }
  // A multi-word name typed person once stays a person, and so does a known surname alone. Other
  // disagreements are left to the tagger: in sports results "CHICAGO" is a team (ORG) in one line and the
  // venue (LOC) in the next, so a majority vote over names would be wrong there.
  const personNames = new Set<string>(surnames);
  for (const m of mentions) if (m.type === 'PER' && m.endToken - m.startToken >= 2) personNames.add(nameOf(m));
  for (const m of mentions) if (personNames.has(nameOf(m))) m.type = 'PER';

  // Repetitions the tagger missed: an untagged capitalised token equal to a known surname.
  const taken = sentences.map((tokens) => new Uint8Array(tokens.length));
  for (const m of mentions) for (let i = m.startToken; i < m.endToken; i++) taken[m.sentence][i] = 1;
  const added: RawMention[] = [];
  sentences.forEach((tokens, s) => {
    tokens.forEach((token, i) => {
      // A common word that ended a mistaken name ("Defense Efforts" in a subheading) is not a surname.
      if (taken[s][i] || !surnames.has(token.norm) || isCommonWord(token.norm.toLowerCase())) return;
      // Neighbouring capitalised words mean a longer name the tagger chose not to tag; leave those alone.
      const capitalisedNeighbour = [tokens[i - 1], tokens[i + 1]].some((t) => t && /^[A-Z]/.test(t.norm) && i > 0);
      if (!capitalisedNeighbour) added.push({ sentence: s, startToken: i, endToken: i + 1, tokens, type: 'PER', roleRange: null });
    });
  });
  return [...mentions, ...added].sort((a, b) => a.sentence - b.sentence || a.startToken - b.startToken);
}
