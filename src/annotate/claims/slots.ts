// Slots of one claim: its predicate (main verb or event word, normalised through the synonym classes), and the
// mentions, places, quantities and times that sit inside it.
import type { Mention, QuantityAnnotation } from '../types.js';
import { classOf, CONTROL_VERBS, LIGHT_VERBS, phraseAt } from './predicates.js';
import { isFinite, isGerund, type Tok } from './tokens.js';
import { PREPOSITION_LIKE, SUBORDINATORS } from './cues.js';

/** A claim's predicate: the token positions (inside the piece) it covers and its lemma. */
export interface PredicateChoice {
  /** Position in the piece's token list of the first word. */
  at: number;
  length: number;
  lemma: string;
  /** What the choice rests on: a verb, an event word of a synonym class, or only the first noun (weakest). */
  basis: 'verb' | 'event' | 'noun';
}

/** Is the word at position j a class word or the start of a class phrase? Returns the class lemma and length. */
function classAt(toks: Tok[], idx: number[], lemmas: string[], j: number): { lemma: string; length: number } | undefined {
  const phrase = phraseAt(lemmas, j, idx.length);
  if (phrase) return phrase;
  const t = toks[idx[j]];
  const lemma = classOf(t.lemma, t.lower);
  return lemma ? { lemma, length: 1 } : undefined;
}

/**
 * The predicate of a piece: the first clause-heading verb that is not a cue ("said", "denied"); through a control
 * verb to its infinitive ("plans to [send]"); through a light verb to the event word of its complement ("leaving one
 * police officer [dead]", "there was no combat [readiness]"). Without a verb, the first event word ("a military
 * [buildup]"), else the first noun. Multiword class members count as one word ("[lost their lives]").
 */
