// Cue verbs in a token stream and the source each one names.
import {
  ADDRESSEE_VERBS, CUE_PARTICLES, CUE_VERBS, SKIPPABLE_BEFORE_CUE, SOURCE_FIRST_PREPOSITIONS, type CueKind,
} from './cues.js';
import { isQuoteMark, phraseEndingAt, phraseStartingAt, type Phrase, type Token } from './phrases.js';

const PASSIVE_AUX = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", 'get', 'got']);

export interface Cue {
  /** First and last token of the cue ("according to", "pointed out"). */
  first: number;
  last: number;
  lemma: string;
  kind: CueKind;
  /** "according to X": the source follows the cue. */
  sourceFirst: boolean;
}

/** Finds cues among tokens [lo, hi) that are not inside quotes (`quoted[i]` >= 0 marks a quoted token). */
export function findCues(tokens: Token[], lo: number, hi: number, quoted: Int32Array): Cue[] {
  const cues: Cue[] = [];
  for (let i = lo; i < hi; i++) {
    if (quoted[i] >= 0) continue;
    const t = tokens[i];
    const prep = SOURCE_FIRST_PREPOSITIONS.find((words) => words.every((w, k) => tokens[i + k]?.lower === w));
    if (prep) {
      cues.push({ first: i, last: i + prep.length - 1, lemma: prep.join(' '), kind: 'speech', sourceFirst: true });
      i += prep.length - 1;
      continue;
    }
    const entry = CUE_VERBS.get(t.lower);
    if (!entry || (t.pos !== 'VERB' && t.pos !== 'AUX')) continue;
    // Passive voice ("are written in capital letters", "was denied entry") reports no speech by its subject.
    let back = i - 1;
    while (back >= lo && (tokens[back].pos === 'ADV' || tokens[back].lower === 'not')) back--;
    if (back >= lo && PASSIVE_AUX.has(tokens[back].lower) && !t.lower.endsWith('ing')) continue;
    let last = i;
    const particles = CUE_PARTICLES[entry.lemma];
    if (particles) {
      if (particles.includes(tokens[i + 1]?.lower ?? '')) last = i + 1;
      else if (entry.lemma === 'point' || entry.lemma === 'refer') continue; // "point" alone is no cue
    }
    cues.push({ first: i, last, lemma: entry.lemma, kind: entry.kind, sourceFirst: false });
  }
  return cues;
}

const TIME_WORD = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|morning|evening|afternoon|night|week|weekend|month|year|earlier|later|\d+)$/;

function skipLeft(tokens: Token[], i: number, lo: number): number {
  for (;;) {
    while (i >= lo && (SKIPPABLE_BEFORE_CUE.has(tokens[i].lower) || tokens[i].pos === 'ADV' || tokens[i].pos === 'AUX' || tokens[i].lower === "n't")) i--;
    // "Kosovo on Sunday posted", "Kurti on Monday blamed": a time adverbial between subject and verb.
    if (i - 1 >= lo && TIME_WORD.test(tokens[i].lower) && tokens[i - 1].pos === 'ADP') {
      i -= 2;
      continue;
    }
    if (i - 2 >= lo && TIME_WORD.test(tokens[i].lower) && /^(last|this|that|on)$/.test(tokens[i - 1].lower) && tokens[i - 2].pos === 'ADP') {
      i -= 3;
      continue;
    }
    return i;
  }
}

const CLAUSE_END = new Set(['.', '!', '?', ';']);

/** True when a phrase after a cue ends the frame ("said Kurti on X." / "added a NATO official who ..."). */
function endsFrame(tokens: Token[], p: Phrase, hi: number): boolean {
  let i = p.to;
  // "said Kurti on X.", "said Kirby in a statement on Friday."
  for (let guard = 0; guard < 3 && tokens[i]?.pos === 'ADP' && i < hi; guard++) {
    const object = phraseStartingAt(tokens, i + 1, hi);
    if (!object) break;
    i = object.to;
  }
  const next = tokens[i];
  if (i >= hi || next === undefined) return true;
  return CLAUSE_END.has(next.text) || isQuoteMark(next) || ['who', 'which'].includes(next.lower);
}

