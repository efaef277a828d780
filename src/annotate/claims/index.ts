// Claims layer: splits statement sentences into claims with slots (see ClaimAnnotation).
// A sentence is read as frames (who reports which words: frames.ts) and clauses (split.ts); each clause that
// states something becomes a claim, with its predicate and slots (slots.ts) and its polarity and modality
// (polarity.ts). Clauses that only attribute ("Vucic later denied that") are not claims: their content is.
import { lemmaTokens } from '../nlp.js';
import type { ClaimAnnotation, Mention, QuantityAnnotation, QuoteAnnotation, Range, Sentence, TimeAnnotation } from '../types.js';
import { DENIAL_VERBS, isReportingVerb } from './cues.js';
import { findFrames, propositional, sourceBefore, tokenAt, type Frame, type FrameContext } from './frames.js';
import { modalityOf, polarityOf } from './polarity.js';
import { choosePredicate, entitySlots, quantitySlots, timeSlots } from './slots.js';
import { piece, splitClauses, type Piece } from './split.js';
import { firstFinite, isGerund, isPunct, trimEnd, type Tok } from './tokens.js';

export { PREDICATE_CLASSES, type PredicateClass } from './predicates.js';

/** Options of findClaims. */
export interface FindClaimsOptions {
  /**
   * Sentences longer than this many tokens are not split: they become one claim with their mentions, numbers and
   * times but no predicate. Bounds the work on run-on text (a 25 KB "sentence" of scraped navigation).
   */
  maxTokens?: number;
}

const DEFAULT_MAX_TOKENS = 200;

/** Leading words a claim does not start with: the conjunction or complementizer that joined it to its sentence. */
const LEADING_GLUE = new Set(['and', 'but', 'or', 'so', 'that', 'then', 'yet', 'while', 'whereas']);

function trimPiece(toks: Tok[], idx: number[]): number[] {
  let a = 0;
  let b = idx.length;
  while (a < b && (isPunct(toks[idx[a]]) || (LEADING_GLUE.has(toks[idx[a]].lower) && (toks[idx[a]].lower !== 'that' || toks[idx[a]].pos === 'SCONJ')))) a++;
  b = trimEnd(toks, idx, a, b);
  return idx.slice(a, b);
}

/**
 * Cuts an attribution written at the edge of a clause: "..., Kirby said", "..., said Kurti on X", "According to his
 * ministry, ...": a comma-separated edge holding a cue and no other verb.
 */
function dropAttribution(toks: Tok[], idx: number[], cueTokens: Set<number>): number[] {
  if (!idx.some((i) => cueTokens.has(i))) return idx;
  // "Belgrade has never recognized Kosovo [and claims that]": a coordinated cue whose content is elsewhere.
  const lastIndex = idx.length - 1;
  for (let k = Math.max(0, lastIndex - 3); k < lastIndex; k++) {
    if (toks[idx[k]].lower !== 'and' || !cueTokens.has(idx[k + 1])) continue;
    const rest = idx.slice(k + 2);
    if (rest.every((i) => toks[i].lower === 'that' || isPunct(toks[i]))) return dropAttribution(toks, idx.slice(0, k), cueTokens);
  }
  const commas = idx.flatMap((i, k) => (toks[i].text === ',' ? [k] : []));
  if (!commas.length) return idx;
  const onlyCue = (part: number[]) => part.some((i) => cueTokens.has(i)) && !part.some((i) => !cueTokens.has(i) && toks[i].pos === 'VERB' && !isGerund(toks[i]));
  let a = 0;
  let b = idx.length;
  const last = commas[commas.length - 1];
  if (onlyCue(idx.slice(last + 1))) b = last;
  const first = commas[0];
  if (first < b && onlyCue(idx.slice(0, first))) a = first + 1;
  return a < b ? idx.slice(a, b) : idx;
}

/** The sentence being read, with the article's named tokens. */
interface ClaimContext extends FrameContext {
  named: Set<number>;
}

function firstTokens(toks: Tok[], items: { start: number }[]): number[] {
  return items.map((x) => tokenAt(toks, x.start));
}

