// Candidate attributions for the learned stage: every content word outside quotes and outside what the rules
// already attributed is a possible cue, read either with the rest of its clause after it or with the clause
// before it as content ("Obama nominated the first Muslim ...", "..., critics argue").
import type { Mention } from '../../types.js';
import type { Attribution, AttributeInput } from '../attribute.js';
import { attributiveParticiple, contentStart, sourceOf, type Cue } from '../cue-frames.js';
import type { Phrase } from '../phrases.js';
import { RangeIndex } from '../ranges.js';
import { candidateFeatures, cueFeatures, type ContentShape } from './features.js';

export interface Candidate {
  /** Token index of the cue word. */
  cue: number;
  content: ContentShape;
  source: Phrase | null;
  paragraph: number;
  features: string[];
}

// Words that never report anyone's words or views on their own: names and pronouns are sources, not cues.
const NEVER_CUE_POS = new Set(['DET', 'PRON', 'PROPN', 'CCONJ', 'NUM', 'PUNCT', 'SYM', 'PART']);
const LETTER = /\p{L}/u;
const SENTENCE_END = new Set(['.', '!', '?']);
const TRAILING = new Set([',', '—', '–', '-', ':']);

export function findCandidates(input: AttributeInput, mentions: Mention[], taken: Attribution[]): Candidate[] {
  const { tokens, units, quoted } = input;
  const ctx = { tokens, mentions };
  // Indexed, as every token of every sentence asks these (a scan of `taken` each time was quadratic).
  const takenIndex = new RangeIndex(taken);
  const overlapsTaken = (start: number, end: number): boolean => takenIndex.overlaps(start, end);
  const out: Candidate[] = [];
  for (const unit of units) {
    let end = unit.hi;
    while (end > unit.lo && SENTENCE_END.has(tokens[end - 1].text)) end--;
    // First ';' and first ',' at or after each token up to `end`, so that no candidate rescans the clause.
    const nextSemicolon = new Int32Array(Math.max(0, end - unit.lo) + 1).fill(end);
    const nextComma = new Int32Array(Math.max(0, end - unit.lo) + 1).fill(-1);
    for (let k = end - 1; k >= unit.lo; k--) {
      nextSemicolon[k - unit.lo] = tokens[k].text === ';' ? k : nextSemicolon[k - unit.lo + 1];
      nextComma[k - unit.lo] = tokens[k].text === ',' ? k : nextComma[k - unit.lo + 1];
    }
    for (let i = unit.lo; i < unit.hi; i++) {
      const t = tokens[i];
      if (quoted[i] >= 0 || NEVER_CUE_POS.has(t.pos) || !LETTER.test(t.text)) continue;
      if (takenIndex.contains(t.start, t.end)) continue;
      // "his supporting role as a charming stunt man in “Once Upon A Time in Hollywood,”": an adjective, no cue.
      if (attributiveParticiple(tokens, i)) continue;
      const cue: Cue = { first: i, last: i, lemma: t.lower, kind: 'speech', sourceFirst: false };
      const shapes: ContentShape[] = [];
      const tail = contentStart(tokens, cue, end);
      // When the words after the cue are all adverbials ("support for Trump"), the content is what follows directly.
      const at = end - tail.at >= 2 ? tail.at : i + 1;
      // One word is enough for a name: "after it backed Clinton", "endorsed Kasich".
      if (end - at >= 2 || (end - at === 1 && tokens[at].pos === 'PROPN')) {
        // The clause ends at the first ';'; a comma before it may end it too.
        const to = at + 1 < end ? nextSemicolon[at + 1 - unit.lo] : end;
        const firstComma = at + 1 < end ? nextComma[at + 1 - unit.lo] : -1;
        const comma = firstComma >= 0 && firstComma < to ? firstComma : -1;
        const shape = { from: at, gap: at > i + 1, hasThat: at === tail.at && tail.hasThat };
        shapes.push({ variant: 'after', to, ...shape });
        // The clause may end at the first comma: "who claimed that ..., attended the debate".
        if (comma > at + 1 && comma < to) shapes.push({ variant: 'after-comma', to: comma, ...shape });
      }
      let before = i;
      while (before > unit.lo && TRAILING.has(tokens[before - 1].text)) before--;
      if (before - unit.lo >= 2) shapes.push({ variant: 'before', from: unit.lo, to: before, gap: false, hasThat: false });
      const usable = shapes.filter((s) => !overlapsTaken(tokens[s.from].start, tokens[s.to - 1].end));
      if (usable.length === 0) continue;
      const source = i > unit.lo ? sourceOf(tokens, cue, unit.lo, unit.hi, quoted, []) : null;
      const base = cueFeatures(ctx, i, { lo: unit.lo, hi: unit.hi });
      for (const content of usable) {
        out.push({ cue: i, content, source, paragraph: unit.paragraph, features: candidateFeatures(ctx, i, base, content, source, i === unit.lo) });
      }
    }
  }
  return out;
}
