// Features of a (headline, article body) pair for the body-stance classifier.
//
// The core is the UCL Machine Reading recipe for FNC-1 (Riedel et al. 2017, "A simple but tough-to-beat baseline
// for the Fake News Challenge stance detection task", arXiv:1707.03264): the L2-normalised term-frequency vector
// of the headline, that of the body (one shared vocabulary of the most frequent non-stopword terms of the
// training texts) and the cosine of their TF-IDF vectors. On top of it sit a few dense features of our own,
// because the bag of words alone almost never says `disagree` (1.7% of the training pairs, and the test claims
// are other claims): refuting, negation, hedging and confirming cue words near the headline's terms in the body,
// and word/bigram overlap over all words (names outside the 5,000-term vocabulary decide related vs unrelated).
import { eng as STOPWORDS_EN } from 'stopword';
import { BODY_CONFIRMING, BODY_HEDGING, BODY_HEDGING_PHRASES, BODY_NEGATION, BODY_REFUTING, BODY_REFUTING_PHRASES, phraseAt } from './cues.js';

/** Lower-cased tokens of two or more letters/digits, like scikit-learn's default `\b\w\w+\b` (UCL's tokeniser). */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? [];
}

// The `stopword` package's English list plus the scikit-learn words that matter most in news text, so that the
// vocabulary is spent on content words. Only used when building the vocabulary and for the overlap features.
const STOPWORDS = new Set<string>([
  ...STOPWORDS_EN,
  ...'also although always am among amongst another any anyhow anyone anything anyway anywhere around back became because become becomes been before being beside besides between beyond both cannot could de did does done down due during each eg either else elsewhere enough etc even ever every everyone everything everywhere few first former formerly get give go had has hence her here hereafter hereby herein hers herself him himself his however ie if inc indeed into it its itself last latter least less ltd made many may me meanwhile might mine more moreover most mostly much must my myself neither never nevertheless next no nobody none noone nor not nothing now nowhere often once one only onto or other others otherwise our ours ourselves out over own per perhaps please put rather re same see seem seemed seeming seems several she should since so some somehow someone something sometime sometimes somewhere still such than that the their them themselves then thence there thereafter thereby therefore therein thereupon these they this those though through throughout thru thus to together too toward towards under until up upon us very via was we well were what whatever when whence whenever where whereafter whereas whereby wherein whereupon wherever whether which while whither who whoever whole whom whose why will with within without would yet you your yours yourself yourselves said says'.split(' '),
]);

export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}

/** A sparse vector: ascending term indexes and their values. */
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

/** The vocabulary (terms in column order) and the IDF of each term, as fitted on the training texts. */
export interface Vocabulary {
  terms: string[];
  /** Smoothed IDF, ln((1 + n) / (1 + df)) + 1 as in scikit-learn's TfidfTransformer. */
  idf: Float32Array;
  index: Map<string, number>;
}

export function makeVocabulary(terms: string[], idf: Float32Array): Vocabulary {
  return { terms, idf, index: new Map(terms.map((t, k) => [t, k])) };
}

/**
 * Fits the vocabulary on distinct training texts: the `size` most frequent non-stopword terms (by total count,
 * ties by term), and their document frequencies for the IDF (UCL: CountVectorizer(max_features=5000)).
 */
export function fitVocabulary(texts: Iterable<string[]>, size: number): Vocabulary {
  const count = new Map<string, number>();
  const df = new Map<string, number>();
  let n = 0;
  for (const tokens of texts) {
    n++;
    const seen = new Set<string>();
    for (const t of tokens) {
      if (STOPWORDS.has(t)) continue;
      count.set(t, (count.get(t) ?? 0) + 1);
      seen.add(t);
    }
    for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const terms = [...count.keys()].sort((a, b) => count.get(b)! - count.get(a)! || (a < b ? -1 : 1)).slice(0, size);
  const idf = new Float32Array(terms.map((t) => Math.log((1 + n) / (1 + df.get(t)!)) + 1));
  return makeVocabulary(terms, idf);
}

function l2normalise(counts: Map<number, number>, weight?: Float32Array): SparseVector {
  const idx = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const val = new Float32Array(idx.length);
  let norm = 0;
  idx.forEach((k, i) => {
    val[i] = counts.get(k)! * (weight ? weight[k] : 1);
    norm += val[i] * val[i];
  });
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < val.length; i++) val[i] /= norm;
  return { idx, val };
}

