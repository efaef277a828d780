// Named-entity recognition for news text: a CoNLL-2003-trained tagger plus document-level clean-up.
import type { EntityType, Mention, Sentence } from '../types.js';
import { consolidate, type RawMention } from './consistency.js';
import { prepareDocument } from './features.js';
import { loadModel } from './load.js';
import { roleAfter, roleBefore, titleFreeStart } from './roles.js';
import { spansFromTags, type EntityClass } from './tags.js';
import { tagDocument } from './tagger.js';
import { tokenizeRange, type Token } from './tokenize.js';
import { caseForTagging, commonWordsOf } from './truecase.js';
import { dropHeadingOrganizations } from './headings.js';
import { joinOrganizationNames } from './organizations.js';
import { typeInstitutions } from './institutions.js';
import { SPEECH_GAP_WORDS, SPEECH_VERBS } from './lexicon.js';

const TYPE_OF: Record<EntityClass, EntityType> = { PER: 'person', ORG: 'organization', LOC: 'place', MISC: 'other' };

/** Sentence ranges to tag: the given sentences, or non-empty lines when none are given. */
function sentenceRanges(text: string, sentences: readonly Sentence[]): readonly { start: number; end: number }[] {
  if (sentences.length > 0) return sentences;
  return [...text.matchAll(/[^\n]+/g)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

const SPEECH = new Set(SPEECH_VERBS);
const WEEKDAY = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
const GAP = new Set(SPEECH_GAP_WORDS);

/** Untagged capitalised words the model never saw, followed by a reporting verb: speakers' surnames. */
function unknownSpeakers(tokens: Token[], tags: number[], known: (lowerWord: string) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < tokens.length - 1; i++) {
    const word = tokens[i].norm;
    if (tags[i] !== 0 || !/^[A-Z][a-z]+$/.test(word) || known(word.toLowerCase())) continue;
    if (i > 0 && /^[A-Z]/.test(tokens[i - 1].norm)) continue;
    let k = i + 1;
    while (k < tokens.length && GAP.has(tokens[k].norm.toLowerCase())) k++;
    if (k < tokens.length && SPEECH.has(tokens[k].norm.toLowerCase())) out.push(i);
  }
  return out;
}

/**
 * Entity mentions in `text` (offsets into it), typed person / organization / place / other.
 * Titles next to a person's name are kept in `role`, not in the name; possessive "'s" is never part of a name.
 * Seats of government speaking for their government ("the Kremlin said") and social networks are organisations
 * (institutions.ts); subheading lines yield no organisations (headings.ts).
 */
export function recognizeMentions(text: string, sentences: Sentence[]): Mention[] {
  const model = loadModel();
  const tokenized: Token[][] = sentenceRanges(text, sentences)
    .map((s) => tokenizeRange(text, s.start, s.end))
    .filter((tokens) => tokens.length > 0);
  const common = commonWordsOf(
    tokenized.map((tokens) => tokens.map((t) => t.norm)),
    (w) => model.isCommonWord(w),
  );
  const prepared = prepareDocument(caseForTagging(tokenized, common), model.gazetteer);
  const tags = tagDocument(model, prepared);

  const raw: RawMention[] = [];
  tokenized.forEach((tokens, s) => {
    for (const span of spansFromTags(tags[s])) {
      let { start, end } = span;
      // A possessive, quote or separator ("| Last Update") at either end is not part of the name.
      while (end > start && /^('s|[^\p{L}\p{N}]+)$/iu.test(tokens[end - 1].norm)) end--;
      while (start < end && /^[^\p{L}\p{N}]+$/u.test(tokens[start].norm)) start++;
      // A weekday ends no person's name, nor do the lower-case words before it: wire style puts the day right
      // after a speaker ("el-Baz said on Thursday" came out as one name). Teams may ("Sheffield Wednesday").
      while (span.type === 'PER' && end > start && WEEKDAY.test(tokens[end - 1].norm)) {
        end--;
        while (end > start && /^\p{Ll}+$/u.test(tokens[end - 1].norm)) end--;
      }
      // "President Vucic" or "State Antony Blinken" (of "Secretary of State") tagged as one name: the title
      // words leave the name and are picked up as its role below.
      if (span.type === 'PER') start = titleFreeStart(tokens, start, end);
      if (end > start) raw.push({ sentence: s, startToken: start, endToken: end, tokens, type: span.type, roleRange: null });
    }
    const known = (word: string): boolean => model.knowsWord(word) || model.isCommonWord(word);
    for (const i of unknownSpeakers(tokens, tags[s], known)) {
      raw.push({ sentence: s, startToken: i, endToken: i + 1, tokens, type: 'PER', roleRange: null });
    }
  });
  const consolidated = consolidate(joinOrganizationNames(raw, tokenized), tokenized, (w) => model.isCommonWord(w));
  const mentions = typeInstitutions(dropHeadingOrganizations(consolidated, tokenized, text, common), tokenized, text);

  const covered = tokenized.map((tokens) => new Uint8Array(tokens.length));
  for (const m of mentions) for (let i = m.startToken; i < m.endToken; i++) covered[m.sentence][i] = 1;
  for (const m of mentions) {
    if (m.type !== 'PER') continue;
    const blocked = (k: number): boolean => covered[m.sentence][k] === 1;
    m.roleRange = roleBefore(m.tokens, m.startToken, 0, blocked) ?? roleAfter(m.tokens, m.endToken, m.tokens.length);
  }

  return mentions.map((m) => {
    const first = m.tokens[m.startToken];
    const last = m.tokens[m.endToken - 1];
    const mention: Mention = { start: first.start, end: last.end, text: text.slice(first.start, last.end), type: TYPE_OF[m.type] };
    if (m.roleRange) mention.role = text.slice(m.tokens[m.roleRange[0]].start, m.tokens[m.roleRange[1] - 1].end);
    return mention;
  });
}

export { tokenizeRange, type Token } from './tokenize.js';
export { loadModel } from './load.js';
