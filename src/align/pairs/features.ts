// Features of a claim pair for the pair scorer. Everything that depends on one side only (tokens, n-gram hashes,
// stems, word vectors, IDF weights, numbers, entity keys) is computed once in `prepareSide`; `pairFeatures` then
// only merges sorted integer arrays and runs small dynamic programmes, so a story's ~1M candidate pairs stay cheap.
//
// Feature families and where they come from:
// - BLEU-style clipped n-gram overlap, n = 1..4, both directions (Madnani, Tetreault & Chodorow 2012, NAACL:
//   "Re-examining machine translation metrics for paraphrase identification").
// - Stem overlap and IDF-weighted stem coverage (METEOR-like matching on Porter stems; Madnani et al. 2012).
// - Token edit distance (TER-like, without shifts) and longest common subsequence (Madnani et al. 2012; ROUGE-L).
// - Greedy word-vector alignment, IDF-weighted, both directions (Mihalcea, Corley & Strapparava 2006, AAAI, with
//   word vectors in place of WordNet similarity).
// - Length difference, number mismatch, capitalised-word / entity overlap, negation mismatch (Wan et al. 2006,
//   "Using dependency-based features to take the 'para-farce' out of paraphrase"; number mismatch is the single
//   strongest negative cue in MSRP, whose annotators label a pair 0 when one side adds or changes a figure).
// - Character trigram overlap (robust to tokenisation and morphology differences).
import { stemmer } from 'stemmer';
import { STOPWORDS } from '../../text/stopwords.js';
import { loadVectors, type WordVectors } from '../../text/vectors.js';

/** One side of a pair as the caller knows it. */
export interface PairSide {
  /** The claim or sentence text. */
  text: string;
  /** Resolved entity keys (ids or normalised names). When absent, keys are derived from capitalised words. */
  entities?: string[];
  /** Quantities of the claim. When absent, numbers are read from the text (digits and number words two..twenty). */
  quantities?: { value: number; kind?: string }[];
  /** Normalised dates of the claim (e.g. ISO strings); only used for `dateConflict`. */
  dates?: string[];
}

/**
 * A side with everything precomputed. Treat as opaque: the fields may change between versions.
 * Build with `prepareSide`; reuse one prepared side for all the pairs it takes part in.
 */
export interface PreparedSide {
  readonly tokenCount: number;
  /** Token hashes in order (for edit distance and LCS). */
  readonly tokens: Int32Array;
  /** One sorted multiset of the 1- to 4-gram hashes; the low two bits of a hash hold n − 1. */
  readonly ngrams: Int32Array;
  /** Number of n-grams for n = 1..4 (index n − 1). */
  readonly ngramCounts: Int32Array;
  /** Sorted multiset of content-word stem hashes. */
  readonly stems: Int32Array;
  /** IDF weight per entry of `stems` (same order). */
  readonly stemIdf: Float32Array;
  /** Content words: stem hash, IDF weight and unit vector (zeros when the word has no vector), in text order. */
  readonly contentStem: Int32Array;
  readonly contentIdf: Float32Array;
  readonly contentVec: Float64Array;
  readonly contentIdfSum: number;
  /** IDF-weighted mean of the content words' vectors, unit length (zeros when none has a vector). */
  readonly meanVec: Float32Array;
  /** Sorted unique hashes of character trigrams of the lower-cased token string. */
  readonly chars: Int32Array;
  /** Sorted unique numbers. */
  readonly numbers: Float64Array;
  /** Sorted unique entity keys. */
  readonly entities: string[];
  /** Sorted unique dates. */
  readonly dates: string[];
  readonly negated: boolean;
}

// Number words that are almost always counts in news text. "one" is left out: "one of the", "one officer" vs
// "an officer" would make a paraphrase look like a number conflict.
const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  dozen: 12, hundred: 100, thousand: 1000,
};
// Leading principal components of the word vectors used for alignment (of 100). The m×n word cosines dominate the
// cost of scorePair. 5-fold CV accuracy on MSRP train (averaged LR + GBDT): 100 → 0.782, 64 → 0.780, 48 → 0.780,
// 32 → 0.779, all within noise of each other, while 32 components make the cosines three times cheaper than 100.
export const VECTOR_COMPONENTS = 32;
const NEGATIONS = new Set(['not', 'no', 'never', 'nor', 'none', 'nobody', 'nothing', 'neither', 'without', "n't", 'cannot']);

