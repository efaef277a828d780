// How two claims of different articles relate: the same thing said alike (corroboration), the same thing
// said with a different number, date, place or polarity (a conflict), or unrelated. Agreement is checked
// before anything counts as corroboration: a pair that disagrees on a slot is never an agreeing pair.
import { isLightPredicate, type ClaimItem, type QuantitySlot } from './claims.js';
import { loadVectors } from '../text/vectors.js';
import { contentTerms } from './similarity.js';
import { stemmer } from 'stemmer';

export type ConflictKind = 'number' | 'date' | 'place' | 'denial';

/** The slot evidence two claims share; the dossier shows it as the reason they were matched. */
export interface PairEvidence {
  /** Probability, 0..1, that the two claims say the same thing (the pair scorer), before slot checks. */
  similarity: number;
  sharedEntities: string[];
  /** "value kind" of quantities both give alike, e.g. "3 attacker". */
  sharedNumbers: string[];
  sharedDates: string[];
  sharedPredicates: string[];
}

export interface Conflict {
  kind: ConflictKind;
  /** For number conflicts: the quantities that disagree, one per side. */
  quantities?: [QuantitySlot, QuantitySlot];
  /** For date conflicts: the values that disagree, one per side. */
  dates?: [string, string];
  /** For place conflicts: the place entity ids that disagree, one per side. */
  places?: [string, string];
  /**
   * For denials found by the stance model between two affirmed claims ("Reports that X are a hoax"):
   * which claim of the pair is the denying one.
   */
  denier?: 'a' | 'b';
}

/**
 * Whether `statement`'s sentence denies or debunks `claim` (a stance classifier, injected by the caller so
 * that align does not depend on a later stage).
 */
export type DenialDetector = (claim: ClaimItem, statement: ClaimItem) => boolean;

export interface Relation {
  a: number;
  b: number;
  evidence: PairEvidence;
  /** Set when the claims are about the same thing and disagree; such a pair never corroborates. */
  conflict: Conflict | null;
  /** True when the claims say the same thing and agree on every slot both fill. */
  agrees: boolean;
  /**
   * True when the claims have different agents ("Kosovo called on Serbia to withdraw" / "the US called on
   * Serbia to withdraw"): never one fact, even through a third claim, though not a dispute either.
   */
  distinct?: boolean;
}

export interface RelationOptions {
  /** Pair-scorer probability at or above which two agreeing claims corroborate each other. */
  sameThreshold?: number;
  /**
   * Pair-scorer probability at or above which two claims are about the same thing even though a number,
   * date or polarity differs (the scorer was trained on same-meaning pairs, which a differing number breaks,
   * so this is lower than sameThreshold and backed by shared slots).
   */
  aboutThreshold?: number;

  /**
   * Pair-scorer probability at or above which a denial or negation answers an affirmed claim. A denial
   * rewords what it denies ("refutes false claims regarding the highest level of combat readiness" vs
   * "raised the combat readiness"), so this sits between aboutThreshold and sameThreshold; the predicate
   * must also match when both claims have one.
   */
  denialThreshold?: number;
  /** Pair-scorer probability needed for agreement when the two claims' predicates differ. */
  differentPredicateThreshold?: number;
}

export const RELATION_DEFAULTS: Required<RelationOptions> = { sameThreshold: 0.5, aboutThreshold: 0.2, denialThreshold: 0.25, differentPredicateThreshold: 0.8 };

/** Probability, 0..1, that two claims say the same thing; the pair scorer behind alignment. */
export type MeaningScorer = (a: ClaimItem, b: ClaimItem) => number;

/**
 * Relates two claims. Slots decide first: the same kind of thing counted with the same event and owner
 * but a different value is a number conflict; the same predicate placed on different calendar dates of
 * the same precision is a date conflict; one side affirming what the other denies or negates is a denial
 * conflict. Only pairs with no conflict and a high enough score agree.
 */
/**
 * What relate() needs to know about the story beyond the two claims: whether two places are named together
 * anywhere in it ("the village of Banjska in northern Kosovo"), which makes them nested, not rival, places.
 */
export interface StoryContext {
  placesTogether(a: string, b: string): boolean;
}

