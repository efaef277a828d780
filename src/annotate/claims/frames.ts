// Frames: who puts a claim forward and how. The quote layer already says which words are reported and by whom
// (direct quotes, "X said that ...", "X denied ..."); this module keeps the attributions whose content is a
// proposition, trims denial and allegation objects down to their content ("denied [recent Kosovo allegations that]
// the army had deployed tanks"), and finds the few frames the quote layer does not give (a denial inside a direct
// quote: "I have denied untruths where they talk about the highest level of combat readiness").
import type { Mention, QuoteAnnotation, Range } from '../types.js';
import { classOf } from './predicates.js';
import { ALLEGATION_NOUNS, ALLEGATION_VERBS, CLAIM_NOUNS, CONTENT_LINKS, DENIAL_VERBS, SPEECH_VERBS } from './cues.js';
import { clauseVerbAt, identity, isGerund, isPunct, trimEnd, type Tok } from './tokens.js';

/** How a frame presents its content. */
export type FrameKind = 'speech' | 'deny' | 'allege';

/** One attribution of content to a source inside a sentence. */
export interface Frame {
  /** Token positions [from, to) of the content, or null when the frame covers the clause it sits in ("Serbia claims to have ..."). */
  content: [number, number] | null;
  /** A token of the clause the frame covers when content is null (its cue or its quoted words). */
  anchor: number;
  kind: FrameKind;
  /** The content is put as an allegation ("allegations that ...", "accused ... of"). */
  alleged: boolean;
  source: Range | null;
  sourceName: string | null;
  cue: Range | null;
  /** Token positions of the cue words: never a claim's predicate. */
  cueTokens: number[];
  /** Tokens whose mentions take part in the content although outside it: "accusing [the international community] of launching ...". */
  carrySubject: number[];
}

/** Reported content is never searched further than this many tokens from its cue (bounds work on run-on text). */
const MAX_CONTENT_SCAN = 40;

/** Context shared by frame finding for one sentence. */
export interface FrameContext {
  text: string;
  toks: Tok[];
  /** Token positions [from, to) of the sentence. */
  from: number;
  to: number;
  mentions: Mention[];
}

/** True when tokens [a, b) state something: a verb or an event word. */
export function propositional(toks: Tok[], a: number, b: number): boolean {
  for (let j = a; j < b; j++) {
    const t = toks[j];
    if (t.pos === 'VERB' || t.pos === 'AUX' || classOf(t.lemma, t.lower)) return true;
  }
  return false;
}

function trimEdges(toks: Tok[], a: number, b: number): [number, number] {
  while (a < b && isPunct(toks[a])) a++;
  return [a, trimEnd(toks, identity(b), a, b)];
}

const range = (toks: Tok[], a: number, b: number): Range => ({ start: toks[a].start, end: toks[b - 1].end });

/** Where reported content that starts at `from` ends: before a semicolon, a closing quote, or a new cue participle (", saying ..."). */
function contentEnd(toks: Tok[], from: number, limit: number, nominal: boolean): number {
  const stop = Math.min(limit, from + MAX_CONTENT_SCAN);
  // A quote opened inside the content closes inside it: "launching a “campaign of lies” against Serbia". A
  // straight mark opens when it is glued to the next word ('"hypocritically"').
  let open = false;
  for (let j = from; j < stop; j++) {
    const t = toks[j];
    if (!open && (t.text === '“' || (t.text === '"' && j > from && toks[j + 1]?.start === t.end))) {
      open = true;
      continue;
    }
    if (open && (t.text === '”' || t.text === '"')) {
      open = false;
      continue;
    }
    if (t.text === ';' || t.text === '”' || t.text === '"') return j;
    if (nominal && t.text === ',') return j;
    // A new cue participle starts another frame: "has denied there had been a build-up [rejecting] claims that ...".
    if (j > from + 1 && isGerund(t) && t.pos === 'VERB' && (DENIAL_VERBS.has(t.lemma) || SPEECH_VERBS.has(t.lemma))) return j;
    if (t.text === ',' && j + 1 < stop && isGerund(toks[j + 1]) && toks[j + 1].pos === 'VERB') return j;
  }
  return stop;
}

/**
 * The content of a denial or allegation whose verb is at token k: "denied [that] X", "rejected claims that X",
 * "dismissed reports of X", "refutes false claims regarding X", "denied untruths where they talk about X",
 * "has denied X" (a clause). Null when the object names no proposition ("dismissed this accusation").
 */
