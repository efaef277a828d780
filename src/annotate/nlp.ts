// The one place wink-nlp is loaded, so the tokenizer/sentence splitter can be swapped without touching callers.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const nlp = winkNLP(model);
const its = nlp.its;
type WinkDoc = ReturnType<typeof nlp.readDoc>;

export interface TextPiece {
  start: number;
  end: number;
}

// wink's recursive tokenizer tries its patterns (the e-mail one among them) on every suffix of a space-free run,
// so its cost grows with the square of the run's length once the run holds punctuation: 80 KB of hyphens took
// 44 s, a 16 KB base64 blob or URL about 1 s, while runs up to a few hundred characters cost the same per
// character as ordinary words. Runs longer than this are handed to wink in pieces separated by an inserted space;
// the pieces are plain substrings of the source, so every token still maps back to exact source offsets.
const MAX_WINK_RUN = 128;
// When a token wink returns is not where the cursor expects it (wink never rewrites values in the texts seen so
// far, but a future model might), it is looked for only this far ahead, so a mismatch costs a bounded amount
// instead of a scan to the end of the text for every token.
const RELOCATE_WINDOW = 256;
// Runs wink reads as one raw token: it splits on every other whitespace character (tab, line feed and carriage
// return come back as tokens of their own, which also ends a run).
const RUN = /\S+/g;
// What lies between two tokens without being one: whitespace other than tab, line feed and carriage return.
const SEPARATOR = /[^\S\t\n\r]/;

/** The text wink reads: the source with a space inserted inside every over-long run (see MAX_WINK_RUN). */
interface WinkInput {
  text: string;
  /** Positions in `text` of the inserted spaces, ascending (empty when the source is read as it is). */
  inserted: number[];
}

/** The source, or a copy of it with a space inserted every MAX_WINK_RUN characters of each over-long run. */
function winkInput(source: string): WinkInput {
  const pieces: string[] = [];
  const inserted: number[] = [];
  let copied = 0;
  let length = 0;
  for (const match of source.matchAll(RUN)) {
    if (match[0].length <= MAX_WINK_RUN) continue;
    const start = match.index ?? 0;
    const end = start + match[0].length;
    let cut = start + MAX_WINK_RUN;
    while (cut < end) {
      // Never between the two halves of a surrogate pair (an emoji run): the pieces must stay valid text.
      if (isLowSurrogate(source.charCodeAt(cut))) cut--;
      pieces.push(source.slice(copied, cut));
      length += cut - copied;
      inserted.push(length);
      pieces.push(' ');
      length += 1;
      copied = cut;
      cut += MAX_WINK_RUN;
    }
  }
  if (inserted.length === 0) return { text: source, inserted };
  pieces.push(source.slice(copied));
  return { text: pieces.join(''), inserted };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** One reading of a text by wink, with every token's source range (start -1 for a token that could not be placed). */
interface Reading {
  doc: WinkDoc;
  values: string[];
  starts: Int32Array;
  ends: Int32Array;
}

/**
 * Reads `source` with wink (through winkInput) and places each token back in the source: wink re-spaces its
 * output, so each token is found from a cursor, normally right after the spaces that follow the previous one.
 */
function read(source: string): Reading {
  const input = winkInput(source);
  const doc = nlp.readDoc(input.text);
  const values = doc.tokens().out(its.value) as string[];
  const starts = new Int32Array(values.length).fill(-1);
  const ends = new Int32Array(values.length).fill(-1);
  const text = input.text;
  let cursor = 0;
  let shift = 0; // inserted spaces before the cursor
  values.forEach((value, i) => {
    let at = cursor;
    while (at < text.length && SEPARATOR.test(text[at])) at++;
    if (!text.startsWith(value, at)) {
      const window = text.slice(cursor, cursor + value.length + RELOCATE_WINDOW);
      const found = window.indexOf(value);
      if (found < 0) return;
      at = cursor + found;
    }
    const end = at + value.length;
    while (shift < input.inserted.length && input.inserted[shift] < at) shift++;
    // A token never spans an inserted space (wink splits raw tokens on spaces), so it is one source substring.
    starts[i] = at - shift;
    ends[i] = end - shift;
    cursor = end;
  });
  return { doc, values, starts, ends };
}

/**
 * Sentence ranges inside one block of text (no line breaks inside it), offsets shifted by `offset`.
 * A sentence runs from its first to its last token that could be placed in the source.
 */
export function splitSentencesInBlock(block: string, offset: number): TextPiece[] {
  const out: TextPiece[] = [];
  const reading = read(block);
  for (const [first, last] of reading.doc.sentences().out(its.span) as unknown as [number, number][]) {
    let i = first;
    while (i <= last && reading.starts[i] < 0) i++;
    let j = last;
    while (j >= i && reading.starts[j] < 0) j--;
    if (i > j) continue;
    out.push({ start: offset + reading.starts[i], end: offset + reading.ends[j] });
  }
  return out;
}

/** Word tokens with offsets, for components that need a shared tokenization. */
export function tokenize(text: string, offset = 0): { start: number; end: number; text: string }[] {
  const reading = read(text);
  const tokens: { start: number; end: number; text: string }[] = [];
  reading.values.forEach((value, i) => {
    if (reading.starts[i] >= 0) tokens.push({ start: offset + reading.starts[i], end: offset + reading.ends[i], text: value });
  });
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
let lastRead: { text: string; reading: Reading } | null = null;
function readCached(text: string): Reading {
  if (lastRead?.text === text) return lastRead.reading;
  const reading = read(text);
  if (text.length >= CACHED_MIN_LENGTH) lastRead = { text, reading };
  return reading;
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
 * Tokens of one (cached) reading of the text, with part-of-speech tags and, when asked, lemmas. The quote and
 * claim layers tag the same article text, so reading it once serves both.
 */
function readTokens(text: string, offset: number, withLemmas: boolean): (TaggedToken | LemmaToken)[] {
  const tokens: (TaggedToken | LemmaToken)[] = [];
  const reading = readCached(text);
  const tags = reading.doc.tokens().out(its.pos) as string[];
  // wink's typings give its.lemma a different signature from the other token properties; it works the same way.
  const lemmas = withLemmas ? (reading.doc.tokens().out(its.lemma as unknown as typeof its.value) as string[]) : [];
  reading.values.forEach((value, i) => {
    if (reading.starts[i] < 0) return;
    const token: TaggedToken & { lemma?: string } = { start: offset + reading.starts[i], end: offset + reading.ends[i], text: value, pos: tags[i] ?? 'X' };
    if (withLemmas) token.lemma = (lemmas[i] ?? value).toLowerCase();
    tokens.push(token);
  });
  return tokens;
}