export function relate(a: ClaimItem, b: ClaimItem, ia: number, ib: number, score: MeaningScorer, options: RelationOptions = {}, denies?: DenialDetector, story?: StoryContext): Relation {
  const settings = { ...RELATION_DEFAULTS, ...options };
  const similarity = score(a, b);
  // Below the lowest bar any rule uses, the pair neither agrees nor conflicts: skip the slot comparisons.
  if (similarity < settings.aboutThreshold / 2) {
    return { a: ia, b: ib, evidence: { similarity, sharedEntities: [], sharedNumbers: [], sharedDates: [], sharedPredicates: [] }, conflict: null, agrees: false };
  }
  const evidence = sharedSlots(a, b, similarity);
  // A claim that names no one ("160 residents had been evacuated in all") may still be about the same thing.
  const participantsFit = evidence.sharedEntities.length > 0 || a.entities.size === 0 || b.entities.size === 0;
  const slotsShared = participantsFit && (evidence.sharedPredicates.length > 0 || sharedKinds(a, b) > 0);
  const about = similarity >= settings.aboutThreshold && (slotsShared || similarity >= settings.sameThreshold);
  let conflict: Conflict | null = null;
  // A date or place that differs is a dispute only about one instance of the event; without what identifies
  // the instance the two claims may be two happenings of one kind, and are then neither a dispute nor one fact.
  let otherInstance = false;
  const instanceConflict = (found: Conflict | null): Conflict | null => {
    if (!found || sameInstance(a, b, evidence)) return found;
    otherInstance = true;
    return null;
  };
  if (about) conflict = numberConflict(a, b) ?? instanceConflict(dateConflict(a, b) ?? (story ? placeConflict(a, b, story) : null));
  // One event told at different lengths scores low as a paraphrase; the same predicate, a shared participant,
  // most of the shorter claim's words and what identifies the instance (see sameInstance) make it the same happening.
  if (!conflict && !otherInstance && !about && evidence.sharedPredicates.length && evidence.sharedEntities.length && similarity >= settings.aboutThreshold / 2 && termCoverage(a, b, TIME_WORDS) >= 0.4) {
    conflict = instanceConflict(dateConflict(a, b));
  }
  if (!conflict && similarity >= settings.denialThreshold) conflict = polarityConflict(a, b, similarity >= settings.sameThreshold);
  // Two affirmed claims where one sentence debunks the other ("the claims that X are false"): the stance
  // model, asked only about pairs already about the same thing.
  if (!conflict && denies && similarity >= settings.aboutThreshold && evidence.sharedEntities.length > 0 && a.polarity === 'affirmed' && b.polarity === 'affirmed') {
    if (denies(a, b)) conflict = { kind: 'denial', denier: 'b' };
    else if (denies(b, a)) conflict = { kind: 'denial', denier: 'a' };
  }
  // The same event with the same count of the same thing (or on the same date) is the same report however
  // it is worded ("three Serb gunmen were killed" / "three of the assailants lost their lives"; "declared
  // independence in 2008" / "unilaterally seceded in 2008").
  // The same count of the same kind with compatible events counts too when one predicate is light ("We had
  // 14 crews on the scene" / "14 crews had been deployed").
  const predicatesFit = evidence.sharedPredicates.length > 0 || !a.predicate || !b.predicate || isLightPredicate(a.predicate) || isLightPredicate(b.predicate);
  const sameCount = evidence.sharedNumbers.length > 0 && sameCountEvents(a, b);
  // The same event at the same named place is one happening ("a clash broke out in the village of Banjska" /
  // "the recent shooting near the village of Banjska occurred").
  const samePlace = [...a.places].some((p) => b.places.has(p));
  const sameReport =
    participantsFit &&
    similarity >= settings.aboutThreshold / 2 &&
    ((evidence.sharedPredicates.length > 0 && (evidence.sharedNumbers.length > 0 || evidence.sharedDates.length > 0 || samePlace)) || (sameCount && predicatesFit));
  // Two different events in similar words ("the US urged Belgrade to pull back" / "the US has been monitoring
  // a deployment") are the scorer's typical false match: a predicate mismatch needs a near-certain score.
  const predicatesDiffer = !!a.predicate && !!b.predicate && a.predicate !== b.predicate;
  // "A tunnel collapse left 2 miners dead" is not corroborated by "a tunnel collapsed": with another
  // predicate, a count on one side only is a material detail the other side does not state.
  const countOnOneSide = (a.quantities.length > 0) !== (b.quantities.length > 0);
  const sameMeaning = predicatesDiffer ? similarity >= settings.differentPredicateThreshold && !countOnOneSide : similarity >= settings.sameThreshold;
  // A spokesman and the body he speaks for ("We are monitoring ...", Kirby said / "The United States has been
  // monitoring ...") are not rival agents: only agents of one kind (two people, or two bodies) tell facts apart.
  const distinct = otherInstance || (!!a.agent && !!b.agent && a.agent !== b.agent && a.agentKind === b.agentKind);
  const elsewhere = !!story && rivalPlaces(a, b, story);
  const agrees = !conflict && !distinct && !elsewhere && polarityOf(a) === polarityOf(b) && (sameMeaning || sameReport) && slotsAgree(a, b, predicatesDiffer);
  return { a: ia, b: ib, evidence, conflict, agrees, ...(distinct ? { distinct } : {}) };
}

