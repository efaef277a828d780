// What a quantity counts, normalised so that outlets' different words for one kind of thing compare equal
// ("3 Serb gunmen", "three of the assailants", "Three rebels", "3 attackers" are one count of one kind).
// The classes are data, each word written once in the singular; text words are reduced to their singular with the
// help of the Porter stemmer (see singular()).
import { stemmer } from 'stemmer';

/** One class of counted things: the normalised kind and the (singular) words that name it. */
export interface KindClass {
  kind: string;
  words: string[];
  /**
   * Multi-word names, matched on the last words of the counted phrase ("police officer", "armed man").
   * Checked before single words, so "police officer" wins over "officer".
   */
  phrases?: string[];
}

/**
 * The classes, most specific first. A word belongs to the first class that lists it.
 * Names for one role are pooled even when their tone differs ("rebels" vs "terrorists"): outlets pick the word
 * that suits their stance, and the count they report is the same.
 */
export const KIND_CLASSES: KindClass[] = [
  // Banjska, Sept. 2023: "three Serb gunmen" (Reuters), "three of the assailants" (DW), "Three rebels" (an
  // aggregator), "3 attackers" (a Turkish site), "approximately 30 armed Serbs", "a terrorist attack".
  {
    kind: 'attacker',
    words: ['gunman', 'assailant', 'attacker', 'rebel', 'militant', 'terrorist', 'insurgent', 'paramilitary', 'raider', 'shooter', 'jihadist', 'guerrilla', 'fighter', 'hijacker', 'bomber', 'perpetrator'],
    phrases: ['armed man', 'armed person', 'armed individual', 'armed serb', 'armed assailant'],
  },
  // "NATO ... plans to send 600 more soldiers ... KFOR ... consists of approximately 4,500 troops",
  // "the troop count had been decreased from 8,350 to 4,500", "Turkish reinforcements".
  {
    kind: 'soldier',
    words: ['soldier', 'troop', 'serviceman', 'servicemember', 'peacekeeper', 'reinforcement', 'marine', 'paratrooper', 'reservist', 'conscript', 'infantryman', 'commando', 'sailor', 'airman', 'force'],
    phrases: ['military personnel', 'service member', 'army officer', 'military officer'],
  },
  // "one Kosovo police officer" (DW), "a Kosovo police officer" (Reuters), "a policeman" (a Turkish site).
  {
    kind: 'police officer',
    words: ['policeman', 'policewoman', 'cop', 'gendarme', 'officer', 'constable', 'trooper'],
    phrases: ['police officer', 'police force', 'police member', 'police agent', 'border guard', 'border police officer'],
  },
  // Casualty and crowd counts. "civilians", "residents" and "villagers" are one class (people not in a fighting or
  // police role); plain "people" is kept apart as the generic "person", which kindsCompatible matches with any
  // class of people.
  { kind: 'civilian', words: ['civilian', 'resident', 'villager', 'inhabitant', 'local', 'bystander', 'passerby'] },
  { kind: 'protester', words: ['protester', 'protestor', 'demonstrator', 'rioter', 'marcher'] },
  { kind: 'child', words: ['child', 'kid', 'minor', 'teenager', 'boy', 'girl', 'infant', 'baby', 'children'] },
  { kind: 'refugee', words: ['refugee', 'migrant', 'evacuee', 'asylum-seeker'], phrases: ['displaced person', 'asylum seeker'] },
  { kind: 'hostage', words: ['hostage', 'captive', 'abductee'] },
  { kind: 'detainee', words: ['detainee', 'prisoner', 'suspect', 'inmate'] },
  { kind: 'journalist', words: ['journalist', 'reporter', 'photographer', 'cameraman'] },
  { kind: 'person', words: ['person', 'people', 'individual', 'man', 'woman', 'adult', 'victim', 'casualty', 'member'] },
  // "Serbia deployed sophisticated tanks and artillery", "armoured vehicles", "transport vehicles".
  { kind: 'tank', words: ['tank'] },
  { kind: 'armoured vehicle', words: ['apc', 'ifv'], phrases: ['armoured vehicle', 'armored vehicle', 'armoured personnel carrier', 'armored personnel carrier', 'fighting vehicle', 'military vehicle'] },
  { kind: 'artillery', words: ['howitzer', 'artillery', 'cannon', 'mortar'], phrases: ['artillery piece', 'rocket launcher'] },
  { kind: 'aircraft', words: ['aircraft', 'jet', 'warplane', 'plane', 'helicopter'], phrases: ['fighter jet', 'fighter plane'] },
  { kind: 'drone', words: ['drone', 'uav'] },
];

