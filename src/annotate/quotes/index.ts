// Quotes and reported speech with their speakers.
import { tagTokens } from '../nlp.js';
import type { Mention, QuoteAnnotation, QuoteCueKind, Range, Sentence } from '../types.js';
import { attributeQuotes, attributeReported, buildUnits, quotedTokens, type Attribution, type AttributeInput } from './attribute.js';
import { findQuotedSpans, normalizeDoubledApostrophes } from './marks.js';
import { attributeNominal } from './nominal.js';
import { attributeTranscript } from './transcript.js';
import { antecedentOf, type Token } from './phrases.js';
import { SpeakerResolver, splitRole } from './speakers.js';
import { ORGANIZATION_WORDS, type CueKind } from './cues.js';
import { attributeLearned, chooseSource, loadAttributionModel, sourceCandidates, type AttributionModel } from './learned/index.js';

export { findQuotedSpans, paragraphRanges, type QuotedSpan } from './marks.js';
export { CUE_VERBS, type CueKind } from './cues.js';

export interface FindQuotesOptions {
  /** Also return reported speech without quote marks ("X said that ...") as `direct: false`. Default true. */
  reported?: boolean;
  /**
   * Also return what the trained attribution model finds beyond the rules (stances and acts of a source towards
   * something, "Obama nominated ...", "Cruz endorsed ..."), as `direct: false`. Default true; needs `reported`.
   * A model object replaces the shipped one (training and evaluation use this).
   */
  learned?: boolean | AttributionModel;
}

/** The rule-based stages' view of a text, shared by findQuotes and the attribution model's training. */
export interface RuleAttributions {
  input: AttributeInput;
  /** Direct quotes, then reported speech found by the rules. */
  found: Attribution[];
  /** Mentions used to resolve speakers (the given ones, or proper-noun runs when none were given). */
  people: Mention[];
  /** Titles of works in quote marks: not quotes, but words no other attribution may take. */
  titles: Attribution[];
}

export function attributeByRules(text: string, sentences: Sentence[], mentions: Mention[], reported = true): RuleAttributions {
  // Analysis runs on a copy with ''doubled apostrophes'' read as quote marks; offsets are the same in both.
  const analysed = normalizeDoubledApostrophes(text);
  const tokens: Token[] = tagTokens(analysed).map((t) => ({ ...t, lower: t.text.toLowerCase() }));
  const spans = findQuotedSpans(analysed);
  const quoted = quotedTokens(tokens, spans);
  const units = buildUnits(analysed, sentences, spans, tokens);
  const input: AttributeInput = { text: analysed, tokens, spans, units, quoted };
  // Titles of works come back from attributeQuotes only to hold their words: later stages must not read them as
  // reported speech, and they are returned by no one.
  const directAndTitles = attributeQuotes(input);
  const titles = directAndTitles.filter((a) => a.title);
  const direct = directAndTitles.filter((a) => !a.title);
  const verbal = reported ? attributeReported(input, directAndTitles) : [];
  const nominal = reported ? attributeNominal(input, [...directAndTitles, ...verbal]) : [];
  const transcript = reported ? attributeTranscript(input, [...directAndTitles, ...verbal, ...nominal]) : [];
  const people = mentions.length > 0 ? mentions : fallbackMentions(tokens, quoted);
  return { input, found: [...direct, ...verbal, ...nominal, ...transcript], titles, people };
}

/**
 * Direct quotes, partial quotes and (by default) reported speech, each with the cue that attributes it and the
 * speaker resolved to a full name where the article gives one. Offsets point into `text`.
 * Quotes with a cue but no resolvable speaker get `speakerName: null`; a lone quoted line with no cue and
 * short quoted phrases with no cue (scare quotes, titles) are not returned.
 */