const polarityOf = (c: ClaimItem) => (c.polarity === 'affirmed' ? 'affirmed' : 'contrary');

function sharedSlots(a: ClaimItem, b: ClaimItem, similarity: number): PairEvidence {
  const sharedEntities = [...a.entities].filter((e) => b.entities.has(e));
  const sharedNumbers: string[] = [];
  for (const qa of a.quantities) {
    if (b.quantities.some((qb) => qb.kind === qa.kind && qb.value === qa.value)) sharedNumbers.push(`${qa.value} ${qa.kind}`);
  }
  // A day inside a month both state ("on Sept. 24" / "in September") is the same date, at the coarser precision.
  const sharedDates = [...new Set(a.dates.flatMap((d) => b.dates.filter((e) => nested(d, e)).map((e) => (e.length < d.length ? e : d))))];
  const sharedPredicates = a.predicate && a.predicate === b.predicate ? [a.predicate] : [];
  return { similarity, sharedEntities, sharedNumbers: [...new Set(sharedNumbers)], sharedDates, sharedPredicates };
}

/**
 * What a near-identical pair must also share to be one fact, however high the paraphrase score: the
 * scorer rates "Germany pledged 50 tanks" / "Poland pledged 50 tanks" or "approved the pipeline" /
 * "suspended the pipeline" as paraphrases, because one word differs. So:
 * - the same event (different predicates agree only when one is a light verb, "had" / "deployed", or each
 *   claim names the other's);
 * - shared participants when both name some;
 * - the same counted things when both count something ("40 survivors" / "40 bodies" differ);
 * - in claims worded nearly alike, no detail word swapped for another on both sides ("grain warehouse" /
 *   "timber warehouse"), unless the
 *   two words are near-synonyms in the word vectors (cosine >= 0.85: "troops" / "soldiers"; co-hyponyms
 *   and antonyms such as "convicted" / "acquitted" score 0.82, synonyms like "fire" / "blaze" 0.69, so a
 *   looser bar cannot tell them apart and the strict one is kept: a missed corroboration is cheaper than a
 *   wrong one).
 */
function slotsAgree(a: ClaimItem, b: ClaimItem, predicatesDiffer: boolean): boolean {
  // The predicate picked for a clause may be its verb in one outlet and its event noun in the other ("We are
  // monitoring a ... deployment" / "The US has been monitoring a deployment"): a predicate named anywhere in
  // the other claim is the same event.
  if (predicatesDiffer && !isLightPredicate(a.predicate!) && !isLightPredicate(b.predicate!) && !(names(b, a.predicate!) && names(a, b.predicate!))) return false;
  if (a.entities.size && b.entities.size && ![...a.entities].some((e) => b.entities.has(e))) return false;
  if (a.quantities.length && b.quantities.length) {
    const kinds = new Set(b.quantities.map((q) => `${q.value}|${q.kind}`));
    if (!a.quantities.some((q) => kinds.has(`${q.value}|${q.kind}`))) return false;
  }
  if (a.text === b.text || termOverlap(a, b) < NEAR_IDENTICAL_OVERLAP) return true;
  const onlyA = [...a.details].filter(([stem]) => !b.terms.includes(stem) && !b.details.has(stem));
  const onlyB = [...b.details].filter(([stem]) => !a.terms.includes(stem) && !a.details.has(stem));
  if (!onlyA.length || !onlyB.length) return true;
  const vectors = loadVectors();
  const unmatched = onlyA.filter(([, wa]) => !onlyB.some(([, wb]) => (vectors.similarity(wa, wb) ?? 0) >= 0.85));
  return unmatched.length === 0;
}

