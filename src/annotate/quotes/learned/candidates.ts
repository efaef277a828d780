// Candidate attributions for the learned stage: every content word outside quotes and outside what the rules
// already attributed is a possible cue, read either with the rest of its clause after it or with the clause
// before it as content ("Obama nominated the first Muslim ...", "..., critics argue").
import type { Mention } from '../../types.js';
import type { Attribution, AttributeInput } from '../attribute.js';
import { contentStart, sourceOf, type Cue } from '../cue-frames.js';
import type { Phrase } from '../phrases.js';
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
  const overlapsTaken = (start: number, end: number): boolean => taken.some((a) => a.start < end && a.end > start);
  const out: Candidate[] = [];
  for (const unit of units) {
    let end = unit.hi;
    while (end > unit.lo && SENTENCE_END.has(tokens[end - 1].text)) end--;
    for (let i = unit.lo; i < unit.hi; i++) {
      const t = tokens[i];
      if (quoted[i] >= 0 || NEVER_CUE_POS.has(t.pos) || !LETTER.test(t.text)) continue;
      if (taken.some((a) => a.start <= t.start && a.end >= t.end)) continue;
      const cue: Cue = { first: i, last: i, lemma: t.lower, kind: 'speech', sourceFirst: false };
      const shapes: ContentShape[] = [];
      const tail = contentStart(tokens, cue, end);
      // When the words after the cue are all adverbials ("support for Trump"), the content is what follows directly.
      const at = end - tail.at >= 2 ? tail.at : i + 1;
      // One word is enough for a name: "after it backed Clinton", "endorsed Kasich".
      if (end - at >= 2 || (end - at === 1 && tokens[at].pos === 'PROPN')) {
        let to = end;
        let comma = -1;
        for (let k = at + 1; k < end; k++) {
          if (tokens[k].text === ',' && comma < 0) comma = k;
          if (tokens[k].text === ';') {
            to = k;
            break;
          }
        }
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
