// Feature extraction shared by the training script and the runtime tagger (they must agree exactly).
// Features are 32-bit hashes (hashing.ts), never strings: each token's values (lower-case form, shapes,
// affixes) are hashed once and every feature of the context window that mentions them mixes those hashes
// with its template's seed. Profiling showed building and looking up feature strings was half the time.
import { foldKey, type Gazetteer } from './gazetteer.js';
import { addChar, feature0, feature1, feature2, feature3, finish, hashString, STRING_START, templateSeed } from '../hashing.js';
import { CLASSES, TAG_COUNT, TAGS, tagClass } from './tags.js';

/**
 * Feature templates. A template's position is part of the hash of every feature it makes, so the list is
 * saved with the model (FEATURE_SCHEMA) and a model trained with another list is refused at load time.
 * Names follow the old string features: "w-1" is the previous word, "ss" the short shape, "t-1" the
 * previous tag, "a-1" a word before another occurrence of the same word, "h" the prediction history.
 */
const TEMPLATES = [
  'b', 'sh', 'ss', 'w-1', 'w+1', 'w-2', 'w+2', 'ss-1', 'ss+1', 'ss-2', 'ss+2', 'ss-1ss', 'ssss+1', 'ss3', 'w-1ss',
  'ssw+1', 'w', 'W', 'w-1w', 'ww+1', 'p1', 'p2', 'p3', 'p4', 's1', 's2', 's3', 's4', 'first', 'first|ss', 'hyphen',
  'H', 'H|w', 'g', 'g-1', 'g+1', 'dl', 'dt', 'dtH', 'a-1', 'a+1', 'ass', 't-1', 't-2t-1', 't-1w', 'h', 'hm',
] as const;
type Template = (typeof TEMPLATES)[number];

/** Identifies the feature set and hashing; stored in the model file and checked when it is loaded. */
export const FEATURE_SCHEMA = 'murmur-fnv1a-v1:' + TEMPLATES.join(',');

function seed(name: Template): number {
  return templateSeed(TEMPLATES.indexOf(name) + 1);
}

const BIAS = feature0(seed('b'));
const SHAPE = seed('sh');
const SHORT = seed('ss');
const PREV_WORD = seed('w-1');
const NEXT_WORD = seed('w+1');
const PREV2_WORD = seed('w-2');
const NEXT2_WORD = seed('w+2');
const PREV_SHORT = seed('ss-1');
const NEXT_SHORT = seed('ss+1');
const PREV2_SHORT = seed('ss-2');
const NEXT2_SHORT = seed('ss+2');
const PREV_SHORT_SHORT = seed('ss-1ss');
const SHORT_NEXT_SHORT = seed('ssss+1');
const SHORT_TRIGRAM = seed('ss3');
const PREV_WORD_SHORT = seed('w-1ss');
const SHORT_NEXT_WORD = seed('ssw+1');
const WORD = seed('w');
const CASED_WORD = seed('W');
const PREV_WORD_WORD = seed('w-1w');
const WORD_NEXT_WORD = seed('ww+1');
const PREFIX = [seed('p1'), seed('p2'), seed('p3'), seed('p4')];
const SUFFIX = [seed('s1'), seed('s2'), seed('s3'), seed('s4')];
const FIRST = feature0(seed('first'));
const FIRST_SHORT = seed('first|ss');
const HYPHEN = feature0(seed('hyphen'));
const HEADLINE = feature0(seed('H'));
const HEADLINE_WORD = seed('H|w');
const GAZETTEER = seed('g');
const PREV_GAZETTEER = seed('g-1');
const NEXT_GAZETTEER = seed('g+1');
const LOWER_ELSEWHERE = feature0(seed('dl'));
const TITLE_ELSEWHERE = feature0(seed('dt'));
const TITLE_ELSEWHERE_HEADLINE = feature0(seed('dtH'));
const AGGREGATE_PREV = seed('a-1');
const AGGREGATE_NEXT = seed('a+1');
const AGGREGATE_SHORT = seed('ass');
const PREV_TAG_WORD = seed('t-1w');

/** Hash of the sentence-boundary value (what "the word before the first word" is). */
const BOUNDARY = hashString('<s>');

/** Longest affix used as a feature. */
const MAX_AFFIX = 4;
// Occurrences of one word looked at for context aggregation (bounds the cost on very repetitive documents).
const MAX_AGGREGATED = 12;

