// Links quoted spans and reported speech to their cues and sources (before names are resolved).
import type { Sentence } from '../types.js';
import { CONTENTLESS_SPEECH, EVIDENCE_NOUNS, HOLDER_NOUNS, MAX_WORDS_CUE_TO_QUOTE, ROLE_WORDS, SCARE_QUOTE_MAX_WORDS } from './cues.js';
import { contentStart, findCues, sourceOf, type Cue } from './cue-frames.js';
import type { QuotedSpan } from './marks.js';
import { countWords, RangeIndex } from './ranges.js';
import { isWorkTitle } from './titles.js';
import { isQuoteMark, phraseEndingAt, phraseStartingAt, type Phrase, type Token } from './phrases.js';

/** A frame: one sentence, or several when a quote or a lower-case continuation ties them ('...?" he asked.'). */
export interface Unit {
  start: number;
  end: number;
  paragraph: number;
  /** Token range [lo, hi). */
  lo: number;
  hi: number;
}

export interface Attribution {
  start: number;
  end: number;
  direct: boolean;
  partial: boolean;
  cue: Cue | null;
  source: Phrase | null;
  /** For a quote continuing an earlier one's speaker (next paragraph, next sentence). */
  continues: Attribution | null;
  paragraph: number;
  /** Index in the quoted-span list for direct quotes. */
  span: number;
  /** A title of a work in quote marks (“Marriage Story.”): holds its words against other stages, is never returned. */
  title?: boolean;
}

export function firstTokenAtOrAfter(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Marks every token with the index of the quoted span it sits in (-1 outside quotes; the marks themselves too). */
export function quotedTokens(tokens: Token[], spans: QuotedSpan[]): Int32Array {
  const out = new Int32Array(tokens.length).fill(-1);
  spans.forEach((span, k) => {
    for (let i = firstTokenAtOrAfter(tokens, span.start); i < tokens.length && tokens[i].end <= span.end; i++) out[i] = k;
  });
  return out;
}

/**
 * A unit (sentences joined because the next starts in lower case or a quote runs across them) never grows past
 * this many characters. Sentences over 1,000 characters are cut by the splitter, and the pieces of a run-on
 * "The minister said that the army ..." start in lower case: joined again, every cue's reported speech ran to
 * the end of a 100 KB text, so quotes grew with the square of the text and the claim frames with its cube
 * (227 s). Real units of joined sentences stay far below this.
 */
const MAX_UNIT_CHARS = 3000;

export function buildUnits(text: string, sentences: Sentence[], spans: QuotedSpan[], tokens: Token[]): Unit[] {
  const units: Unit[] = [];
  for (const s of sentences) {
    const prev = units[units.length - 1];
    const first = text.slice(s.start, s.start + 1);
    const crossing = prev !== undefined && quoteCrosses(spans, prev.end, s.start, s.paragraph);
    if (prev && prev.paragraph === s.paragraph && (crossing || /^[a-z,;]/.test(first)) && s.end - prev.start <= MAX_UNIT_CHARS) {
      prev.end = s.end;
      continue;
    }
    units.push({ start: s.start, end: s.end, paragraph: s.paragraph, lo: 0, hi: 0 });
  }
  for (const u of units) {
    u.lo = firstTokenAtOrAfter(tokens, u.start);
    u.hi = firstTokenAtOrAfter(tokens, u.end);
  }
  return units;
}

/**
 * True when a quote of `paragraph` opens before `start` and closes after `after` (it ties two sentences into one frame).
 * Spans are in order and do not overlap, so only those just before `start` can: a binary search, not a scan of every
 * quote for every sentence.
 */
function quoteCrosses(spans: QuotedSpan[], after: number, start: number, paragraph: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].open < start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0 && spans[k].close > after; k--) if (spans[k].paragraph === paragraph) return true;
  return false;
}

