// The one place wink-nlp is loaded, so the tokenizer/sentence splitter can be swapped without touching callers.
import winkNLP, { type ItemSentence } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const nlp = winkNLP(model);
const its = nlp.its;

export interface TextPiece {
  start: number;
  end: number;
}

/**
 * Sentence ranges inside one block of text (no line breaks inside it).
 * wink re-spaces its output, so each sentence is located back in the source by searching from a cursor.
 */
export function splitSentencesInBlock(block: string, offset: number): TextPiece[] {
  const out: TextPiece[] = [];
  const doc = nlp.readDoc(block);
  let cursor = 0;
  doc.sentences().each((sentence: ItemSentence) => {
    const tokens = sentence.tokens().out(its.value) as string[];
    if (tokens.length === 0) return;
    const first = block.indexOf(tokens[0], cursor);
    if (first < 0) return;
    let end = first;
    for (const token of tokens) {
      const at = block.indexOf(token, end);
      if (at < 0) break;
      end = at + token.length;
    }
    out.push({ start: offset + first, end: offset + end });
    cursor = end;
  });
  return out;
}

/** Word tokens with offsets, for components that need a shared tokenization. */
export function tokenize(text: string, offset = 0): { start: number; end: number; text: string }[] {
  const tokens: { start: number; end: number; text: string }[] = [];
  const doc = nlp.readDoc(text);
  let cursor = 0;
  for (const value of doc.tokens().out(its.value) as string[]) {
    const at = text.indexOf(value, cursor);
    if (at < 0) continue;
    tokens.push({ start: offset + at, end: offset + at + value.length, text: value });
    cursor = at + value.length;
  }
  return tokens;
}

export interface TaggedToken {
  start: number;
  end: number;
  text: string;
  /** Universal POS tag from wink ("PROPN", "VERB", "PUNCT", ...). */
  pos: string;
}

/** Word tokens with offsets and part-of-speech tags (used by quote attribution to find subjects of speech verbs). */
export function tagTokens(text: string, offset = 0): TaggedToken[] {
  return readTokens(text, offset, false);
}

// POS tagging is most of wink's cost (about 10 ms per 3 KB article): the last whole text read is kept so that
// the quote and claim layers tagging the same article pay for it once. Short texts (the sentences the
// quantity layer tags one by one) are read fresh, so they do not push the article out of the cache.
const CACHED_MIN_LENGTH = 400;
let lastRead: { text: string; doc: ReturnType<typeof nlp.readDoc> } | null = null;
function readCached(text: string): ReturnType<typeof nlp.readDoc> {
  if (lastRead?.text === text) return lastRead.doc;
  const doc = nlp.readDoc(text);
  if (text.length >= CACHED_MIN_LENGTH) lastRead = { text, doc };
  return doc;
}

export interface LemmaToken extends TaggedToken {
  /** wink's lemma, lowercase ("killed" -> "kill", "gunmen" -> "gunman", "n't" -> "not"). */
  lemma: string;
}

/**
 * Word tokens with offsets, part-of-speech tags and lemmas, from one reading of the text (the claims layer reads a
 * whole article once rather than each sentence, to keep the cost to one pass).
 */
export function lemmaTokens(text: string, offset = 0): LemmaToken[] {
  return readTokens(text, offset, true) as LemmaToken[];
}

/**
 * Tokens of one (cached) reading of the text, located back in the source by searching from a cursor (wink
 * re-spaces its output); with lemmas when asked. The quote and claim layers tag the same article text, so
 * reading it once serves both.
 */
function readTokens(text: string, offset: number, withLemmas: boolean): (TaggedToken | LemmaToken)[] {
  const tokens: (TaggedToken | LemmaToken)[] = [];
  const doc = readCached(text);
  const values = doc.tokens().out(its.value) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  // wink's typings give its.lemma a different signature from the other token properties; it works the same way.
  const lemmas = withLemmas ? (doc.tokens().out(its.lemma as unknown as typeof its.value) as string[]) : [];
  let cursor = 0;
  values.forEach((value, i) => {
    const at = text.indexOf(value, cursor);
    if (at < 0) return;
    const token: TaggedToken & { lemma?: string } = { start: offset + at, end: offset + at + value.length, text: value, pos: tags[i] ?? 'X' };
    if (withLemmas) token.lemma = (lemmas[i] ?? value).toLowerCase();
    tokens.push(token);
    cursor = at + value.length;
  });
  return tokens;
}
