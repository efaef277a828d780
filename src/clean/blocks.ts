import type { RemovedPiece } from './types.js';
import {
  AGENCY_CONTRIBUTED, BARE_PHOTO_CREDIT, BOILERPLATE_RULES, BYLINE_PATTERN, CAPTION_PATTERN, CAPTION_PATTERNS_EXTRA, CREDIT_LINE_PATTERNS, DATELINE_AGENCY_TOKEN,
  DATELINE_CREDIT, METADATA_LABEL, METADATA_LABEL_WORDS, NOT_CREDIT_WORDS, RELATED_LABEL, WIRE_AGENCY_NAMES,
} from './patterns.js';
import { findDates, isUpdateStamp, publishedDate, stripDateFragments } from './dates.js';
import { comparisonKey } from './normalize.js';

/** How many blocks at each end of an article count as its "edge" (where site slogans sit). */
const EDGE_BLOCKS = 2;
/** Metadata lines are short: a date stamp with a label or a section name, never a sentence. */
const MAX_METADATA_WORDS = 24;
const MAX_METADATA_LEFTOVER_WORDS = 4;
const MAX_CREDIT_NAME_WORDS = 5;
/** A dateline opens the story: it is looked for in the first kept blocks only (the title line, then the lead). */
const DATELINE_BLOCKS = 3;

/** Lower-cased spelling -> canonical agency name ("the associated press" -> "AP", "DPA" -> "dpa"). */
const AGENCY_BY_SPELLING = new Map(WIRE_AGENCY_NAMES.flatMap((names) => names.map((n) => [n.toLowerCase(), names[0]] as const)));

/** The canonical name of a known wire agency, else null. */
export function knownAgency(name: string): string | null {
  return AGENCY_BY_SPELLING.get(name.trim().replace(/\s+/g, ' ').toLowerCase()) ?? null;
}

/** Known agencies under their canonical name; other credits ("Coastal Wire") as written. */
const canonicalCredit = (name: string): string => knownAgency(name) ?? name;

/** What the block filter learned while removing pieces. */
export interface BlockFindings {
  /** Indices of the blocks kept, in order. */
  kept: number[];
  removed: RemovedPiece[];
  publishedAt: string | null;
  credits: string[];
  byline: string | null;
}

/** Teaser headlines after a related label are short and unpunctuated (or end in a bracketed tag). */
const MAX_TEASER_WORDS = 20;

/**
 * Whether a line is only a date stamp (" date 2023-09-30 WORLD", "Updated Nov 19, 9:41 AM;Posted Nov 18"), and
 * the ISO date it states when it has a full one. Lines with only a time or a day need a label ("Updated").
 */