function unitAt(units: Unit[], offset: number): number {
  let lo = 0;
  let hi = units.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (units[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const LEADING_CONJUNCTIONS = new Set(['but', 'and', 'still', 'yet', 'so', 'indeed']);
const INTRO_FILLER = new Set(['that', ':', ',', '—', '–', '-']);
const WORD_TOKEN = /[\p{L}\p{N}]/u;

// Prefix counts: reported speech asks this once per cue over spans as long as the sentence.
const wordCount = countWords;

export interface AttributeInput {
  text: string;
  tokens: Token[];
  spans: QuotedSpan[];
  units: Unit[];
  quoted: Int32Array;
}

/** Direct and partial quotes with their cue and source phrase (names not resolved yet). */
export function attributeQuotes({ text, tokens, spans, units, quoted }: AttributeInput): Attribution[] {
  const out: Attribution[] = [];
  const cuesByUnit = units.map((u) => findCues(tokens, u.lo, u.hi, quoted));
  let lastWithSource: Attribution | null = null;
  // The latest quote (not title) of each paragraph, kept as quotes are pushed (out is in text order).
  const latestByParagraph = new Map<number, Attribution>();
  const add = (a: Attribution): void => {
    out.push(a);
    if (!a.title) latestByParagraph.set(a.paragraph, a);
  };

  spans.forEach((span, k) => {
    // “Parasite”, “Once Upon A Time in Hollywood,”: a title of a work is no quote, and no speaker may be found for it.
    // It is kept as taken (so that no later stage reads its words as reported speech) and dropped from the output.
    if (isWorkTitle(text, spans, k)) {
      add({ start: span.start, end: span.end, direct: true, partial: true, cue: null, source: null, continues: null, paragraph: span.paragraph, span: k, title: true });
      return;
    }
    const uOpen = unitAt(units, span.open);
    const uClose = unitAt(units, Math.max(span.open, span.close - 1));
    const openUnit = units[uOpen];
    const closeUnit = units[uClose];
    const openTok = firstTokenAtOrAfter(tokens, span.open);
    const afterLo = firstTokenAtOrAfter(tokens, span.close);
    const prevSpan = k > 0 && spans[k - 1].close > openUnit.start ? spans[k - 1] : null;
    const beforeLo = prevSpan ? firstTokenAtOrAfter(tokens, prevSpan.close) : openUnit.lo;
    const nextSpan = spans[k + 1];
    const afterHi = nextSpan && nextSpan.open < closeUnit.end ? firstTokenAtOrAfter(tokens, nextSpan.open) : closeUnit.hi;
    const inner = text.slice(span.start, span.end);
    const words = inner.split(/\s+/).filter(Boolean).length;

    let cue: Cue | null = null;
    let cueUnit = uOpen;
    let full = false;
    let fixedSource: Phrase | null = null;
    // (a) Cue right after the quote: '"...," he said', '"...," said Kurti on X', '"...," according to X',
    // '"...," Ramos, 58, told AFP'.
    const opensOut = /[,?!…—–-]$/.test(inner) || tokens[afterLo]?.text === ',' || /^[a-z]/.test(tokens[afterLo]?.text ?? '');
    if (opensOut) {
      const after = cueAfterQuote(tokens, cuesByUnit[uClose], afterLo, afterHi);
      if (after) {
        cue = after.cue;
        fixedSource = after.source;
        cueUnit = uClose;
        full = true;
      }
    }
    // (a') The frame is the next sentence: '"... this country." Rubio said.', '"..." Bennett shot back with a laugh.'
    const next = units[uClose + 1];
    if (!cue && next && next.paragraph === span.paragraph && wordCount(tokens, afterLo, closeUnit.hi) === 0 && !isQuoteMark(tokens[next.lo])) {
      const after = cueAfterQuote(tokens, cuesByUnit[uClose + 1], next.lo, next.hi);
      if (after && frameEnds(tokens, after.cue, after.source, next.hi)) {
        cue = after.cue;
        fixedSource = after.source;
        cueUnit = uClose + 1;
        full = true;
      }
    }
    // 'Pollster Daron Shaw: "..."', 'HuffPollster: "..."': a name and a colon introduce the quote.
    if (!cue && tokens[openTok - 1]?.text === ':' && quoted[openTok - 2] < 0) {
      const speaker = phraseEndingAt(tokens, openTok - 2, beforeLo);
      const introducedByCue = speaker && cuesByUnit[uOpen].some((c) => c.last === speaker.from - 1);
      if (speaker && !introducedByCue && hasProperNoun(tokens, speaker)) {
        cue = { first: openTok - 1, last: openTok - 1, lemma: ':', kind: 'speech', sourceFirst: false };
        fixedSource = speaker;
        full = true;
      }
    }
    // '“...” ― Sonya Herridge': a dash and a name close the paragraph (readers' voices, epigraphs).
    if (!cue) {
      const signed = signatureAfter(text, tokens, span.close);
      if (signed) {
        cue = signed.cue;
        fixedSource = signed.source;
        full = true;
      }
    }
    // (b) Cue right before the quote: 'Vucic told reporters: "..."', 'Stoltenberg wrote Friday on X that "..."'.
    if (!cue) {
      const before = cuesByUnit[uOpen].filter((c) => c.last < openTok && c.first >= beforeLo);
      const c = before[before.length - 1];
      if (c) {
        const gap = tokens.slice(c.last + 1, openTok).filter((t) => !isQuoteMark(t));
        const immediate = gap.length <= MAX_WORDS_CUE_TO_QUOTE && !gap.some((t) => t.pos === 'VERB' && !/^(posted|published)$/.test(t.lower));
        // Frame-only verbs ("continued", "reads") count only right next to the quote.
        const framed = c.kind !== 'frame' || gap.length <= 3;
        if (framed) {
          cue = c;
          full = immediate && gap.every((t) => INTRO_FILLER.has(t.lower) || t.pos !== 'DET');
        }
      }
    }
    // (c) A cue later in the same sentence: 'the "...," the minister of Y later added'.
    if (!cue) {
      const later = cuesByUnit[uClose].find((c) => c.first >= afterLo && c.first < afterHi && c.kind !== 'frame');
      if (later) {
        cue = later;
        cueUnit = uClose;
      }
    }
    // Does the quote make up its whole sentence (apart from the attribution)?
    const lead = tokens.slice(beforeLo, openTok).filter((t) => quoted[beforeLo] < 0 && WORD_TOKEN.test(t.text));
    const beginsUnit = lead.length === 0 || (lead.length === 1 && LEADING_CONJUNCTIONS.has(lead[0].lower));
    const partial = cue ? !full || (!beginsUnit && cueUnit !== uOpen) || (cueUnit === uClose && !beginsUnit && cue.first >= afterLo) : !beginsUnit;

    if (cue) {
      const u = units[cueUnit];
      const source = fixedSource ?? sourceOf(tokens, cue, u.lo, u.hi, quoted, cuesByUnit[cueUnit]);
      const a: Attribution = { start: span.start, end: span.end, direct: true, partial, cue, source, continues: null, paragraph: span.paragraph, span: k };
      add(a);
      if (source) lastWithSource = a;
      return;
    }
    // A second quoted piece in a sentence whose first piece has a speaker: 'Trump says "..." because "..."'.
    const sameUnit = out.length > 0 ? out[out.length - 1] : null;
    if (sameUnit && sameUnit.source && sameUnit.span === k - 1 && unitAt(units, spans[k - 1].open) === uOpen) {
      add({ start: span.start, end: span.end, direct: true, partial: true, cue: sameUnit.cue, source: sameUnit.source, continues: sameUnit.continues ?? sameUnit, paragraph: span.paragraph, span: k });
      return;
    }
    // Continuation: a quote starting its sentence right after an attributed quote in the same paragraph, or a
    // quote-only paragraph right after a paragraph whose quote had a speaker (or one left open).
    const paragraphIsQuote = beginsUnit && text.slice(openUnit.start, span.open).trim() === '' && isParagraphStart(text, span.open);
    const prev: Attribution | null = lastWithSource;
    if (prev && beginsUnit) {
      const sameParagraph = prev.paragraph === span.paragraph;
      const nextParagraph = prev.paragraph === span.paragraph - 1 && paragraphIsQuote;
      const ranOn = spans[prev.span]?.runsOn === true && prev.paragraph === span.paragraph - 1;
      const latest = latestByParagraph.get(prev.paragraph);
      const lastInItsParagraph = !(latest && latest.start > prev.start && latest.span !== prev.span);
      if (sameParagraph || ranOn || (nextParagraph && lastInItsParagraph)) {
        const a: Attribution = { start: span.start, end: span.end, direct: true, partial: false, cue: prev.cue, source: prev.source, continues: prev, paragraph: span.paragraph, span: k };
        add(a);
        lastWithSource = a;
        return;
      }
    }
    // No cue: a lone quoted paragraph is an artefact, a short phrase is a scare quote or a title; longer quoted
    // words inside a sentence are kept without a speaker.
    if (paragraphIsQuote || words <= SCARE_QUOTE_MAX_WORDS) return;
    add({ start: span.start, end: span.end, direct: true, partial, cue: null, source: null, continues: null, paragraph: span.paragraph, span: k });
  });
  return out;
}

const SIGNATURE = /^[ \t]*[―—–-][ \t]*(\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){0,4})[ \t]*(?:\n|$)/u;

/** A dash and a name (of at most five words) between a closing quote mark and the end of its paragraph. */
function signatureAfter(text: string, tokens: Token[], close: number): { cue: Cue; source: Phrase } | null {
  const m = SIGNATURE.exec(text.slice(close, close + 100));
  if (!m) return null;
  const name = m[1].replace(/\.$/, (dot) => (/\b\p{Lu}\.$/u.test(m[1]) ? dot : ''));
  const nameStart = close + m[0].indexOf(m[1]);
  const from = firstTokenAtOrAfter(tokens, nameStart);
  const to = firstTokenAtOrAfter(tokens, nameStart + name.length);
  const dash = firstTokenAtOrAfter(tokens, close);
  if (to <= from || dash >= from) return null;
  return {
    cue: { first: dash, last: dash, lemma: 'signature', kind: 'speech', sourceFirst: false },
    source: { from, to, start: tokens[from].start, end: tokens[to - 1].end },
  };
}

const RELATIVE_IN_APPOSITION = new Set(['who', 'whose', 'which']);
const SKIP_AFTER_QUOTE = new Set([',', '—', '–', '-', 'also', 'later', 'then', 'again', 'once', 'simply', 'further']);

/**
 * The cue of the frame right after a quote and its source: nothing but a cue and a source may stand between the
 * closing mark and the end of the frame ('," he said', '," said Kurti', '," Ramos, 58, told AFP').
 */
function cueAfterQuote(tokens: Token[], cues: Cue[], afterLo: number, afterHi: number): { cue: Cue; source: Phrase | null } | null {
  let i = afterLo;
  while (i < afterHi && SKIP_AFTER_QUOTE.has(tokens[i].lower)) i++;
  const cueAt = (k: number): Cue | undefined => cues.find((c) => c.first === k);
  const direct = cueAt(i);
  if (direct) return { cue: direct, source: null }; // inverted or "according to": sourceOf reads to the right
  const subject = phraseStartingAt(tokens, i, afterHi);
  if (!subject) return null;
  let k = subject.to;
  // Apposition: "Brent Bozell III, founder of the Media Research Center, tells".
  if (tokens[k]?.text === ',') {
    let close = -1;
    for (let j = k + 1; j < Math.min(afterHi, k + 18); j++) {
      if (tokens[j].text === ',') { close = j; break; }
      // A relative clause inside the apposition has verbs (and cues) of its own: "Rui Resident, a São Paulo resident
      // who tweeted about the smoke, said" (Vice); it runs to the comma that closes the apposition.
      if (RELATIVE_IN_APPOSITION.has(tokens[j].lower) && j > k + 1) {
        let m = j + 1;
        while (m < Math.min(afterHi, k + 30) && tokens[m].text !== ',' && !['.', ';', '?', '!'].includes(tokens[m].text) && !isQuoteMark(tokens[m])) m++;
        if (tokens[m]?.text === ',' && m < afterHi) close = m;
        break;
      }
      if (tokens[j].pos === 'VERB' && !cueAt(j) && !/^(served|based|known|named)$/.test(tokens[j].lower)) break;
      if (['.', ';', '?', '!'].includes(tokens[j].text) || cueAt(j)) break;
    }
    if (close > 0) k = close + 1;
  }
  while (k < afterHi && (tokens[k].pos === 'ADV' || tokens[k].pos === 'AUX' || SKIP_AFTER_QUOTE.has(tokens[k].lower))) k++;
  const cue = cueAt(k);
  if (!cue) return null;
  let to = k;
  while (to > subject.to && [',', '—', '–'].includes(tokens[to - 1].text)) to--;
  while (to > subject.to && (tokens[to - 1].pos === 'ADV' || tokens[to - 1].pos === 'AUX')) to--;
  return { cue, source: { ...subject, to, end: tokens[to - 1].end } };
}

/** After the cue (and a source after it) only adverbials remain: "Rubio said.", "said Bolton on Fox News." */
function frameEnds(tokens: Token[], cue: Cue, source: Phrase | null, hi: number): boolean {
  let i = Math.max(cue.last + 1, source && source.from > cue.last ? source.to : 0);
  if (!source) {
    const after = phraseStartingAt(tokens, i, hi);
    if (after) i = after.to;
  }
  const rest = tokens.slice(i, hi);
  return rest.length <= 10 && !rest.some((t) => t.pos === 'VERB' || t.lower === 'that' || t.text === ':' || isQuoteMark(t));
}

function hasProperNoun(tokens: Token[], p: Phrase): boolean {
  for (let i = p.from; i < p.to; i++) if (tokens[i].pos === 'PROPN') return true;
  return false;
}

function isParagraphStart(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 3), at);
  return at === 0 || /\n\s*$/.test(before) || text.slice(0, at).trim() === '';
}