/**
 * Claims of every sentence of one article, in text order. Each claim is a trimmed span of its sentence with its
 * source (from the quote layer, or the subject of a denial), predicate lemma (through the synonym classes of
 * predicates.ts), participants, places, quantities, times, polarity and modality. Sentences without a verb or an
 * event word (bylines, "Share Photo") give no claim. Linear in the text: one tagging pass, bounded work per sentence.
 */
export function findClaims(
  text: string,
  sentences: Sentence[],
  mentions: Mention[],
  quotes: QuoteAnnotation[],
  quantities: QuantityAnnotation[],
  times: TimeAnnotation[],
  options: FindClaimsOptions = {},
): ClaimAnnotation[] {
  if (sentences.length === 0) return [];
  const maxTokens = options.maxTokens ?? DEFAULT_MAX_TOKENS;
  const toks: Tok[] = lemmaTokens(text).map((t) => ({ ...t, lower: t.text.toLowerCase() }));
  const mentionTok = firstTokens(toks, mentions);
  const quantityTok = firstTokens(toks, quantities);
  const timeTok = firstTokens(toks, times);
  // Tokens inside names: never a predicate.
  const named = new Set<number>();
  mentions.forEach((m, i) => {
    for (let j = mentionTok[i]; j < toks.length && toks[j].start < m.end; j++) named.add(j);
  });
  const claims: ClaimAnnotation[] = [];
  const quotesOf = quotesBySentence(sentences, quotes);
  let cursor = 0;
  sentences.forEach((sentence, si) => {
    while (cursor < toks.length && toks[cursor].start < sentence.start) cursor++;
    const from = cursor;
    let to = from;
    while (to < toks.length && toks[to].end <= sentence.end) to++;
    cursor = to;
    if (to === from || !propositional(toks, from, to)) return;
    if (to - from > maxTokens) {
      claims.push(wholeSentence(sentence, si, toks, from, to, mentions, mentionTok, quantities, quantityTok, times, timeTok));
      return;
    }
    const ctx: ClaimContext = { text, toks, from, to, mentions, named };
    const sentenceQuotes = quotesOf[si];
    const frames = findFrames(ctx, sentenceQuotes);
    const found = sentenceClaims(ctx, si, frames, mentions, mentionTok, quantities, quantityTok, times, timeTok);
    claims.push(...(found.length ? found : [wholeSentence(sentence, si, toks, from, to, mentions, mentionTok, quantities, quantityTok, times, timeTok)]));
  });
  return claims.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The quotes overlapping each sentence, in the quotes' order. Filtering every quote for every sentence cost
 * sentences x quotes (quadratic on a long article made of short quoted sentences); each quote is instead placed on
 * the sentences it overlaps, found by binary search over the sentences (in text order, not overlapping).
 */
function quotesBySentence(sentences: Sentence[], quotes: QuoteAnnotation[]): QuoteAnnotation[][] {
  const out: QuoteAnnotation[][] = sentences.map(() => []);
  for (const q of quotes) {
    let lo = 0;
    let hi = sentences.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid].end <= q.start) lo = mid + 1;
      else hi = mid;
    }
    for (let s = lo; s < sentences.length && sentences[s].start < q.end; s++) if (q.end > sentences[s].start && q.start < sentences[s].end) out[s].push(q);
  }
  return out;
}

/** The fallback: the whole sentence as one claim, with the slots that need no parsing. */
function wholeSentence(
  sentence: Sentence, si: number, toks: Tok[], from: number, to: number,
  mentions: Mention[], mentionTok: number[], quantities: QuantityAnnotation[], quantityTok: number[], times: TimeAnnotation[], timeTok: number[],
): ClaimAnnotation {
  const members = new Set<number>();
  for (let j = from; j < to; j++) members.add(j);
  const { participants, places } = entitySlots(toks, mentions, mentionTok, members, new Set(), null, from);
  return {
    start: sentence.start, end: sentence.end, sentence: si, source: null, sourceName: null, cue: null, predicate: null,
    participants, places, quantities: quantitySlots(quantities, quantityTok, members), times: timeSlots(timeTok, members, new Set()),
    polarity: 'affirmed', modality: 'asserted',
  };
}

