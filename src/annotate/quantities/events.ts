// What happened to what a quantity counts ("three Serb gunmen were killed" -> kill), as data: the predicate
// words of each event, matched through the Porter stemmer so that "kill", "killed", "killing" are one entry.
import type { TaggedToken } from '../nlp.js';
import { stemWord } from './kinds.js';

/**
 * One event and the words that report it. `words` are matched by stem on one token; `phrases` are token
 * sequences where "a|b" lists alternatives and "*" is an optional determiner or possessive ("lost their lives").
 */
export interface EventTrigger {
  event: string;
  words: string[];
  phrases?: string[];
  /**
   * The words of `words` that also report the event as nouns ("the death of", "an attack on"). A word tagged as a
   * noun matches only when listed here: "a combined mass of 70,000 pounds" is no deployment.
   */
  nouns?: string[];
}

/** The events, each with the wording that motivated it. */
export const EVENT_TRIGGERS: EventTrigger[] = [
  // "three Serb gunmen were killed" (Reuters), "three of the assailants lost their lives" (DW), "leaving one
  // police officer dead" (Anadolu), "the death of a policeman and 3 attackers" (a Turkish site), "Three rebels were killed".
  {
    event: 'kill',
    words: ['kill', 'dead', 'die', 'died', 'dying', 'slain', 'slay', 'perish', 'murder', 'execute', 'massacre', 'behead'],
    phrases: ['lost * lives', 'lost * life', 'lose * lives', 'losing * lives', 'shot dead', 'gunned down'],
    nouns: ['death', 'fatality', 'murder', 'massacre', 'killing'],
  },
  // "leaving one police officer dead and another injured"; "Two firefighters were treated for smoke inhalation".
  {
    event: 'injure',
    words: ['injure', 'wound', 'hurt', 'hospitalised', 'hospitalized', 'maim'],
    phrases: ['treated for', 'treated in hospital'],
    nouns: ['injury', 'wound'],
  },
  // "NATO ... plans to send 600 more soldiers", "NATO peacekeepers were deployed", "Serbia massing troops on border",
  // "A large number of security forces were dispatched to the region".
  {
    event: 'deploy',
    words: ['deploy', 'redeploy', 'send', 'sent', 'station', 'mass', 'dispatch', 'mobilise', 'mobilize', 'amass', 'reinforce'],
    phrases: ['bring in', 'brought in', 'move in', 'moved in'],
    nouns: ['deployment', 'dispatch'],
  },
  // "the troop count had been decreased from 8,350 to 4,500", "urged Serbia to reduce its troops", "withdraw its forces".
  {
    event: 'reduce',
    words: ['reduce', 'decrease', 'cut', 'withdraw', 'withdrew', 'withdrawn', 'lower', 'shrink', 'shrank'],
    phrases: ['pull back', 'pulled back', 'pull out', 'pulled out', 'scale back', 'scaled back', 'draw down', 'drew down'],
    nouns: ['reduction', 'decrease', 'cut', 'withdrawal', 'drawdown'],
  },
  // "ready to boost the force", "increase its presence".
  {
    event: 'increase',
    words: ['increase', 'raise', 'boost', 'rise', 'rose', 'risen', 'grow', 'grew', 'grown', 'swell', 'double', 'triple'],
    nouns: ['increase', 'rise', 'boost'],
  },
  // "police also arrested 17 people", "Thai police have detained more than 300 beggars".
  {
    event: 'arrest',
    words: ['arrest', 'detain', 'capture', 'apprehend', 'jail', 'imprison'],
    phrases: ['taken into custody', 'took into custody'],
    nouns: ['arrest', 'capture', 'detention'],
  },
  // "a coordinated attack on 37 distinct positions".
  {
    event: 'attack',
    words: ['attack', 'strike', 'struck', 'target', 'shell', 'raid', 'storm', 'bomb', 'ambush'],
    nouns: ['attack', 'strike', 'raid', 'ambush', 'shelling', 'bombing'],
  },
  // "Kosovo police engaged in a gunfight with approximately 30 armed Serbs".
  {
    event: 'fight',
    words: ['clash', 'fight', 'fought', 'battle'],
    phrases: ['exchange of fire', 'exchanged fire'],
    nouns: ['clash', 'gunfight', 'shootout', 'firefight', 'fight', 'battle'],
  },
  // "destroyed 12 armoured vehicles".
  { event: 'destroy', words: ['destroy', 'wreck', 'demolish'], nouns: ['destruction'] },
  // "Both sides lost 3 tanks" (after "lost their lives", which is "kill").
  { event: 'lose', words: ['lose', 'lost', 'losing'] },
  // "120 residents were evacuated", "40 more people ... were moved out as a precaution", "thousands fled".
  {
    event: 'displace',
    words: ['flee', 'fled', 'evacuate', 'displace', 'escape', 'relocate', 'rehouse'],
    phrases: ['moved out', 'move out', 'forced out'],
    nouns: ['evacuation', 'displacement', 'escape'],
  },
  { event: 'abduct', words: ['abduct', 'kidnap'], phrases: ['taken hostage', 'took hostage', 'held hostage'], nouns: ['abduction', 'kidnapping'] },
];

