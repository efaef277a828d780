// Name normalisation for story-level entity resolution.
import { ROLE_HEADS, ROLE_MODIFIERS } from '../../annotate/entities/lexicon.js';

/**
 * Accent- and case-folded key of a name: "Vučić's" -> "vucic", "U.S." -> "us", "the Kremlin" -> "kremlin",
 * "Jean-Luc Mélenchon" -> "jean luc melenchon" (outlets write compound names with a hyphen or a space).
 */
export function textKey(text: string): string {
  return cached(textKeys, text, computeTextKey);
}

// A story repeats the same few hundred names thousands of times, and every resolution step keys them: the
// keys are cached (profiling a 1,000-article story showed key building as the largest cost).
const KEY_CACHE_SIZE = 50_000;
const textKeys = new Map<string, string>();
const surnameKeys = new Map<string, string>();

function cached(cache: Map<string, string>, text: string, compute: (text: string) => string): string {
  let key = cache.get(text);
  if (key === undefined) {
    if (cache.size >= KEY_CACHE_SIZE) cache.clear();
    cache.set(text, (key = compute(text)));
  }
  return key;
}

function computeTextKey(text: string): string {
  // Accents need NFD decomposition; plain ASCII (most names in English news) does not.
  const folded = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return folded
    .replace(/[\u2019']s$/i, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/^the\s+/, '')
    .replace(/(\p{L})[-\u2010\u2011](?=\p{L})/gu, '$1 ')
    .replace(/\s+/g, ' ')
    .trim()
    // "Halden Grain Ltd" and "Halden Grain" are one company: legal-form suffixes are not part of the name.
    .replace(/,?\s+(ltd|limited|inc|incorporated|corp|corporation|plc|llc|gmbh|co)$/, '');
}

/** Words of a name without surrounding punctuation or a possessive. */
export function nameWords(text: string): string[] {
  return text
    .replace(/[\u2019']s\b/gi, '')
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, ''))
    .filter((w) => w.length > 0);
}

// Titles written as part of a person mention ("President Macron", "Mr. Vucic", "Prime Minister Albin Kurti"):
// the tagger usually keeps them out of the name, but mentions from other sources may not.
const TITLE_WORDS = new Set([...ROLE_HEADS, ...ROLE_MODIFIERS].map((w) => w.replace(/\.$/, '')));

/**
 * Words of a person's name with leading titles removed: "President Emmanuel Macron" -> ["Emmanuel", "Macron"],
 * "Mr. Vucic" -> ["Vucic"]. At least one word is always kept ("President" alone stays).
 */
export function personNameWords(text: string): string[] {
  const words = nameWords(text);
  let from = 0;
  while (from < words.length - 1 && TITLE_WORDS.has(words[from].toLowerCase().replace(/\.$/, ''))) from++;
  return words.slice(from);
}

/**
 * Key of a surname that survives diacritics and common transliterations, so one person written several ways
 * shares it: "Zelenskyy", "Zelensky", "Zelenskiy" -> "zelenski"; "Vučić", "Vucic", "Vuchich" -> "vucic".
 * Vowels are kept (unlike the first-name skeleton): "Vucic" and "Vucevic" stay apart.
 */
export function surnameKey(word: string): string {
  return cached(surnameKeys, word, computeSurnameKey);
}

function computeSurnameKey(word: string): string {
  return textKey(word)
    .replace(/[\s-]+/g, '')
    .replace(/x/g, 'ks')
    .replace(/ph/g, 'f')
    .replace(/w/g, 'v')
    .replace(/tch|ch/g, 'c')
    .replace(/([sz])h/g, '$1')
    .replace(/kh/g, 'h')
    .replace(/y/g, 'i')
    .replace(/(.)\1+/g, '$1');
}

/** Consonant skeleton that survives common transliterations: "Aleksandar" and "Alexander" -> "alksndr". */
function skeleton(name: string): string {
  const s = textKey(name)
    .replace(/x/g, 'ks')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/c(?=[kq])/g, '')
    .replace(/[cq]/g, 'k')
    .replace(/w/g, 'v')
    .replace(/y/g, 'i')
    .replace(/h/g, '');
  const head = s[0] ?? '';
  return (head + s.slice(1).replace(/[aeiou]/g, '')).replace(/(.)\1+/g, '$1');
}

/** Same person's first name written two ways: equal, an initial ("A." / "A"), or a transliteration. */
export function firstNamesCompatible(a: string, b: string): boolean {
  const ka = textKey(a);
  const kb = textKey(b);
  if (ka === kb) return true;
  if (ka.length === 1 || kb.length === 1) return ka[0] === kb[0];
  return ka.length >= 4 && kb.length >= 4 && skeleton(a) === skeleton(b);
}

/**
 * Given names of a person's name words (all but the surname), compound names split at hyphens:
 * ["Jean-Luc", "Melenchon"] and ["Jean", "Luc", "Melenchon"] both give ["Jean", "Luc"].
 */
export function givenNames(words: readonly string[]): string[] {
  return words.slice(0, -1).flatMap((w) => w.split(/[-\u2010\u2011]/)).filter((w) => w.length > 0);
}

/**
 * Whether two given-name lists can name one person: the first names are compatible, and so are the second
 * ones when both have one. "John F." = "John"; "Jean-Luc" = "Jean Luc"; "Jean-Luc" != "Jean-Pierre";
 * "George W." != "George H. W.".
 */
export function givenNamesCompatible(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  if (!firstNamesCompatible(a[0], b[0])) return false;
  return a.length < 2 || b.length < 2 || firstNamesCompatible(a[1], b[1]);
}

const MINOR_WORDS = new Set(['of', 'the', 'and', 'for', 'de', 'in', 'on']);

/** Initials of a multi-word key: "north atlantic treaty organization" -> "nato"; null for one word. */
export function acronymOf(key: string): string | null {
  const words = key.split(/[\s-]+/).filter((w) => w && !MINOR_WORDS.has(w));
  if (words.length < 2) return null;
  return words.map((w) => w[0]).join('');
}

/**
 * Whether `short` can abbreviate `long` the way texts define acronyms (Schwartz & Hearst 2003): its letters
 * appear in order in the long form, the first one starting a word, and the long form has at least two words.
 * "KFOR" / "Kosovo Force", "NATO" / "North Atlantic Treaty Organization", "UNMIK" / "United Nations Interim
 * Administration Mission in Kosovo" are accepted; "KFOR" / "Kosovo" is not.
 */
export function abbreviates(short: string, long: string): boolean {
  const s = textKey(short).replace(/[^a-z0-9]/g, '');
  const l = textKey(long);
  if (s.length < 2 || !l.includes(' ')) return false;
  // Match right to left; the acronym's first letter must begin a word.
  let li = l.length;
  for (let si = s.length - 1; si >= 0; si--) {
    do li--;
    while (li >= 0 && (l[li] !== s[si] || (si === 0 && li > 0 && l[li - 1] !== ' ')));
    if (li < 0) return false;
  }
  // ... and that word must be the first of the long form, so "NATO-led Kosovo Force" defines no "KFOR".
  return li === 0;
}

/**
 * Values stored under keys, found again by any key within one edit (one letter inserted, deleted or replaced)
 * of a query, through a deletion-neighbourhood index: each key is stored under its L one-letter deletions,
 * so a query costs O(L) hash lookups and never compares against every stored key.
 * Shapes: add("radoicic", v) then near("radojicic") -> [v]; near never returns values of the query's own key.
 */
export class NearIndex<V> {
  private readonly exact = new Map<string, V[]>();
  /** "deleted form" -> entries of the keys it was made from, with the deleted position. */
  private readonly deletions = new Map<string, { key: string; at: number; values: V[] }[]>();

  add(key: string, value: V): void {
    let values = this.exact.get(key);
    if (!values) {
      this.exact.set(key, (values = []));
      for (let at = 0; at < key.length; at++) {
        const form = key.slice(0, at) + key.slice(at + 1);
        let list = this.deletions.get(form);
        if (!list) this.deletions.set(form, (list = []));
        list.push({ key, at, values });
      }
    }
    if (!values.includes(value)) values.push(value);
  }

  /** Distinct values stored under keys one edit away from `key` (not under `key` itself), in insertion order. */
  near(key: string): V[] {
    const out = new Set<V>();
    const push = (values: readonly V[]): void => {
      for (const v of values) out.add(v);
    };
    // A stored key with one letter more: the query is one of its deletions.
    for (const e of this.deletions.get(key) ?? []) push(e.values);
    for (let at = 0; at < key.length; at++) {
      const form = key.slice(0, at) + key.slice(at + 1);
      // A stored key with one letter less.
      push(this.exact.get(form) ?? []);
      // A stored key with one letter replaced: same deletion at the same position.
      for (const e of this.deletions.get(form) ?? []) if (e.at === at && e.key !== key) push(e.values);
    }
    return [...out];
  }
}