/** Reported speech without quote marks: "X said (that) ...", "..., X said.", "according to X, ...". */
export function attributeReported({ tokens, units, quoted }: AttributeInput, taken: Attribution[]): Attribution[] {
  const out: Attribution[] = [];
  const usedCues = new Set(taken.filter((a) => a.cue && !a.continues).map((a) => a.cue!.first));
  const takenIndex = new RangeIndex(taken);
  for (const u of units) {
    const cues = findCues(tokens, u.lo, u.hi, quoted);
    const end = trimEnd(tokens, u.lo, u.hi);
    const nextBreak = clauseBreaks(tokens, u.lo, u.hi, cues);
    for (const cue of cues) {
      if (usedCues.has(cue.first) || cue.kind === 'frame') continue;
      if (cue.kind === 'appearance') {
        const clause = appearanceClause(tokens, cue, u.lo, end, quoted);
        if (clause && !takenIndex.overlaps(tokens[clause.from].start, tokens[clause.to - 1].end)) {
          out.push({ start: tokens[clause.from].start, end: tokens[clause.to - 1].end, direct: false, partial: false, cue, source: null, continues: null, paragraph: u.paragraph, span: -1 });
        }
        continue;
      }
      const source = sourceOf(tokens, cue, u.lo, u.hi, quoted, cues);
      if (!source || !holderFits(tokens, source, cue)) continue;
      let from: number;
      let to: number;
      const sourceAfter = source.from > cue.last;
      const restStart = sourceAfter ? source.to : cue.last + 1;
      const tail = contentStart(tokens, { ...cue, last: restStart - 1 }, end);
      if (cue.sourceFirst) {
        const leading = wordCount(tokens, u.lo, cue.first) <= 1;
        if (leading) {
          from = source.to;
          if (tokens[from]?.text === ',') from++;
          to = end;
        } else {
          from = u.lo;
          to = cue.first;
        }
      } else if (tail.at >= end || invertedSourceEndsClause(tokens, cue, source, end)) {
        // "..., the White House warned." / "..., said Kurti." (a comma must close the reported clause)
        to = Math.min(cue.first, source.from);
        if (tokens[to - 1]?.text !== ',' && !(cue.kind === 'speech' && sourceAfter)) continue;
        from = u.lo;
      } else {
        if (!complementFits(tokens, cue, tail.at, tail.hasThat, end)) continue;
        from = tail.at;
        to = end;
        // Stop before a participle or a second frame: "denied allegations ..., saying ...".
        const cut = from + 1 < u.hi ? nextBreak[from + 1 - u.lo] : u.hi;
        if (cut < to) to = cut;
      }
      while (to > from && [',', ':', '—', '–', '-'].includes(tokens[to - 1].text)) to--;
      while (from < to && [',', ':'].includes(tokens[from].text)) from++;
      if (wordCount(tokens, from, to) < 2) continue;
      // Reported words that hold a quote already returned are carried by that quote (partial quote + speaker).
      const cs = tokens[from].start;
      const ce = tokens[to - 1].end;
      if (takenIndex.overlaps(cs, ce)) continue;
      out.push({ start: tokens[from].start, end: tokens[to - 1].end, direct: false, partial: false, cue, source, continues: null, paragraph: u.paragraph, span: -1 });
    }
  }
  return out;
}