function dot(a: SparseVector, b: SparseVector): number {
  let s = 0;
  for (let i = 0, j = 0; i < a.idx.length && j < b.idx.length; ) {
    if (a.idx[i] === b.idx[j]) s += a.val[i++] * b.val[j++];
    else if (a.idx[i] < b.idx[j]) i++;
    else j++;
  }
  return s;
}

/** What one text (headline or body) contributes, computed once per distinct text. */
export interface TextView {
  tokens: string[];
  /** L2-normalised term frequencies over the vocabulary (UCL's TF vector). */
  tf: SparseVector;
  /** L2-normalised TF-IDF over the vocabulary, for the cosine. */
  tfidf: SparseVector;
  /** Distinct non-stopword tokens, over all words (not just the vocabulary). */
  content: Set<string>;
}

export function viewText(text: string, vocab: Vocabulary): TextView {
  const tokens = tokenize(text);
  const counts = new Map<number, number>();
  const content = new Set<string>();
  for (const t of tokens) {
    const k = vocab.index.get(t);
    if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
    if (!STOPWORDS.has(t)) content.add(t);
  }
  return { tokens, tf: l2normalise(counts), tfidf: l2normalise(counts, vocab.idf), content };
}

/** Names of the dense features, in column order (kept in the model file so a stale model is detected). */
export const DENSE_FEATURES = [
  'tfidfCosine', // UCL
  'headCoverage', // share of the headline's content words found in the body
  'headCoverageLead', // ... in the body's first 100 tokens
  'bigramCoverage', // share of the headline's bigrams (all words) found in the body
  'headLength', // log(1 + headline content words)
  'bodyLength', // log(1 + body tokens)
  'headRefuting', // the headline itself says fake/hoax/...: "Viral photo of X is fake"
  'headHedging', // the headline hedges: "reportedly", "claims"
  'headQuestion', // the headline asks
  'bodyRefuting', // log(1 + refuting cues in the body)
  'bodyRefutingNear', // log(1 + refuting cues within WINDOW tokens of a headline content word)
  'bodyRefutingLead', // log(1 + refuting cues in the body's first 100 tokens)
  'bodyNegationNear', // log(1 + negations near headline words)
  'bodyHedging', // log(1 + hedging cues in the body)
  'bodyHedgingNear',
  'bodyConfirmingNear', // log(1 + confirming cues near headline words)
] as const;

/** Tokens either side of a cue within which a headline content word makes the cue "near" the claim. */
const WINDOW = 8;
const LEAD = 100;

function near(tokens: string[], at: number, head: Set<string>): boolean {
  const from = Math.max(0, at - WINDOW);
  const to = Math.min(tokens.length, at + WINDOW + 1);
  for (let k = from; k < to; k++) if (k !== at && head.has(tokens[k])) return true;
  return false;
}

