// The story a number carries: what happened to what it counts (event), who fields it (owner), and whether it is
// worth comparing across outlets at all (informative). Rules over one sentence's tagged tokens, each looking a
// bounded number of tokens around the number, so the cost stays linear in the text.
import type { QuantityAnnotation, Range } from '../types.js';
import type { TaggedToken } from '../nlp.js';
import { eventAt, eventEndingAt, type EventMatch } from './events.js';
import { COUNT_HEADS, FIELDED_KINDS, MEASURE_UNITS, kindOfWords, singular } from './kinds.js';
import { CLAUSE_WORDS, DEFINITE_BEFORE, EVENT_NOUN_COUNTS, FIELDING_EVENTS, HOLDING_VERBS, NAME_NUMBER_BEFORE, RELATIVE_WORDS } from './patterns.js';

/** A quantity being built, with its place in the sentence's tokens. */
export interface Found {
  q: QuantityAnnotation;
  /** First token of the number (or of its currency mark, or of the article "a"). */
  first: number;
  /** Token after the number. */
  next: number;
  /** Tokens of the counted noun phrase [npStart, npEnd); npStart === npEnd when there is none. */
  npStart: number;
  npEnd: number;
  /** True for a count read from "a"/"an"/"another" (kept only when it shares an event with a written number). */
  implicit?: boolean;
  /** True when `what` was borrowed (from a partner number or a count noun such as "the troop count"). */
  borrowed?: boolean;
  /** True for "and five wounded": the counted thing is the earlier number's, the word after is the event. */
  elliptic?: boolean;
  currency?: string | null;
  percent?: boolean;
  /** Set while working. */
  event?: EventMatch | null;
  adjacent?: boolean;
}

const MEASURE_KINDS = new Set(Object.values(MEASURE_UNITS));
/** Events that befall people whatever their role ("Eight others died"). */
const CASUALTY_EVENTS = new Set(['kill', 'injure', 'arrest', 'displace', 'abduct']);

/** Longest stretch, in tokens, looked at before and after a number for its event or owner. */
export const WINDOW = 8;

/** Largest definite number read as a known set ("the two countries") rather than a count. */
export const SMALL_SET = 20;

/** Sentences looked back through for the owner of a definite count ("the troop count"). */
export const CONTEXT_SENTENCES = 3;

const lower = (t: TaggedToken | undefined) => t?.text.toLowerCase() ?? '';
const isCap = (t: TaggedToken | undefined) => !!t && /^[A-Z]/.test(t.text);
const QUAL_WORDS = new Set(['approximately', 'about', 'around', 'roughly', 'nearly', 'almost', 'some', 'over', 'more', 'than', 'at', 'least', 'up', 'as', 'many', 'fewer', 'less', 'under', 'close', 'estimated', 'just', 'upwards', 'most', 'only', 'another', 'further', 'additional']);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'all', 'these', 'those', 'both', 'our', 'my', 'your']);
const PRONOUN_SUBJECTS = new Set(['it', 'they', 'he', 'she']);

/** True when the token ends a clause: punctuation (a dash only when spaced), subordinators and relative words. */
function isBreak(text: string, tokens: TaggedToken[], j: number): boolean {
  const t = tokens[j];
  if (!t) return true;
  if (t.pos === 'PUNCT') {
    if (t.text === '-') return /\s/.test(text[t.start - 1] ?? ' ') || /\s/.test(text[t.end] ?? ' ');
    return true;
  }
  return t.pos === 'SCONJ' || CLAUSE_WORDS.has(lower(t));
}

/** Index before the number after stepping back over hedges ("approximately") and determiners ("the"). */
function backOverModifiers(tokens: TaggedToken[], first: number): { at: number; determiner: string | null } {
  let j = first - 1;
  let determiner: string | null = null;
  for (let steps = 0; j >= 0 && steps < 4; steps++) {
    const w = lower(tokens[j]);
    if (QUAL_WORDS.has(w) && w !== 'to') j--;
    else if (DETERMINERS.has(w)) {
      determiner ??= w;
      j--;
    } else break;
  }
  return { at: j, determiner };
}

