// Organisation names the tagger cut in two: "White House" + "National Security Council" or an untagged
// "National Security" before "Council" become one organisation ending in its suffix word.
import type { RawMention } from './consistency.js';
import { ORGANIZATION_SUFFIXES } from './lexicon.js';
import type { Token } from './tokenize.js';

// Capitalised suffixes only: "Council", "Ministry", "Party" (lower-case "police" is not a name end).
const SUFFIXES = new Set(ORGANIZATION_SUFFIXES.filter((s) => /^[a-z]{4,}$/.test(s)));

/** Mentions with split organisation names joined (in text order). */
export function joinOrganizationNames(mentions: RawMention[], sentences: Token[][]): RawMention[] {
  const bySentence = sentences.map(() => [] as RawMention[]);
  for (const m of mentions) bySentence[m.sentence].push(m);
  const out: RawMention[] = [];
  bySentence.forEach((list, s) => {
    list.sort((a, b) => a.startToken - b.startToken);
    const tokens = sentences[s];
    const kept: RawMention[] = [];
    for (const m of list) {
      const last = tokens[m.endToken - 1].norm;
      if (m.type === 'MISC' || !/^[A-Z]/.test(last) || !SUFFIXES.has(last.toLowerCase())) {
        kept.push(m);
        continue;
      }
      // Walk left over capitalised words and adjacent place/organisation mentions.
      let start = m.startToken;
      while (start > 0) {
        const before = kept[kept.length - 1];
        if (before && before.endToken === start && (before.type === 'LOC' || before.type === 'ORG')) {
          start = before.startToken;
          kept.pop();
        } else if (/^[A-Z][a-z]/.test(tokens[start - 1].norm) && start - 1 > 0 && !(before && before.endToken > start - 1)) {
          start--;
        } else break;
      }
      kept.push({ ...m, startToken: start, type: start < m.startToken ? 'ORG' : m.type === 'PER' ? 'ORG' : m.type });
    }
    out.push(...kept);
  });
  return out;
}
