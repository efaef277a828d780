// What an article is about, as a bag of weighted features: stemmed key words and capitalised names.
// A regex tokenizer is used instead of the wink-nlp pipeline on purpose: the stream must place
// hundreds of articles per second, and a story signature needs words, not syntax.
import { stemmer } from 'stemmer';
import type { Article } from '../clean/types.js';
import { NAME_CONNECTORS, stopWordsFor } from './lexicon.js';

export interface SignatureOptions {
  /** Weight of a word in the title: headlines name the event most directly. */
  titleWeight: number;
  /** Weight of a word in the lead (the first `leadWords` words of the body). */
  leadWeight: number;
  leadWords: number;
  /** Extra weight of a capitalised name ("Kim Jong Un", "Equifax") over an ordinary word. */
  nameWeight: number;
  /** Only the first characters of the body are read: late paragraphs drift to background. */
  maxBodyChars: number;
}

export const DEFAULT_SIGNATURE_OPTIONS: SignatureOptions = {
  titleWeight: 3,
  leadWeight: 3,
  leadWords: 60,
  nameWeight: 1,
  maxBodyChars: 8000,
};

export interface Signature {
  /** Weighted counts of features: stemmed words, and "@" + lower-cased name for capitalised names. */
  terms: Map<string, number>;
  /** Features of the headline alone (weight 1 each): same-event headlines share their key words. */
  headline: Map<string, number>;
  /** Publication day (days since 1970-01-01, UTC), or null when the article has no date. */
  day: number | null;
  /**
   * Words read from the title and body. A feed summary (a title and a sentence or two) has few features, so
   * a handful of shared topic words already gives it a high cosine: the clusterer asks short items for more.
   */
  words?: number;
  /** Who published it (the outlet name, else the URL's host), or null when unknown. */
  outlet?: string | null;
  /**
   * Share of the body's words inside a sentence that are capitalised: about 0.1-0.2 in English news, twice
   * that in German, where every noun is capitalised and "names" are no longer specific evidence.
   */
  capitalShare?: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu;
const UPPER = /^\p{Lu}/u;
const OPENERS = new Set([' ', '\t', '"', "'", '“', '‘', '(']);
const ENDERS = new Set(['.', '!', '?', ':', '\n']);

/** A word is sentence-initial when only spaces and opening quotes separate it from an end mark or the text start. */
function isSentenceStart(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i];
    if (ENDERS.has(c)) return true;
    if (!OPENERS.has(c)) return false;
  }
  return true;
}

const stemCache = new Map<string, string>();
function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer(word);
    if (stemCache.size < 500_000) stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** Days since the epoch for an ISO date or datetime; null when absent or unreadable. */
export function dayNumber(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isFinite(ms) ? Math.floor(ms / 86_400_000) : null;
}

/** Words counted and, of those inside a sentence, how many and how many capitalised. */
interface WordCounts {
  words: number;
  inner: number;
  capitalised: number;
}