/**
 * Share of content terms two claims have in common (of the longer one) at and above which they are worded
 * nearly alike, so that a word swapped on both sides is the difference between two facts.
 */
const NEAR_IDENTICAL_OVERLAP = 0.5;

function termOverlap(a: ClaimItem, b: ClaimItem): number {
  const ta = new Set(a.terms);
  const tb = new Set(b.terms);
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / Math.max(ta.size, tb.size, 1);
}

/** Whether a claim names an event: as its predicate class, among its event words, or as a word of its text. */
function names(c: ClaimItem, lemma: string): boolean {
  return c.events.has(lemma) || c.terms.includes(stemmer(lemma));
}

/** Every count both claims give alike happens to it alike (same event, or an event on one side only). */
function sameCountEvents(a: ClaimItem, b: ClaimItem): boolean {
  for (const qa of a.quantities) {
    for (const qb of b.quantities) {
      if (qa.kind === qb.kind && qa.value === qb.value && qa.event && qb.event && qa.event !== qb.event) return false;
    }
  }
  return true;
}

function sharedKinds(a: ClaimItem, b: ClaimItem): number {
  return a.quantities.filter((qa) => b.quantities.some((qb) => qb.kind === qa.kind)).length;
}

/**
 * Same kind counted, same event (when both state one), owners not known to differ, and no value of one
 * side found on the other: "NATO will send 600 more soldiers" vs "NATO will send 200 more soldiers". A
 * claim that gives both values ("from 8,350 to 4,500") reports a change and disputes neither.
 */
function numberConflict(a: ClaimItem, b: ClaimItem): Conflict | null {
  for (const qa of a.quantities) {
    for (const qb of b.quantities) {
      if (qa.kind !== qb.kind || qa.value === qb.value) continue;
      if (qa.event && qb.event && qa.event !== qb.event) continue;
      if (qa.owner && qb.owner && qa.owner !== qb.owner) continue;
      const aValues = a.quantities.filter((q) => q.kind === qa.kind).map((q) => q.value);
      const bValues = b.quantities.filter((q) => q.kind === qb.kind).map((q) => q.value);
      if (aValues.includes(qb.value) || bValues.includes(qa.value)) continue;
      if (!compatibleValues(qa.value, qb.value)) return { kind: 'number', quantities: [qa, qb] };
    }
  }
  return null;
}

// Rounded figures are the same report: "about 30 armed men" vs "32 gunmen" is not worth a dispute,
// but 600 vs 200, or 3 vs 4 killed, is.
function compatibleValues(x: number, y: number): boolean {
  const [small, large] = x < y ? [x, y] : [y, x];
  if (large < 10) return false;
  return (large - small) / large < 0.08;
}

/**
 * Whether two claims of one predicate are about one instance of the event, beyond the verb and a participant
 * both name: "Kosovo on Sunday posted footage and photos" and "On Saturday, Albin Kurti, the Prime Minister of
 * Kosovo, posted drone images on X" share only "posted" and Kosovo, and may be two posts, so their days do not
 * disagree; "local ethnic Serbs boycotted elections ... since April" and "Serbs boycotted local elections in
 * May" share what was boycotted. One of these identifies the instance:
 * - a word other than the predicate, a name or a time both claims use (the object: "elections", "bakery"),
 *   taken from either claim's detail words, or an event word other than the predicate both name;
 * - two or more participants both name (who did it to whom: "Serbia attacked Kosovo");
 * - a count both give alike.
 */
function sameInstance(a: ClaimItem, b: ClaimItem, evidence: PairEvidence): boolean {
  if (evidence.sharedEntities.length >= 2 || evidence.sharedNumbers.length > 0) return true;
  const predicateStems = new Set([a.predicate, b.predicate].filter((p): p is string => !!p).map((p) => stemmer(p)));
  for (const c of [a, b]) {
    const range = c.claim.predicate?.range;
    // The predicate as written ("posted", "deployment") may stem apart from its lemma class ("post", "deploy").
    if (range) for (const stem of contentTerms(c.doc.article.text.slice(range.start, range.end))) predicateStems.add(stem);
  }
  const identifying = (stem: string) => !predicateStems.has(stem) && !TIME_WORDS.has(stem);
  for (const [x, y] of [[a, b], [b, a]] as const) {
    for (const stem of x.details.keys()) if (identifying(stem) && (y.terms.includes(stem) || y.details.has(stem))) return true;
  }
  for (const event of a.events) if (event !== a.predicate && event !== b.predicate && b.events.has(event)) return true;
  return false;
}

