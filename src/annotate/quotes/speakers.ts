// Turns the words naming a source ("he", "the spokesman", "Serbia's Vucic", "a NATO official") into a speaker name.
import type { Mention, Range, Sentence } from '../types.js';
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

export class SpeakerResolver {
  private readonly candidates: Candidate[] = [];
  private readonly fullNames: string[];

  constructor(
    private readonly text: string,
    private readonly sentences: Sentence[],
    mentions: Mention[],
    /** Quoted ranges: names inside someone's quote are not antecedents. */
    private readonly quoted: Range[],
  ) {
    for (const m of mentions) {
      if (m.type === 'other') continue;
      if (this.isQuoted(m.start)) continue;
      const context = text.slice(Math.max(0, m.start - 6), m.start);
      this.candidates.push({
        start: m.start, end: m.end, name: m.text, group: m.type !== 'person', role: m.role ?? '',
        gender: m.type === 'person' ? genderOf(m.text, m.role ?? '', context) : null, guessed: m.type === 'place' && !/\s/.test(m.text),
      });
    }
    this.fullNames = mentions.filter((m) => m.type === 'person' && words(m.text).length >= 2).map((m) => m.text);
    this.sortCandidates();
  }

  private isQuoted(at: number): boolean {
    return this.quoted.some((q) => q.start <= at && at < q.end);
  }

  private sortCandidates(): void {
    this.candidates.sort((a, b) => a.start - b.start);
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
    let best = name;
    for (const full of [...this.fullNames, ...this.candidates.filter((c) => !c.group).map((c) => c.name)]) {
      const fw = words(full);
      if (fw.length <= ws.length || fw.length > 4) continue;
      const tail = fw.slice(fw.length - ws.length).join(' ');
      if (tail === ws.join(' ') && words(full).length > words(best).length) best = full;
    }
    return best;
  }

  /** Records a resolved speaker so later pronouns can point to it (it also stands for unnamed sources: "a NATO official"). */
  remember(range: Range, name: string, phraseText: string): void {
    const existing = this.candidates.find((c) => c.start === range.start && c.end === range.end);
    if (existing) {
      // A one-word name guessed to be a place that turns out to speak is taken for a person ("Vucic later denied").
      if (existing.guessed && !looksLikeGroup(name)) existing.group = false;
      return;
    }
    const { role } = splitRole(phraseText);
    const group = looksLikeGroup(name);
    this.candidates.push({ ...range, name, group, role, gender: group ? null : genderOf(name, role, phraseText) });
    this.sortCandidates();
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
      const inSentence = this.candidates.filter((c) => c.start >= sentence.start && c.start < sentence.end && c.end <= at && accept(c));
      if (inSentence.length > 0) return inSentence[0];
    }
    return null;
  }

  private byRole(head: string, at: number): Candidate | null {
    const matches = this.candidates.filter((c) => !c.group && c.role.toLowerCase().split(/\s+/).includes(head));
    const before = matches.filter((c) => c.end <= at);
    return before.length > 0 ? before[before.length - 1] : matches[0] ?? null;
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
      const found =
        (female ? this.antecedent(start, (c) => !c.group && c.gender === 'f') : null) ??
        this.antecedent(start, (c) => !c.group && c.gender !== (female ? 'm' : 'f'));
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
    const inside = this.candidates.filter((c) => c.start >= start && c.end <= end);
    // With an apposition ("John Kirby, Coordinator for ... Council,") the person before the first comma is the head.
    const comma = this.text.indexOf(',', start);
    const head = comma > start && comma < end ? inside.filter((c) => !c.group && c.end <= comma) : [];
    const person = head.pop() ?? inside.filter((c) => !c.group).pop();
    if (person) return { name: this.fullForm(person.name), mention: { start: person.start, end: person.end } };

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
