// CoNLL-2003-compatible word tokenizer with character offsets.
// Hand-written because the tagger was trained on Reuters tokens ("Serbia 's", "does n't", "U.S.", "EU-wide",
// `"` as its own token) and any general tokenizer (wink, compromise) splits differently, which costs accuracy.

export interface Token {
  start: number;
  end: number;
  /** The characters as written in the source text. */
  text: string;
  /** The form the model sees: curly quotes and dashes mapped to the ASCII used in CoNLL-2003. */
  norm: string;
}

// A run of non-space characters; punctuation is split off afterwards.
const CHUNK = /\S+/g;
// Characters that are always a token of their own (quotes, brackets, separators).
const ALWAYS_SPLIT = /^[\u201c\u201d\u201e\u00ab\u00bb"()[\]{},;:!?\u2014\u2013\u2026|\u2022\u00b7]$/;
// "U.S.", "J." and "a.m." keep their periods; other trailing periods are split off.
const DOTTED_ABBREVIATION = /(?:^|-)(?:[A-Za-z]\.)+$/;
// Clitics split off the way the Penn/CoNLL tokenization does: "Serbia's" -> "Serbia" "'s".
const CLITIC = /^(.+?)((?:n['\u2019]t)|(?:['\u2019](?:s|S|re|RE|m|M|ve|VE|ll|LL|d|D)))$/;

function normalize(text: string): string {
  if (text === '\u201c' || text === '\u201d' || text === '\u201e' || text === '\u00ab' || text === '\u00bb') return '"';
  if (text === '\u2014' || text === '\u2013') return '--';
  if (text === '\u2026') return '...';
  return text.replace(/[\u2018\u2019]/g, "'");
}

function push(out: Token[], source: string, start: number, end: number): void {
  if (end <= start) return;
  const text = source.slice(start, end);
  out.push({ start, end, text, norm: normalize(text) });
}

/** Splits one whitespace-free chunk into tokens; `isLast` tells whether it ends its sentence. */
function splitChunk(out: Token[], source: string, start: number, end: number, isLast: boolean): void {
  // Leading punctuation: quotes, brackets, apostrophe used as a quote mark.
  while (start < end) {
    const ch = source[start];
    if (ALWAYS_SPLIT.test(ch) || ch === "'" || ch === '\u2018' || ch === '$') {
      // "'s" at the start of a chunk is a clitic after a space ("Serbia 's"), keep it whole.
      if ((ch === "'" || ch === '\u2019') && /^'(?:s|S)$/.test(source.slice(start, end).replace('\u2019', "'"))) break;
      push(out, source, start, start + 1);
      start++;
    } else if (ch === '-' && source[start + 1] === '-') {
      push(out, source, start, start + 2);
      start += 2;
    } else break;
  }
  const trailing: [number, number][] = [];
  // Trailing punctuation, collected from the right.
  while (end > start) {
    const ch = source[end - 1];
    if (source.startsWith('...', end - 3) && end - 3 >= start) {
      trailing.push([end - 3, end]);
      end -= 3;
    } else if (ALWAYS_SPLIT.test(ch) || ch === '\u2019' || ch === "'") {
      // Keep the apostrophe of a plural possessive ("Serbs'") as its own token, like CoNLL does.
      trailing.push([end - 1, end]);
      end--;
    } else if (ch === '-' && source[end - 2] === '-') {
      trailing.push([end - 2, end]);
      end -= 2;
    } else if (ch === '.' && end - start > 1) {
      const word2 = source.slice(start, end);
      if (DOTTED_ABBREVIATION.test(word2)) break;
      if (/^[A-Z][a-z]{0,3}\.$/.test(word2) && !isLast) break; // "Sept." / "Mr." mid-sentence
      trailing.push([end - 1, end]);
      end--;
    } else if (ch === '%') {
      trailing.push([end - 1, end]);
      end--;
    } else break;
  }
  if (end > start) {
    // Inner em-dashes and double hyphens separate words ("troops--and"); single hyphens stay ("EU-wide").
    let pieceStart = start;
    const word = source.slice(start, end);
    const inner = /\u2014|\u2013|--/g;
    let match: RegExpExecArray | null;
    const pieces: [number, number][] = [];
    while ((match = inner.exec(word)) !== null) {
      pieces.push([pieceStart, start + match.index]);
      pieces.push([start + match.index, start + match.index + match[0].length]);
      pieceStart = start + match.index + match[0].length;
    }
    pieces.push([pieceStart, end]);
    for (const [s, e] of pieces) {
      const piece = source.slice(s, e);
      const clitic = CLITIC.exec(piece);
      if (clitic && clitic[1].length > 0 && !/^[Oo]$/.test(clitic[1])) {
        const cut = e - clitic[2].length;
        push(out, source, s, cut);
        push(out, source, cut, e);
      } else push(out, source, s, e);
    }
  }
  for (let i = trailing.length - 1; i >= 0; i--) push(out, source, trailing[i][0], trailing[i][1]);
}

/** Tokens of text.slice(start, end), offsets into `text`. */
export function tokenizeRange(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  const chunks = [...slice.matchAll(CHUNK)];
  chunks.forEach((chunk, index) => {
    const s = start + (chunk.index ?? 0);
    splitChunk(out, text, s, s + chunk[0].length, index === chunks.length - 1);
  });
  return out;
}