export function objectContent(toks: Tok[], k: number, limit: number): { content: [number, number]; alleged: boolean } | null {
  let j = k + 1;
  while (j < limit && toks[j].pos === 'ADV') j++;
  if (j >= limit) return null;
  const all = identity(toks.length);
  if (toks[j].lower === 'that') {
    const e = contentEnd(toks, j + 1, limit, false);
    return e > j + 2 && propositional(toks, j + 1, e) ? { content: trimEdges(toks, j + 1, e), alleged: false } : null;
  }
  // A claim noun within the object: "recent Kosovo allegations", "false claims", "untruths".
  for (let c = j; c < Math.min(limit, j + 6); c++) {
    const t = toks[c];
    if (t.pos === 'VERB' || t.pos === 'AUX' || isPunct(t)) break;
    if (!CLAIM_NOUNS.has(t.lower)) continue;
    const alleged = ALLEGATION_NOUNS.has(t.lower);
    const scanEnd = Math.min(limit, c + MAX_CONTENT_SCAN);
    // "that" wins over the other links: "allegations from Kosovo that it trained ...".
    for (let l = c + 1; l < scanEnd && toks[l].text !== ',' && toks[l].text !== ';'; l++) {
      if (toks[l].lower === 'that' && (toks[l].pos === 'SCONJ' || clauseVerbAt(toks, all, l + 1, scanEnd) >= 0)) {
        const e = contentEnd(toks, l + 1, limit, false);
        if (e > l + 2 && propositional(toks, l + 1, e)) return { content: trimEdges(toks, l + 1, e), alleged };
      }
    }
    for (let l = c + 1; l < scanEnd && toks[l].text !== ',' && toks[l].text !== ';'; l++) {
      if (!CONTENT_LINKS.has(toks[l].lower) || toks[l].lower === 'that') continue;
      const e = contentEnd(toks, l + 1, limit, true);
      if (e > l + 1 && propositional(toks, l + 1, e)) return { content: trimEdges(toks, l + 1, e), alleged };
    }
    return null;
  }
  // A clause right after the verb: "Vucic has denied there had been a recent build-up".
  if (clauseVerbAt(toks, all, j, Math.min(limit, j + 20)) >= 0) {
    const e = contentEnd(toks, j, limit, false);
    if (e > j + 1) return { content: trimEdges(toks, j, e), alleged: false };
  }
  return null;
}

/** The content of an accusation: "accusing the international community of [launching a campaign of lies]", "blamed Serbia for [plans to annex ...]". */
function accusationContent(toks: Tok[], k: number, limit: number): { content: [number, number]; accused: number[] } | null {
  for (let l = k + 1; l < Math.min(limit, k + 10); l++) {
    const t = toks[l];
    if (t.text === ',' || t.text === ';') return null;
    if (t.lower !== 'of' && t.lower !== 'for') continue;
    const e = contentEnd(toks, l + 1, limit, true);
    if (e > l + 1 && propositional(toks, l + 1, e)) {
      const accused: number[] = [];
      for (let a = k + 1; a < l; a++) accused.push(a);
      return { content: trimEdges(toks, l + 1, e), accused };
    }
    return null;
  }
  return null;
}

