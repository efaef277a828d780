import type { SummaryDocument } from './types.js';
import { tokens, wordCount } from './text.js';
import { ATTRIBUTION_CUE, DROPPABLE_HEAD, dependentOpener, DATELINE, LEADING_TRIM, OPENS_WITH_QUOTE, QUESTION, TERMINAL, TRAILING_ATTRIBUTION } from './patterns.js';

/** One sentence of one document, with the stems the scorer needs. */
export interface SentenceUnit {
  /** Index into the input documents. */
  doc: number;
  /** Index of the sentence in its document. */
  position: number;
  start: number;
  end: number;
  /** Stemmed tokens with stopword marks, in order. */
  stems: string[];
  stop: boolean[];
  /** Distinct stemmed content words. */
  content: Set<string>;
}

/** A span that may appear in the summary: a whole sentence or a trimmed part of one. */
export interface Candidate {
  unit: SentenceUnit;
  start: number;
  end: number;
  words: number;
  /** Concept keys the span contains (distinct). */
  concepts: string[];
  /** Opens with a pronoun or connective that needs the previous sentence. */
  dangling: boolean;
  /** A claim span (from the align stage's facts or the disputes) shorter than its sentence. */
  claim?: boolean;
}

export function sentenceUnits(docs: SummaryDocument[]): SentenceUnit[] {
  const units: SentenceUnit[] = [];
  docs.forEach((doc, d) => {
    doc.sentences.forEach((range, position) => {
      const toks = tokens(doc.text.slice(range.start, range.end));
      const content = new Set<string>();
      for (const t of toks) if (!t.stop && t.stem.length > 1) content.add(t.stem);
      units.push({ doc: d, position, start: range.start, end: range.end, stems: toks.map((t) => t.stem), stop: toks.map((t) => t.stop), content });
    });
  });
  return units;
}

export interface CandidateRules {
  /** Shorter sentences are rarely a full fact: bylines, captions, "He declined." */
  minWords: number;
  /** Longer ones are usually run-ons or lists that crowd a short summary. */
  maxWords: number;
  trim: boolean;
}

/** Why a sentence is not offered to the summary, or null when it is fine. */
function unsuitable(text: string, rules: CandidateRules): string | null {
  const words = wordCount(text);
  if (words < rules.minWords) return 'short';
  if (words > rules.maxWords) return 'long';
  if (!/[a-z]/.test(text)) return 'all-caps';
  if (QUESTION.test(text)) return 'question';
  if (OPENS_WITH_QUOTE.test(text)) return 'quote';
  if (!TERMINAL.test(text)) return 'headline';
  return null;
}

/** Character ranges to offer for one sentence: the sentence, and with `trim` its trimmed forms. */
export function spansFor(text: string, trim: boolean): { start: number; end: number }[] {
  let start = 0;
  let end = text.length;
  const dateline = DATELINE.exec(text);
  // A dateline is never part of the fact; dropping it is always safe.
  if (dateline && dateline[0].length < text.length / 2) start = dateline[0].length;
  const spans = [{ start, end }];
  if (!trim) return spans;
  let trimmedStart = start;
  for (const pattern of LEADING_TRIM) {
    const m = pattern.exec(text.slice(start));
    if (m) {
      trimmedStart = start + m[0].length;
      break;
    }
  }
  const trailing = TRAILING_ATTRIBUTION.exec(text);
  const trimmedEnd = trailing ? trailing.index : end;
  if (trimmedStart !== start) spans.push({ start: trimmedStart, end });
  if (trimmedEnd !== end) spans.push({ start, end: trimmedEnd });
  if (trimmedStart !== start && trimmedEnd !== end) spans.push({ start: trimmedStart, end: trimmedEnd });
  return spans;
}

/** Concept keys of a token stream: its bigrams ("stem stem"). Content unigrams as extra concepts measured worse. */
export function conceptKeys(stems: string[], stop: boolean[]): string[] {
  const keys = new Set<string>();
  for (let i = 0; i + 1 < stems.length; i++) {
    // ICSISumm's concepts: adjacent stemmed bigrams, except those made only of stopwords ("of the").
    if (stop[i] && stop[i + 1]) continue;
    keys.add(stems[i] + ' ' + stems[i + 1]);
  }
  return [...keys];
}

/** Summary candidates: suitable sentences (and trimmed forms), with their concepts. */
export function candidates(docs: SummaryDocument[], units: SentenceUnit[], rules: CandidateRules): Candidate[] {
  const out: Candidate[] = [];
  for (const unit of units) {
    const full = docs[unit.doc].text.slice(unit.start, unit.end);
    if (unsuitable(full, rules)) continue;
    for (const span of spansFor(full, rules.trim)) {
      const text = full.slice(span.start, span.end);
      const toks = tokens(text);
      out.push({
        unit,
        start: unit.start + span.start,
        end: unit.start + span.end,
        words: wordCount(text),
        concepts: conceptKeys(toks.map((t) => t.stem), toks.map((t) => t.stop)),
        dangling: dependentOpener(text) !== null,
      });
    }
  }
  return out;
}

/** The claim's words with surrounding blanks and a dangling comma, semicolon or colon left out. */
function tighten(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /[\s,;:]/.test(text[end - 1])) end--;
  return { start, end };
}

function balancedQuotes(text: string): boolean {
  const straight = (text.match(/"/g) ?? []).length;
  const open = (text.match(/“/g) ?? []).length;
  const close = (text.match(/”/g) ?? []).length;
  return straight % 2 === 0 && open === close;
}

/**
 * A claim span of a sentence offered as a summary candidate of its own, or null. It must read as a sentence:
 * start with a capital, have a verb, balance its quote marks, and leave out of its sentence only a leading
 * adverbial ("Earlier on Monday, ") and trailing words that attribute or deny nothing; otherwise a claim that a
 * source asserts or denies would be stated as the outlet's own.
 */
export function claimCandidate(
  docs: SummaryDocument[],
  unit: SentenceUnit,
  span: { start: number; end: number },
  rules: CandidateRules,
  hasVerb: (text: string) => boolean,
): Candidate | null {
  const text = docs[unit.doc].text;
  const start = Math.max(unit.start, span.start);
  const end = Math.min(unit.end, span.end);
  if (end <= start) return null;
  const tight = tighten(text, start, end);
  const sentence = tighten(text, unit.start, unit.end);
  if (tight.start <= sentence.start && tight.end >= sentence.end) return null; // the whole sentence: already offered
  const claim = text.slice(tight.start, tight.end);
  const words = wordCount(claim);
  if (words < Math.min(6, rules.minWords) || words > rules.maxWords) return null;
  if (!/^[A-Z0-9]/.test(claim) || !/[a-z]/.test(claim) || !balancedQuotes(claim)) return null;
  const head = text.slice(unit.start, tight.start);
  const dateline = DATELINE.exec(head);
  const headRest = dateline ? head.slice(dateline[0].length) : head;
  if (headRest.trim() !== '' && (!DROPPABLE_HEAD.test(headRest) || ATTRIBUTION_CUE.test(headRest))) return null;
  const tail = text.slice(tight.end, unit.end);
  if (ATTRIBUTION_CUE.test(tail)) return null;
  if (!hasVerb(claim)) return null;
  const toks = tokens(claim);
  return {
    unit,
    start: tight.start,
    end: tight.end,
    words,
    concepts: conceptKeys(toks.map((t) => t.stem), toks.map((t) => t.stop)),
    dangling: dependentOpener(claim) !== null,
    claim: true,
  };
}