export function choosePredicate(toks: Tok[], idx: number[], cueTokens: Set<number>, participle = false): PredicateChoice | null {
  const n = idx.length;
  const lemmas = idx.map((i) => toks[i].lemma);
  const usable = (j: number) => !cueTokens.has(idx[j]);
  const fromVerb = (v: number): PredicateChoice => {
    let j = v;
    // "plans to send", "was ready to boost", "has decided to increase", "claims to have decreased".
    for (let hops = 0; hops < 3; hops++) {
      let t = toks[idx[j]];
      // "We are ready to make", "KFOR was prepared to make": the adjective controls the infinitive.
      if (t.lemma === 'be' && j + 2 < n && CONTROL_VERBS.has(toks[idx[j + 1]].lemma) && toks[idx[j + 2]].lower === 'to') {
        j++;
        t = toks[idx[j]];
      }
      if (!CONTROL_VERBS.has(t.lemma)) break;
      let k = j + 1;
      if (toks[idx[k]]?.lower !== 'to') break;
      k++;
      while (k < n && (toks[idx[k]].pos === 'ADV' || toks[idx[k]].lemma === 'have' || toks[idx[k]].lemma === 'be')) k++;
      if (k >= n || toks[idx[k]].pos !== 'VERB') break;
      j = k;
    }
    const cls = classAt(toks, idx, lemmas, j);
    if (cls) return { at: j, length: cls.length, lemma: cls.lemma, basis: 'event' };
    const t = toks[idx[j]];
    // "a clash broke out", "deadly clashes erupted", "the shooting occurred": the event is the subject noun.
    if (HAPPEN_VERBS.has(t.lemma)) {
      for (let k = j - 1; k >= Math.max(0, j - 8); k--) {
        if (toks[idx[k]].text === ',' || toks[idx[k]].pos === 'VERB') break;
        const c = classAt(toks, idx, lemmas, k);
        if (c && usable(k)) return { at: k, length: c.length, lemma: c.lemma, basis: 'event' };
      }
    }
    if (LIGHT_VERBS.has(t.lemma)) {
      for (let k = j + 1; k < Math.min(n, j + 10); k++) {
        const tk = toks[idx[k]];
        if (tk.pos === 'VERB' && !isGerund(tk) && k > j + 1) break;
        const c = classAt(toks, idx, lemmas, k);
        if (c && usable(k)) return { at: k, length: c.length, lemma: c.lemma, basis: 'event' };
      }
    }
    return { at: j, length: 1, lemma: t.lemma, basis: 'verb' };
  };
  // Heads inside a subordinate clause the split left in place ("This clash, one of the worst since Kosovo
  // declared independence, prompted NATO ...") yield to a head outside it.
  let fallback = -1;
  let subordinate = false;
  for (let j = 0; j < n; j++) {
    const t = toks[idx[j]];
    if (SUBORDINATORS.has(t.lower) && t.pos === 'SCONJ') subordinate = true;
    if (t.text === ',' || t.text === ';') subordinate = false;
    // An apposition between commas: "Milan Radoicic, [a politician affiliated with ...], has confessed".
    if (t.text === ',' && j + 1 < n && toks[idx[j + 1]].pos === 'DET') subordinate = true;
    // A participle clause is headed by its first word: "leaving one police officer dead and another injured".
    const head = (participle && j === 0 && isGerund(t) && t.pos === 'VERB') || isFinite(toks, idx, j) && (t.pos === 'VERB' || isCopula(toks, idx, j));
    if (!head) continue;
    // The clause's verb is the cue ("US officials have described it as an unprecedented deployment"): look for
    // an event word instead.
    if (!usable(j)) break;
    // "The area has been the scene": the last auxiliary of the group is the verb.
    let h = j;
    while (t.pos === 'AUX' && h + 1 < n && toks[idx[h + 1]].pos === 'AUX') h++;
    if (!subordinate) return fromVerb(h);
    if (fallback < 0) fallback = h;
  }
  if (fallback >= 0) return fromVerb(fallback);
  // The tagger reads some verbs after a modal as adjectives or nouns ("the company would close the plant"):
  // the word after a modal is the clause's verb.
  for (let j = 0; j + 1 < n; j++) {
    if (!MODALS.has(toks[idx[j]].lower)) continue;
    // "would not close": the negation sits between the modal and its verb.
    const k = toks[idx[j + 1]].lower === 'not' || toks[idx[j + 1]].lower === "n't" ? j + 2 : j + 1;
    const next = toks[idx[k]];
    if (!next || !usable(k) || !/^(ADJ|NOUN|VERB|ADV)$/.test(next.pos)) continue;
    const cls = classAt(toks, idx, lemmas, k);
    return cls ? { at: k, length: cls.length, lemma: cls.lemma, basis: 'event' } : { at: k, length: 1, lemma: next.lower, basis: 'verb' };
  }
  // No clause verb: a participle ("leaving ... dead", "Serbia massing troops"), an event word, a noun.
  for (let j = 0; j < n; j++) {
    if (!usable(j)) continue;
    const cls = classAt(toks, idx, lemmas, j);
    if (cls) return { at: j, length: cls.length, lemma: cls.lemma, basis: 'event' };
    if (toks[idx[j]].pos === 'VERB' && !PREPOSITION_LIKE.has(toks[idx[j]].lower)) return fromVerb(j);
  }
  for (let j = 0; j < n; j++) if (usable(j) && toks[idx[j]].pos === 'NOUN') return { at: j, length: 1, lemma: toks[idx[j]].lemma, basis: 'noun' };
  return null;
}

// Verbs that say an event happened without naming it ("a clash broke out", "clashes erupted in the north").
const HAPPEN_VERBS = new Set(['erupt', 'occur', 'happen', 'break', 'flare', 'unfold', 'ensue', 'take']);

const MODALS = new Set(['would', 'will', 'could', 'can', 'should', 'may', 'might', 'must', 'shall']);

