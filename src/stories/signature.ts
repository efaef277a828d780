// What an article is about, as a bag of weighted features: stemmed key words and capitalised names.
// A regex tokenizer is used instead of the wink-nlp pipeline on purpose: the stream must place
// hundreds of articles per second, and a story signature needs words, not syntax.
import { stemmer } from 'stemmer';
import type { Article } from '../clean/types.js';
import { NAME_CONNECTORS, STOP_WORDS } from './lexicon.js';

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

function addWords(text: string, weightOf: (index: number) => number, nameWeight: number, terms: Map<string, number>): void {
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
    if (name.length > 0 && !/^[ \t]+$/.test(gap)) flushName();
    if (capitalised && !(sentenceStart && STOP_WORDS.has(lower))) {
      if (pendingConnector) name.push(pendingConnector);
      pendingConnector = null;
      name.push(lower);
    } else if (name.length > 0 && pendingConnector === null && NAME_CONNECTORS.has(match[0])) {
      pendingConnector = match[0];
    } else {
      flushName();
    }
    if (lower.length < 2 || STOP_WORDS.has(lower)) continue;
    const key = /^\p{N}+$/u.test(lower) ? lower : stem(lower);
    terms.set(key, (terms.get(key) ?? 0) + weight);
  }
  flushName();
}

/** The signature of one article: title, lead and body words (weighted), plus names. Pure and deterministic. */
export function articleSignature(
  article: Pick<Article, 'title' | 'text' | 'publishedAt'>,
  options: SignatureOptions = DEFAULT_SIGNATURE_OPTIONS,
): Signature {
  const terms = new Map<string, number>();
  const headline = new Map<string, number>();
  if (article.title) {
    addWords(article.title, () => options.titleWeight, options.nameWeight * options.titleWeight, terms);
    addWords(article.title, () => 1, 1, headline);
  }
  const body = article.text.length > options.maxBodyChars ? article.text.slice(0, options.maxBodyChars) : article.text;
  addWords(body, (i) => (i < options.leadWords ? options.leadWeight : 1), options.nameWeight, terms);
  return { terms, headline, day: dayNumber(article.publishedAt) };
}
