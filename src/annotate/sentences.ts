import type { Sentence } from './types.js';
import { splitSentencesInBlock } from './nlp.js';

// Headlines and subheads end without a period; splitting on line breaks first keeps them from
// being glued to the next sentence (wink alone would join them).
const LINE = /[^\n]+/g;

/** Sentences of a cleaned text; paragraphs are blank-line separated, and every line is at least one sentence. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let lastLineEnd = -1;
  for (const match of text.matchAll(LINE)) {
    const start = match.index ?? 0;
    if (lastLineEnd >= 0 && /\n\s*\n/.test(text.slice(lastLineEnd, start))) paragraph++;
    lastLineEnd = start + match[0].length;
    if (match[0].trim() === '') continue;
    for (const piece of splitSentencesInBlock(match[0], start)) sentences.push({ ...piece, paragraph });
  }
  return sentences;
}