/**
 * For each token of [lo, hi), the first token at or after it where a reported clause stops: a ';' or a comma with
 * a cue at most three tokens on ("denied allegations ..., saying ..."). Precomputed once per frame so that each cue
 * does not scan the rest of the sentence again (quadratic on a 25 KB sentence of repeated "said that").
 */
function clauseBreaks(tokens: Token[], lo: number, hi: number, cues: Cue[]): Int32Array {
  const cueStarts = new Set(cues.map((c) => c.first));
  const next = new Int32Array(Math.max(0, hi - lo) + 1).fill(hi);
  for (let i = hi - 1; i >= lo; i--) {
    const t = tokens[i].text;
    const stops = t === ';' || (t === ',' && (cueStarts.has(i + 1) || cueStarts.has(i + 2) || cueStarts.has(i + 3)));
    next[i - lo] = stops ? i : next[i - lo + 1];
  }
  return next;
}

/**
 * "..., said Kurti." and "..., said Brian Baker, a longtime adviser ...": a source after its cue closes the sentence
 * or is followed by words that describe it, so the reported clause is the one before the cue.
 */
function invertedSourceEndsClause(tokens: Token[], cue: Cue, source: Phrase, end: number): boolean {
  if (source.from <= cue.last) return false;
  const next = tokens[source.to]?.text;
  return next === '.' || source.to >= end || (next === ',' && tokens[cue.first - 1]?.text === ',');
}