/** What sits before a number: an event ("send 600", "the death of a"), the noun a preposition ties it to, a possessive. */
interface Before {
  event: EventMatch | null;
  /** The number is the object of a preposition hanging on a noun that is no event ("tensions between the two countries"). */
  modifies: boolean;
  /** The event is a verb whose object is the number ("send 600 more soldiers"), not a preposition's object. */
  direct: boolean;
  /** Token index of a holding verb ("consists of 4,500 troops", "has 4,500 troops"), or -1. */
  holding: number;
  determiner: string | null;
  /** Index of the token right before the (possessive) number, after modifiers. */
  at: number;
}

function lookBefore(tokens: TaggedToken[], f: Found): Before {
  const { at, determiner } = backOverModifiers(tokens, f.first);
  let j = at;
  let prep = false;
  if (tokens[j]?.pos === 'ADP' || lower(tokens[j]) === 'to') {
    prep = true;
    j--;
    // "the death of", "an attack on"
    while (j >= 0 && DETERMINERS.has(lower(tokens[j]))) j--;
  }
  const event = j >= 0 ? eventEndingAt(tokens, j) : null;
  const t = tokens[j];
  const holding = t && (t.pos === 'VERB' || t.pos === 'AUX') && HOLDING_VERBS.has(lower(t)) ? j : -1;
  const modifies = prep && !event && !!t && (t.pos === 'NOUN' || t.pos === 'PROPN');
  return { event, modifies, direct: !prep && !!event && t?.pos === 'VERB', holding, determiner, at };
}

/** The event written right after the counted phrase ("three Serb gunmen were killed", "one police officer dead"). */
function lookAfter(tokens: TaggedToken[], f: Found): EventMatch | null {
  let j = f.npEnd;
  for (let steps = 0; tokens[j] && steps < 5; steps++) {
    const t = tokens[j];
    if (t.pos === 'AUX' || t.pos === 'ADV' || (t.pos === 'PART' && lower(t) !== 'to') || RELATIVE_WORDS.has(lower(t))) j++;
    else break;
  }
  const t = tokens[j];
  if (!t || !(f.elliptic || /^(?:VERB|ADJ|AUX)$/.test(t.pos))) return null;
  return eventAt(tokens, j);
}

/** The nearest event word in the clause, forward first: the fallback when nothing is written next to the number. */
function lookAround(text: string, tokens: TaggedToken[], f: Found): EventMatch | null {
  let forward = true;
  let backward = true;
  for (let d = 0; d < WINDOW && (forward || backward); d++) {
    // Each side stops at a clause break or at the first verb that reports no event (the clause's own predicate:
    // "sent the stock market plunging 14.9 percent"); the backward side also stops at a noun, which would be the
    // object of any verb before it ("threats to arrest opposition politicians following two attempts").
    const a = f.npEnd + d;
    if (forward && (a >= tokens.length || isBreak(text, tokens, a))) forward = false;
    if (forward && (tokens[a].pos === 'VERB' || tokens[a].pos === 'ADJ')) {
      const m = eventAt(tokens, a);
      if (m) return m;
      if (tokens[a].pos === 'VERB') forward = false;
    }
    const b = f.first - 1 - d;
    if (backward && (b < 0 || isBreak(text, tokens, b) || tokens[b].pos === 'NOUN' || tokens[b].pos === 'PROPN')) backward = false;
    if (backward && tokens[b].pos === 'VERB') {
      const m = eventEndingAt(tokens, b);
      if (m) return m;
      backward = false;
    }
  }
  return null;
}

function forwardClear(text: string, tokens: TaggedToken[], from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (isBreak(text, tokens, j)) return false;
  return true;
}