// Words (letters with inner apostrophes, hyphens, dots as in "U.S."), numbers (with inner , . : as in 2,500 or 2.5),
// and "n't" split off the way GloVe's tokenizer did, so "didn't" looks up "did" + "n't".
const TOKEN = /\d+(?:[.,:]\d+)*|[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*(?=n['’]t\b)|n['’]t\b|[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*\.?/gu;

/** FNV-1a hash of a string, as a signed 32-bit integer. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

function combine(h: number, x: number): number {
  return Math.imul(h ^ x, 0x01000193) ^ (h >>> 15);
}

/** Tokens of a text: lower-cased words and numbers, punctuation dropped, possessive 's removed. */
export function tokenize(text: string): { lower: string[]; original: string[] } {
  const lower: string[] = [];
  const original: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    let t = m[0];
    // A trailing dot is kept only for abbreviations like "U.S." (an inner dot); "said." loses it.
    if (t.endsWith('.') && !/\p{L}\.\p{L}/u.test(t)) t = t.slice(0, -1);
    if (!t) continue;
    t = t.replace(/['’]s$/i, '').replace(/’/g, "'");
    if (!t) continue;
    original.push(t);
    lower.push(t.toLowerCase());
  }
  return { lower, original };
}

/** The stem used for content words: the same normalisation as contentTerms in src/text/terms.ts. */
export function stemOf(word: string): string {
  const w = word.replace(/['.-]/g, '');
  return /^\d/.test(w) ? w : stemmer(w);
}

function isContent(word: string): boolean {
  return word.length >= 2 && !STOPWORDS.has(word) && !NEGATIONS.has(word) && /[\p{L}\p{N}]/u.test(word);
}

function parseNumber(token: string): number | null {
  if (/^\d/.test(token)) {
    // 2,500 is a thousands separator; 2,5 (rare in English news) is read as 2.5.
    const cleaned = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(token) ? token.replace(/,/g, '') : token.replace(',', '.');
    const value = Number(cleaned.replace(/:.*/, ''));
    return Number.isFinite(value) ? value : null;
  }
  return NUMBER_WORDS[token] ?? null;
}

/**
 * Default IDF when the caller passes none: from the word's frequency rank in the GloVe corpus (Zipf's law makes
 * document frequency roughly proportional to 1/rank, so idf ≈ log(rank) + c). Unknown words get the highest weight.
 */
function defaultIdf(vectors: WordVectors, word: string): number {
  const row = vectors.index(word);
  return 1 + Math.log(1 + (row < 0 ? vectors.size : row) / 10);
}

/**
 * Precomputes one side of a pair (tokens, n-gram hashes, stems, word vectors, IDF weights, numbers, entities).
 * @param idf weight of a content term, called with the stemmed term as produced by `contentTerms` in
 *   src/text/terms.ts (so `t => idf(termStats(...), t)` from src/align/similarity.ts fits). Only ratios of weights
 *   matter. Default: from the word's frequency rank in the word-vector corpus.
 * @throws VectorsMissingError (from src/text/vectors.ts) when models/vectors.bin has not been built.
 */
export function prepareSide(side: PairSide, idf?: (term: string) => number): PreparedSide {
  const vectors = loadVectors();
  const dims = Math.min(VECTOR_COMPONENTS, vectors.dims);
  const { lower, original } = tokenize(side.text);
  const tokens = new Int32Array(lower.length);
  for (let i = 0; i < lower.length; i++) tokens[i] = hashString(lower[i]);

  // All n-gram orders in one sorted array, so a pair needs one merge instead of four.
  const ngramCounts = new Int32Array(4);
  for (let n = 1; n <= 4; n++) ngramCounts[n - 1] = Math.max(0, tokens.length - n + 1);
  const ngrams = new Int32Array(ngramCounts[0] + ngramCounts[1] + ngramCounts[2] + ngramCounts[3]);
  let filled = 0;
  for (let n = 1; n <= 4; n++) {
    for (let i = 0; i < ngramCounts[n - 1]; i++) {
      let h = n;
      for (let k = 0; k < n; k++) h = combine(h, tokens[i + k]);
      ngrams[filled++] = (h & ~3) | (n - 1);
    }
  }
  ngrams.sort();

  const contentWords: string[] = [];
  const contentStems: string[] = [];
  let negated = false;
  const numbers = new Set<number>();
  for (const word of lower) {
    if (NEGATIONS.has(word)) negated = true;
    if (!side.quantities) {
      const value = parseNumber(word);
      if (value !== null) numbers.add(value);
    }
    if (!isContent(word)) continue;
    contentWords.push(word);
    contentStems.push(stemOf(word));
  }
  if (side.quantities) for (const q of side.quantities) if (Number.isFinite(q.value)) numbers.add(q.value);

  const m = contentWords.length;
  const contentStem = new Int32Array(m);
  const contentIdf = new Float32Array(m);
  const contentVec = new Float64Array(m * dims);
  let contentIdfSum = 0;
  for (let i = 0; i < m; i++) {
    contentStem[i] = hashString(contentStems[i]);
    const weight = idf ? idf(contentStems[i]) : defaultIdf(vectors, contentWords[i]);
    contentIdf[i] = weight > 0 && Number.isFinite(weight) ? weight : 0;
    contentIdfSum += contentIdf[i];
    // Hyphenated or dotted words are often missing from GloVe in that form: fall back to the form without them.
    let row = vectors.index(contentWords[i]);
    if (row < 0) row = vectors.index(contentWords[i].replace(/['.-]/g, ''));
    if (row >= 0) vectors.copyVector(row, contentVec, i * dims, dims);
  }
  const meanVec = new Float32Array(dims);
  for (let i = 0; i < m; i++) for (let d = 0; d < dims; d++) meanVec[d] += contentIdf[i] * contentVec[i * dims + d];
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += meanVec[d] * meanVec[d];
  norm = Math.sqrt(norm);
  if (norm > 0) for (let d = 0; d < dims; d++) meanVec[d] /= norm;
  const order = [...contentStem.keys()].sort((x, y) => contentStem[x] - contentStem[y]);
  const stems = Int32Array.from(order, (i) => contentStem[i]);
  const stemIdf = Float32Array.from(order, (i) => contentIdf[i]);

  // Character trigrams hashed straight from the char codes (no substrings), sorted and de-duplicated in place.
  const joined = ` ${lower.join(' ')} `;
  const trigrams = new Int32Array(Math.max(0, joined.length - 2));
  for (let i = 0; i < trigrams.length; i++) {
    trigrams[i] = combine(combine(combine(3, joined.charCodeAt(i)), joined.charCodeAt(i + 1)), joined.charCodeAt(i + 2));
  }
  trigrams.sort();
  let unique = 0;
  for (let i = 0; i < trigrams.length; i++) if (i === 0 || trigrams[i] !== trigrams[i - 1]) trigrams[unique++] = trigrams[i];
  const chars = trigrams.slice(0, unique);

  let entities: string[];
  if (side.entities) entities = [...new Set(side.entities)];
  else {
    // Capitalised words stand in for resolved entities. A sentence-initial word is capitalised anyway, so it counts
    // only when it is not a frequent lower-case word ("The", "Police", "Shares").
    const keys = new Set<string>();
    for (let i = 0; i < original.length; i++) {
      const w = original[i];
      if (!/^\p{Lu}/u.test(w) || STOPWORDS.has(lower[i]) || /^\d/.test(w)) continue;
      if (i === 0) {
        const row = vectors.index(lower[i]);
        if (row >= 0 && row < 20_000) continue;
      }
      keys.add(lower[i].replace(/['.]/g, ''));
    }
    entities = [...keys];
  }
  entities.sort();

  return {
    tokenCount: lower.length,
    tokens,
    ngrams,
    ngramCounts,
    stems,
    stemIdf,
    contentStem,
    contentIdf,
    contentVec,
    contentIdfSum,
    meanVec,
    chars,
    numbers: Float64Array.from(numbers).sort(),
    entities,
    dates: [...new Set(side.dates ?? [])].sort(),
    negated,
  };
}

/** Feature names, in the order `pairFeatures` writes them. The model file lists them too and must agree. */
export const FEATURE_NAMES = [
  'ngram1_dice', 'ngram1_min', 'ngram1_max',
  'ngram2_dice', 'ngram2_min', 'ngram2_max',
  'ngram3_dice', 'ngram3_min', 'ngram3_max',
  'ngram4_dice', 'ngram4_min', 'ngram4_max',
  'stem_dice', 'stem_min', 'stem_max',
  'stem_idf_cov_min', 'stem_idf_cov_max',
  'vec_mean', 'vec_min', 'vec_max', 'vec_unweighted', 'unaligned_min', 'unaligned_max', 'unaligned_idf_max', 'vec_sentence_cos',
  'content_len_diff',
  'len_diff', 'len_ratio', 'len_min_log',
  'num_unshared', 'num_shared', 'num_conflict', 'num_one_side',
  'ent_shared', 'ent_unshared', 'ent_jaccard',
  'neg_mismatch',
  'char3_jaccard', 'char3_min', 'char3_max',
  'lcs_min', 'lcs_max',
  'edit',
] as const;
export const FEATURE_COUNT = FEATURE_NAMES.length;

/** Size of the intersection of two sorted multisets (clipped counts, as in BLEU). */
const sortedOverlap = (a: Int32Array, b: Int32Array): number => sortedOverlapOf<number>(a as unknown as ArrayLike<number>, b as unknown as ArrayLike<number>);

const sharedByOrder = new Int32Array(4);

/** Clipped matches of two sorted tagged n-gram multisets, counted per order (the low two bits of each hash). */
function ngramOverlap(a: Int32Array, b: Int32Array, shared: Int32Array): void {
  shared.fill(0);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared[a[i] & 3]++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
}

/** IDF mass of `a`'s stems that also occur in `b` (sorted multisets). */
function weightedCoverage(a: Int32Array, wa: Float32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let w = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      w += wa[i];
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return w;
}

/** Size of the intersection of two ascending sorted lists (merge walk); the common items go to `shared` when given. */
function sortedOverlapOf<T extends number | string>(a: ArrayLike<T>, b: ArrayLike<T>, shared?: T[]): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared?.push(a[i]);
      n++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}

const sortedNumberOverlap = (a: Float64Array, b: Float64Array, shared?: number[]) => sortedOverlapOf<number>(a as unknown as ArrayLike<number>, b as unknown as ArrayLike<number>, shared);
const sortedStringOverlap = (a: string[], b: string[], shared?: string[]) => sortedOverlapOf(a, b, shared);

// Scratch buffers reused across calls (scorePair is synchronous, so one set per process is safe).
let colBest = new Float64Array(256);
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);
let rowD = new Int32Array(64);

function ensureRows(n: number): void {
  if (rowA.length <= n) {
    rowA = new Int32Array(n * 2 + 1);
    rowB = new Int32Array(n * 2 + 1);
    rowC = new Int32Array(n * 2 + 1);
    rowD = new Int32Array(n * 2 + 1);
  }
}

/**
 * Token-level Levenshtein distance (insert, delete, substitute: TER without block shifts) and longest common
 * subsequence length, in one dynamic-programming pass. Returns [edit distance, LCS length].
 */
function editAndLcs(a: Int32Array, b: Int32Array): [number, number] {
  ensureRows(b.length);
  let prevE = rowA;
  let curE = rowB;
  let prevL = rowC;
  let curL = rowD;
  for (let j = 0; j <= b.length; j++) {
    prevE[j] = j;
    prevL[j] = 0;
  }
  for (let i = 1; i <= a.length; i++) {
    curE[0] = i;
    curL[0] = 0;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      if (ai === b[j - 1]) {
        curE[j] = prevE[j - 1];
        curL[j] = prevL[j - 1] + 1;
      } else {
        const sub = prevE[j - 1];
        const del = prevE[j];
        const ins = curE[j - 1];
        curE[j] = (sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins) + 1;
        curL[j] = prevL[j] > curL[j - 1] ? prevL[j] : curL[j - 1];
      }
    }
    let t = prevE;
    prevE = curE;
    curE = t;
    t = prevL;
    prevL = curL;
    curL = t;
  }
  return [prevE[b.length], prevL[b.length]];
}

// Word-pair cosines below this leave a word "unaligned": 0.5 separates near-synonyms (killed/died 0.74,
// soldiers/troops 0.90) from words that merely share a topic.
const ALIGNED = 0.5;

/**
 * Greedy word alignment by vector cosine (Mihalcea et al. 2006): each content word of one side takes its most similar
 * word of the other (identical stems count 1, negative cosines 0). Writes 8 values into `out` from `at`: the
 * IDF-weighted alignment similarity (mean of both directions, min, max), the unweighted mean, unaligned word counts
 * (min, max), unaligned IDF mass (max), and the cosine of the IDF-weighted mean vectors. Returns the similarity.
 */
function vectorAlignment(a: PreparedSide, b: PreparedSide, out: Float64Array, at: number): number {
  const m = a.contentStem.length;
  const n = b.contentStem.length;
  if (m === 0 || n === 0) {
    out.fill(0, at, at + 8);
    out[at + 5] = Math.max(m, n);
    out[at + 6] = Math.max(a.contentIdfSum, b.contentIdfSum);
    return 0;
  }
  const dims = a.contentVec.length / m;
  const dims4 = dims - (dims % 4);
  if (colBest.length < n) colBest = new Float64Array(n * 2);
  colBest.fill(0, 0, n);
  const va = a.contentVec;
  const vb = b.contentVec;
  const bStem = b.contentStem;
  let wa = 0;
  let ua = 0;
  let missA = 0;
  let missIdfA = 0;
  // One pass over the m×n cosines keeps each row's best and each column's best, so no matrix is stored.
  for (let i = 0; i < m; i++) {
    const si = a.contentStem[i];
    const oi = i * dims;
    let best = 0;
    for (let j = 0; j < n; j++) {
      let s: number;
      if (si === bStem[j]) s = 1;
      else {
        // Four accumulators: V8 keeps them in registers and the loop runs ~1.5x faster than a single sum.
        let p = oi;
        let q = j * dims;
        const end = oi + dims4;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (; p < end; p += 4, q += 4) {
          s0 += va[p] * vb[q];
          s1 += va[p + 1] * vb[q + 1];
          s2 += va[p + 2] * vb[q + 2];
          s3 += va[p + 3] * vb[q + 3];
        }
        for (; p < oi + dims; p++, q++) s0 += va[p] * vb[q];
        s = s0 + s1 + s2 + s3;
      }
      if (s > best) best = s;
      if (s > colBest[j]) colBest[j] = s;
    }
    wa += best * a.contentIdf[i];
    ua += best;
    if (best < ALIGNED) {
      missA++;
      missIdfA += a.contentIdf[i];
    }
  }
  let wb = 0;
  let ub = 0;
  let missB = 0;
  let missIdfB = 0;
  for (let j = 0; j < n; j++) {
    const best = colBest[j];
    wb += best * b.contentIdf[j];
    ub += best;
    if (best < ALIGNED) {
      missB++;
      missIdfB += b.contentIdf[j];
    }
  }
  const sa = a.contentIdfSum > 0 ? wa / a.contentIdfSum : 0;
  const sb = b.contentIdfSum > 0 ? wb / b.contentIdfSum : 0;
  const similarity = (sa + sb) / 2;
  out[at] = similarity;
  out[at + 1] = Math.min(sa, sb);
  out[at + 2] = Math.max(sa, sb);
  out[at + 3] = (ua / m + ub / n) / 2;
  out[at + 4] = Math.min(missA, missB);
  out[at + 5] = Math.max(missA, missB);
  out[at + 6] = Math.max(missIdfA, missIdfB);
  let dot = 0;
  const ma = a.meanVec;
  const mb = b.meanVec;
  for (let d = 0; d < ma.length; d++) dot += ma[d] * mb[d];
  out[at + 7] = dot;
  return similarity;
}

/** What a pair shares, reported to the caller beside the probability. */
export interface PairEvidence {
  similarity: number;
  sharedEntities: string[];
  sharedNumbers: number[];
  numberConflict: boolean;
  dateConflict: boolean;
}

function dice(shared: number, na: number, nb: number, out: Float64Array, at: number): void {
  out[at] = na + nb > 0 ? (2 * shared) / (na + nb) : 0;
  const pa = na > 0 ? shared / na : 0;
  const pb = nb > 0 ? shared / nb : 0;
  out[at + 1] = Math.min(pa, pb);
  out[at + 2] = Math.max(pa, pb);
}

/**
 * Writes the FEATURE_COUNT features of a pair into `out` (symmetric: swapping a and b gives the same values) and,
 * when `evidence` is given, fills it with the shared entities/numbers and the vector similarity.
 */
export function pairFeatures(a: PreparedSide, b: PreparedSide, out: Float64Array, evidence?: PairEvidence): void {
  let k = 0;
  ngramOverlap(a.ngrams, b.ngrams, sharedByOrder);
  for (let n = 0; n < 4; n++) {
    dice(sharedByOrder[n], a.ngramCounts[n], b.ngramCounts[n], out, k);
    k += 3;
  }
  dice(sortedOverlap(a.stems, b.stems), a.stems.length, b.stems.length, out, k);
  k += 3;
  const covA = a.contentIdfSum > 0 ? weightedCoverage(a.stems, a.stemIdf, b.stems) / a.contentIdfSum : 0;
  const covB = b.contentIdfSum > 0 ? weightedCoverage(b.stems, b.stemIdf, a.stems) / b.contentIdfSum : 0;
  out[k++] = Math.min(covA, covB);
  out[k++] = Math.max(covA, covB);

  const similarity = vectorAlignment(a, b, out, k);
  k += 8;

  const la = a.tokenCount;
  const lb = b.tokenCount;
  out[k++] = Math.abs(a.contentStem.length - b.contentStem.length);
  out[k++] = Math.abs(la - lb);
  out[k++] = Math.max(la, lb) > 0 ? Math.min(la, lb) / Math.max(la, lb) : 1;
  out[k++] = Math.log1p(Math.min(la, lb));

  const sharedNumbers: number[] | undefined = evidence ? [] : undefined;
  const numShared = sortedNumberOverlap(a.numbers, b.numbers, sharedNumbers);
  const aOnly = a.numbers.length - numShared;
  const bOnly = b.numbers.length - numShared;
  // A conflict needs a figure on each side that the other lacks; one side merely adding a figure is extra detail.
  const numberConflict = aOnly > 0 && bOnly > 0;
  out[k++] = aOnly + bOnly;
  out[k++] = numShared;
  out[k++] = numberConflict ? 1 : 0;
  out[k++] = (a.numbers.length === 0) !== (b.numbers.length === 0) ? 1 : 0;

  const sharedEntities: string[] | undefined = evidence ? [] : undefined;
  const entShared = sortedStringOverlap(a.entities, b.entities, sharedEntities);
  const entUnion = a.entities.length + b.entities.length - entShared;
  out[k++] = entShared;
  out[k++] = entUnion - entShared;
  out[k++] = entUnion > 0 ? entShared / entUnion : 1;

  out[k++] = a.negated !== b.negated ? 1 : 0;

  const charShared = sortedOverlap(a.chars, b.chars);
  const charUnion = a.chars.length + b.chars.length - charShared;
  out[k++] = charUnion > 0 ? charShared / charUnion : 0;
  const ca = a.chars.length > 0 ? charShared / a.chars.length : 0;
  const cb = b.chars.length > 0 ? charShared / b.chars.length : 0;
  out[k++] = Math.min(ca, cb);
  out[k++] = Math.max(ca, cb);

  const [edit, lcs] = editAndLcs(a.tokens, b.tokens);
  out[k++] = Math.min(la, lb) > 0 ? lcs / Math.min(la, lb) : 0;
  out[k++] = Math.max(la, lb) > 0 ? lcs / Math.max(la, lb) : 0;
  out[k++] = Math.max(la, lb) > 0 ? edit / Math.max(la, lb) : 0;

  if (evidence) {
    evidence.similarity = similarity;
    evidence.sharedEntities = sharedEntities!;
    evidence.sharedNumbers = sharedNumbers!;
    evidence.numberConflict = numberConflict;
    evidence.dateConflict = a.dates.length > 0 && b.dates.length > 0 && sortedStringOverlap(a.dates, b.dates) === 0;
  }
}

/**
 * IDF over a collection of texts (each text one document), keyed by the same stemmed content terms `prepareSide`
 * passes to its `idf` argument: log((N + 1) / (df + 1)) + 1.
 */
export function idfFromTexts(texts: Iterable<string>): (term: string) => number {
  const df = new Map<string, number>();
  let n = 0;
  for (const text of texts) {
    n++;
    for (const term of new Set(tokenize(text).lower.map(stemOf))) df.set(term, (df.get(term) ?? 0) + 1);
  }
  return (term) => Math.log((n + 1) / ((df.get(term) ?? 0) + 1)) + 1;
}
