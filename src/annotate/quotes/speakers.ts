// Turns the words naming a source ("he", "the spokesman", "Serbia's Vucic", "a NATO official") into a speaker name.
import type { Mention, Range, Sentence } from '../types.js';
import { paragraphRanges } from './marks.js';
import {
  FEMALE_FIRST_NAMES, FEMALE_HONORIFICS, GROUP_PRONOUNS, MALE_HONORIFICS, ORGANIZATION_WORDS, PERSON_PRONOUNS, ROLE_WORDS,
} from './cues.js';

export interface Speaker {
  name: string | null;
  mention: Range | null;
}

/** Someone a later pronoun or title can point back to. */
interface Candidate extends Range {
  name: string;
  group: boolean;
  gender: 'f' | 'm' | null;
  role: string;
  /** Typed from a weak guess (a one-word name with no entity type): may be corrected by what it does. */
  guessed?: boolean;
  /** A place: it may modify a description of someone ("a São Paulo resident") without being the speaker. */
  place?: boolean;
}

const DETERMINERS = /^(the|a|an|this|that|these|those|his|her|their|its|our|whose|another|one|two|three|some|several|many|other)\s+/i;
const RELATIVE_TAIL = /\s*,?\s+(who|which|that|whom)\b.*$/is;
const POSSESSOR = /^(.*?)(?:['’]s?)\s+(.+)$/s;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu;

function words(s: string): string[] {
  return s.match(WORD) ?? [];
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** Splits "Serbian Defense Minister Milos Vucevic" into role "Serbian Defense Minister" and name "Milos Vucevic". */
export function splitRole(phrase: string): { role: string; name: string } {
  const ws = words(phrase);
  let lastRole = -1;
  ws.forEach((w, i) => {
    if (ROLE_WORDS.has(w.toLowerCase())) lastRole = i;
  });
  // "Secretary of State Antony Blinken": "of State" still belongs to the role.
  let nameFrom = lastRole + 1;
  if (ws[nameFrom]?.toLowerCase() === 'of' && ws.length > nameFrom + 2) nameFrom += 2;
  const nameWords = ws.slice(nameFrom).filter(isCapitalised);
  if (lastRole >= 0 && nameWords.length > 0) return { role: ws.slice(0, nameFrom).join(' '), name: nameWords.join(' ') };
  return { role: lastRole >= 0 ? ws.join(' ') : '', name: lastRole >= 0 ? '' : ws.join(' ') };
}

function genderOf(name: string, role: string, context: string): 'f' | 'm' | null {
  const first = words(name)[0]?.toLowerCase() ?? '';
  const roleWords = words(`${context} ${role}`).map((w) => w.toLowerCase());
  if (FEMALE_FIRST_NAMES.has(first) || roleWords.some((w) => FEMALE_HONORIFICS.has(w))) return 'f';
  if (roleWords.some((w) => MALE_HONORIFICS.has(w))) return 'm';
  return null;
}

function looksLikeGroup(name: string): boolean {
  const ws = words(name).map((w) => w.toLowerCase());
  // "a NATO official", "the White House spokesman": a person named by role, whatever organization comes first.
  if (ROLE_WORDS.has(ws[ws.length - 1] ?? '')) return false;
  return ws.some((w) => ORGANIZATION_WORDS.has(w)) || (ws.length === 1 && /^[A-Z]{2,}$/.test(name));
}

// Lists: a bullet mark, and bounds on what counts as one item and how far back its introduction may be.
const LIST_BULLET = /^[•·▪●◦*–—-]\s/;
const MAX_LIST_ITEM_CHARS = 400;
const MAX_LIST_ITEMS = 15;

// Lower-case words after a place that do not make it the modifier of a noun ("Syria and Iran", "Kyiv said").
const LINKING_WORDS = new Set(['and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'from', 'by', 'as', 'who', 'whom', 'whose', 'which', 'that', 'said', 'says']);

/**
 * True when `phrase` is a description of someone (a lower-case noun heads it) that the place at [from, to) only
 * qualifies: "a São Paulo resident", "a Kyiv mother of two", "a resident of Kyiv"; not "Kyiv" or "the Kyiv Post".
 */
function describesSomeone(phrase: string, from: number, to: number): boolean {
  const after = phrase.slice(to);
  const before = phrase.slice(0, from).replace(DETERMINERS, '');
  // The noun right after the place ("resident", "mother"; not "Syria and Iran", not "Serbia's ministry") or a noun the
  // place is "of"/"in"/"from" ("a resident of Kyiv").
  const noun = /^\s+(\p{Ll}[\p{L}-]*)/u.exec(after);
  if (noun && !LINKING_WORDS.has(noun[1])) return true;
  return /\p{Ll}[\p{L}-]*\s+(of|in|from)\s+(the\s+)?$/u.test(before);
}

export class SpeakerResolver {
  /** Sorted by start; kept sorted by inserting in place (re-sorting on every remembered speaker was n² log n). */
  private readonly candidates: Candidate[] = [];
  private readonly fullNames: string[];
  /**
   * For fullForm: the distinct names that may stand in full for a shorter name, by each of their last 1-3 words
   * ("Kirby", "John Kirby"), with the place of their first appearance (full mention names first, then candidates
   * in text order), so that a lookup does not scan every candidate.
   */
  private readonly byTail = new Map<string, Set<string>>();
  private readonly firstSeen = new Map<string, number>();
  /** Candidates holding each role word ("minister", "spokesman"), in text order. */
  private readonly byRoleWord = new Map<string, Candidate[]>();
  private readonly paragraphs: Range[];

  constructor(
    private readonly text: string,
    private readonly sentences: Sentence[],
    mentions: Mention[],
    /** Quoted ranges: names inside someone's quote are not antecedents. */
    private readonly quoted: Range[],
  ) {
    this.paragraphs = paragraphRanges(text);
    this.fullNames = mentions.filter((m) => m.type === 'person' && words(m.text).length >= 2).map((m) => m.text);
    this.fullNames.forEach((name, k) => this.noteName(name, k - this.fullNames.length - 1));
    for (const m of mentions) {
      if (m.type === 'other') continue;
      if (this.isQuoted(m.start)) continue;
      const context = text.slice(Math.max(0, m.start - 6), m.start);
      this.insert({
        start: m.start, end: m.end, name: m.text, group: m.type !== 'person', role: m.role ?? '',
        gender: m.type === 'person' ? genderOf(m.text, m.role ?? '', context) : null, guessed: m.type === 'place' && !/\s/.test(m.text),
        place: m.type === 'place',
      });
    }
  }

  /** True when `at` lies in a quote; the quoted ranges are in order and disjoint, so a binary search finds it. */
  private isQuoted(at: number): boolean {
    let lo = 0;
    let hi = this.quoted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.quoted[mid].start <= at) lo = mid + 1;
      else hi = mid;
    }
    const q = this.quoted[lo - 1];
    return q !== undefined && at < q.end;
  }

  /** Index of the first candidate whose start is at least `at`. */
  private lowerBound(at: number): number {
    let lo = 0;
    let hi = this.candidates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.candidates[mid].start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Adds a candidate in start order (after those with the same start, as a stable sort would) and indexes it. */
  private insert(c: Candidate): void {
    const at = this.lowerBound(c.start + 1);
    this.candidates.splice(at, 0, c);
    if (!c.group) this.noteName(c.name, c.start);
    for (const w of c.role.toLowerCase().split(/\s+/)) {
      if (!w) continue;
      const list = this.byRoleWord.get(w) ?? [];
      let k = list.length;
      while (k > 0 && list[k - 1].start > c.start) k--;
      list.splice(k, 0, c);
      this.byRoleWord.set(w, list);
    }
  }

  /** Makes `name` available to fullForm; `order` is where it first appears (full mention names come first). */
  private noteName(name: string, order: number): void {
    const seen = this.firstSeen.get(name);
    if (seen !== undefined && seen <= order) return;
    this.firstSeen.set(name, order);
    if (seen !== undefined) return;
    const fw = words(name);
    if (fw.length > 4) return;
    for (let k = 1; k < fw.length; k++) {
      const tail = fw.slice(fw.length - k).join(' ');
      const set = this.byTail.get(tail) ?? new Set<string>();
      set.add(name);
      this.byTail.set(tail, set);
    }
  }

  private sentenceIndex(at: number): number {
    let lo = 0;
    let hi = this.sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.sentences[mid].start <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Full form of a short name: "Kirby" -> "John Kirby" when the article names him fully anywhere. */
  fullForm(name: string): string {
    const ws = words(name);
    if (ws.length === 0) return name;
    // The longest name (of at most four words) ending in these words; of equally long ones, the first seen.
    let best = name;
    let bestLength = ws.length;
    let bestSeen = Infinity;
    for (const full of this.byTail.get(ws.join(' ')) ?? []) {
      const length = words(full).length;
      const seen = this.firstSeen.get(full) ?? Infinity;
      if (length > bestLength || (length === bestLength && best !== name && seen < bestSeen)) {
        best = full;
        bestLength = length;
        bestSeen = seen;
      }
    }
    return best;
  }

  /**
   * Records a resolved speaker so later pronouns can point to it (it also stands for unnamed sources: "a NATO official").
   * `speaks` says the cue reports speech or a stance; only then may a one-word "place" be taken for a person.
   */
  remember(range: Range, name: string, phraseText: string, speaks = true): void {
    for (let k = this.lowerBound(range.start); k < this.candidates.length && this.candidates[k].start === range.start; k++) {
      const existing = this.candidates[k];
      if (existing.end !== range.end) continue;
      // A one-word name guessed to be a place that turns out to speak is taken for a person ("Vucic later denied").
      // Only a speaker does that: BBC "Syria needs a political solution in order to defeat ..." made "Syria" the
      // holder of an aim, and the next bullet's "He would speak bluntly" then pointed to Syria.
      if (speaks && existing.guessed && !looksLikeGroup(name) && existing.group) {
        existing.group = false;
        this.noteName(existing.name, existing.start);
      }
      return;
    }
    const { role } = splitRole(phraseText);
    const group = looksLikeGroup(name);
    this.insert({ ...range, name, group, role, gender: group ? null : genderOf(name, role, phraseText) });
  }

  /**
   * Nearest earlier candidate in subject position: the current sentence first, then earlier ones, taking the first
   * compatible candidate of each sentence (the subject, usually) — "Vucevic denied ... with Kurti ... Mojsilovic.
   * "...," he said" is Vucevic.
   */
  private antecedent(at: number, accept: (c: Candidate) => boolean, maxSentencesBack = 6): Candidate | null {
    const here = this.sentenceIndex(at);
    for (let s = here; s >= 0 && s >= here - maxSentencesBack; s--) {
      const sentence = this.sentences[s];
      for (let k = this.lowerBound(sentence.start); k < this.candidates.length && this.candidates[k].start < sentence.end; k++) {
        const c = this.candidates[k];
        if (c.end <= at && accept(c)) return c;
      }
    }
    return null;
  }

  private byRole(head: string, at: number): Candidate | null {
    const matches = this.byRoleWord.get(head) ?? [];
    let first: Candidate | null = null;
    for (const c of matches) {
      if (!c.group) {
        first = c;
        break;
      }
    }
    // The last holder before `at`: those starting at or after it cannot end before it.
    let k = matches.length - 1;
    while (k >= 0 && matches[k].start >= at) k--;
    for (; k >= 0; k--) if (!matches[k].group && matches[k].end <= at) return matches[k];
    return first;
  }

  /** The paragraph holding offset `at`. */
  private paragraphIndex(at: number): number {
    let lo = 0;
    let hi = this.paragraphs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.paragraphs[mid].start <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** A list item: one line, marked with a bullet or ending without a full stop ("Syria needs a political solution ..."). */
  private isListItem(p: number): boolean {
    const item = this.text.slice(this.paragraphs[p].start, this.paragraphs[p].end).trim();
    if (item === '' || item.includes('\n') || item.length > MAX_LIST_ITEM_CHARS) return false;
    return LIST_BULLET.test(item) || !/[.!?:]["”’)]*$/.test(item);
  }

  /**
   * The paragraph that introduces the list holding offset `at` ("President Barack Obama also said:" over bullets), or
   * null when `at` is not in a list item. Every item between it and `at` must be a list item too.
   */
  private listIntro(at: number): Range | null {
    const p = this.paragraphIndex(at);
    if (!this.isListItem(p)) return null;
    for (let q = p - 1; q >= 0 && q >= p - MAX_LIST_ITEMS; q--) {
      const para = this.paragraphs[q];
      if (/:\s*$/.test(this.text.slice(para.start, para.end))) return para;
      if (!this.isListItem(q)) return null;
    }
    return null;
  }

  /**
   * The intro's subject: the first candidate in [range.start, range.end) before `at` that `accept` takes, a named one
   * first ("In a long radio interview, Prime Minister Tomas Novak also said:" -> Tomas Novak, not the interview).
   */
  private firstIn(range: Range, at: number, accept: (c: Candidate) => boolean): Candidate | null {
    let unnamed: Candidate | null = null;
    for (let k = this.lowerBound(range.start); k < this.candidates.length && this.candidates[k].start < range.end; k++) {
      const c = this.candidates[k];
      if (c.end > at || !accept(c)) continue;
      if (isCapitalised(c.name)) return c;
      unnamed ??= c;
    }
    return unnamed;
  }

  /** The person named right before a description, with only a comma between: "Rui Resident, [a São Paulo resident]". */
  private appositionHolder(at: number): Candidate | null {
    for (let k = this.lowerBound(at) - 1; k >= 0 && k >= this.lowerBound(at) - 4; k--) {
      const c = this.candidates[k];
      if (c.end > at) continue;
      if (!c.group && /^\s*,\s*$/.test(this.text.slice(c.end, at))) return c;
      return null;
    }
    return null;
  }

  /** Resolves the source words at [start, end) to a speaker. */
  resolve(sourceStart: number, sourceEnd: number): Speaker {
    let start = sourceStart;
    let end = sourceEnd;
    let phrase = this.text.slice(start, end).replace(RELATIVE_TAIL, '').trim();
    // "the US National Security Council, whose spokesman": speak for the possessor when the person has no name.
    const whose = /^(.*?),?\s+whose\s+(\S.*)$/s.exec(phrase);
    if (whose) {
      const holder = this.byRole(words(whose[2]).pop()?.toLowerCase() ?? '', start);
      if (holder && holder.end <= start) return { name: this.fullForm(holder.name), mention: { start: holder.start, end: holder.end } };
      phrase = whose[1];
      end = start + whose[1].length;
    }
    const lower = phrase.toLowerCase();
    if (PERSON_PRONOUNS.has(lower) && lower !== 'i' && lower !== 'we' && lower !== 'you') {
      const female = lower === 'she' || lower === 'her';
      const exact = (c: Candidate): boolean => !c.group && c.gender === 'f';
      const compatible = (c: Candidate): boolean => !c.group && c.gender !== (female ? 'm' : 'f');
      // In a list under "X said:", a pronoun with no antecedent in its own item stands for X, not for the subject
      // of the item before (BBC: "Syria needs a political solution ..." / "He would speak "bluntly" ..." is Obama).
      const intro = this.listIntro(start);
      const inList = intro
        ? (female ? this.antecedent(start, exact, 0) : null) ?? this.antecedent(start, compatible, 0) ??
          (female ? this.firstIn(intro, start, exact) : null) ?? this.firstIn(intro, start, compatible)
        : null;
      const found =
        inList ??
        (female ? this.antecedent(start, exact) : null) ??
        this.antecedent(start, compatible);
      return found ? { name: this.fullForm(found.name), mention: { start: found.start, end: found.end } } : { name: null, mention: null };
    }
    if (GROUP_PRONOUNS.has(lower) || lower === 'we') {
      const found = lower === 'it' || lower === 'they' ? this.antecedent(start, (c) => c.group, lower === 'it' ? 2 : 1) : null;
      return found ? { name: found.name, mention: { start: found.start, end: found.end } } : { name: null, mention: null };
    }
    if (lower === 'i' || lower === 'you') return { name: null, mention: null };

    // "Serbia's Vucic", "Serbia's leader Vucic": the words after the possessive name the speaker.
    const possessed = POSSESSOR.exec(phrase);
    if (possessed && /['’]/.test(phrase) && /\p{Lu}/u.test(possessed[2])) {
      start = end - possessed[2].length;
      phrase = possessed[2];
    }
    // A mention inside the phrase wins: the rightmost person ("... spokesman John Kirby"), else an organization.
    const inside: Candidate[] = [];
    for (let k = this.lowerBound(start); k < this.candidates.length && this.candidates[k].start < end; k++) {
      if (this.candidates[k].end <= end) inside.push(this.candidates[k]);
    }
    // With an apposition ("John Kirby, Coordinator for ... Council,") the person before the first comma is the head.
    const comma = this.text.indexOf(',', start);
    const head = comma > start && comma < end ? inside.filter((c) => !c.group && c.end <= comma) : [];
    const person = head.pop() ?? inside.filter((c) => !c.group).pop();
    if (person) return { name: this.fullForm(person.name), mention: { start: person.start, end: person.end } };

    // "a São Paulo resident", "a Kyiv mother of two", "a resident of Kyiv": a place that only qualifies a description
    // of someone is never the speaker; the person named next to the description is ("Rui Resident, a São Paulo
    // resident who tweeted ..., said"), else the description itself.
    // (A role after the place is left to the role rules: "the Vermont senator" is the senator named earlier.)
    const place = inside.find((c) => c.place && c.group);
    const roleAfter = place !== undefined && words(this.text.slice(place.end, end)).some((w) => ROLE_WORDS.has(w.toLowerCase()));
    if (place && !roleAfter && describesSomeone(this.text.slice(start, end), place.start - start, place.end - start)) {
      const named = this.appositionHolder(start);
      if (named) return { name: this.fullForm(named.name), mention: { start: named.start, end: named.end } };
      return { name: phrase, mention: null };
    }

    const bare = phrase.replace(DETERMINERS, '');
    const { role, name } = splitRole(bare);
    if (name && isCapitalised(name)) {
      const org = inside.find((c) => c.group);
      if (org && !role) return { name: org.name, mention: { start: org.start, end: org.end } };
      return { name: looksLikeGroup(name) ? name : this.fullForm(name), mention: null };
    }
    const headWord = words(bare).pop()?.toLowerCase() ?? '';
    if (ROLE_WORDS.has(headWord)) {
      // Role only: "the spokesman", "Serbian President" -> the named person holding that role; "a NATO official",
      // "US officials" stay descriptions.
      const definite = /^(the|this)\b/i.test(phrase) || isCapitalised(phrase);
      const holder = definite && !headWord.endsWith('s') ? this.byRole(headWord, start) : null;
      if (holder) return { name: this.fullForm(holder.name), mention: { start: holder.start, end: holder.end } };
      return { name: phrase, mention: null };
    }
    const org = inside.find((c) => c.group);
    if (org) return { name: org.name, mention: { start: org.start, end: org.end } };
    return { name: phrase || null, mention: null };
  }
}