const WH_WORDS = new Set(['how', 'what', 'why', 'whether', 'if', 'when', 'who', 'where', 'which']);

/** A clause starts at `at`: a subject followed by a finite verb ("I know [your tax returns are being audited]"). */
function startsClause(tokens: Token[], at: number, end: number): boolean {
  const subject = phraseStartingAt(tokens, at, end);
  if (!subject) return false;
  let i = subject.to;
  while (i < end && tokens[i].pos === 'ADV') i++;
  const verb = tokens[i];
  return verb !== undefined && i < end && (verb.pos === 'AUX' || (verb.pos === 'VERB' && !/ing$/.test(verb.lower)));
}

/**
 * What may follow each kind of cue as its content: speech and stance take anything; beliefs a that-, wh- or bare
 * clause ("Republicans fear that ...", "I don't think either is a great choice"); intentions a to-infinitive or an
 * object ("wants to make ...", "want a continuation of ..."); evidence a clause or an object ("a poll shows Clinton ahead").
 */
function complementFits(tokens: Token[], cue: Cue, at: number, hasThat: boolean, end: number): boolean {
  const first = tokens[at]?.lower ?? '';
  if (CONTENTLESS_SPEECH.has(cue.lemma)) return hasThat || WH_WORDS.has(first);
  switch (cue.kind) {
    case 'belief':
      return hasThat || WH_WORDS.has(first) || startsClause(tokens, at, end) || (first === 'to' && (cue.lemma === 'hope' || cue.lemma === 'expect'));
    case 'intention':
      return first === 'to' || (phraseStartingAt(tokens, at, end) !== null && tokens[at]?.pos !== 'PRON');
    case 'evidence':
      return hasThat || WH_WORDS.has(first) || phraseStartingAt(tokens, at, end) !== null;
    default:
      return true;
  }
}