/** An auxiliary with no verb after it is the clause's verb: "The area has been the scene of unrest", "it is not accurate". */
function isCopula(toks: Tok[], idx: number[], j: number): boolean {
  const t = toks[idx[j]];
  if (t.pos !== 'AUX' || (t.lemma !== 'be' && t.lemma !== 'have' && t.lemma !== 'do')) return false;
  let k = j + 1;
  while (k < idx.length && (toks[idx[k]].pos === 'AUX' || toks[idx[k]].pos === 'ADV' || toks[idx[k]].pos === 'PART')) k++;
  return k >= idx.length || toks[idx[k]].pos !== 'VERB';
}

/** Prepositions that make a place mention the claim's location ("in northern Kosovo", "along the border with Kosovo"). */
const LOCATIVE = new Set(['in', 'at', 'near', 'along', 'across', 'throughout', 'inside', 'into', 'within', 'around', 'outside', 'toward', 'towards', 'to', 'on']);
const LOCATIVE_NOUNS = new Set(['border', 'frontier', 'boundary']);

/** True when the place mention starting at token i stands after a locative preposition: "in the village of Banjska". */
export function isLocative(toks: Tok[], i: number, floor: number): boolean {
  for (let j = i - 1; j >= Math.max(floor, i - 6); j--) {
    const t = toks[j];
    if (LOCATIVE.has(t.lower)) return true;
    if (t.lower === 'with' && j > 0 && LOCATIVE_NOUNS.has(toks[j - 1].lower)) return true;
    if (!(t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.lower === 'of')) return false;
  }
  return false;
}

// Each claim used to test every annotation of the article (is its first token one of mine?), so the cost grew with
// claims x annotations: an 80 KB article of "4,500 troops on May 5, 2023 ..." has thousands of each. The claim's
// own tokens are few, so the annotations are found from them instead, through one token -> annotations index per
// article, built on first use and kept as long as the article's first-token array lives.
const BY_TOKEN = new WeakMap<number[], Map<number, number[]>>();

/** Annotation indexes by first token, for the given first-token array (one entry per annotation). */
function byFirstToken(firstToken: number[]): Map<number, number[]> {
  let index = BY_TOKEN.get(firstToken);
  if (!index) {
    index = new Map();
    firstToken.forEach((token, i) => {
      const list = index!.get(token);
      if (list) list.push(i);
      else index!.set(token, [i]);
    });
    BY_TOKEN.set(firstToken, index);
  }
  return index;
}

/** Indexes (ascending) of annotations whose first token is in one of the token sets (a claim's: small). */
function startingAt(firstToken: number[], ...tokenSets: Set<number>[]): number[] {
  const index = byFirstToken(firstToken);
  const out = new Set<number>();
  for (const tokens of tokenSets) for (const t of tokens) for (const i of index.get(t) ?? []) out.add(i);
  return [...out].sort((a, b) => a - b);
}

/** Mentions split into participants and places; the source's own mention is left out. */
export function entitySlots(toks: Tok[], mentions: Mention[], mentionTok: number[], members: Set<number>, carried: Set<number>, source: { start: number; end: number } | null, floor: number): { participants: number[]; places: number[] } {
  const participants: number[] = [];
  const places: number[] = [];
  for (const i of startingAt(mentionTok, members, carried)) {
    const m = mentions[i];
    const own = members.has(mentionTok[i]);
    if (source && m.start < source.end && m.end > source.start) continue;
    if (own && m.type === 'place' && isLocative(toks, mentionTok[i], floor)) places.push(i);
    else participants.push(i);
  }
  return { participants, places };
}

/** Quantities of the claim, leaving out numbers that say nothing to compare ("one of the", "the two countries"). */
export function quantitySlots(quantities: QuantityAnnotation[], quantityTok: number[], members: Set<number>): number[] {
  return startingAt(quantityTok, members).filter((i) => quantities[i].informative !== false);
}

/** Times of the claim: its own, and those carried from the clause it hangs on ("since April, when ..."). */
export function timeSlots(timeTok: number[], members: Set<number>, carried: Set<number>): number[] {
  return startingAt(timeTok, members, carried);
}
