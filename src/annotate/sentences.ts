import type { Diagnostic } from '../diagnostics.js';
import type { Sentence } from './types.js';
import { splitSentencesInBlock } from './nlp.js';

// Headlines and subheads end without a period; splitting on line breaks first keeps them from
// being glued to the next sentence (wink alone would join them).
const LINE = /[^\n]+/g;

/**
 * Longest sentence handed to the later layers. Several of them work per sentence with costs that grow faster than
 * its length (attribution windows, clause frames), so one sentence that never ends made a whole article slow: a
 * 20 KB text whose only periods were those of "No." abbreviations (not sentence ends) was one sentence and took
 * 30 s. Real news sentences stay under this: of the 8,514 in the Hamborg clusters one is longer (1,014 characters,
 * a run-on list of incidents, cut at a semicolon), the next longest has 928.
 */
export const MAX_SENTENCE_CHARS = 1000;
// A piece of an over-long sentence ends at a clause boundary (",", ";", ":", a dash) or else at a space, no
// earlier than this far into it, so every piece is at least half the maximum and the splitting stays linear.
const MIN_PIECE_CHARS = MAX_SENTENCE_CHARS / 2;
const CLAUSE_END = /[,;:—–)]/;

/** Sentences of a text and the diagnostics about them (over-long sentences that were split). */
export interface SentenceSplit {
  sentences: Sentence[];
  diagnostics: Diagnostic[];
}

/** Sentences of a cleaned text; paragraphs are blank-line separated, and every line is at least one sentence. */
export function splitSentences(text: string): Sentence[] {
  return splitSentencesWithDiagnostics(text).sentences;
}

/**
 * Sentences of a cleaned text, as splitSentences, with a "sentence/too-long" diagnostic for every sentence longer
 * than MAX_SENTENCE_CHARS; such a sentence is cut into pieces at clause boundaries or spaces (see MAX_SENTENCE_CHARS).
 */
export function splitSentencesWithDiagnostics(text: string): SentenceSplit {
  const sentences: Sentence[] = [];
  const diagnostics: Diagnostic[] = [];
  let paragraph = 0;
  let lastLineEnd = -1;
  for (const match of text.matchAll(LINE)) {
    const start = match.index ?? 0;
    if (lastLineEnd >= 0 && /\n\s*\n/.test(text.slice(lastLineEnd, start))) paragraph++;
    lastLineEnd = start + match[0].length;
    if (match[0].trim() === '') continue;
    for (const piece of splitSentencesInBlock(match[0], start)) {
      if (piece.end - piece.start <= MAX_SENTENCE_CHARS) {
        sentences.push({ ...piece, paragraph });
        continue;
      }
      const parts = splitLongSentence(text, piece.start, piece.end);
      diagnostics.push({
        ruleId: 'sentence/too-long',
        message: `sentence of ${piece.end - piece.start} characters split into ${parts.length} pieces of at most ${MAX_SENTENCE_CHARS}`,
        start: piece.start,
        end: piece.end,
      });
      for (const part of parts) sentences.push({ ...part, paragraph });
    }
  }
  return { sentences, diagnostics };
}

/**
 * Pieces of at most MAX_SENTENCE_CHARS covering text[start, end): each ends after the last clause boundary that is
 * followed by a space in its second half, else at its last space there, else (a run without spaces, such as 80 KB
 * of hyphens) at the maximum, never between the halves of a surrogate pair. Pieces are trimmed of spaces.
 */
function splitLongSentence(text: string, start: number, end: number): { start: number; end: number }[] {
  const parts: { start: number; end: number }[] = [];
  let from = start;
  while (from < end) {
    while (from < end && text[from] === ' ') from++;
    if (from >= end) break;
    if (end - from <= MAX_SENTENCE_CHARS) {
      parts.push({ start: from, end });
      break;
    }
    let cut = -1;
    let space = -1;
    for (let i = from + MAX_SENTENCE_CHARS; i > from + MIN_PIECE_CHARS; i--) {
      if (text[i] !== ' ') continue;
      if (space < 0) space = i;
      if (CLAUSE_END.test(text[i - 1])) {
        cut = i;
        break;
      }
    }
    if (cut < 0) cut = space;
    if (cut < 0) {
      cut = from + MAX_SENTENCE_CHARS;
      const code = text.charCodeAt(cut);
      if (code >= 0xdc00 && code <= 0xdfff) cut--;
    }
    let pieceEnd = cut;
    while (pieceEnd > from && text[pieceEnd - 1] === ' ') pieceEnd--;
    parts.push({ start: from, end: pieceEnd });
    from = cut;
  }
  return parts;
}
