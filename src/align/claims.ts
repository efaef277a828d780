// The story's claims as comparable items: each claim of each statement sentence with its slots resolved
// against the story (entity ids instead of words, normalised quantities, calendar dates).
import type { ClaimAnnotation, ClaimModality, ClaimPolarity, Doc, Mention, Range } from '../annotate/types.js';
import { contains } from './ranges.js';
import type { ResolvedEntities } from './entities/index.js';
import { contentTerms } from './similarity.js';
import { isStatement } from './statements.js';
import { countedKind } from './kinds.js';
import { classOf, LIGHT_VERBS } from '../annotate/claims/predicates.js';

/** Verbs that carry no event of their own ("We had 14 crews on the scene", "bosses said"). */
export function isLightPredicate(lemma: string): boolean {
  return LIGHT_VERBS.has(lemma) || lemma === 'say' || lemma === 'tell';
}

import type { ClaimRef } from './types.js';
export type { ClaimRef };

/** A quantity of a claim, reduced to what two outlets' numbers are compared on. */
export interface QuantitySlot {
  value: number;
  /** Normalised kind of thing counted ("attacker", "soldier"); never empty. */
  kind: string;
  /** What happened to it ("kill", "deploy"), from the quantity or else the claim's predicate; null when unknown. */
  event: string | null;
  /** Story entity id of who fields or owns it ("KFOR"), when stated and resolved. */
  owner: string | null;
  /** The number as written, for citations. */
  range: Range;
}

/** One claim with its slots resolved against the story. */
export interface ClaimItem {
  ref: ClaimRef;
  articleId: string;
  doc: Doc;
  claim: ClaimAnnotation;
  /** The claim's own words (its range), the text compared across outlets. */
  text: string;
  /** Stemmed content terms of the claim text. */
  terms: string[];
  /** Story entity ids of the participants and places (the source excluded). */
  entities: Set<string>;
  /** Story entity ids of the places. */
  places: Set<string>;
  /**
   * Places of the claim, else of its sentence: "killing two people" takes "in Henley" from "A footbridge
   * collapsed in Henley on Tuesday, killing two people".
   */
  scenePlaces: Set<string>;
  /** Story entity ids named inside the span a fact cites for this claim (see citedRange): what a citation can show. */
  citedEntities: Set<string>;
  quantities: QuantitySlot[];
  /** Calendar values of the claim's own time expressions ("YYYY", "YYYY-MM" or "YYYY-MM-DD"). */
  dates: string[];
  /** The dates placed with a date borrowed from the story (the article has none of its own). */
  storyAnchoredDates: Set<string>;
  predicate: string | null;
  /** Predicate classes of every event word in the claim's text ("raised the combat readiness" -> raise, alert). */
  events: Set<string>;
  polarity: ClaimPolarity;
  modality: ClaimModality;
  /**
   * Who does what the claim says: the entity named before its predicate ("Kosovo on Saturday called on
   * Serbia"), else its source when the claim speaks in the first person ("We call on Serbia ...", Kirby said);
   * null when unknown ("They have called for ..."). Two claims with different agents are different facts.
   */
  agent: string | null;
  /**
   * The claim's detail words: content words that are not names, not what a quantity counts, not numbers,
   * dates or event words (those slots are compared on their own), keyed by stem. Two near-identical claims
   * that differ in a detail word on both sides ("a grain warehouse" / "a timber warehouse") are not one fact.
   */
  details: Map<string, string>;
  /** Whether the agent is a person ("person") or a body, country or place ("group"); null without an agent. */
  agentKind: 'person' | 'group' | null;
  /** Who asserts it: story entity id and name, or null when the outlet says it in its own voice. */
  sourceId: string | null;
  sourceName: string | null;
}

// "the fire service said on Friday", "told reporters on Friday": the day of the statement, not of the
// event, so two reports of one claim may carry different days without disagreeing.
const SPEECH_TIME = /\b(said|says|told(\s+\w+)?|announced|stated|added|wrote|confirmed|declared|posted)\s+(on\s+|late\s+|early\s+)?$/i;

