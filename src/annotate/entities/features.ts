// Feature extraction shared by the training script and the runtime tagger (they must agree exactly).
import { foldKey, type Gazetteer } from './gazetteer.js';
import { CLASSES, TAGS, tagClass } from './tags.js';

/** A document ready for tagging: token forms per sentence and their observation features. */
export interface PreparedDoc {
  sentences: string[][];
  /** observation[s][i]: features of token i in sentence s that do not depend on predicted tags. */
  observation: string[][][];
  /** hideWord[s][i]: the word's identity features were left out (training on rare words, see below). */
  hideWord: boolean[][];
}

const BOUNDARY = '<s>';

// Feature strings are rebuilt for every token, and V8 must flatten and hash each fresh concatenation before
// the model's Map lookup. Handing out one string per (prefix, value) lets lookups reuse a cached hash and
// spares the garbage; the tables are dropped when they grow large, so a long stream cannot fill memory.
const MAX_INTERNED_PER_PREFIX = 100_000;
const interned = new Map<string, Map<string, string>>();
function feature(prefix: string, value: string): string {
  let byValue = interned.get(prefix);
  if (!byValue) interned.set(prefix, (byValue = new Map()));
  let name = byValue.get(value);
  if (name === undefined) {
    if (byValue.size >= MAX_INTERNED_PER_PREFIX) byValue.clear();
    name = prefix + value;
    byValue.set(value, name);
  }
  return name;
}
// Occurrences of one word looked at for context aggregation (bounds the cost on very repetitive documents).
const MAX_AGGREGATED = 12;

/** Word shape with character classes: "Vucic" -> "Xxxxx", "8,350" -> "d,ddd" (runs capped at 4). */
export function wordShape(word: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of word) {
    const c = ch >= 'A' && ch <= 'Z' ? 'X' : ch >= 'a' && ch <= 'z' ? 'x' : ch >= '0' && ch <= '9' ? 'd' : /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : ch;
    run = c === last ? run + 1 : 1;
    last = c;
    if (run <= 4) out += c;
  }
  return out;
}

/** Shape with runs collapsed: "Vucic" -> "Xx", "U.S." -> "X.X.". */
export function shortShape(word: string): string {
  let out = '';
  for (const ch of wordShape(word)) if (out[out.length - 1] !== ch) out += ch;
  return out;
}

function isHeadline(words: readonly string[]): boolean {
  let letters = 0;
  let upper = 0;
  for (const w of words) {
    if (!/[A-Za-z]/.test(w)) continue;
    letters++;
    if (w === w.toUpperCase() && /[A-Z]{2}/.test(w)) upper++;
  }
  return letters >= 2 && upper / letters > 0.6;
}

/**
 * Observation features for every token of a document. `sentences` are token forms (CoNLL-normalised).
 * `hide` (training only) names rare words whose identity features are left out, so the model learns to
 * judge words it has never seen from shape, affixes and context: otherwise every training word is
 * "known" and unseen names at run time ("Vucic later denied ...") fall back on weights never trained.
 */