function sentenceClaims(
  ctx: ClaimContext, si: number, frames: Frame[],
  mentions: Mention[], mentionTok: number[], quantities: QuantityAnnotation[], quantityTok: number[], times: TimeAnnotation[], timeTok: number[],
): ClaimAnnotation[] {
  const { text, toks, from, to } = ctx;
  // Each token belongs to the innermost frame whose content holds it (nested reports: "denied there had been a
  // build-up rejecting claims that ..."), or to the sentence itself.
  const withContent = frames.filter((f) => f.content).sort((a, b) => (a.content![1] - a.content![0]) - (b.content![1] - b.content![0]));
  const owned: number[][] = withContent.map(() => []);
  const root: number[] = [];
  for (let j = from; j < to; j++) {
    const f = withContent.findIndex((x) => x.content![0] <= j && j < x.content![1]);
    (f < 0 ? root : owned[f]).push(j);
  }
  const cueTokens = new Set<number>();
  for (const f of frames) for (const c of f.cueTokens) cueTokens.add(c);
  const partials = frames.filter((f) => !f.content);

  const out: ClaimAnnotation[] = [];
  const units: { idx: number[]; frame: Frame | null }[] = [{ idx: root, frame: null }, ...owned.map((idx, f) => ({ idx, frame: withContent[f] }))];
  for (const unit of units) {
    if (!unit.idx.length) continue;
    const pieces = splitClauses(text, toks, piece(unit.idx, 'main', unit.frame?.carrySubject ?? []));
    for (const p of pieces) {
      const speaker = unit.frame ? null : reportingSpeaker(toks, from, p, unit.idx, withContent);
      const claim = toClaim(ctx, si, p, unit.frame, partials, cueTokens, mentions, mentionTok, quantities, quantityTok, times, timeTok, speaker);
      if (claim) out.push(claim);
    }
  }
  return out;
}

/**
 * The report a participle clause continues, when the clause was split off the sentence's own voice: in "The
 * White House said Serbia continued its escalatory actions, announcing an unprecedented military build-up ...
 * and calling on Belgrade to withdraw its troops" (or "'We have bodies,' he said, referring to the Security
 * Council") the participle goes on with what the named speaker says, so it is that speaker's, not the outlet's.
 * Only a participle set off by a comma right after a report with a written source (a name or a pronoun) counts,
 * and only when the report is the sentence's main clause (no verb before its source: "The White House said ...")
 * or its cue ends the clause before the comma ("..., he said, referring to ..."). Between the report's last word
 * and the comma there may be an addressee or a time ("told Fox News", "said on Friday") but no other verb, which
 * would start another clause: "complaints from men who said ..., the Daily Mail reported, citing Gulf media"
 * continues the Daily Mail's report, not the men's. Null otherwise.
 * @param from the sentence's first token; unit: token positions of the sentence part the piece was split from
 *   (the sentence minus frame contents).
 */
function reportingSpeaker(toks: Tok[], from: number, p: Piece, unit: number[], frames: Frame[]): Frame | null {
  if (p.kind !== 'participle' || !p.idx.length) return null;
  const first = p.idx[0];
  const comma = first - 1;
  if (comma < from || toks[comma].text !== ',') return null;
  const verbal = (t: Tok) => t.pos === 'VERB' || t.pos === 'AUX';
  const inUnit = new Set(unit);
  for (const f of frames) {
    const cue = f.cueTokens[f.cueTokens.length - 1];
    if (cue === undefined || !f.source || !inUnit.has(cue) || cue >= first || f.content![1] > first) continue;
    const sourceStart = tokenAt(toks, f.source.start);
    let main = sourceStart >= from && sourceStart < cue;
    for (let j = from; main && j < sourceStart; j++) if (verbal(toks[j])) main = false;
    // A source written after its cue ("said Ambassador Alhakim, referring to ...") holds no verb: scanned over.
    let end = Math.max(cue, main ? f.content![1] - 1 : -1);
    while (end + 1 < comma && !verbal(toks[end + 1])) end++;
    if (end + 1 < comma) continue;
    // Another report between ("Residents said the water tasted of metal, the Valley Post reported, citing ...",
    // when the content was read up to "reported") is the one the participle continues.
    let nearer = false;
    for (let j = cue + 1; j < comma && !nearer; j++) nearer = verbal(toks[j]) && isReportingVerb(toks[j].lemma);
    if (!nearer) return f;
  }
  return null;
}

