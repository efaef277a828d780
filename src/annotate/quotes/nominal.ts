// Attributions without a cue verb: nouns of saying or aiming ("Trump's claim that ...", "her plan to ..."),
// sources named in a prepositional phrase ("In the poll, ...", "... in his eyes") and headline colons ("Warren: ...").
import { CLAIM_NOUNS, INTENTION_NOUNS, LABEL_HEADS, SOURCE_IN_NOUNS, type CueKind } from './cues.js';
import type { Attribution, AttributeInput } from './attribute.js';
import type { Cue } from './cue-frames.js';
import { POSSESSIVE, phraseEndingAt, phraseStartingAt, type Phrase, type Token } from './phrases.js';

const WORD = /[\p{L}\p{N}]/u;
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);
const EVIDENCE_IN = new Set(['poll', 'polls', 'survey', 'surveys', 'study', 'report', 'analysis', 'documents']);

function words(tokens: Token[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (WORD.test(tokens[i].text)) n++;
  return n;
}

/** End of the clause that starts at `from`: the next ';', the unit end, or a comma before a new subject and verb. */
function clauseEnd(tokens: Token[], from: number, end: number): number {
  for (let i = from; i < end; i++) if (tokens[i].text === ';') return i;
  return end;
}

/** The owner of a noun: "Mrs. Clinton's proposals" -> "Mrs. Clinton", "his promise" -> "his". */
function possessorOf(tokens: Token[], noun: number, lo: number): Phrase | null {
  let i = noun - 1;
  while (i >= lo && (tokens[i].pos === 'ADJ' || tokens[i].pos === 'ADV')) i--;
  if (i < lo) return null;
  if (POSSESSIVE_PRONOUNS.has(tokens[i].lower)) return { from: i, to: i + 1, start: tokens[i].start, end: tokens[i].end };
  if (POSSESSIVE.has(tokens[i].lower)) {
    const owner = phraseEndingAt(tokens, i - 1, lo);
    if (owner) return owner;
  }
  return null;
}

function trimmedEnd(tokens: Token[], lo: number, hi: number): number {
  let end = hi;
  while (end > lo && ['.', '!', '?', ',', ':', '—', '–', '-'].includes(tokens[end - 1].text)) end--;
  return end;
}

/** Attributions carried by nouns, prepositional phrases and headline colons, outside what `taken` already covers. */
export function attributeNominal({ tokens, units, quoted }: AttributeInput, taken: Attribution[]): Attribution[] {
  const out: Attribution[] = [];
  const covered = (from: number, to: number): boolean => {
    const s = tokens[from].start;
    const e = tokens[to - 1].end;
    return [...taken, ...out].some((q) => q.start < e && q.end > s);
  };
  const push = (from: number, to: number, cue: Cue, source: Phrase | null, paragraph: number): void => {
    while (from < to && [',', ':', '—', '–'].includes(tokens[from].text)) from++;
    if (words(tokens, from, to) < 2 || covered(from, to)) return;
    out.push({ start: tokens[from].start, end: tokens[to - 1].end, direct: false, partial: false, cue, source, continues: null, paragraph, span: -1 });
  };
  const cueOf = (first: number, last: number, kind: CueKind, sourceFirst = false): Cue => ({ first, last, lemma: tokens[first].lower, kind, sourceFirst });

  for (const u of units) {
    const end = trimmedEnd(tokens, u.lo, u.hi);
    // Headline colon: "Elizabeth Warren: Donald Trump Is a 'Proven Failure' in Business", "Poll: Sanders leads".
    const colon = tokens.slice(u.lo, Math.min(end, u.lo + 7)).findIndex((t) => t.text === ':');
    if (colon > 0) {
      const at = u.lo + colon;
      const speaker = phraseEndingAt(tokens, at - 1, u.lo);
      const nameOnly = speaker && speaker.from === u.lo && tokens.slice(u.lo, at).every((t) => t.pos !== 'VERB' && quoted[u.lo] < 0) && !LABEL_HEADS.has(tokens[at - 1].lower);
      if (nameOnly && tokens.slice(u.lo, at).some((t) => t.pos === 'PROPN' || EVIDENCE_IN.has(t.lower)) && words(tokens, at + 1, end) >= 3) {
        const kind: CueKind = tokens.slice(u.lo, at).some((t) => EVIDENCE_IN.has(t.lower)) ? 'evidence' : 'speech';
        push(at + 1, end, cueOf(at, at, kind), speaker, u.paragraph);
      }
    }
    for (let i = u.lo; i < end; i++) {
      if (quoted[i] >= 0) continue;
      const t = tokens[i];
      const next = tokens[i + 1];
      if (!next) continue;
      // "the notion that Obama wasn't born ...", "his argument that ...".
      if (t.pos === 'NOUN' && CLAIM_NOUNS.has(t.lower) && next.lower === 'that') {
        const to = clauseEnd(tokens, i + 2, end);
        // "that" right before a verb is a relative pronoun ("the claim that got him in trouble").
        if (tokens[i + 2] && tokens[i + 2].pos !== 'VERB' && tokens[i + 2].pos !== 'AUX') push(i + 2, to, cueOf(i, i, 'belief'), possessorOf(tokens, i, u.lo), u.paragraph);
        continue;
      }
      // "Mrs. Clinton's proposals to increase taxes", "his decision to run".
      // Not "in order to" (BBC: "Syria needs a political solution in order to defeat the Islamic State group": no
      // aim of anyone's, and taking "Syria" for its holder made it a speaker that a later "He" pointed to).
      if (t.pos === 'NOUN' && INTENTION_NOUNS.has(t.lower) && next.lower === 'to' && tokens[i + 2]?.pos === 'VERB' && !(t.lower === 'order' && tokens[i - 1]?.lower === 'in')) {
        push(i + 1, clauseEnd(tokens, i + 1, end), cueOf(i, i, 'intention'), possessorOf(tokens, i, u.lo), u.paragraph);
        continue;
      }
      // "In the poll, Clinton's support has steadily risen" / "... with a growing lead in the latest NBC News poll."
      if ((t.lower === 'in' || t.lower === 'according') && t.pos === 'ADP') {
        const object = phraseStartingAt(tokens, i + 1, end);
        if (!object) continue;
        const head = tokens[object.to - 1].lower;
        if (!SOURCE_IN_NOUNS.has(head)) continue;
        const kind: CueKind = EVIDENCE_IN.has(head) ? 'evidence' : 'speech';
        const cue = cueOf(i, i, kind, true);
        if (words(tokens, u.lo, i) === 0 && tokens[object.to]?.text === ',') push(object.to + 1, end, cue, object, u.paragraph);
        else if (object.to >= end && tokens[i - 1]?.text !== ',' ? words(tokens, u.lo, i) >= 3 : false) push(u.lo, i, cue, object, u.paragraph);
        else if (object.to >= end && tokens[i - 1]?.text === ',') push(u.lo, i - 1, cue, object, u.paragraph);
      }
    }
  }
  return out;
}