/** A document ready for tagging: token forms and their observation features, in document-wide arrays. */
export interface PreparedDoc {
  sentences: string[][];
  /** Document-wide index of each sentence's first token (one more entry: the token count). */
  sentenceStart: Int32Array;
  /** Observation features of token t (those not depending on predicted tags): features[featureStart[t]..featureStart[t + 1]). */
  features: Int32Array;
  featureStart: Int32Array;
  /** Hash of each token's lower-case form (the tag-word conjunction is built while decoding). */
  lowerHash: Int32Array;
  /** 1 where the word's identity features were left out (training on rare words, see prepareDocument). */
  hidden: Uint8Array;
  /** Prediction-history slot of each token's lower-case form, -1 when the document never capitalises it. */
  historySlot: Int32Array;
  /** 1 for capitalised tokens, whose predicted class goes into the prediction history. */
  recordsHistory: Uint8Array;
  /** Number of history slots (distinct lower-case forms of capitalised words). */
  historySlots: number;
}

// Shape classes of non-ASCII letters.
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const X = 88; // 'X'
const x = 120; // 'x'
const d = 100; // 'd'

/**
 * Hashes of a word's shape with character classes ("Vucic" -> "Xxxxx", "8,350" -> "d,ddd", runs capped at 4)
 * and of its short shape (runs collapsed: "Xx", "X.X."), written to shape[t] and short[t].
 */
function hashShapes(word: string, t: number, shape: Int32Array, short: Int32Array): void {
  let full = STRING_START;
  let collapsed = STRING_START;
  let last = -1;
  let run = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    let c: number;
    if (code >= 65 && code <= 90) c = X;
    else if (code >= 97 && code <= 122) c = x;
    else if (code >= 48 && code <= 57) c = d;
    else if (code < 128) c = code;
    else {
      const point = word.codePointAt(i) ?? code;
      if (point > 0xffff) i++;
      const ch = String.fromCodePoint(point);
      c = UPPER.test(ch) ? X : LOWER.test(ch) ? x : point;
    }
    run = c === last ? run + 1 : 1;
    if (run <= MAX_AFFIX) full = addChar(full, c);
    if (c !== last) collapsed = addChar(collapsed, c);
    last = c;
  }
  shape[t] = finish(full);
  short[t] = finish(collapsed);
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

function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/** Growable list of feature hashes for a whole document. */
class FeatureList {
  data = new Int32Array(1024);
  length = 0;

  push(hash: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = hash;
  }

  /** Pushes `hash` unless it is already among the entries from `from` on. */
  pushOnce(hash: number, from: number): void {
    for (let k = from; k < this.length; k++) if (this.data[k] === hash) return;
    this.push(hash);
  }
}

/**
 * Observation features for every token of a document. `sentences` are token forms (CoNLL-normalised).
 * `hide` (training only) names rare words whose identity features are left out, so the model learns to
 * judge words it has never seen from shape, affixes and context: otherwise every training word is
 * "known" and unseen names at run time ("Vucic later denied ...") fall back on weights never trained.
 */
