// Cue verbs in a token stream and the source each one names.
import {
  ADDRESSEE_VERBS, CUE_PARTICLES, CUE_VERBS, PARTICLE_REQUIRED, ROLE_WORDS, SKIPPABLE_BEFORE_CUE, SOURCE_FIRST_PREPOSITIONS, TIME_DETERMINERS, TIME_NOUNS,
  type CueKind,
} from './cues.js';
import { isQuoteMark, phraseEndingAt, phraseStartingAt, type Phrase, type Token } from './phrases.js';

// Verb forms that are never nouns, accepted even when the tagger says otherwise ('Trump says "..."' with "says"/NOUN).
const UNAMBIGUOUS_FORMS = /^(said|says|told|tells|wrote|writes|added|adds|asked|asks|stated|warned|warns|insisted|insists|noted|explained|explains|argued|argues|tweeted|declared|acknowledged|admitted|recalled|responded|replied|concluded|confirmed|continued|suggested)$/;

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
    if (!entry) continue;
    if (t.pos !== 'VERB' && t.pos !== 'AUX' && !(UNAMBIGUOUS_FORMS.test(t.lower) && t.pos !== 'PROPN' && t.pos !== 'ADJ') && !verbInContext(tokens, i, entry.kind)) continue;
    // An -ing form between a determiner and a noun is an adjective: "his supporting role as a charming stunt man in
    // “Once Upon A Time in Hollywood”" (Reuters), "the ruling party", "a leading candidate". Likewise "in order to".
    if (attributiveParticiple(tokens, i) || (entry.lemma === 'order' && tokens[i - 1]?.lower === 'in')) continue;
    // Passive voice ("are written in capital letters", "was denied entry") reports no speech by its subject.
    let back = i - 1;
    while (back >= lo && (tokens[back].pos === 'ADV' || tokens[back].lower === 'not')) back--;
    if (back >= lo && PASSIVE_AUX.has(tokens[back].lower) && !t.lower.endsWith('ing')) {
      // "All three candidates are expected to speak": an expectation nobody is named for.
      if (entry.lemma === 'expect' && tokens[i + 1]?.lower === 'to') cues.push({ first: i, last: i, lemma: 'expect', kind: 'appearance', sourceFirst: false });
      continue;
    }
    let last = i;
    const particles = CUE_PARTICLES[entry.lemma];
    if (particles) {
      if (particles.includes(tokens[i + 1]?.lower ?? '')) last = i + 1;
      else if (PARTICLE_REQUIRED.has(entry.lemma)) continue; // "point" alone is no cue
    }
    cues.push({ first: i, last, lemma: entry.lemma, kind: entry.kind, sourceFirst: false });
  }
  return cues;
}

const OBJECT_START = new Set(['DET', 'PROPN', 'PRON', 'NUM', 'ADJ']);
const ATTRIBUTIVE_BEFORE = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', "'s", '’s']);

/** "his supporting role": an -ing word after a determiner or possessive and before a noun modifies the noun. */
export function attributiveParticiple(tokens: Token[], i: number): boolean {
  if (!tokens[i].lower.endsWith('ing')) return false;
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  // Also after an adjective: "best supporting actress".
  return prev !== undefined && (ATTRIBUTIVE_BEFORE.has(prev.lower) || prev.pos === 'ADJ') && next !== undefined && next.pos === 'NOUN';
}

/**
 * A verb form the tagger read as a noun, taken as a verb between a holder and what follows it: "Polls show Trump
 * still running strong" (show/NOUN), "voters want change".
 */
function verbInContext(tokens: Token[], i: number, kind: CueKind): boolean {
  if (kind !== 'evidence' && kind !== 'belief' && kind !== 'intention' && kind !== 'stance') return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (!prev || !next || tokens[i].pos !== 'NOUN') return false;
  const holder = prev.pos === 'PROPN' || prev.pos === 'PRON' || (prev.pos === 'NOUN' && /s$/.test(prev.lower));
  return holder && (OBJECT_START.has(next.pos) || next.lower === 'that' || next.lower === 'to');
}

const TIME_WORD = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|morning|evening|afternoon|night|week|weekend|month|year|earlier|later|\d+)$/;

function skipLeft(tokens: Token[], i: number, lo: number): number {
  for (;;) {
    while (i >= lo && (SKIPPABLE_BEFORE_CUE.has(tokens[i].lower) || tokens[i].pos === 'ADV' || tokens[i].pos === 'AUX' || tokens[i].lower === "n't" || tokens[i].lower === 'n’t')) i--;
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

/** How many tokens back the subject of a participle's clause is looked for (news sentences stay well below). */
const CLAUSE_SUBJECT_WINDOW = 120;

/**
 * Subject of the clause a participle or infinitive cue hangs on ("..., saying", "began by saying", "as if to say"):
 * the source of an earlier cue in the frame ("Vucevic denied ..., saying"), else the subject of the nearest
 * finite verb before it ("Sanders protesters interrupted her speech, shouting").
 */
function clauseSubject(tokens: Token[], lo: number, at: number, quoted: Int32Array, cues: Cue[]): Phrase | null {
  // Only so far back: a 50 KB run of "saying ..., adding ..." made every participle search the whole sentence.
  lo = Math.max(lo, at - CLAUSE_SUBJECT_WINDOW);
  for (let c = cues.length - 1; c >= 0; c--) {
    const earlier = cues[c];
    if (earlier.first < lo) break;
    if (earlier.last >= at || earlier.sourceFirst || earlier.kind === 'frame' || isNonFinite(tokens, earlier.first)) continue;
    const source = sourceOf(tokens, earlier, lo, at, quoted, []);
    if (source && named(tokens, source)) return source;
  }
  let fallback: Phrase | null = null;
  for (let i = at - 1; i >= lo; i--) {
    if (quoted[i] >= 0 || tokens[i].pos !== 'VERB' || isNonFinite(tokens, i)) continue;
    const subject = subjectLeftOf(tokens, skipLeft(tokens, i - 1, lo), lo, quoted);
    // "a 2002 psychology class called ... on his Facebook page, writing": prefer a subject that names someone.
    if (subject && named(tokens, subject)) return subject;
    fallback ??= subject;
  }
  return fallback;
}

/** True when a phrase names someone: a name, a pronoun or a role ("Carson", "he", "the spokesman"). */
function named(tokens: Token[], p: Phrase): boolean {
  for (let i = p.from; i < p.to; i++) {
    const t = tokens[i];
    if (t.pos === 'PROPN' || t.pos === 'PRON' || ROLE_WORDS.has(t.lower) || /^\p{Lu}/u.test(t.text)) return true;
  }
  return false;
}

const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'been', 'be', "'s", '’s', "'re", '’re', 'am']);

