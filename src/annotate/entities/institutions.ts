// Organisations the CoNLL-trained tagger reads as places or misses: seats of government speaking for their
// government ("the Kremlin said") and social networks ("posted on Instagram", "on X (formerly Twitter)").
import type { RawMention } from './consistency.js';
import { foldKey } from './gazetteer.js';
import { LOCATIVE_WORDS, PLATFORMS, SEATS_OF_GOVERNMENT } from './lexicon.js';
import type { Token } from './tokenize.js';

const fold = (words: readonly string[]): string => words.map(foldKey).join(' ');
const SEATS = new Set(SEATS_OF_GOVERNMENT.map((s) => fold(s.split(' '))));
const NETWORKS = new Set(PLATFORMS.map((s) => fold(s.split(' '))));
const LOCATIVE = new Set(LOCATIVE_WORDS);
// Longest listed name, in words, and the first words of listed names: bound the scan for untagged names, which
// looks at a token only when a listed name starts with it.
const MAX_WORDS = Math.max(...[...SEATS_OF_GOVERNMENT, ...PLATFORMS].map((s) => s.split(' ').length));
const FIRST_WORDS = new Set([...SEATS_OF_GOVERNMENT, ...PLATFORMS].map((s) => foldKey(s.split(' ')[0])));

// "X" is the network only where the text says so: "X (formerly Twitter)", "X, formerly known as Twitter",
// "social media platform X"; once so named, "on X" in the same article is the network too.
const X_DEFINED_AFTER = /^\s*[(,]?\s*(?:formerly|previously|once)\b(?:\s+known\s+as)?\s+Twitter\b/i;
const X_DEFINED_BEFORE = /\b(?:platform|network|site|app)$/i;

type Kind = 'seat' | 'network';

function kindOf(words: readonly string[]): Kind | null {
  const key = fold(words[0] && foldKey(words[0]) === 'the' ? words.slice(1) : words);
  return SEATS.has(key) ? 'seat' : NETWORKS.has(key) ? 'network' : null;
}

/** A seat of government is the building after "in", "outside" ... (possibly with "the" between), else its government. */
function seatType(tokens: Token[], start: number): 'ORG' | 'LOC' {
  let k = start - 1;
  if (k >= 0 && tokens[k].norm.toLowerCase() === 'the') k--;
  return k >= 0 && LOCATIVE.has(tokens[k].norm.toLowerCase()) ? 'LOC' : 'ORG';
}

const words = (tokens: Token[], from: number, to: number): string[] => tokens.slice(from, to).map((t) => t.norm);

/**
 * Mentions with seats of government and networks typed organisation, in text order. Shapes: takes and returns
 * RawMention lists over `sentences` (token arrays); a tagged "Instagram and Telegram" becomes two mentions;
 * untagged listed names (capitalised, as written) are added; the letter X is added only in the contexts above.
 * `text` is the document the tokens index into.
 */
export function typeInstitutions(mentions: RawMention[], sentences: Token[][], text: string): RawMention[] {
  const out: RawMention[] = [];
  const covered = sentences.map((tokens) => new Uint8Array(tokens.length));
  // The letter X: a network where defined; "on X" mentions wait to see whether the article defines it.
  let xIsNetwork = false;
  const onX: RawMention[] = [];
  const letterX = (m: RawMention): void => {
    const t = m.tokens[m.startToken];
    const after = text.slice(t.end, t.end + 40);
    const before = text.slice(Math.max(0, t.start - 30), t.start).trimEnd();
    if (X_DEFINED_AFTER.test(after) || X_DEFINED_BEFORE.test(before)) {
      xIsNetwork = true;
      m.type = 'ORG';
    } else if (m.startToken > 0 && m.tokens[m.startToken - 1].norm.toLowerCase() === 'on') onX.push(m);
  };

  for (const m of mentions) {
    for (const part of splitList(m)) {
      const kind = kindOf(words(part.tokens, part.startToken, part.endToken));
      if (kind === 'network') part.type = 'ORG';
      else if (kind === 'seat') part.type = seatType(part.tokens, part.startToken);
      else if (part.endToken - part.startToken === 1 && part.tokens[part.startToken].norm === 'X') letterX(part);
      out.push(part);
      for (let i = part.startToken; i < part.endToken; i++) covered[part.sentence][i] = 1;
    }
  }

  sentences.forEach((tokens, s) => {
    for (let i = 0; i < tokens.length; i++) {
      if (covered[s][i]) continue;
      if (tokens[i].norm === 'X') {
        const m: RawMention = { sentence: s, startToken: i, endToken: i + 1, tokens, type: 'MISC', roleRange: null };
        letterX(m);
        if (m.type === 'ORG') out.push(m);
        continue;
      }
      // Listed names the tagger left out; capitalised as written, so "twitter" in prose is not one.
      if (!/^[A-Z]/.test(tokens[i].norm) || !FIRST_WORDS.has(foldKey(tokens[i].norm))) continue;
      for (let len = Math.min(MAX_WORDS, tokens.length - i); len >= 1; len--) {
        const kind = kindOf(words(tokens, i, i + len));
        if (!kind || covered[s].subarray(i, i + len).some((c) => c === 1)) continue;
        out.push({ sentence: s, startToken: i, endToken: i + len, tokens, type: kind === 'network' ? 'ORG' : seatType(tokens, i), roleRange: null });
        i += len - 1;
        break;
      }
    }
  });
  for (const m of onX) {
    if (!xIsNetwork) continue;
    m.type = 'ORG';
    // An untagged "on X" is added now that the article has named the network.
    if (!out.includes(m)) out.push(m);
  }
  return out.sort((a, b) => a.sentence - b.sentence || a.startToken - b.startToken);
}

const SEPARATOR = /^(and|or|,|&)$/i;

/** "Instagram and Telegram" tagged as one name: one mention per listed name when every part is one. */
function splitList(m: RawMention): RawMention[] {
  let separated = false;
  for (let i = m.startToken + 1; i < m.endToken - 1 && !separated; i++) separated = SEPARATOR.test(m.tokens[i].norm);
  if (!separated) return [m];
  const parts: RawMention[] = [];
  let from = m.startToken;
  for (let i = m.startToken; i <= m.endToken; i++) {
    const separator = i < m.endToken && SEPARATOR.test(m.tokens[i].norm);
    if (i < m.endToken && !separator) continue;
    if (i === from || !kindOf(words(m.tokens, from, i))) return [m];
    parts.push({ ...m, startToken: from, endToken: i });
    from = i + 1;
  }
  return parts;
}