/** Currency words after a number ("1.5 million euros") and the ISO code they count in. */
export const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'usd', dollars: 'usd', euro: 'eur', euros: 'eur', pound: 'gbp', pounds: 'gbp', yen: 'jpy', ruble: 'rub',
  rubles: 'rub', rouble: 'rub', roubles: 'rub', dinar: 'rsd', dinars: 'rsd', franc: 'chf', francs: 'chf',
};

/** Currency marks before a number ("$22 million") and their ISO code. "$" is taken as US dollars, the usual case. */
export const CURRENCY_MARKS: Record<string, string> = { $: 'usd', '€': 'eur', '£': 'gbp', '¥': 'jpy' };

/**
 * Units of measure: time, distance, speed, area, mass and volume ("five hours", "95 miles (152 kilometers)",
 * "180 mph"), and repetition ("imprisoned three times"). They measure rather than count, so they take no event or owner; spellings and abbreviations of one
 * unit share a kind.
 */
export const MEASURE_UNITS: Record<string, string> = {
  time: 'time', second: 'second', minute: 'minute', hour: 'hour', day: 'day', week: 'week', month: 'month', year: 'year', decade: 'decade', century: 'century',
  mile: 'mile', kilometer: 'kilometre', kilometre: 'kilometre', km: 'kilometre', kms: 'kilometre', meter: 'metre', metre: 'metre', m: 'metre',
  foot: 'foot', feet: 'foot', ft: 'foot', inch: 'inch', centimeter: 'centimetre', centimetre: 'centimetre', cm: 'centimetre', yard: 'yard',
  mph: 'mph', kph: 'km/h', 'km/h': 'km/h', knot: 'knot', acre: 'acre', hectare: 'hectare', ton: 'tonne', tonne: 'tonne', kilogram: 'kilogram',
  kg: 'kilogram', gram: 'gram', lb: 'pound (mass)', lbs: 'pound (mass)', litre: 'litre', liter: 'litre', barrel: 'barrel', gallon: 'gallon', degree: 'degree', megawatt: 'megawatt',
};

/**
 * Kinds whose count is fielded by someone (an army's troops, a police force's officers, a state's tanks): a
 * name or nationality written before them is their owner ("4,500 KFOR troops", "Serbian tanks"). For other
 * kinds a nationality only describes ("three Serb gunmen" are not Serbia's).
 */
export const FIELDED_KINDS = new Set(['soldier', 'police officer', 'tank', 'armoured vehicle', 'artillery', 'aircraft', 'drone']);

/** Kinds that count people; "person" is the generic one and is compatible with all of them. */
export const PERSON_KINDS = new Set([
  'attacker', 'soldier', 'police officer', 'civilian', 'protester', 'child', 'refugee', 'hostage', 'detainee', 'journalist', 'person',
]);

/** Head words that name a count of the word before them ("troop count", "death toll"): the kind is that word. */
export const COUNT_HEADS = new Set(['count', 'number', 'numbers', 'toll', 'tally', 'total', 'strength', 'headcount', 'figure', 'size', 'contingent']);

/** Death and injury tolls count people ("the death toll rose to 12"). */
const TOLL_WORDS = new Set(['death', 'casualty', 'injury', 'fatality']);