/** The dense features of a pair, raw (not yet standardised), in the order of DENSE_FEATURES. */
export function denseFeatures(head: TextView, body: TextView): Float32Array {
  const out = new Float32Array(DENSE_FEATURES.length);
  const bt = body.tokens;
  const bodySet = new Set(bt);
  const leadSet = new Set(bt.slice(0, LEAD));
  let covered = 0;
  let coveredLead = 0;
  for (const w of head.content) {
    if (bodySet.has(w)) covered++;
    if (leadSet.has(w)) coveredLead++;
  }
  const hc = Math.max(1, head.content.size);
  const bodyBigrams = new Set<string>();
  for (let k = 0; k + 1 < bt.length; k++) bodyBigrams.add(bt[k] + ' ' + bt[k + 1]);
  let bigrams = 0;
  let bigramsFound = 0;
  const ht = head.tokens;
  for (let k = 0; k + 1 < ht.length; k++) {
    bigrams++;
    if (bodyBigrams.has(ht[k] + ' ' + ht[k + 1])) bigramsFound++;
  }
  let refuting = 0, refutingNear = 0, refutingLead = 0, negationNear = 0, hedging = 0, hedgingNear = 0, confirmingNear = 0;
  for (let k = 0; k < bt.length; k++) {
    const t = bt[k];
    const refutes = BODY_REFUTING.has(t) || phraseAt(bt, k, BODY_REFUTING_PHRASES);
    if (refutes) {
      refuting++;
      if (k < LEAD) refutingLead++;
      if (near(bt, k, head.content)) refutingNear++;
    }
    if (BODY_NEGATION.has(t) && near(bt, k, head.content)) negationNear++;
    if (BODY_HEDGING.has(t) || phraseAt(bt, k, BODY_HEDGING_PHRASES)) {
      hedging++;
      if (near(bt, k, head.content)) hedgingNear++;
    }
    if (BODY_CONFIRMING.has(t) && near(bt, k, head.content)) confirmingNear++;
  }
  let headRefuting = 0;
  for (let k = 0; k < ht.length; k++) {
    if (BODY_REFUTING.has(ht[k]) || phraseAt(ht, k, BODY_REFUTING_PHRASES)) headRefuting = 1;
  }
  out[0] = dot(head.tfidf, body.tfidf);
  out[1] = covered / hc;
  out[2] = coveredLead / hc;
  out[3] = bigrams ? bigramsFound / bigrams : 0;
  out[4] = Math.log1p(head.content.size);
  out[5] = Math.log1p(bt.length);
  out[6] = headRefuting;
  out[7] = ht.some((t, k) => BODY_HEDGING.has(t) || phraseAt(ht, k, BODY_HEDGING_PHRASES)) ? 1 : 0;
  out[8] = 0; // set by the caller, which has the raw headline
  out[9] = Math.log1p(refuting);
  out[10] = Math.log1p(refutingNear);
  out[11] = Math.log1p(refutingLead);
  out[12] = Math.log1p(negationNear);
  out[13] = Math.log1p(hedging);
  out[14] = Math.log1p(hedgingNear);
  out[15] = Math.log1p(confirmingNear);
  return out;
}

/** Whether the raw headline is a question ("Is this the end of X?"). */
export function isQuestion(headline: string): number {
  return /\?\s*['"’”]?\s*$/.test(headline.trim()) ? 1 : 0;
}

/** The raw dense features of a pair, including the headline-is-a-question flag. */
export function rawDense(head: TextView, body: TextView, headline: string): Float32Array {
  const dense = denseFeatures(head, body);
  dense[8] = isQuestion(headline);
  return dense;
}

/**
 * The classifier's input row: headline TF in columns [0, V), body TF in [V, 2V), standardised dense features in
 * [2V, 2V + DENSE_FEATURES.length). `mean`/`scale` standardise the dense part (fitted on the training pairs).
 */
export function assembleRow(head: TextView, body: TextView, dense: Float32Array, mean: Float32Array, scale: Float32Array, vocabSize: number): SparseVector {
  const n = head.tf.idx.length + body.tf.idx.length + dense.length;
  const idx = new Int32Array(n);
  const val = new Float32Array(n);
  let at = 0;
  for (let i = 0; i < head.tf.idx.length; i++, at++) {
    idx[at] = head.tf.idx[i];
    val[at] = head.tf.val[i];
  }
  for (let i = 0; i < body.tf.idx.length; i++, at++) {
    idx[at] = vocabSize + body.tf.idx[i];
    val[at] = body.tf.val[i];
  }
  for (let i = 0; i < dense.length; i++, at++) {
    idx[at] = 2 * vocabSize + i;
    val[at] = (dense[i] - mean[i]) / scale[i];
  }
  return { idx, val };
}
