// Parser for the CoNLL-2003 column format (TOKEN POS CHUNK NER, IOB1 tags). Pure: callers read the file.
import type { EntityClass, TagSpan } from './tags.js';


export interface ConllSentence {
  words: string[];
  /** Gold entities as token ranges. */
  entities: TagSpan[];
}

export interface ConllDocument {
  sentences: ConllSentence[];
}

/** Documents of a CoNLL-2003 file; IOB1 tags are read as spans (B- starts a new entity of the same type). */
export function parseConll(content: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument | null = null;
  let words: string[] = [];
  let tags: string[] = [];
  const flush = (): void => {
    if (words.length === 0) return;
    if (!doc) {
      doc = { sentences: [] };
      docs.push(doc);
    }
    doc.sentences.push({ words, entities: iob1Spans(tags) });
    words = [];
    tags = [];
  };
  for (const line of content.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') {
      flush();
      continue;
    }
    const cols = trimmed.split(' ');
    if (cols[0] === '-DOCSTART-') {
      flush();
      doc = { sentences: [] };
      docs.push(doc);
      continue;
    }
    words.push(cols[0]);
    tags.push(cols[cols.length - 1]);
  }
  flush();
  return docs.filter((d) => d.sentences.length > 0);
}

function iob1Spans(tags: string[]): TagSpan[] {
  const spans: TagSpan[] = [];
  let open: TagSpan | null = null;
  tags.forEach((tag, i) => {
    const type = tag === 'O' ? null : (tag.slice(2) as EntityClass);
    const begins = tag.startsWith('B-') || (type !== null && (!open || open.type !== type));
    if (open && (type === null || begins)) {
      spans.push(open);
      open = null;
    }
    if (type !== null && !open) open = { start: i, end: i + 1, type };
    else if (open) open.end = i + 1;
  });
  if (open) spans.push(open);
  return spans;
}

/** A CoNLL document laid out as plain text: tokens joined by spaces, one sentence per line. */
export interface ConllText {
  text: string;
  sentences: { start: number; end: number; paragraph: number }[];
  /** tokenStarts[s][i] / tokenEnds[s][i]: character range of token i of sentence s. */
  tokenStarts: number[][];
  tokenEnds: number[][];
}

export function conllToText(doc: ConllDocument): ConllText {
  let text = '';
  const sentences: ConllText['sentences'] = [];
  const tokenStarts: number[][] = [];
  const tokenEnds: number[][] = [];
  doc.sentences.forEach((sentence, s) => {
    if (s > 0) text += '\n';
    const start = text.length;
    const starts: number[] = [];
    const ends: number[] = [];
    sentence.words.forEach((word, i) => {
      if (i > 0) text += ' ';
      starts.push(text.length);
      text += word;
      ends.push(text.length);
    });
    sentences.push({ start, end: text.length, paragraph: s });
    tokenStarts.push(starts);
    tokenEnds.push(ends);
  });
  return { text, sentences, tokenStarts, tokenEnds };
}

/**
 * Token spans of character-range mentions; a mention whose edges do not fall on token edges, or that
 * crosses a sentence, becomes a span that matches no gold entity (it counts as a false positive).
 */
export function mentionsToTokenSpans(
  layout: ConllText,
  mentions: readonly { start: number; end: number; type: EntityClass }[],
): TagSpan[][] {
  const out: TagSpan[][] = layout.sentences.map(() => []);
  for (const m of mentions) {
    const s = layout.sentences.findIndex((x) => m.start >= x.start && m.start <= x.end);
    if (s < 0) continue;
    const first = layout.tokenStarts[s].indexOf(m.start);
    const last = layout.tokenEnds[s].indexOf(m.end);
    if (first < 0 || last < first) out[s].push({ start: -1, end: -1, type: m.type });
    else out[s].push({ start: first, end: last + 1, type: m.type });
  }
  return out;
}