/**
 * The Porter stem of a word. "-men" plurals are turned to "-man" first: the stemmer leaves "gunmen",
 * "policemen", "servicemen" as they are, and these are the commonest counted nouns in conflict news.
 */
export function stemWord(word: string): string {
  const w = word.toLowerCase();
  return stemmer(/men$/.test(w) && w.length > 3 ? `${w.slice(0, -3)}man` : w === 'men' ? 'man' : w);
}

const wordKind = new Map<string, string>();
const phraseKind = new Map<string, string>();
for (const c of KIND_CLASSES) {
  for (const w of c.words) if (!wordKind.has(w)) wordKind.set(w, c.kind);
  for (const p of c.phrases ?? []) if (!phraseKind.has(p)) phraseKind.set(p, c.kind);
}
const LONGEST_PHRASE = Math.max(...KIND_CLASSES.flatMap((c) => (c.phrases ?? []).map((p) => p.split(/\s+/).length)));

/**
 * A readable singular of a noun, chosen by the stemmer rather than plural rules: the shortest of the word and
 * its "-s", "-es", "-ies"->"-y", "-men"->"-man" reductions that keeps the word's stem ("positions" -> "position",
 * "countries" -> "country", "gunmen" -> "gunman").
 */
export function singular(word: string): string {
  const w = word.toLowerCase();
  const stem = stemWord(w);
  const candidates = [w];
  if (/men$/.test(w)) candidates.push(`${w.slice(0, -3)}man`);
  if (/ies$/.test(w)) candidates.push(`${w.slice(0, -3)}y`);
  if (/(?:s|x|z|ch|sh)es$/.test(w)) candidates.push(w.slice(0, -2));
  // not "bus", "crisis", "status": the stemmer would cut those too
  if (/[^sui]s$/.test(w) && w.length > 3) candidates.push(w.slice(0, -1));
  let best = w;
  // "<=": "gunman" is as long as "gunmen"
  for (const c of candidates.slice(1)) if (c.length <= best.length && stemWord(c) === stem) best = c;
  return best;
}

/**
 * The kind of a counted phrase, given its words in order (lowercase or as written) and whether the last one is a
 * proper noun: the class of its last words ("Serb gunmen" -> "attacker", "Kosovo police officer" ->
 * "police officer"), "person" for a plural demonym ("30 Serbs", "armed Serbs" -> "attacker" via the phrase list),
 * else the singular of the head noun ("distinct positions" -> "position"). Null when there are no words.
 */
export function kindOfWords(words: string[], headIsName = false): string | null {
  if (words.length === 0) return null;
  let ws = words.map((w) => w.toLowerCase());
  // "troop count", "death toll": the counted thing is the word before the count head.
  if (ws.length > 1 && COUNT_HEADS.has(ws[ws.length - 1])) {
    const before = ws[ws.length - 2];
    if (TOLL_WORDS.has(singular(before))) return 'person';
    ws = ws.slice(0, -1);
  }
  // Compared as singulars, not stems: stems conflate too much ("attackers" and "attacks" share "attack").
  const sing = ws.map(singular);
  for (let n = Math.min(LONGEST_PHRASE, sing.length); n >= 2; n--) {
    const kind = phraseKind.get(sing.slice(-n).join(' '));
    if (kind) return kind;
  }
  const head = sing[sing.length - 1];
  const kind = wordKind.get(head) ?? MEASURE_UNITS[head] ?? MEASURE_UNITS[ws[ws.length - 1]];
  if (kind) return kind;
  // A capitalised plural head is a people name ("30 Serbs", "Albanians"): people, role unstated.
  if (headIsName && /^[a-z]+s$/.test(ws[ws.length - 1])) return 'person';
  return singular(ws[ws.length - 1]);
}

/** True when two kinds may name the same count: equal, or one is the generic "person" and the other counts people. */
export function kindsCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  return (a === 'person' && PERSON_KINDS.has(b)) || (b === 'person' && PERSON_KINDS.has(a));
}