function isNonFinite(tokens: Token[], i: number): boolean {
  if (tokens[i - 1]?.lower === 'to') return true;
  if (!tokens[i].lower.endsWith('ing')) return false;
  // "is labeling", "was telling" are finite.
  let k = i - 1;
  while (k >= 0 && tokens[k].pos === 'ADV') k--;
  return !BE_FORMS.has(tokens[k]?.lower ?? '');
}

/**
 * The subject ending at token `left`: a plain phrase ("Kirby"), or the phrase before an apposition or relative
 * clause ("John Kirby, Coordinator for ... Council,", "Stoltenberg, who made a statement ...,"), which is kept
 * in the source range so that the name inside it is found.
 */
function subjectLeftOf(tokens: Token[], left: number, lo: number, quoted: Int32Array): Phrase | null {
  if (left < lo) return null;
  const leftToken = tokens[left];
  if (leftToken.text === ',') {
    for (let k = left - 1; k > lo; k--) {
      if (quoted[k] >= 0 || isQuoteMark(tokens[k])) break;
      if (tokens[k].text === ',') {
        const outer = phraseEndingAt(tokens, k - 1, lo);
        if (!outer) return null;
        return left - k <= 16 ? { ...outer, to: left, end: tokens[left - 1].end } : outer;
      }
    }
    return null;
  }
  if (['who', 'which'].includes(leftToken.lower)) {
    const before = tokens[left - 1]?.text === ',' ? left - 2 : left - 1;
    return phraseEndingAt(tokens, before, lo);
  }
  const subject = phraseEndingAt(tokens, left, lo);
  // "the US National Security Council, whose spokesman called ...": the possessor is part of the source.
  if (subject && tokens[subject.from].lower === 'whose') {
    const possessorEnd = tokens[subject.from - 1]?.text === ',' ? subject.from - 2 : subject.from - 1;
    const possessor = phraseEndingAt(tokens, possessorEnd, lo);
    if (possessor) return { ...subject, from: possessor.from, start: possessor.start };
  }
  return subject;
}

/**
 * The phrase that names the source of `cue` inside the frame [lo, hi): "X said", "said X", "according to X",
 * "X, the minister of Y, said", "X ..., saying".
 */
export function sourceOf(tokens: Token[], cue: Cue, lo: number, hi: number, quoted: Int32Array, cues: Cue[]): Phrase | null {
  if (cue.sourceFirst) return phraseStartingAt(tokens, cue.last + 1, hi);
  const left = skipLeft(tokens, cue.first - 1, lo);
  const leftToken = tokens[left];
  // Participles and infinitives: "Vucevic denied ..., saying the army was not involved", "began by saying",
  // "goes on to say" -> the subject of the clause they hang on.
  if (isNonFinite(tokens, cue.first)) {
    const own = leftToken && leftToken.text !== ',' && !['by', 'as', 'to', 'and', 'after', 'before', 'while', 'when', 'without'].includes(leftToken.lower)
      ? phraseEndingAt(tokens, left, lo)
      : null;
    return own ?? clauseSubject(tokens, lo, cue.first, quoted, cues);
  }
  const after = phraseStartingAt(tokens, cue.last + 1, hi);
  // Nothing or a quote/comma before the cue: '"...," said Kurti on X', "..., added a NATO official".
  if (left < lo || isQuoteMark(leftToken) || quoted[left] >= 0) return after;
  const adjacent = left === cue.first - 1 || tokens.slice(left + 1, cue.first).every((t) => t.pos === 'ADV');
  if (leftToken.text === ',' && adjacent && after && (isQuoteMark(tokens[left - 1]) || quoted[left - 1] >= 0 || endsFrame(tokens, after, hi))) return after;
  // Coordinated verbs: "The president noted that ..., and added:", "Hayek confirmed she had been and said".
  if (['and', 'but', 'then'].includes(leftToken.lower)) return clauseSubject(tokens, lo, cue.first, quoted, cues);
  return subjectLeftOf(tokens, left, lo, quoted) ?? (leftToken.text === ',' ? after : null);
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
    if (TIME_DETERMINERS.has(tok.lower) && TIME_NOUNS.has(tokens[i + 1]?.lower ?? '')) { i += 2; continue; }
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