export function prepareDocument(sentences: string[][], gazetteer: Gazetteer, hide?: (lowerWord: string) => boolean): PreparedDoc {
  const sentenceStart = new Int32Array(sentences.length + 1);
  for (let s = 0; s < sentences.length; s++) sentenceStart[s + 1] = sentenceStart[s] + sentences[s].length;
  const tokenCount = sentenceStart[sentences.length];

  // Values of each token, computed once and shared by every feature of the window that mentions them.
  const lower: string[] = new Array<string>(tokenCount);
  const lowerHash = new Int32Array(tokenCount);
  const wordHash = new Int32Array(tokenCount);
  const shape = new Int32Array(tokenCount);
  const short = new Int32Array(tokenCount);
  const hidden = new Uint8Array(tokenCount);
  const recordsHistory = new Uint8Array(tokenCount);
  const headline = sentences.map(isHeadline);
  const headlineToken = new Uint8Array(tokenCount);
  for (let s = 0, t = 0; s < sentences.length; s++) {
    for (const w of sentences[s]) {
      const lw = w.toLowerCase();
      lower[t] = lw;
      lowerHash[t] = hashString(lw);
      wordHash[t] = lw === w ? lowerHash[t] : hashString(w);
      hashShapes(w, t, shape, short);
      if (hide && hide(lw)) hidden[t] = 1;
      if (isCapitalised(w)) recordsHistory[t] = 1;
      if (headline[s]) headlineToken[t] = 1;
      t++;
    }
  }
  // The previous and next word of each token within its sentence (for context aggregation).
  const prevLower = new Int32Array(tokenCount);
  const nextLower = new Int32Array(tokenCount);
  for (let s = 0; s < sentences.length; s++) {
    const start = sentenceStart[s];
    const end = sentenceStart[s + 1];
    for (let t = start; t < end; t++) {
      prevLower[t] = t > start ? lowerHash[t - 1] : BOUNDARY;
      nextLower[t] = t + 1 < end ? lowerHash[t + 1] : BOUNDARY;
    }
  }

  // Document-level casing evidence: a capitalised word that the same document also writes in lower case
  // mid-sentence is probably a common word ("Police" at a sentence start vs "police"); one written
  // capitalised mid-sentence is probably a name, which also helps in ALL-CAPS headlines.
  const lowerSeen = new Set<string>();
  const titleSeen = new Set<string>();
  sentences.forEach((words, s) => {
    if (headline[s]) return;
    for (let i = 1; i < words.length; i++) {
      const w = words[i];
      const c = w.charCodeAt(0);
      if (c >= 97 && c <= 122) lowerSeen.add(w);
      else if (c >= 65 && c <= 90 && /^[A-Z][a-z]/.test(w)) titleSeen.add(lower[sentenceStart[s] + i]);
    }
  });

  // Context aggregation (Ratinov & Roth 2009): a capitalised word also sees the neighbours of its other
  // occurrences in the document, so "Kirby" in "Kirby said" learns from "spokesman John Kirby" elsewhere.
  // The same lower-case forms key the prediction history (see addDynamicFeatures).
  const occurrences = new Map<string, number[]>();
  for (let t = 0; t < tokenCount; t++) {
    if (!recordsHistory[t]) continue;
    let list = occurrences.get(lower[t]);
    if (!list) occurrences.set(lower[t], (list = []));
    if (list.length < MAX_AGGREGATED) list.push(t);
  }
  const slots = new Map<string, number>();
  for (const key of occurrences.keys()) slots.set(key, slots.size);
  const historySlot = new Int32Array(tokenCount);
  for (let t = 0; t < tokenCount; t++) historySlot[t] = slots.get(lower[t]) ?? -1;

  const out = new FeatureList();
  const featureStart = new Int32Array(tokenCount + 1);
  for (let s = 0; s < sentences.length; s++) {
    const words = sentences[s];
    const base = sentenceStart[s];
    const n = words.length;
    const gaz = gazetteer.matchTokens(words, words.map(foldKey));
    const caps = headline[s];
    const lowerAt = (i: number): number => (i < 0 || i >= n ? BOUNDARY : lowerHash[base + i]);
    const shortAt = (i: number): number => (i < 0 || i >= n ? BOUNDARY : short[base + i]);
    for (let i = 0; i < n; i++) {
      const t = base + i;
      featureStart[t] = out.length;
      const w = words[i];
      const lw = lower[t];
      const lh = lowerHash[t];
      const ss = short[t];
      const prevShort = shortAt(i - 1);
      const nextShort = shortAt(i + 1);
      out.push(BIAS);
      out.push(feature1(SHAPE, shape[t]));
      out.push(feature1(SHORT, ss));
      out.push(feature1(PREV_WORD, lowerAt(i - 1)));
      out.push(feature1(NEXT_WORD, lowerAt(i + 1)));
      out.push(feature1(PREV2_WORD, lowerAt(i - 2)));
      out.push(feature1(NEXT2_WORD, lowerAt(i + 2)));
      out.push(feature1(PREV_SHORT, prevShort));
      out.push(feature1(NEXT_SHORT, nextShort));
      out.push(feature1(PREV2_SHORT, shortAt(i - 2)));
      out.push(feature1(NEXT2_SHORT, shortAt(i + 2)));
      out.push(feature2(PREV_SHORT_SHORT, prevShort, ss));
      out.push(feature2(SHORT_NEXT_SHORT, ss, nextShort));
      out.push(feature3(SHORT_TRIGRAM, prevShort, ss, nextShort));
      out.push(feature2(PREV_WORD_SHORT, lowerAt(i - 1), ss));
      out.push(feature2(SHORT_NEXT_WORD, ss, lowerAt(i + 1)));
      if (!hidden[t]) {
        out.push(feature1(WORD, lh));
        out.push(feature1(CASED_WORD, wordHash[t]));
        out.push(feature2(PREV_WORD_WORD, lowerAt(i - 1), lh));
        out.push(feature2(WORD_NEXT_WORD, lh, lowerAt(i + 1)));
      }
      // Prefixes and suffixes of the lower-case word, shorter than the word itself.
      let prefix = STRING_START;
      let suffix = STRING_START;
      for (let k = 1; k <= MAX_AFFIX && k < lw.length; k++) {
        prefix = addChar(prefix, lw.charCodeAt(k - 1));
        suffix = addChar(suffix, lw.charCodeAt(lw.length - k));
        out.push(feature1(PREFIX[k - 1], finish(prefix)));
        out.push(feature1(SUFFIX[k - 1], finish(suffix)));
      }
      if (i === 0) {
        out.push(FIRST);
        out.push(feature1(FIRST_SHORT, ss));
      }
      if (w.includes('-')) out.push(HYPHEN);
      if (caps) {
        out.push(HEADLINE);
        out.push(feature1(HEADLINE_WORD, lh));
      }
      for (const g of gaz[i]) out.push(feature1(GAZETTEER, g));
      if (i > 0) for (const g of gaz[i - 1]) out.push(feature1(PREV_GAZETTEER, g));
      if (i + 1 < n) for (const g of gaz[i + 1]) out.push(feature1(NEXT_GAZETTEER, g));
      if (recordsHistory[t]) {
        if (lowerSeen.has(lw)) out.push(LOWER_ELSEWHERE);
        if (titleSeen.has(lw)) out.push(caps ? TITLE_ELSEWHERE_HEADLINE : TITLE_ELSEWHERE);
        const list = occurrences.get(lw);
        if (list && list.length >= 2) {
          const from = out.length;
          for (const o of list) {
            if (o === t) continue;
            out.pushOnce(feature1(AGGREGATE_PREV, prevLower[o]), from);
            out.pushOnce(feature1(AGGREGATE_NEXT, nextLower[o]), from);
            out.pushOnce(feature2(AGGREGATE_SHORT, short[o], headlineToken[o]), from);
          }
        }
      }
    }
  }
  featureStart[tokenCount] = out.length;
  return {
    sentences,
    sentenceStart,
    features: out.data.slice(0, out.length),
    featureStart,
    lowerHash,
    hidden,
    historySlot,
    recordsHistory,
    historySlots: slots.size,
  };
}