/** Same predicate, dates of the same precision that differ: "boycotted ... since April" vs "boycotted ... in May". */
function dateConflict(a: ClaimItem, b: ClaimItem): Conflict | null {
  if (!a.predicate || a.predicate !== b.predicate || !a.dates.length || !b.dates.length) return null;
  for (const da of a.dates) {
    if (b.dates.includes(da)) return null;
  }
  for (const da of a.dates) {
    for (const db of b.dates) {
      if (da.length === db.length && da !== db && !nested(da, db)) return { kind: 'date', dates: [da, db] };
    }
  }
  return null;
}

// Stems of weekday and month names: left out when comparing the words of two claims whose dates differ.
const TIME_WORDS = new Set(['mondai', 'tuesdai', 'wednesdai', 'thursdai', 'fridai', 'saturdai', 'sundai', 'januari', 'februari', 'march', 'april', 'mai', 'june', 'juli', 'august', 'septemb', 'octob', 'novemb', 'decemb', 'yesterdai', 'todai']);

/** Share of the shorter claim's content terms found in the other's (terms in `ignore` left out). */
function termCoverage(a: ClaimItem, b: ClaimItem, ignore: Set<string> = new Set()): number {
  const keep = (terms: string[]) => terms.filter((t) => !ignore.has(t));
  const [short, long] = keep(a.terms).length <= keep(b.terms).length ? [keep(a.terms), keep(b.terms)] : [keep(b.terms), keep(a.terms)];
  const other = new Set(long);
  const terms = new Set(short);
  let found = 0;
  for (const t of terms) if (other.has(t)) found++;
  return terms.size ? found / terms.size : 0;
}

const nested = (x: string, y: string) => x.startsWith(y) || y.startsWith(x);

/**
 * Same predicate, and each claim places it somewhere the other does not and the story never names the two
 * places together: "The bomb exploded at a market in Rivena" vs "... in Castor". Places named together
 * somewhere ("Banjska in northern Kosovo") may be one inside the other, so they never conflict.
 */
function placeConflict(a: ClaimItem, b: ClaimItem, story: StoryContext): Conflict | null {
  if (!a.predicate || a.predicate !== b.predicate || !rivalPlaces(a, b, story)) return null;
  return { kind: 'place', places: [[...a.scenePlaces][0], [...b.scenePlaces][0]] };
}

/** Both claims are placed (in the claim, else in its sentence) and no place of one is, or is named with, a place of the other. */
export function rivalPlaces(a: ClaimItem, b: ClaimItem, story: StoryContext): boolean {
  if (!a.scenePlaces.size || !b.scenePlaces.size) return false;
  for (const p of a.scenePlaces) if (b.scenePlaces.has(p)) return false;
  for (const pa of a.scenePlaces) for (const pb of b.scenePlaces) if (story.placesTogether(pa, pb)) return false;
  return true;
}

/**
 * One side affirms what the other denies or negates, about the same happening: when both claims name a
 * predicate it must be the same ("does not acknowledge Kosovo's independence" does not deny "Kosovo
 * seceded in 2008"), and they must share a participant unless worded closely.
 */
function polarityConflict(a: ClaimItem, b: ClaimItem, closeWording: boolean): Conflict | null {
  if (polarityOf(a) === polarityOf(b)) return null;
  // A denial often names the event by a noun ("refutes claims regarding the highest level of combat
  // readiness" vs "raised the combat readiness"): different predicates are accepted when the denied event
  // is named in the claim and most of the shorter claim's words are in the other. "Serbia denied it trained
  // a group who opened fire" does not deny "the group opened fire": training is not in that claim.
  if (a.predicate && b.predicate && a.predicate !== b.predicate) {
    const [contrary, affirmed] = a.polarity === 'affirmed' ? [b, a] : [a, b];
    if (!affirmed.events.has(contrary.predicate!) || termCoverage(a, b) < 0.6) return null;
  }
  // Participants must overlap, unless the wording is close: "Belgrade's plans to annex Kosovo's northern
  // territories" answers "[Serbia's] plans to annex the country's northern territories" (a capital for its state).
  if (!closeWording && a.entities.size && b.entities.size && ![...a.entities].some((e) => b.entities.has(e))) return null;
  return { kind: 'denial' };
}