/** First token at or after char offset (binary search). */
export function tokenAt(toks: Tok[], offset: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The cue's tokens nearest to the quote's words, outside them (the quote layer gives the cue as a string). */
function locateCue(toks: Tok[], q: QuoteAnnotation, from: number, to: number): number[] {
  if (!q.cue) return [];
  const words = q.cue.toLowerCase().split(/\s+/).filter(Boolean);
  let best: number[] = [];
  let bestDistance = Infinity;
  for (let j = from; j < to; j++) {
    if (toks[j].lower !== words[0]) continue;
    if (toks[j].start >= q.start && toks[j].end <= q.end) continue;
    const span: number[] = [j];
    let ok = true;
    for (let w = 1; w < words.length; w++) {
      if (toks[j + w]?.lower !== words[w]) { ok = false; break; }
      span.push(j + w);
    }
    if (!ok) continue;
    const distance = toks[j].end <= q.start ? q.start - toks[j].end : toks[j].start - q.end;
    if (distance < bestDistance) { bestDistance = distance; best = span; }
  }
  return best;
}

const FIRST_PERSON = new Set(['i', 'we']);

/** The subject before a cue verb at k, as written, with its name when a mention covers it. */
export function sourceBefore(ctx: FrameContext, k: number, speakerOfQuote: string | null): { source: Range | null; name: string | null } {
  const { toks } = ctx;
  let j = k - 1;
  while (j >= ctx.from && (toks[j].pos === 'AUX' || toks[j].pos === 'ADV' || toks[j].pos === 'PART')) j--;
  if (j < ctx.from) return { source: null, name: null };
  const t = toks[j];
  if (t.pos === 'PRON') return { source: { start: t.start, end: t.end }, name: FIRST_PERSON.has(t.lower) ? speakerOfQuote : null };
  // Only a named subject counts: in "Claims rejected" the noun before the verb is what is rejected.
  const m = ctx.mentions.find((x) => x.start <= t.start && x.end >= t.end);
  return m ? { source: { start: m.start, end: m.end }, name: m.text } : { source: null, name: null };
}

const CUE_KINDS_KEPT = new Set(['speech', 'belief', 'evidence']);

/**
 * Frames of one sentence: attributions from the quote layer whose content is a proposition, denial and allegation
 * objects trimmed to their content, and denials or "X claims that ..." the quote layer does not give.
 */
export function findFrames(ctx: FrameContext, quotes: QuoteAnnotation[]): Frame[] {
  const { toks, from, to } = ctx;
  const sent: Range = { start: toks[from].start, end: toks[to - 1].end };
  const frames: Frame[] = [];
  const usedCues = new Set<number>();
  const directAround: QuoteAnnotation[] = [];

  for (const q of quotes) {
    if (q.end <= sent.start || q.start >= sent.end) continue;
    const direct = q.direct !== false;
    if (direct) directAround.push(q);
    const a0 = tokenAt(toks, Math.max(q.start, sent.start));
    let b0 = a0;
    while (b0 < to && toks[b0].end <= Math.min(q.end, sent.end)) b0++;
    const [a, b] = trimEdges(toks, a0, b0);
    if (b <= a) continue;
    // The cue may sit in another sentence of a quote running over several sentences.
    // The cue in the quote's own sentence first ("According to his ministry, ..." must not take the next
    // sentence's "According to"); it may sit in another sentence of a quote running over several sentences.
    let cueTokens = locateCue(toks, q, from, to);
    if (!cueTokens.length) cueTokens = locateCue(toks, q, Math.max(0, tokenAt(toks, q.start - 300)), Math.min(toks.length, tokenAt(toks, q.end + 300)));
    const cueTok = cueTokens.length ? toks[cueTokens[0]] : undefined;
    const lemma = cueTok ? (cueTok.lower === 'according' ? 'according' : cueTok.lemma) : '';
    const base = {
      source: q.speakerRange ?? q.speakerMention ?? null,
      sourceName: q.speakerName,
      cue: cueTokens.length ? { start: toks[cueTokens[0]].start, end: toks[cueTokens[cueTokens.length - 1]].end } : null,
      cueTokens,
      carrySubject: [] as number[],
    };
    const k = cueTokens[0] ?? -1;
    const insideSentence = k >= from && k < to;

    if (direct) {
      // Only cues that report speech: "The NATO peacekeeping force known as KFOR" is no attribution.
      if (q.cue ? !(SPEECH_VERBS.has(lemma) || DENIAL_VERBS.has(lemma)) : !CUE_KINDS_KEPT.has(q.cueKind ?? '')) continue;
      // A quoted fragment inside reported speech: "Serbia said Wednesday that [the defence minister ... had gone to
      // visit a "deployment zone"]", "suggesting that [a "greater presence of NATO forces ... would improve ...]".
      if (insideSentence && k < a) {
        let that = -1;
        for (let j = k + 1; j < Math.min(a, k + 4); j++) if (toks[j].lower === 'that') that = j;
        const e = that >= 0 ? contentEnd(toks, that + 1, to, false) : -1;
        if (that >= 0 && e > that + 2 && propositional(toks, that + 1, e)) {
          frames.push({ ...base, content: trimEdges(toks, that + 1, Math.max(e, Math.min(b, to))), anchor: a, kind: DENIAL_VERBS.has(lemma) ? 'deny' : 'speech', alleged: false });
          usedCues.add(k);
          continue;
        }
      }
      // Quoted words that state nothing ("unprecedented", "deployment zone") or a quoted fragment: the clause
      // around them is what the source is reported to say.
      const whole = !q.partial && propositional(toks, a, b) && b - a >= 3;
      frames.push({ ...base, content: whole ? [a, b] : null, anchor: a, kind: DENIAL_VERBS.has(lemma) ? 'deny' : 'speech', alleged: false });
      if (insideSentence) usedCues.add(k);
      continue;
    }
    if (!insideSentence) continue;
    if (DENIAL_VERBS.has(lemma)) {
      const object = objectContent(toks, k, to);
      if (!object) continue;
      frames.push({ ...base, content: object.content, anchor: k, kind: 'deny', alleged: object.alleged });
      usedCues.add(k);
    } else if (ALLEGATION_VERBS.has(lemma)) {
      if (toks[k + 1]?.lower === 'to') {
        frames.push({ ...base, content: null, anchor: k, kind: 'allege', alleged: true });
      } else if (lemma === 'accuse' || lemma === 'blame' || lemma === 'charge') {
        const acc = accusationContent(toks, k, to);
        if (!acc) continue;
        frames.push({ ...base, content: acc.content, anchor: k, kind: 'allege', alleged: true, carrySubject: acc.accused });
      } else {
        const object = objectContent(toks, k, to);
        if (!object) continue;
        frames.push({ ...base, content: object.content, anchor: k, kind: 'allege', alleged: true });
      }
      usedCues.add(k);
    } else if (SPEECH_VERBS.has(lemma)) {
      if (lemma === 'according') {
        if (!propositional(toks, a, b)) continue;
        frames.push({ ...base, content: [a, b], anchor: k, kind: 'speech', alleged: false });
      } else {
        // Reported speech must be a clause: "declared independence" and "announced the withdrawal" are events.
        const all = identity(toks.length);
        const start = toks[a].lower === 'that' ? a + 1 : a;
        // After "that" the content is a clause whatever its shape; without it, it must look like one.
        const complementizer = toks[a].lower === 'that' || toks[a - 1]?.lower === 'that';
        if (complementizer ? !propositional(toks, start, b) : clauseVerbAt(toks, all, start, b) < 0) continue;
        frames.push({ ...base, content: trimEdges(toks, start, b), anchor: k, kind: 'speech', alleged: false });
      }
      usedCues.add(k);
    }
  }

  // Cues the quote layer leaves out: a denial inside a direct quote, "Kosovo claims that ...".
  for (let k = from; k < to; k++) {
    const t = toks[k];
    // wink tags "claims" in "Kosovo claims that" as a noun.
    const verbal = t.pos === 'VERB' || (t.pos === 'NOUN' && toks[k + 1]?.lower === 'that' && k > from && ['PROPN', 'PRON'].includes(toks[k - 1].pos));
    if (!verbal || usedCues.has(k)) continue;
    const deny = DENIAL_VERBS.has(t.lemma);
    const says = (SPEECH_VERBS.has(t.lemma) || ALLEGATION_VERBS.has(t.lemma) || ALLEGATION_VERBS.has(t.lower.replace(/s$/, ''))) && toks[k + 1]?.lower === 'that';
    const accuses = t.lemma === 'accuse' || t.lemma === 'blame';
    if (!deny && !says && !accuses) continue;
    const accusation = accuses ? accusationContent(toks, k, to) : null;
    const object = accuses ? (accusation ? { content: accusation.content, alleged: true } : null) : objectContent(toks, k, to);
    if (!object) continue;
    const inQuote = directAround.find((q) => q.start <= t.start && q.end >= t.end);
    // A participle cue ("..., accusing the international community of ...") has its subject in the main clause:
    // the quote layer's speaker for the same cue word names it.
    const sameCue = quotes.find((q) => q.cue?.toLowerCase() === t.lower && q.end > sent.start && q.start < sent.end);
    const found = sourceBefore(ctx, k, inQuote?.speakerName ?? null);
    const source = found.source ?? sameCue?.speakerRange ?? null;
    const name = found.source ? found.name : sameCue?.speakerName ?? null;
    const kind: FrameKind = deny ? 'deny' : accuses || !SPEECH_VERBS.has(t.lemma) ? 'allege' : 'speech';
    frames.push({
      content: object.content, anchor: k, kind, alleged: object.alleged || kind === 'allege', source, sourceName: name,
      cue: { start: t.start, end: t.end }, cueTokens: [k], carrySubject: accusation?.accused ?? [],
    });
  }
  return frames;
}