export function prepareDocument(sentences: string[][], gazetteer: Gazetteer, hide?: (lowerWord: string) => boolean): PreparedDoc {
  // Document-level casing evidence: a capitalised word that the same document also writes in lower case
  // mid-sentence is probably a common word ("Police" at a sentence start vs "police"); one written
  // capitalised mid-sentence is probably a name, which also helps in ALL-CAPS headlines.
  const lowerSeen = new Set<string>();
  const titleSeen = new Set<string>();
  const headline = sentences.map(isHeadline);
  sentences.forEach((words, s) => {
    if (headline[s]) return;
    for (let i = 1; i < words.length; i++) {
      const w = words[i];
      if (/^[a-z]/.test(w)) lowerSeen.add(w);
      else if (/^[A-Z][a-z]/.test(w)) titleSeen.add(w.toLowerCase());
    }
  });

  // Context aggregation (Ratinov & Roth 2009): a capitalised word also sees the neighbours of its other
  // occurrences in the document, so "Kirby" in "Kirby said" learns from "spokesman John Kirby" elsewhere.
  const occurrences = new Map<string, { s: number; i: number }[]>();
  sentences.forEach((words, s) => {
    words.forEach((w, i) => {
      if (!/^[A-Z]/.test(w)) return;
      const key = w.toLowerCase();
      let list = occurrences.get(key);
      if (!list) occurrences.set(key, (list = []));
      if (list.length < MAX_AGGREGATED) list.push({ s, i });
    });
  });
  const aggregate = (s: number, i: number, out: string[]): void => {
    const list = occurrences.get(sentences[s][i].toLowerCase());
    if (!list || list.length < 2) return;
    const seen = new Set<string>();
    for (const o of list) {
      if (o.s === s && o.i === i) continue;
      const words = sentences[o.s];
      const prev = o.i > 0 ? words[o.i - 1].toLowerCase() : BOUNDARY;
      const next = o.i + 1 < words.length ? words[o.i + 1].toLowerCase() : BOUNDARY;
      for (const f of ['a-1=' + prev, 'a+1=' + next, 'ass=' + shortShape(words[o.i]) + (headline[o.s] ? 'H' : '')]) {
        if (!seen.has(f)) {
          seen.add(f);
          out.push(f);
        }
      }
    }
  };

  const hideWord = sentences.map((words) => words.map((w) => (hide ? hide(w.toLowerCase()) : false)));
  const observation = sentences.map((words, s) => {
    const lower = words.map((w) => w.toLowerCase());
    const folded = words.map(foldKey);
    const shapes = words.map(shortShape);
    const gaz = gazetteer.matchTokens(words, folded);
    const at = (arr: readonly string[], i: number): string => (i < 0 || i >= arr.length ? BOUNDARY : arr[i]);
    const caps = headline[s];
    return words.map((w, i) => {
      const lw = lower[i];
      const ss = shapes[i];
      const f: string[] = [
        'b',
        feature('sh=', wordShape(w)),
        feature('ss=', ss),
        feature('w-1=', at(lower, i - 1)),
        feature('w+1=', at(lower, i + 1)),
        feature('w-2=', at(lower, i - 2)),
        feature('w+2=', at(lower, i + 2)),
        feature('ss-1=', at(shapes, i - 1)),
        feature('ss+1=', at(shapes, i + 1)),
        feature('ss-2=', at(shapes, i - 2)),
        feature('ss+2=', at(shapes, i + 2)),
        'ss-1ss=' + at(shapes, i - 1) + '|' + ss,
        'ssss+1=' + ss + '|' + at(shapes, i + 1),
        'ss3=' + at(shapes, i - 1) + '|' + ss + '|' + at(shapes, i + 1),
        'w-1ss=' + at(lower, i - 1) + '|' + ss,
        'ssw+1=' + ss + '|' + at(lower, i + 1),
      ];
      if (!hideWord[s][i]) f.push(feature('w=', lw), feature('W=', w), 'w-1w=' + at(lower, i - 1) + '|' + lw, 'ww+1=' + lw + '|' + at(lower, i + 1));
      for (let k = 1; k <= 4 && k < lw.length; k++) f.push('p' + k + '=' + lw.slice(0, k), 's' + k + '=' + lw.slice(-k));
      if (i === 0) f.push('first', 'first|ss=' + ss);
      if (w.includes('-')) f.push('hyphen');
      if (caps) f.push('H', 'H|w=' + lw);
      for (const g of gaz[i]) f.push(feature('g=', g));
      for (const g of i > 0 ? gaz[i - 1] : []) f.push('g-1=' + g);
      for (const g of i + 1 < words.length ? gaz[i + 1] : []) f.push('g+1=' + g);
      if (/[A-Z]/.test(w[0] ?? '')) {
        if (lowerSeen.has(lw)) f.push('dl');
        if (titleSeen.has(lw)) f.push(caps ? 'dtH' : 'dt');
        aggregate(s, i, f);
      }
      return f;
    });
  });
  return { sentences, observation, hideWord };
}

// Slot of each tag's class in the history counts (O last).
const CLASS_SLOT = TAGS.map((_, tag) => {
  const cls = tagClass(tag);
  return cls === null ? 4 : CLASSES.indexOf(cls);
});

/** Per-document memory of the classes already given to each word (Ratinov & Roth's "prediction history"). */
export class PredictionHistory {
  private readonly counts = new Map<string, number[]>();

  record(word: string, tag: number): void {
    if (!/^[A-Z]/.test(word)) return;
    const key = word.toLowerCase();
    let c = this.counts.get(key);
    if (!c) this.counts.set(key, (c = [0, 0, 0, 0, 0]));
    c[CLASS_SLOT[tag]]++;
  }

  features(word: string, out: string[]): void {
    const c = this.counts.get(word.toLowerCase());
    if (!c) return;
    let best = -1;
    for (let k = 0; k < 5; k++) {
      if (c[k] === 0) continue;
      out.push('h=' + (k === 4 ? 'O' : CLASSES[k]));
      if (best < 0 || c[k] > c[best]) best = k;
    }
    out.push('hm=' + (best === 4 ? 'O' : CLASSES[best]));
  }
}

/** Features that depend on the tags already chosen to the left. */
export function dynamicFeatures(
  observation: readonly string[],
  words: readonly string[],
  i: number,
  prev1: number,
  prev2: number,
  history: PredictionHistory,
  hideWord = false,
): string[] {
  const t1 = prev1 < 0 ? BOUNDARY : TAGS[prev1];
  const t2 = prev2 < 0 ? BOUNDARY : TAGS[prev2];
  const f = observation.slice();
  f.push('t-1=' + t1, 't-2t-1=' + t2 + '|' + t1);
  if (!hideWord) f.push('t-1w=' + t1 + '|' + words[i].toLowerCase());
  history.features(words[i], f);
  return f;
}
