// Subheadings are not organisations. A capitalised subheading line ("Vucic Denies Buildup", "EU Mediation
// Efforts", "KFOR Presence Strengthened") reads to the CoNLL-trained tagger like an organisation name when too
// few of its words are common enough for the re-casing in truecase.ts to catch it.
import type { RawMention } from './consistency.js';
import { ORGANIZATION_SUFFIXES } from './lexicon.js';
import type { EntityClass } from './tags.js';
import type { Token } from './tokenize.js';

const SUFFIXES = new Set(ORGANIZATION_SUFFIXES);
const MINOR = /^(of|on|for|the|and|in|to|at|with|after|over|amid|a|an|as|by|from|or|vs\.?)$/;
// Subheadings are short; a longer capitalised line is more likely a list of names.
const MAX_HEADING_TOKENS = 10;

const nameOf = (tokens: Token[], from: number, to: number): string =>
  tokens
    .slice(from, to)
    .map((t) => t.norm)
    .join(' ');

/** Whether only spaces lie between `at` and the line's start (step -1) or end (step 1). */
function lineEdge(text: string, at: number, step: -1 | 1): boolean {
  for (let k = step < 0 ? at - 1 : at; k >= 0 && k < text.length; k += step) {
    const c = text[k];
    if (c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}

/**
 * Whether a sentence is a subheading: a whole line of its own, at most 10 tokens, no closing punctuation, every
 * word capitalised (minor words excepted), at least one of them in title case (so all-capitals newswire
 * headlines are left alone), and no digits.
 */
export function isHeadingLine(tokens: readonly Token[], text: string): boolean {
  if (tokens.length < 2 || tokens.length > MAX_HEADING_TOKENS) return false;
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (!lineEdge(text, first.start, -1) || !lineEdge(text, last.end, 1)) return false;
  if (/^[.!?:;,"')\]]$/.test(last.norm)) return false;
  let titled = false;
  for (const t of tokens) {
    const w = t.norm;
    if (/\d/.test(w)) return false;
    if (!/^\p{L}/u.test(w) || MINOR.test(w)) continue;
    if (/^\p{Lu}\p{Ll}/u.test(w)) titled = true;
    else if (!/^\p{Lu}/u.test(w)) return false;
  }
  return titled;
}

/**
 * Mentions with subheading organisations removed, in text order. An organisation of several words on a
 * subheading line (isHeadingLine) is kept when the article names it elsewhere, or when none of its words after
 * the first is a common word (`isCommon`, given lower-case words; organisation suffixes such as "Council" do not
 * count). Otherwise it shrinks to its longest first words that the article names elsewhere ("Vucic" from "Vucic
 * Denies Buildup", typed as there), or is dropped.
 */
export function dropHeadingOrganizations(mentions: RawMention[], sentences: Token[][], text: string, isCommon: (lowerWord: string) => boolean): RawMention[] {
  const heading = sentences.map((tokens) => isHeadingLine(tokens, text));
  if (!heading.includes(true)) return mentions;
  // Names the article writes outside subheadings, with their type; a person's surname counts as a name.
  const named = new Map<string, EntityClass>();
  for (const m of mentions) {
    if (heading[m.sentence]) continue;
    named.set(nameOf(m.tokens, m.startToken, m.endToken), m.type);
    if (m.type === 'PER' && m.endToken - m.startToken >= 2) named.set(m.tokens[m.endToken - 1].norm, 'PER');
  }
  const out: RawMention[] = [];
  for (const m of mentions) {
    const length = m.endToken - m.startToken;
    if (!heading[m.sentence] || m.type !== 'ORG' || length < 2 || named.has(nameOf(m.tokens, m.startToken, m.endToken))) {
      out.push(m);
      continue;
    }
    const commonWord = m.tokens.slice(m.startToken + 1, m.endToken).some((t) => {
      const lower = t.norm.toLowerCase();
      return !SUFFIXES.has(lower) && !MINOR.test(lower) && isCommon(lower);
    });
    if (!commonWord) {
      out.push(m);
      continue;
    }
    for (let end = m.endToken - 1; end > m.startToken; end--) {
      const type = named.get(nameOf(m.tokens, m.startToken, end));
      if (type) {
        out.push({ ...m, endToken: end, type });
        break;
      }
    }
  }
  return out;
}