/** Subject of the first verb in [lo, hi): the main clause subject a participle cue ("..., saying") belongs to. */
function mainSubject(tokens: Token[], lo: number, hi: number, quoted: Int32Array): Phrase | null {
  for (let i = lo; i < hi; i++) {
    if (quoted[i] >= 0) continue;
    if (tokens[i].pos === 'VERB' && !tokens[i].lower.endsWith('ing')) {
      const left = skipLeft(tokens, i - 1, lo);
      return phraseEndingAt(tokens, left, lo);
    }
  }
  return null;
}

/**
 * The phrase that names the source of `cue` inside the frame [lo, hi): "X said", "said X", "according to X",
 * "X, the minister of Y, said", "X ..., saying".
 */
export function sourceOf(tokens: Token[], cue: Cue, lo: number, hi: number, quoted: Int32Array): Phrase | null {
  if (cue.sourceFirst) return phraseStartingAt(tokens, cue.last + 1, hi);
  const t = tokens[cue.first];
  const left = skipLeft(tokens, cue.first - 1, lo);
  const leftToken = tokens[left];
  // Participle after a comma: "Vucevic denied ..., saying the army was not involved" -> the main clause subject.
  if (t.lower.endsWith('ing') && (left < lo || leftToken.text === ',' || leftToken.lower === 'and')) {
    return mainSubject(tokens, lo, cue.first, quoted);
  }
  const after = phraseStartingAt(tokens, cue.last + 1, hi);
  // Nothing or a quote/comma before the cue: '"...," said Kurti on X', "..., added a NATO official".
  if (left < lo || isQuoteMark(leftToken) || quoted[left] >= 0) return after;
  if (leftToken.text === ',') {
    if (after && (isQuoteMark(tokens[left - 1]) || quoted[left - 1] >= 0 || endsFrame(tokens, after, hi))) return after;
    // Apposition or relative clause: "John Kirby, Coordinator for ... Council, also said",
    // "Serbia's Chief of General Staff, Milan Mojsilovic, also denied": the source covers both parts.
    for (let k = left - 1; k > lo; k--) {
      if (quoted[k] >= 0 || isQuoteMark(tokens[k])) break;
      if (tokens[k].text === ',') {
        const outer = phraseEndingAt(tokens, k - 1, lo);
        if (!outer) break;
        return left - k <= 16 ? { ...outer, to: left, end: tokens[left - 1].end } : outer;
      }
    }
    return after;
  }
  const subject = phraseEndingAt(tokens, left, lo);
  // "the US National Security Council, whose spokesman called ...": the possessor is part of the source.
  if (subject && tokens[subject.from].lower === 'whose') {
    const possessorEnd = tokens[subject.from - 1]?.text === ',' ? subject.from - 2 : subject.from - 1;
    const possessor = phraseEndingAt(tokens, possessorEnd, lo);
    if (possessor) return { ...subject, from: possessor.from, start: possessor.start };
  }
  if (['who', 'which'].includes(leftToken.lower)) {
    const before = tokens[left - 1]?.text === ',' ? left - 2 : left - 1;
    return phraseEndingAt(tokens, before, lo);
  }
  return subject;
}

/** Tokens after the cue that belong to it, not to what was said: "told reporters on Friday", "wrote Friday on X". */
export function contentStart(tokens: Token[], cue: Cue, hi: number): { at: number; hasThat: boolean } {
  let i = cue.last + 1;
  if (ADDRESSEE_VERBS.has(cue.lemma)) {
    const object = phraseStartingAt(tokens, i, hi);
    if (object && object.to < hi && !['VERB', 'AUX'].includes(tokens[object.to].pos)) i = object.to;
  }
  // Adverbials: "Friday", "on X", "in a statement", "in a video posted on Instagram on Sunday", "to reporters".
  for (let guard = 0; guard < 6 && i < hi; guard++) {
    const tok = tokens[i];
    if (tok.pos === 'ADV' && tok.lower !== 'that') { i++; continue; }
    if (/^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight)$/.test(tok.lower)) { i++; continue; }
    if (tok.pos === 'ADP' && !['that', 'of'].includes(tok.lower)) {
      const object = phraseStartingAt(tokens, i + 1, hi);
      if (!object) break;
      i = object.to;
      if (tokens[i]?.lower === 'posted' || tokens[i]?.lower === 'published') i++;
      continue;
    }
    break;
  }
  if (tokens[i]?.text === ',' || tokens[i]?.text === ':') i++;
  const hasThat = tokens[i]?.lower === 'that';
  if (hasThat) i++;
  return { at: i, hasThat };
}