interface CompiledPhrase {
  event: string;
  /** Per position: accepted stems, or null for the optional determiner slot. */
  parts: (Set<string> | null)[];
}

const wordEvent = new Map<string, string>();
const nounEvent = new Map<string, string>();
const phrases: CompiledPhrase[] = [];
for (const t of EVENT_TRIGGERS) {
  for (const w of t.nouns ?? []) if (!nounEvent.has(stemWord(w))) nounEvent.set(stemWord(w), t.event);
  for (const w of t.words) if (!wordEvent.has(stemWord(w))) wordEvent.set(stemWord(w), t.event);
  for (const p of t.phrases ?? []) {
    phrases.push({ event: t.event, parts: p.split(/\s+/).map((part) => (part === '*' ? null : new Set(part.split('|').map(stemWord)))) });
  }
}

/** Determiners and possessives the "*" slot of a phrase accepts ("lost their lives", "lost lives"). */
const SLOT_WORDS = new Set(['their', 'his', 'her', 'its', 'the', 'a', 'an', 'my', 'our', 'your']);

/** An event word or phrase found in a token list: its event and its tokens [start, next). */
export interface EventMatch {
  event: string;
  start: number;
  next: number;
}

/** The event phrase or word that starts at token i, or null. Phrases win over single words ("shot dead"). */
export function eventAt(tokens: TaggedToken[], i: number): EventMatch | null {
  if (!tokens[i]) return null;
  for (const p of phrases) {
    let j = i;
    let ok = true;
    for (const part of p.parts) {
      if (part === null) {
        if (tokens[j] && SLOT_WORDS.has(tokens[j].text.toLowerCase())) j++;
        continue;
      }
      if (!tokens[j] || !part.has(stemWord(tokens[j].text))) {
        ok = false;
        break;
      }
      j++;
    }
    if (ok) return { event: p.event, start: i, next: j };
  }
  // "lower than the 3 percent": a comparison, not an event
  if (tokens[i + 1]?.text.toLowerCase() === 'than') return null;
  const noun = tokens[i].pos === 'NOUN' || tokens[i].pos === 'PROPN';
  const event = (noun ? nounEvent : wordEvent).get(stemWord(tokens[i].text));
  return event ? { event, start: i, next: i + 1 } : null;
}

/** The event phrase or word that ends on token i (looked for up to four tokens back), or null. */
export function eventEndingAt(tokens: TaggedToken[], i: number): EventMatch | null {
  for (let s = Math.max(0, i - 3); s <= i; s++) {
    const m = eventAt(tokens, s);
    if (m && m.next === i + 1) return m;
  }
  return null;
}