/** A run of name tokens ending at token j, going back ("Serbian army", "KFOR"), as a range; null when none. */
function nameBefore(tokens: TaggedToken[], j: number): Range | null {
  let s = j;
  const nameWord = (t: TaggedToken | undefined) => !!t && (t.pos === 'PROPN' || t.pos === 'NOUN' || (t.pos === 'ADJ' && isCap(t)));
  for (;;) {
    while (s >= 0 && j - s < 7 && nameWord(tokens[s])) s--;
    // "U.S. Agency for International Development": "of"/"for" between capitalised words belongs to the name
    if (s > 0 && /^(?:of|for)$/.test(lower(tokens[s])) && isCap(tokens[s + 1]) && isCap(tokens[s - 1]) && j - s < 7) s--;
    else break;
  }
  s++;
  // drop lowercase words before the first capitalised one ("existing KFOR force" -> "KFOR force")
  while (s <= j && !isCap(tokens[s])) s++;
  if (s > j) {
    // no name at all: the common noun phrase ("the alliance")
    if (tokens[j] && tokens[j].pos === 'NOUN') return { start: tokens[j].start, end: tokens[j].end };
    return null;
  }
  // "the existing KFOR peacekeeping force" -> "KFOR": a name before common nouns is the owner itself, unless it is
  // a nationality adjective ("Serbian army" stays whole).
  let e = s;
  while (e < j && isCap(tokens[e + 1])) e++;
  const commonAfter = tokens.slice(e + 1, j + 1).every((t) => !isCap(t) && t.pos === 'NOUN');
  if (e < j && commonAfter && !DEMONYM.test(tokens[e].text)) return { start: tokens[s].start, end: tokens[e].end };
  return { start: tokens[s].start, end: tokens[j].end };
}

/** Nationality adjectives: "Serbian", "Turkish", "Kosovar", "Albanian", "Chinese", "Israeli". */
const DEMONYM = /(?:an|ish|ese|ar|i|ic)$/;

/** The subject written before token v (a verb), stepping over auxiliaries and catenatives ("it plans to send"). */
function subjectBefore(tokens: TaggedToken[], v: number, skipped: Range[]): Range | null {
  let j = v - 1;
  for (let steps = 0; j >= 0 && steps < 6; steps++) {
    const t = tokens[j];
    if (t.pos === 'AUX' || t.pos === 'ADV' || t.pos === 'PART' || t.pos === 'VERB') j--;
    else break;
  }
  const t = tokens[j];
  if (!t) return null;
  if (PRONOUN_SUBJECTS.has(lower(t))) return firstName(tokens, j, skipped);
  if (RELATIVE_WORDS.has(lower(t))) {
    // "the existing KFOR peacekeeping force, which currently consists of ..."
    let a = j - 1;
    if (tokens[a]?.text === ',') a--;
    return a >= 0 ? nameBefore(tokens, a) : null;
  }
  if (t.pos === 'PROPN' || t.pos === 'NOUN') return nameBefore(tokens, j);
  return null;
}

/** The sentence's first name before token j that is not a date ("NATO declared on Sunday that it ..." -> NATO). */
function firstName(tokens: TaggedToken[], j: number, skipped: Range[]): Range | null {
  for (let s = 0; s < j; s++) {
    if (tokens[s].pos !== 'PROPN' || skipped.some((r) => r.start < tokens[s].end && tokens[s].start < r.end)) continue;
    let e = s;
    while (e + 1 < j && tokens[e + 1].pos === 'PROPN') e++;
    return { start: tokens[s].start, end: tokens[e].end };
  }
  return null;
}

/** Name modifiers inside the counted phrase of a fielded kind ("4,500 KFOR troops", "one Kosovo police officer"). */
function nameInside(tokens: TaggedToken[], f: Found): Range | null {
  for (let s = f.npStart; s < f.npEnd - 1; s++) {
    if (tokens[s].pos !== 'PROPN' && !(tokens[s].pos === 'ADJ' && isCap(tokens[s]))) continue;
    let e = s;
    while (e + 1 < f.npEnd - 1 && tokens[e + 1].pos === 'PROPN') e++;
    // "300 Hercules C-137 planes": a model name, not an owner
    if (tokens.slice(s, e + 1).some((t) => /\d/.test(t.text))) return null;
    return { start: tokens[s].start, end: tokens[e].end };
  }
  return null;
}