export function metadataLine(line: string): { isMetadata: boolean; iso: string | null; updated?: boolean } {
  const no = { isMetadata: false, iso: null };
  if (line.split(/\s+/).length > MAX_METADATA_WORDS) return no;
  const dates = findDates(line);
  let rest = '';
  let last = 0;
  for (const d of dates) {
    rest += ` ${line.slice(last, d.start)} `;
    last = d.end;
  }
  rest += line.slice(last);
  const fragments = stripDateFragments(rest);
  if (dates.length === 0 && !(fragments.found && METADATA_LABEL.test(line))) return no;
  const words = fragments.rest
    .replace(METADATA_LABEL_WORDS, ' ')
    .replace(/[|:,;\-–—•·/()[\]]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  // What may remain is a section, place or outlet label: "WORLD", "Belgrade", "CBS News".
  if (words.length > MAX_METADATA_LEFTOVER_WORDS || !words.every((w) => /^\p{Lu}/u.test(w))) return no;
  // "Updated: 6 Mar 2024; Published: 1 Mar 2024": the date labelled published, wherever it stands in the line.
  return { isMetadata: true, iso: publishedDate(line, dates)?.iso ?? null, updated: isUpdateStamp(line, dates) };
}

/** Agency and source names of a credit line ("lo/msh (AP, AFP, dpa, Reuters)", "Source: BBC"), else null. */
export function creditNames(line: string): string[] | null {
  for (const pattern of CREDIT_LINE_PATTERNS) {
    const match = pattern.exec(line);
    if (!match) continue;
    const names = match[1]
      .split(/\s*(?:,|\/|&|;|\band\b)\s*/)
      .map((n) => n.trim().replace(/\.$/, ''))
      .filter(Boolean);
    if (names.length > 0 && names.every((n) => /^\p{L}/u.test(n) && n.split(/\s+/).length <= MAX_CREDIT_NAME_WORDS && !NOT_CREDIT_WORDS.has(n))) {
      return names.map(canonicalCredit);
    }
  }
  return null;
}

/**
 * The credits in an opening dateline ("MOSCOW (AP) — ...", "Nova York, 24 set (EFE).- ...", "Düsseldorf
 * (dpa/lnw) - ..."), else null. The dateline stays in the text: it is part of the lead paragraph, and only
 * whole blocks are ever removed.
 *
 * What counts as a credit in the parentheses (decided to keep ordinary parenthesised words out):
 * - a known wire agency (WIRE_AGENCY_NAMES), in any case, with or without a place before it ("(CNN) —");
 * - otherwise, only after a place name, a short all-caps token (2-6 letters: "KUWAIT, Sept 24 (KUNA) --",
 *   "ABU DHABI (WAM) -") that is not a desk tag or time zone (NOT_CREDIT_WORDS: "(UPDATE 1)", "(END)").
 *   The dateline position (block start, capitalised place, optional date, then a dash) is what makes such a
 *   token a credit: "(Reuters)" could be a word anywhere, but "Joe Biden (D) -" fails the two-letter minimum,
 *   "The WHO (World Health Organization) -" fails the all-caps test, and lowercase or long words never pass.
 * Further names after "/" or "," count when they pass the same test; lower-case service codes after an
 * agency ("dpa/lnw", "dpa/tmn") are regional desks of that agency and are dropped.
 */
export function datelineCredits(block: string): string[] | null {
  const match = DATELINE_CREDIT.exec(block);
  if (!match) return null;
  const hasPlace = match[1] !== undefined;
  const credits: string[] = [];
  const parts = match[2].split(/\s*(?:,|\/|&|;|\band\b)\s*/).filter(Boolean);
  for (const [i, part] of parts.entries()) {
    const known = knownAgency(part);
    const unknown = hasPlace && DATELINE_AGENCY_TOKEN.test(part) && !NOT_CREDIT_WORDS.has(part) ? part : null;
    const name = known ?? unknown;
    if (name) {
      if (!credits.includes(name)) credits.push(name);
    } else if (i === 0 || !/^\p{Ll}{1,4}$/u.test(part)) {
      return null;
    }
  }
  return credits.length > 0 ? credits : null;
}

/** The agencies of a contributor line when it names only agencies ("The Associated Press contributed to this report." -> AP). */
export function contributedCredits(block: string): string[] | null {
  const match = AGENCY_CONTRIBUTED.exec(block);
  if (!match) return null;
  const names = match[1].split(/\s*(?:,|\/|&|\band\b)\s*/).filter(Boolean).map(knownAgency);
  return names.length > 0 && names.every((n) => n !== null) ? [...new Set(names as string[])] : null;
}

export function isCaption(line: string): boolean {
  return CAPTION_PATTERN.test(line) || BARE_PHOTO_CREDIT.test(line) || CAPTION_PATTERNS_EXTRA.some((p) => p.test(line));
}

function isTeaser(block: string): boolean {
  return block.split(/\s+/).length <= MAX_TEASER_WORDS && (!/[.!?…"”]$/.test(block) || /\]$/.test(block));
}

export function bylineOf(line: string): string | null {
  const match = BYLINE_PATTERN.exec(line);
  return match && line.split(/\s+/).length <= 12 ? match[1] : null;
}

export function boilerplateReason(block: string, atEdge: boolean): string | null {
  for (const rule of BOILERPLATE_RULES) {
    if (rule.edgeOnly && !atEdge) continue;
    if (rule.pattern.test(block)) return rule.reason;
  }
  return null;
}

/**
 * Removes non-story blocks (one paragraph or line each, already normalized and non-empty) and collects what
 * they say: the publication date, credits and byline. Order matters: boilerplate first (a cookie banner may
 * contain a date), then dates, then credits before captions ("Source: BBC" is a credit, not a caption).
 */
export function filterBlocks(blocks: string[]): BlockFindings {
  const findings: BlockFindings = { kept: [], removed: [], publishedAt: null, credits: [], byline: null };
  const remove = (text: string, reason: string) => findings.removed.push({ text, reason });
  const credit = (names: string[]) => {
    for (const name of names) if (!findings.credits.includes(name)) findings.credits.push(name);
  };
  let datelineSeen = false;
  let afterRelatedLabel = false;
  // The date so far came from an "Updated ..." line: a later line that gives the publication replaces it.
  let dateIsUpdate = false;
  blocks.forEach((block, index) => {
    if (afterRelatedLabel && isTeaser(block)) return remove(block, 'related-link');
    afterRelatedLabel = RELATED_LABEL.test(block);
    const atEdge = index < EDGE_BLOCKS || index >= blocks.length - EDGE_BLOCKS;
    const junk = boilerplateReason(block, atEdge);
    // An agency contributor line is a credit line: "Reuters contributed to this report." (a person's is not).
    const contributed = junk === 'contributors' ? contributedCredits(block) : null;
    if (contributed) {
      credit(contributed);
      return remove(block, 'credit');
    }
    if (junk) return remove(block, junk);
    const metadata = metadataLine(block);
    if (metadata.isMetadata) {
      if (metadata.iso && (findings.publishedAt === null || (dateIsUpdate && !metadata.updated))) {
        findings.publishedAt = metadata.iso;
        dateIsUpdate = metadata.updated === true;
      }
      return remove(block, 'metadata');
    }
    const credits = creditNames(block);
    if (credits) {
      credit(credits);
      return remove(block, 'credit');
    }
    if (isCaption(block)) return remove(block, 'caption');
    const byline = bylineOf(block);
    if (byline) {
      findings.byline ??= byline;
      return remove(block, 'byline');
    }
    findings.kept.push(index);
    // Syndicated copy carries its credit in the opening dateline ("MOSCOW (AP) — An unmanned ..."); the first
    // one found in the first kept blocks counts (the title may come first in plain text).
    if (!datelineSeen && findings.kept.length <= DATELINE_BLOCKS) {
      const dateline = datelineCredits(block);
      if (dateline) {
        datelineSeen = true;
        credit(dateline);
      }
    }
  });
  return findings;
}

/** A test for "this block repeats the headline", ignoring case and punctuation (built once per article). */
export function headlineMatcher(title: string | null): (block: string) => boolean {
  if (title === null) return () => false;
  const key = comparisonKey(title);
  // Only blocks of about the title's length can be equal to it; skip normalizing the long ones.
  return (block) => block.length <= title.length * 1.5 + 10 && comparisonKey(block) === key;
}
