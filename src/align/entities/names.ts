// Name normalisation for story-level entity resolution.

/** Accent- and case-folded key of a name: "Vučić's" -> "vucic", "U.S." -> "us", "the Kremlin" -> "kremlin". */
export function textKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2019']s$/i, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words of a name without surrounding punctuation or a possessive. */
export function nameWords(text: string): string[] {
  return text
    .replace(/[\u2019']s\b/gi, '')
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, ''))
    .filter((w) => w.length > 0);
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

const MINOR_WORDS = new Set(['of', 'the', 'and', 'for', 'de', 'in', 'on']);

/** Initials of a multi-word key: "north atlantic treaty organization" -> "nato"; null for one word. */
export function acronymOf(key: string): string | null {
  const words = key.split(/[\s-]+/).filter((w) => w && !MINOR_WORDS.has(w));
  if (words.length < 2) return null;
  return words.map((w) => w[0]).join('');
}