const DANGLING_END = /\b(that|of|to|and|or|but|the|a|an|in|for|with|by|from|as|whether|if|because|which|who)[\s,;:"“”']*$/i;

/** Fewer content terms than this and a claim is a fragment ("he said", "it added"), not something to match. */
const MIN_CLAIM_TERMS = 3;

/**
 * Every claim of every statement sentence of the story, resolved against the story's entities. Claims
 * of subheads and Title Case lines are left out (they repeat the body in headline language).
 */
export function collectClaims(docs: Doc[], entities: ResolvedEntities): ClaimItem[] {
  const items: ClaimItem[] = [];
  const typeOf = new Map(entities.entities.map((e) => [e.id, e.type]));
  for (const doc of docs) {
    const text = doc.article.text;
    const articleId = doc.article.id;
    const entityId = (r: Range) => entities.entityAt(articleId, r.start, r.end)?.id ?? null;
    // Every look at names below stays inside the claim's sentence: scanning the article's mentions per claim
    // would grow with the square of a long article.
    const mentionsOf = mentionsBySentence(doc);
    doc.claims.forEach((claim, claimIndex) => {
      const sentence = doc.sentences[claim.sentence];
      const sentenceMentions = mentionsOf[claim.sentence] ?? [];
      if (!sentence || !isStatement(text.slice(sentence.start, sentence.end))) return;
      const claimText = text.slice(claim.start, claim.end);
      // A clause cut before its complement ("The union repeated that it had warned the company in February
      // that") is a fragment, not something an outlet states.
      if (DANGLING_END.test(claimText)) return;
      const terms = contentTerms(claimText);
      // A short claim is kept when a slot carries it: a count or a participant ("Two miners were killed"), a
      // date, or a denial or negation ("they had planned the attack", denied; "it would not close in June").
      if (terms.length < MIN_CLAIM_TERMS && !(terms.length >= 2 && claim.predicate && (claim.quantities.length || claim.participants.length || claim.times.length || claim.polarity !== 'affirmed'))) return;
      const participantIds = new Set<string>();
      for (const i of claim.participants) {
        const id = entityId(doc.mentions[i]);
        if (id) participantIds.add(id);
      }
      const places = new Set<string>();
      for (const i of claim.places) {
        const id = entityId(doc.mentions[i]);
        if (id) places.add(id);
      }
      for (const id of places) participantIds.add(id);
      const quantities: QuantitySlot[] = [];
      for (const i of claim.quantities) {
        const q = doc.quantities[i];
        if (!q || q.informative === false) continue;
        const kind = q.kind ?? countedKind(q.what);
        if (!kind) continue;
        const predicate = claim.predicate?.lemma ?? null;
        quantities.push({ value: q.value, kind, event: q.event ?? (predicate && !isLightPredicate(predicate) ? predicate : null), owner: q.owner ? entityId(q.owner) : null, range: { start: q.start, end: q.end } });
      }
      const dates: string[] = [];
      const storyAnchoredDates = new Set<string>();
      for (const i of claim.times) {
        const t = doc.times[i];
        if (!t?.value || t.vague) continue;
        if (SPEECH_TIME.test(text.slice(Math.max(sentence.start, t.start - 30), t.start))) continue;
        dates.push(t.value);
        if (t.anchor === 'story') storyAnchoredDates.add(t.value);
      }
      const source = claim.source ? sourceEntity(doc, claim.source, entities, contains(sentence, claim.source) ? sentenceMentions : doc.mentions) : null;
      const item: ClaimItem = {
        ref: { articleId, start: claim.start, end: claim.end, sentenceIndex: claim.sentence, claimIndex },
        articleId,
        doc,
        claim,
        text: claimText,
        terms,
        entities: participantIds,
        places,
        quantities,
        dates,
        storyAnchoredDates,
        predicate: claim.predicate?.lemma ?? null,
        events: eventsIn(claimText, claim.predicate?.lemma ?? null),
        polarity: claim.polarity,
        modality: claim.modality,
        sourceId: source?.id ?? null,
        sourceName: source?.name ?? claim.sourceName ?? (claim.source ? text.slice(claim.source.start, claim.source.end) : null),
        citedEntities: new Set(),
        agent: null,
        agentKind: null,
        details: detailWords(doc, claim, claimText, sentenceMentions),
        scenePlaces: places,
      };
      if (!places.size) {
        const scene = new Set<string>();
        for (const m of sentenceMentions) {
          if (m.type !== 'place') continue;
          const id = entityId(m);
          if (id) scene.add(id);
        }
        item.scenePlaces = scene;
      }
      item.agent = agentOf(doc, claim, entityId) ?? (FIRST_PERSON.test(claimText) ? source?.id ?? null : null);
      const agentType = item.agent ? typeOf.get(item.agent) : undefined;
      item.agentKind = !item.agent ? null : agentType === 'person' ? 'person' : 'group';
      const cited = citedRange(item);
      for (const m of sentenceMentions) {
        if (m.start < cited.start || m.end > cited.end) continue;
        const id = entityId(m);
        if (id && participantIds.has(id)) item.citedEntities.add(id);
      }
      items.push(item);
    });
  }
  return items;
}

const DETAIL_SKIP = /^(\d.*|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|yesterday|said|says|told|according|reported|also|more|one|two|three|four|five|six|seven|eight|nine|ten|last|next|week|month|year|day|night|morning|evening|afternoon|am|pm|erupted|occurred|happened|broke|flared|unfolded|ensued)$/;

/** See ClaimItem.details. */
function detailWords(doc: Doc, claim: ClaimAnnotation, claimText: string, sentenceMentions: Mention[]): Map<string, string> {
  const covered: Range[] = [];
  for (const m of sentenceMentions) if (m.start >= claim.start && m.end <= claim.end) covered.push(m);
  for (const i of claim.quantities) {
    const q = doc.quantities[i];
    // The counted phrase follows the number ("three Serb gunmen"): its words are the quantity's kind.
    if (q) covered.push({ start: q.start, end: Math.min(claim.end, q.end + q.what.length + 12) });
  }
  const out = new Map<string, string>();
  for (const match of claimText.matchAll(/[\p{L}][\p{L}'’-]*/gu)) {
    const at = claim.start + (match.index ?? 0);
    if (covered.some((r) => at >= r.start && at < r.end)) continue;
    const word = match[0].toLowerCase().replace(/['’]s$/, '');
    if (DETAIL_SKIP.test(word) || eventClassOf(word)) continue;
    const [stem] = contentTerms(word);
    if (stem) out.set(stem, word);
  }
  return out;
}

const FIRST_PERSON = /^\W*(we|i)\b/i;

/** The entity named before the claim's predicate, when one is (person, organization or place). */
function agentOf(doc: Doc, claim: ClaimAnnotation, entityId: (r: Range) => string | null): string | null {
  if (!claim.predicate) return null;
  const before = claim.participants.map((i) => doc.mentions[i]).filter((m) => m && m.start >= claim.start && m.end <= claim.predicate!.range.start);
  const subject = before.find((m) => m.type !== 'other');
  return subject ? entityId(subject) : null;
}

/**
 * The predicate class of a lowercase word as written, or with a plural or tense ending dropped (a cheap
 * stand-in for lemmas, enough for the class lists, which hold the common forms).
 */
function eventClassOf(word: string): string | undefined {
  return classOf(word, word) ?? classOf(word.replace(/(es|s|ed|ing)$/, ''), word);
}

/** The mentions of each sentence (index into Doc.sentences), in one walk over both sorted lists. */
function mentionsBySentence(doc: Doc): Mention[][] {
  const mentions = [...doc.mentions].sort((a, b) => a.start - b.start);
  const out: Mention[][] = doc.sentences.map(() => []);
  let m = 0;
  doc.sentences.forEach((sentence, i) => {
    while (m < mentions.length && mentions[m].start < sentence.start) m++;
    for (let k = m; k < mentions.length && mentions[k].start < sentence.end; k++) if (mentions[k].end <= sentence.end) out[i].push(mentions[k]);
  });
  return out;
}

/**
 * Predicate classes named anywhere in a claim (see eventClassOf), its predicate included.
 */
function eventsIn(text: string, predicate: string | null): Set<string> {
  const events = new Set<string>(predicate ? [predicate] : []);
  for (const match of text.toLowerCase().matchAll(/\p{L}+/gu)) {
    const word = match[0];
    const found = eventClassOf(word);
    if (found) events.add(found);
  }
  return events;
}

/**
 * The entity a claim's source names. A source phrase may hold several names ("Serbia's Vucic", "Serbia's
 * Chief of General Staff, Milan Mojsilovic"): the person named last is the speaker (the head of a
 * possessive or the name in an apposition), else the last name of any kind.
 */
function sourceEntity(doc: Doc, source: Range, entities: ResolvedEntities, mentions: Mention[]) {
  // "Serbia's Chief of General Staff, Milan Mojsilovic, also denied": the name in apposition right after
  // the source phrase is who speaks.
  const after = mentions.find((m) => m.type === 'person' && m.start > source.end && /^\s*,\s*$/.test(doc.article.text.slice(source.end, m.start)));
  const inside = mentions.filter((m) => m.start >= source.start && m.end <= source.end);
  if (after && !inside.some((m) => m.type === 'person')) inside.push(after);
  const pick = inside.filter((m) => m.type === 'person').pop() ?? inside.pop();
  return pick ? entities.entityAt(doc.article.id, pick.start, pick.end) : entities.entityAt(doc.article.id, source.start, source.end);
}

/**
 * The span a fact cites for a claim: the claim's words plus, when it is somebody's statement, the source
 * and cue that attribute it in the same sentence ("Vucic later denied that Serbia was ..."), so the cited
 * text says who claims it. Always a slice of the sentence, never invented words.
 */
export function citedRange(item: ClaimItem): Range {
  const { claim } = item;
  const text = item.doc.article.text;
  const sentence = item.doc.sentences[claim.sentence];
  let start = claim.start;
  let end = claim.end;
  // A participant carried in from just before the claim ("Kosovo, which declared independence in 2008") is
  // part of what it says: cite from it. One further back ("Kosovo broke away ... in 1998-99 and declared
  // independence") would pull another clause into the citation.
  for (const i of claim.participants) {
    const m = item.doc.mentions[i];
    if (!m || m.start < sentence.start || m.start >= start) continue;
    const gap = text.slice(m.end, start).split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
    if (gap <= MAX_CARRIED_GAP_WORDS) start = m.start;
  }
  for (const r of [claim.cue, claim.source]) {
    if (!r || r.start < sentence.start || r.end > sentence.end) continue;
    // Only an attribution next to the claim ("Vucic denied that ...", "..., Kirby said"): one that sits
    // across another claim of the sentence would pull that claim into the citation.
    const gap = r.end <= start ? text.slice(r.end, start) : r.start >= end ? text.slice(end, r.start) : '';
    if (gap.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length > MAX_ATTRIBUTION_GAP_WORDS) continue;
    start = Math.min(start, r.start);
    end = Math.max(end, r.end);
  }
  return balanceQuotes(text, { start, end }, sentence);
}

const OPENING = new Set(['"', '“', '‘']);
const CLOSING = new Set(['"', '”', '’']);

/**
 * A claim cut from inside a quotation ("We are monitoring ... Kosovo," White House spokesman John Kirby
 * told) would show a closing mark with no opening one: take in the mark that opens (or closes) the quote
 * when it sits right at the range's edge, so the cited text reads as a quotation.
 */
function balanceQuotes(text: string, range: Range, sentence: Range): Range {
  let { start, end } = range;
  const inside = text.slice(start, end);
  const opens = [...inside].filter((c) => c === '“').length;
  const closes = [...inside].filter((c) => c === '”').length;
  const straight = [...inside].filter((c) => c === '"').length;
  const unbalanced = opens !== closes || straight % 2 === 1;
  if (!unbalanced) return range;
  const before = text.slice(Math.max(sentence.start, start - 2), start);
  const openAt = Math.max(before.lastIndexOf('"'), before.lastIndexOf('“'));
  if ((closes > opens || straight % 2 === 1) && openAt >= 0 && OPENING.has(before[openAt])) start = start - before.length + openAt;
  else if (opens > closes || straight % 2 === 1) {
    const after = text.slice(end, Math.min(sentence.end, end + 2));
    const closeAt = [...after].findIndex((c) => CLOSING.has(c));
    if (closeAt >= 0) end = end + closeAt + 1;
  }
  return { start, end };
}

/** Words allowed between a carried participant and its claim for the citation to start at it ("Kosovo, which"). */
const MAX_CARRIED_GAP_WORDS = 2;

/** Words allowed between a claim and its cue or source for the citation to include them ("that", "has also"). */
const MAX_ATTRIBUTION_GAP_WORDS = 8;