/** The kind of a found quantity (see QuantityAnnotation.kind). */
function kindOf(tokens: TaggedToken[], f: Found): string | undefined {
  if (f.percent) return 'percent';
  if (f.currency) return f.currency;
  if (!f.borrowed && f.npEnd > f.npStart) {
    const words = tokens.slice(f.npStart, f.npEnd).filter((t) => t.text !== '-').map((t) => t.text);
    return kindOfWords(words, tokens[f.npEnd - 1].pos === 'PROPN') ?? undefined;
  }
  return f.q.what ? kindOfWords(f.q.what.split(/\s+/)) ?? undefined : undefined;
}

/**
 * Fills kind, event, owner and informative on one sentence's quantities (in text order), and drops implicit
 * counts ("a policeman") that turn out to share no event with a written number. `skipped` are ranges whose
 * names are no owners (time expressions: "on Sunday"); `previous` are the tokens of up to CONTEXT_SENTENCES
 * sentences before this one, where a definite count ("the troop count") finds its owner.
 */
export function tellStory(text: string, tokens: TaggedToken[], found: Found[], skipped: Range[], previous: TaggedToken[][] = []): Found[] {
  // Groups: numbers coordinated ("a police officer and three Serb gunmen") or in a range ("from 8,350 to 4,500")
  // share their predicate.
  const group = found.map((_, i) => i);
  for (let i = 1; i < found.length; i++) {
    const a = found[i - 1];
    const b = found[i];
    const between = tokens.slice(Math.max(a.npEnd, a.next), b.first).map((t) => lower(t)).join(' ');
    if (/^(?:,? ?(?:and|or)|,|to|-|–)$/.test(between) || (between === 'to' && /^from$/.test(lower(tokens[a.first - 1])))) group[i] = group[i - 1];
  }
  const befores = found.map((f) => lookBefore(tokens, f));
  found.forEach((f, i) => {
    const before = befores[i];
    const after = before.modifies ? null : lookAfter(tokens, f);
    f.event = after ?? before.event;
    f.adjacent = !!f.event;
  });
  // group -> its first member with an event written next to it; a written (not implicit) member count
  const sharedEvent = new Map<number, EventMatch>();
  const writtenIn = new Map<number, number>();
  found.forEach((f, i) => {
    if (f.adjacent && f.event && !sharedEvent.has(group[i])) sharedEvent.set(group[i], f.event);
    if (!f.implicit) writtenIn.set(group[i], (writtenIn.get(group[i]) ?? 0) + 1);
  });
  for (let i = 0; i < found.length; i++) {
    if (found[i].event) continue;
    const shared = sharedEvent.get(group[i]) ?? null;
    if (shared) found[i].event = shared;
    else if (!befores[i].modifies && !found[i].implicit && forwardClear(text, tokens, found[i].next, found[i].npEnd)) found[i].event = lookAround(text, tokens, found[i]);
  }
  // "leaving one police officer dead and another injured": "another" counts one more of the same kind.
  const extra: Found[] = [];
  for (const f of found) {
    const m = f.event;
    if (!m || m.start < f.npEnd || f.implicit) continue;
    if (lower(tokens[m.next]) === 'and' && lower(tokens[m.next + 1]) === 'another') {
      const next = eventAt(tokens, m.next + 2);
      if (next) {
        const t = tokens[m.next + 1];
        extra.push({ q: { start: t.start, end: t.end, value: 1, what: f.q.what }, first: m.next + 1, next: m.next + 2, npStart: f.npStart, npEnd: f.npEnd, implicit: true, event: next, adjacent: true, borrowed: false });
        befores.push({ event: null, modifies: false, direct: false, holding: -1, determiner: null, at: m.next });
      }
    }
  }
  for (const f of found) {
    const head = tokens[f.npEnd - 1];
    if (f.borrowed || f.npEnd <= f.npStart || !head) continue;
    // "Nine other deaths": people, with the event the noun names.
    const counted = EVENT_NOUN_COUNTS[singular(head.text)];
    if (counted) f.event = { event: counted, start: f.npEnd - 1, next: f.npEnd };
  }
  const all = [...found, ...extra];
  const kept: Found[] = [];
  all.forEach((f, i) => {
    // An implicit "a policeman" counts only beside a written number that shares its event.
    if (f.implicit && i < found.length && (!writtenIn.get(group[i]) || !f.event)) return;
    const before = befores[i];
    let kind = kindOf(tokens, f);
    const measure = kind !== undefined && MEASURE_KINDS.has(kind);
    const head = f.npEnd > f.npStart && !f.borrowed ? singular(tokens[f.npEnd - 1].text) : '';
    if (EVENT_NOUN_COUNTS[head]) kind = 'person';
    // "Eight others died": people of a kind named earlier; a count of others in no event says nothing.
    if (head === 'other') kind = f.event && CASUALTY_EVENTS.has(f.event.event) ? 'person' : undefined;
    if (kind) f.q.kind = kind;
    // Units measure, they undergo nothing ("hospitalized for perhaps two more weeks").
    if (f.event && !measure) f.q.event = f.event.event;
    const owner = measure ? null : ownerOf(tokens, f, before, kind, skipped, previous);
    if (owner) f.q.owner = owner;
    const informative = isInformative(tokens, f, before);
    if (informative !== true) f.q.informative = false;
    // A number inside a name ("Article 5 of the NATO treaty") counts nothing.
    if (informative === 'name') delete f.q.kind;
    kept.push(f);
  });
  // "Serbia has 28,000 soldiers and 200 tanks": coordinated fielded things share an owner written once.
  for (let i = 1; i < found.length; i++) {
    const a = found[i - 1].q;
    const b = found[i].q;
    if (group[i] !== group[i - 1] || !a.kind || !b.kind || !FIELDED_KINDS.has(a.kind) || !FIELDED_KINDS.has(b.kind)) continue;
    if (a.owner && !b.owner) b.owner = a.owner;
    else if (b.owner && !a.owner) a.owner = b.owner;
  }
  return kept.sort((a, b) => a.q.start - b.q.start);
}