/** Classes counted by the prediction history: the four entity classes, then O. */
export const HISTORY_CLASSES = CLASSES.length + 1;
// Slot of each tag's class in the history counts (O last).
const CLASS_SLOT = TAGS.map((_, tag) => {
  const cls = tagClass(tag);
  return cls === null ? CLASSES.length : CLASSES.indexOf(cls);
});

/** Most dynamic features one token can get (see addDynamicFeatures). */
export const MAX_DYNAMIC_FEATURES = 3 + HISTORY_CLASSES + 1;

// Tag features for every previous tag (index tag + 1; 0 is the sentence start), precomputed.
const PREV_TAG = Int32Array.from({ length: TAG_COUNT + 1 }, (_, k) => feature1(seed('t-1'), k - 1));
const PREV_TAGS = Int32Array.from({ length: (TAG_COUNT + 1) ** 2 }, (_, k) =>
  feature2(seed('t-2t-1'), Math.floor(k / (TAG_COUNT + 1)) - 1, (k % (TAG_COUNT + 1)) - 1),
);
const HISTORY_SEEN = Int32Array.from({ length: HISTORY_CLASSES }, (_, k) => feature1(seed('h'), k));
const HISTORY_MOST = Int32Array.from({ length: HISTORY_CLASSES }, (_, k) => feature1(seed('hm'), k));

/** Per-document memory of the classes already given to each word (Ratinov & Roth's "prediction history"). */
export function newHistory(doc: PreparedDoc): Int32Array {
  return new Int32Array(doc.historySlots * HISTORY_CLASSES);
}

/** Records the tag chosen for token t. */
export function recordHistory(history: Int32Array, doc: PreparedDoc, t: number, tag: number): void {
  if (doc.recordsHistory[t]) history[doc.historySlot[t] * HISTORY_CLASSES + CLASS_SLOT[tag]]++;
}

/**
 * Appends the features that depend on the tags already chosen to the left (previous tags, the previous tag
 * with the word, the word's prediction history) to `out` from position `count`; returns the new count.
 */
export function addDynamicFeatures(
  out: Int32Array,
  count: number,
  doc: PreparedDoc,
  t: number,
  prev1: number,
  prev2: number,
  history: Int32Array,
): number {
  out[count++] = PREV_TAG[prev1 + 1];
  out[count++] = PREV_TAGS[(prev2 + 1) * (TAG_COUNT + 1) + prev1 + 1];
  if (!doc.hidden[t]) out[count++] = feature2(PREV_TAG_WORD, prev1, doc.lowerHash[t]);
  const slot = doc.historySlot[t];
  if (slot < 0) return count;
  const at = slot * HISTORY_CLASSES;
  let best = -1;
  for (let k = 0; k < HISTORY_CLASSES; k++) {
    const n = history[at + k];
    if (n === 0) continue;
    out[count++] = HISTORY_SEEN[k];
    if (best < 0 || n > history[at + best]) best = k;
  }
  if (best >= 0) out[count++] = HISTORY_MOST[best];
  return count;
}

/** Hash of the lower-case word feature ("w=vucic"): lets the model tell whether a word was seen in training. */
export function wordFeature(lowerWord: string): number {
  return feature1(WORD, hashString(lowerWord));
}
