import type { RemovedPiece } from './types.js';
import { BARE_PHOTO_CREDIT, BOILERPLATE_RULES, BYLINE_PATTERN, CAPTION_PATTERN, CREDIT_LINE_PATTERNS, METADATA_LABEL_WORDS } from './patterns.js';
import { findDates, stripWeekdays } from './dates.js';
import { comparisonKey } from './normalize.js';

/** How many blocks at each end of an article count as its "edge" (where site slogans sit). */
const EDGE_BLOCKS = 2;
/** Metadata lines are short: a date stamp with a label or a section name, never a sentence. */
const MAX_METADATA_WORDS = 16;
const MAX_METADATA_LEFTOVER_WORDS = 3;
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

/** The ISO date of a line that is only a date stamp (" date 2023-09-30 WORLD"), else null. */
export function metadataLineDate(line: string): string | null {
  if (line.split(/\s+/).length > MAX_METADATA_WORDS) return null;
  const dates = findDates(line);
  if (dates.length === 0) return null;
  let rest = '';
  let last = 0;
  for (const d of dates) {
    rest += ` ${line.slice(last, d.start)} `;
    last = d.end;
  }
  rest += line.slice(last);
  rest = stripWeekdays(rest).replace(METADATA_LABEL_WORDS, ' ').replace(/[|:,;\-–—•·/()[\]]+/g, ' ');
  const words = rest.split(/\s+/).filter(Boolean);
  // What may remain is a section or place label: "WORLD", "Belgrade", "Politics".
  if (words.length > MAX_METADATA_LEFTOVER_WORDS || !words.every((w) => /^\p{Lu}/u.test(w))) return null;
  return dates[0].iso;
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
  return CAPTION_PATTERN.test(line) || BARE_PHOTO_CREDIT.test(line);
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
  blocks.forEach((block, index) => {
    const atEdge = index < EDGE_BLOCKS || index >= blocks.length - EDGE_BLOCKS;
    const junk = boilerplateReason(block, atEdge);
    if (junk) return remove(block, junk);
    const date = metadataLineDate(block);
    if (date) {
      findings.publishedAt ??= date;
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

/** True when two texts are the same headline, ignoring case and punctuation. */
export function sameHeadline(a: string, b: string): boolean {
  return comparisonKey(a) === comparisonKey(b);
}