function toClaim(
  ctx: ClaimContext, si: number, p: Piece, ownFrame: Frame | null, partials: Frame[], cueTokens: Set<number>,
  mentions: Mention[], mentionTok: number[], quantities: QuantityAnnotation[], quantityTok: number[], times: TimeAnnotation[], timeTok: number[],
  reporting: Frame | null = null,
): ClaimAnnotation | null {
  const { toks } = ctx;
  const idx = trimPiece(toks, dropAttribution(toks, p.idx, cueTokens));
  if (!idx.length) return null;
  const members = new Set(idx);
  let frame = ownFrame;
  if (!frame) frame = partials.find((f) => p.idx.includes(f.anchor)) ?? null;
  // Cue words of another frame's content in this clause: it may be only the attribution of that content.
  const firstCue = p.idx.find((i) => cueTokens.has(i) && !(frame && frame.cueTokens.includes(i) && !frame.content));
  const attributes = firstCue !== undefined;
  const unusable = new Set(cueTokens);
  // Names are never predicates ("the Associated Press", "Failed" in a headline name is a different matter).
  for (const i of idx) if (ctx.named.has(i)) unusable.add(i);
  // A denial with no stated content ("Vucevic dismissed this accusation"): the clause is the claim, denied by its subject.
  let bareDenial: { source: Range | null; name: string | null; cue: Range } | null = null;
  const v = firstFinite(toks, idx);
  if (!frame && v >= 0) {
    let d = v;
    while (d < idx.length - 1 && toks[idx[d]].pos === 'AUX') d++;
    const t = toks[idx[d]];
    if (DENIAL_VERBS.has(t.lemma) && !cueTokens.has(idx[d])) {
      const s = sourceBefore(ctx, idx[d], null);
      bareDenial = { source: s.source, name: s.name, cue: { start: t.start, end: t.end } };
      unusable.add(idx[d]);
    }
  }
  const predicate = bareDenial ? null : choosePredicate(toks, idx, unusable, p.kind === 'participle');
  // The attributing clause itself ("He explained that", "Vucic later denied that", "he said in a video posted on
  // Instagram"): its content is the claim. It states something of its own only with a verb of its own before the
  // cue: "Belgrade has never recognized Kosovo and claims that ...".
  if (attributes) {
    const own = predicate && predicate.basis !== 'noun' && idx[predicate.at] < firstCue && idx.slice(0, predicate.at).some((i) => ['NOUN', 'PROPN', 'PRON'].includes(toks[i].pos));
    if (!own) return null;
  }
  if (!predicate && !bareDenial && !propositional(toks, idx[0], idx[idx.length - 1] + 1)) return null;

  // A clause continuing a named speaker's report (see reportingSpeaker) is put forward by that speaker: reported,
  // neither denied nor alleged by the report's own cue ("X denied Y, calling the reports lies" affirms the calling).
  const inherited = !frame && reporting ? reporting : null;
  const source = bareDenial ? bareDenial.source ?? inherited?.source ?? null : frame?.source ?? inherited?.source ?? null;
  const { participants, places } = entitySlots(toks, mentions, mentionTok, members, new Set(p.carrySubject), source, ctx.from);
  const predicateAt = predicate ? predicate.at : -1;
  const last = predicate ? toks[idx[predicate.at + predicate.length - 1]] : null;
  return {
    start: toks[idx[0]].start,
    end: toks[idx[idx.length - 1]].end,
    sentence: si,
    source,
    sourceName: bareDenial ? (bareDenial.source ? bareDenial.name : inherited?.sourceName ?? null) : frame?.sourceName ?? inherited?.sourceName ?? null,
    cue: bareDenial ? bareDenial.cue : frame?.cue ?? inherited?.cue ?? null,
    predicate: predicate && last ? { range: { start: toks[idx[predicate.at]].start, end: last.end }, lemma: predicate.lemma } : null,
    participants,
    quantities: quantitySlots(quantities, quantityTok, members),
    times: timeSlots(timeTok, members, new Set(p.carryTime)),
    places,
    polarity: bareDenial ? 'denied' : polarityOf(toks, idx, predicateAt, frame),
    modality: bareDenial ? 'reported' : modalityOf(toks, idx, predicateAt, frame ?? (inherited ? { ...inherited, kind: 'speech', alleged: false } : null)),
  };
}