function addWords(text: string, weightOf: (index: number) => number, nameWeight: number, terms: Map<string, number>, stopWords: ReadonlySet<string>): WordCounts {
  let inner = 0;
  let capitalisedInner = 0;
  let name: string[] = [];
  let pendingConnector: string | null = null;
  const flushName = () => {
    if (name.length > 0) {
      const key = `@${name.join(' ')}`;
      terms.set(key, (terms.get(key) ?? 0) + nameWeight);
    }
    name = [];
    pendingConnector = null;
  };
  let index = 0;
  let lastEnd = 0;
  for (const match of text.matchAll(WORD)) {
    const at = match.index ?? 0;
    const gap = text.slice(lastEnd, at);
    lastEnd = at + match[0].length;
    let lower = match[0].toLowerCase().replace(/['’]s$/, '');
    lower = lower.replace(/['’]/g, '');
    const weight = weightOf(index++);
    // Names: runs of capitalised words; a run breaks on punctuation other than a space.
    const capitalised = UPPER.test(match[0]);
    const sentenceStart = isSentenceStart(text, at);
    if (!sentenceStart) {
      inner++;
      if (capitalised) capitalisedInner++;
    }
    if (name.length > 0 && !/^[ \t]+$/.test(gap)) flushName();
    if (capitalised && !(sentenceStart && stopWords.has(lower))) {
      if (pendingConnector) name.push(pendingConnector);
      pendingConnector = null;
      name.push(lower);
    } else if (name.length > 0 && pendingConnector === null && NAME_CONNECTORS.has(match[0])) {
      pendingConnector = match[0];
    } else {
      flushName();
    }
    if (lower.length < 2 || stopWords.has(lower)) continue;
    const key = /^\p{N}+$/u.test(lower) ? lower : stem(lower);
    terms.set(key, (terms.get(key) ?? 0) + weight);
  }
  flushName();
  return { words: index, inner, capitalised: capitalisedInner };
}

/** Outlet name as given, else the URL's host without "www." (the same key the store uses), else null. */
function outletOf(outlet: string | null | undefined, url: string | null | undefined): string | null {
  if (outlet) return outlet;
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/**
 * The signature of one article: title, lead and body words (weighted), plus names, its length, its outlet
 * (when the article carries one or a URL) and how its language uses capitals. Pure and deterministic.
 */
export function articleSignature(
  article: Pick<Article, 'title' | 'text' | 'publishedAt'> & Partial<Pick<Article, 'outlet' | 'url'>>,
  options: SignatureOptions = DEFAULT_SIGNATURE_OPTIONS,
): Signature {
  const terms = new Map<string, number>();
  const headline = new Map<string, number>();
  let words = 0;
  const body = article.text.length > options.maxBodyChars ? article.text.slice(0, options.maxBodyChars) : article.text;
  // The body tells the language better than a headline of a few words.
  const stopWords = stopWordsFor(`${article.title ?? ''} ${body}`);
  if (article.title) {
    words += addWords(article.title, () => options.titleWeight, options.nameWeight * options.titleWeight, terms, stopWords).words;
    addWords(article.title, () => 1, 1, headline, stopWords);
  }
  // Title Case headlines capitalise every word, so only the body tells how a language uses capitals.
  const counts = addWords(body, (i) => (i < options.leadWords ? options.leadWeight : 1), options.nameWeight, terms, stopWords);
  words += counts.words;
  const capitalShare = counts.inner > 0 ? counts.capitalised / counts.inner : 0;
  return { terms, headline, day: dayNumber(article.publishedAt), words, outlet: outletOf(article.outlet, article.url), capitalShare };
}

/** A Signature as plain JSON: the maps as [feature, weight] pairs in their insertion order. */
export interface SignatureJson {
  terms: [string, number][];
  headline: [string, number][];
  day: number | null;
  words?: number;
  outlet?: string | null;
  capitalShare?: number;
}

/**
 * The signature as JSON-safe data, for a process that computes it (a queue worker preparing an article)
 * to hand it to another (the assigner). `signatureFromJson` gives back an equal signature, map order
 * included: the clusterer breaks ties by iteration order, so order is part of the value.
 */
export function signatureToJson(signature: Signature): SignatureJson {
  const json: SignatureJson = { terms: [...signature.terms], headline: [...signature.headline], day: signature.day };
  if (signature.words !== undefined) json.words = signature.words;
  if (signature.outlet !== undefined) json.outlet = signature.outlet;
  if (signature.capitalShare !== undefined) json.capitalShare = signature.capitalShare;
  return json;
}

/** The signature `signatureToJson` was given (see there). */
export function signatureFromJson(json: SignatureJson): Signature {
  const signature: Signature = { terms: new Map(json.terms), headline: new Map(json.headline), day: json.day };
  if (json.words !== undefined) signature.words = json.words;
  if (json.outlet !== undefined) signature.outlet = json.outlet;
  if (json.capitalShare !== undefined) signature.capitalShare = json.capitalShare;
  return signature;
}
