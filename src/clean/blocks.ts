import type { RemovedPiece } from './types.js';
import { BARE_PHOTO_CREDIT, BOILERPLATE_RULES, BYLINE_PATTERN, CAPTION_PATTERN, CAPTION_PATTERNS_EXTRA, CREDIT_LINE_PATTERNS, METADATA_LABEL, METADATA_LABEL_WORDS, RELATED_LABEL } from './patterns.js';
import { findDates, stripDateFragments } from './dates.js';
import { comparisonKey } from './normalize.js';

/** How many blocks at each end of an article count as its "edge" (where site slogans sit). */
const EDGE_BLOCKS = 2;
/** Metadata lines are short: a date stamp with a label or a section name, never a sentence. */
const MAX_METADATA_WORDS = 24;
const MAX_METADATA_LEFTOVER_WORDS = 4;
const MAX_CREDIT_NAME_WORDS = 5;

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
export function metadataLine(line: string): { isMetadata: boolean; iso: string | null } {
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
  return { isMetadata: true, iso: dates[0]?.iso ?? null };
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
    if (names.length > 0 && names.every((n) => /^\p{L}/u.test(n) && n.split(/\s+/).length <= MAX_CREDIT_NAME_WORDS)) return names;
  }
  return null;
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
  let afterRelatedLabel = false;
  blocks.forEach((block, index) => {
    if (afterRelatedLabel && isTeaser(block)) return remove(block, 'related-link');
    afterRelatedLabel = RELATED_LABEL.test(block);
    const atEdge = index < EDGE_BLOCKS || index >= blocks.length - EDGE_BLOCKS;
    const junk = boilerplateReason(block, atEdge);
    if (junk) return remove(block, junk);
    const metadata = metadataLine(block);
    if (metadata.isMetadata) {
      findings.publishedAt ??= metadata.iso;
      return remove(block, 'metadata');
    }
    const credits = creditNames(block);
    if (credits) {
      for (const name of credits) if (!findings.credits.includes(name)) findings.credits.push(name);
      return remove(block, 'credit');
    }
    if (isCaption(block)) return remove(block, 'caption');
    const byline = bylineOf(block);
    if (byline) {
      findings.byline ??= byline;
      return remove(block, 'byline');
    }
    findings.kept.push(index);
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