/**
 * Holders of beliefs, aims and stances are people, groups or documents ("Clinton", "she", "Many of her closest
 * advisers", "Only about 4 in 10 Republican voters", "a new CNN/ORC poll"), not things ("the dollar has enjoyed").
 */
function holderFits(tokens: Token[], source: Phrase, cue: Cue): boolean {
  if (cue.kind === 'speech' || cue.sourceFirst) return true;
  for (let i = source.from; i < source.to; i++) {
    const t = tokens[i];
    if (t.pos === 'PROPN' || t.pos === 'PRON' || /^\p{Lu}/u.test(t.text) || ROLE_WORDS.has(t.lower) || HOLDER_NOUNS.has(t.lower)) return true;
    if (cue.kind === 'evidence' && EVIDENCE_NOUNS.has(t.lower)) return true;
  }
  // "those who want ...": the relative pronoun's antecedent was not named, but it is a group of people.
  return false;
}

/** "The speaker appeared closer to ...": the subject before the cue and everything after it make up the content. */
function appearanceClause(tokens: Token[], cue: Cue, lo: number, end: number, quoted: Int32Array): { from: number; to: number } | null {
  let left = cue.first - 1;
  while (left >= lo && (tokens[left].pos === 'ADV' || tokens[left].pos === 'AUX' || tokens[left].lower === 'not' || tokens[left].lower === "n't")) left--;
  if (left < lo || quoted[left] >= 0) return null;
  const subject = phraseEndingAt(tokens, left, lo);
  if (!subject) return null;
  const next = tokens[cue.last + 1];
  // "seemed to be", "appear more attractive", "looks like", "are expected to speak"; not "appeared on Fox News".
  if (!next || cue.last + 1 >= end || !(next.lower === 'to' || next.lower === 'like' || next.lower === 'as' || next.pos === 'ADJ' || next.pos === 'ADV' || cue.lemma === 'look')) return null;
  let to = end;
  for (let i = cue.last + 1; i < end; i++) if (tokens[i].text === ';') { to = i; break; }
  if (wordCount(tokens, subject.from, to) < 3) return null;
  return { from: subject.from, to };
}

function trimEnd(tokens: Token[], lo: number, hi: number): number {
  let end = hi;
  while (end > lo && ['.', '!', '?'].includes(tokens[end - 1].text)) end--;
  return end;
}