export function findQuotes(text: string, sentences: Sentence[], mentions: Mention[], options: FindQuotesOptions = {}): QuoteAnnotation[] {
  const reported = options.reported !== false;
  const { input, found, people, titles } = attributeByRules(text, sentences, mentions, reported);
  const { tokens, spans } = input;
  const learnedOption = options.learned ?? true;
  const model = !reported || learnedOption === false ? null : learnedOption === true ? loadAttributionModel() : learnedOption;
  const learned = model ? attributeLearned(input, people, [...found, ...titles], model) : [];
  const all = [...found, ...learned];

  if (model) {
    for (const a of all) if (a.cue && !a.continues) a.source = chooseSource(model.sourceWeights, sourceCandidates(input, people, a)) ?? a.source;
  }

  const resolver = new SpeakerResolver(text, sentences, people, spans.map((s) => ({ start: s.start, end: s.end })));
  // Resolve in reading order of the sources, so that a pronoun can point back to an earlier speaker.
  const order = all.filter((a) => !a.continues).sort((a, b) => (a.source?.start ?? a.start) - (b.source?.start ?? b.start));
  const resolved = new Map<Attribution, { name: string | null; mention: Range | null }>();
  for (const a of order) {
    if (!a.source) {
      resolved.set(a, { name: null, mention: null });
      continue;
    }
    // The source stays as written ("who"); its name comes from what the pronoun stands for.
    const named = antecedentOf(tokens, a.source) ?? a.source;
    const speaker = resolver.resolve(named.start, named.end);
    resolved.set(a, speaker);
    const speaks = a.cue !== null && (a.cue.kind === 'speech' || a.cue.kind === 'stance' || a.cue.kind === 'frame');
    if (speaker.name) resolver.remember({ start: a.source.start, end: a.source.end }, speaker.name, text.slice(a.source.start, a.source.end), speaks);
  }
  for (const a of all) {
    if (!a.continues) continue;
    let origin: Attribution = a.continues;
    while (origin.continues) origin = origin.continues;
    resolved.set(a, resolved.get(origin) ?? { name: null, mention: null });
  }

  return all
    .map((a): QuoteAnnotation => {
      const speaker = resolved.get(a) ?? { name: null, mention: null };
      return {
        start: a.start,
        end: a.end,
        text: text.slice(a.start, a.end),
        speakerName: speaker.name,
        speakerMention: speaker.mention,
        cue: a.cue ? text.slice(tokens[a.cue.first].start, tokens[a.cue.last].end) : null,
        partial: a.partial,
        direct: a.direct,
        ...(a.cue ? { cueKind: publicKind(a.cue.kind) } : a.direct ? { cueKind: 'speech' as const } : {}),
        speakerRange: a.source ? { start: a.source.start, end: a.source.end } : null,
      };
    })
    .sort((x, y) => x.start - y.start);
}

/** The dossier's classes: frames around quotes count as speech, impressions without a holder as beliefs. */
function publicKind(kind: CueKind): QuoteCueKind {
  if (kind === 'frame') return 'speech';
  if (kind === 'appearance') return 'belief';
  return kind;
}

const ORGANIZATION_PATTERN = new RegExp(`\\b(${[...ORGANIZATION_WORDS].join('|')})\\b`, 'i');

/**
 * Name candidates from runs of proper nouns, used only when no entity mentions are given, so that pronouns and
 * surnames still resolve ("Serbian Defense Minister Milos Vucevic" -> person "Milos Vucevic").
 */
function fallbackMentions(tokens: Token[], quoted: Int32Array): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (tokens[i].pos !== 'PROPN' || quoted[i] >= 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < tokens.length && (tokens[j].pos === 'PROPN' || tokens[j].text === '-') && quoted[j] < 0) j++;
    const start = tokens[i].start;
    const end = tokens[j - 1].end;
    const words = tokens.slice(i, j).map((t) => t.text).join(' ');
    const { role, name } = splitRole(words);
    const size = name.split(' ').length;
    if (name && size <= 4 && (role || size >= 2) && !ORGANIZATION_PATTERN.test(name)) {
      const nameStart = tokens.slice(i, j).find((t) => t.text === name.split(' ')[0])?.start ?? start;
      out.push({ start: nameStart, end, text: name, type: 'person', ...(role ? { role } : {}) });
    } else if (name) {
      // Countries and organizations speak too ("Serbia said", "what it called ..."): candidates for "it".
      const from = i > 0 && tokens[i - 1].lower === 'the' ? tokens[i - 1].start : start;
      out.push({ start: from, end, text: name, type: ORGANIZATION_PATTERN.test(name) ? 'organization' : 'place' });
    }
    i = j;
  }
  // A lone surname is a person when the article names that person in full elsewhere ("Kirby" after "John Kirby").
  const surnames = new Set(out.filter((m) => m.type === 'person').map((m) => m.text.split(' ').pop()));
  return out.map((m) => (m.type !== 'person' && surnames.has(m.text) ? { ...m, type: 'person' } : m));
}