/** Words for a part or count of a thing: "the number of troops", "a portion of its forces". */
const PART_OF = new Set([...COUNT_HEADS, 'portion', 'part', 'share', 'bulk', 'half', 'most', 'some', 'rest', 'majority']);

/**
 * The owner of a noun that names a fielded thing without a number: "Serbian forces", "its forces" (the
 * sentence's first name), "Serbia's troops", "Serbia claims to have decreased the number of troops" (the
 * fielding verb's subject). Null when none is written.
 */
function ownerOfNoun(tokens: TaggedToken[], j: number, skipped: Range[]): Range | null {
  let b = j - 1;
  for (; b >= 0 && j - b <= 3 && /^(?:ADJ|NOUN|PROPN)$/.test(tokens[b].pos); b--) {
    if (tokens[b].pos === 'PROPN' || (tokens[b].pos === 'ADJ' && isCap(tokens[b]))) return { start: tokens[b].start, end: tokens[b].end };
  }
  for (let steps = 0; b >= 0 && steps < 6; steps++) {
    const w = lower(tokens[b]);
    if (w === 'its' || w === 'their') return firstName(tokens, b, skipped);
    if (/^['’]s?$/.test(tokens[b].text)) return b > 0 ? nameBefore(tokens, b - 1) : null;
    if (DETERMINERS.has(w)) b--;
    else if (w === 'of' && PART_OF.has(lower(tokens[b - 1]))) b -= 2;
    else if (tokens[b].pos === 'VERB') {
      const m = eventEndingAt(tokens, b);
      return m && FIELDING_EVENTS.has(m.event) ? subjectBefore(tokens, m.start, skipped) : null;
    } else return null;
  }
  return null;
}

/**
 * The owner of a definite count with none written beside it ("He stated that the troop count had been decreased
 * ..."): the owner of the nearest earlier noun of the same kind, in this sentence before the number or in the
 * previous sentences (nearest first, at most those given).
 */
function ownerFromContext(tokens: TaggedToken[], f: Found, kind: string, previous: TaggedToken[][], skipped: Range[]): Range | null {
  const scan = (toks: TaggedToken[], end: number): Range | null => {
    for (let j = Math.min(end, toks.length) - 1; j >= 0; j--) {
      if (toks[j].pos !== 'NOUN' || kindOfWords([toks[j].text]) !== kind) continue;
      const owner = ownerOfNoun(toks, j, skipped);
      if (owner) return owner;
    }
    return null;
  };
  const here = scan(tokens, f.first);
  if (here) return here;
  for (let p = previous.length - 1; p >= 0; p--) {
    const owner = scan(previous[p], previous[p].length);
    if (owner) return owner;
  }
  return null;
}

function ownerOf(tokens: TaggedToken[], f: Found, before: Before, kind: string | undefined, skipped: Range[], previous: TaggedToken[][]): Range | null {
  // Only fielded things have an owner: "three Serb gunmen" are not Serbia's, "4,500 KFOR troops" are KFOR's.
  if (!kind || !FIELDED_KINDS.has(kind)) return null;
  // "KFOR's 4,500 troops", "the Serbian army's 4,500"
  const p = tokens[before.at];
  if (p && /^['’]s?$/.test(p.text) && before.at > 0) {
    const name = nameBefore(tokens, before.at - 1);
    if (name) return name;
  }
  if (before.determiner === 'its' || before.determiner === 'their') {
    const name = firstName(tokens, before.at + 1, skipped);
    if (name) return name;
  }
  const inside = nameInside(tokens, f);
  if (inside) return inside;
  // "NATO ... plans to send 600 more soldiers": the subject of a fielding verb owns its object.
  if (before.direct && before.event && FIELDING_EVENTS.has(before.event.event)) {
    const s = subjectBefore(tokens, before.event.start, skipped);
    if (s) return s;
  }
  if (before.holding >= 0) return subjectBefore(tokens, before.holding, skipped);
  if (f.borrowed || before.determiner === 'the') return ownerFromContext(tokens, f, kind, previous, skipped);
  return null;
}

/** True, false, or 'name' for a number that is part of a name. */
function isInformative(tokens: TaggedToken[], f: Found, before: Before): boolean | 'name' {
  if (f.implicit) return true;
  const t = tokens[f.first];
  const prev = tokens[f.first - 1];
  // "Article 5", "Resolution 1244", "Group of Seven": numbers that are part of a name.
  const measure = !!f.q.kind && MEASURE_KINDS.has(f.q.kind);
  // ("arriving in Hobart 2 days ..." is a measure after a name, not a name)
  if (prev && f.first > 0 && (prev.pos === 'PROPN' || (prev.pos === 'NOUN' && isCap(prev))) && !f.currency && !measure) return 'name';
  if (f.first > 0 && /^[A-Z][a-z]+$/.test(t.text) && !/["“'‘(:]/.test(prev?.text ?? '')) return 'name';
  if (prev && NAME_NUMBER_BEFORE.has(lower(prev))) return 'name';
  // "the two countries", "the 15 EU countries": a small set already known to the reader, not a reported count.
  // Larger definite numbers still report something ("most of the 75,000 residents"), and so does the total in
  // "won 64 of the 122 seats".
  const total = lower(tokens[before.at]) === 'of' && tokens[before.at - 1]?.pos === 'NUM';
  if (before.determiner && DEFINITE_BEFORE.has(before.determiner) && !f.event && before.at === f.first - 2 && f.q.value <= SMALL_SET && !total) return false;
  return true;
}
