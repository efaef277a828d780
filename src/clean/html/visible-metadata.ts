// Publication dates and bylines printed on the page but thrown away as furniture. Pruning removes elements whose
// class names them as a byline, author box or date (Washington Post 2015 <div class="pb-sig-line ... hasnt-bio">
// "By Jamie Byliner March 18 at 3:57 PM", Medical News Today <div class="author_top">"By Alex Writer", Ars Technica
// "Pat Example - Apr 16, 2015 8:02 pm UTC"); when <meta> and JSON-LD name nobody, that text is the only byline.
import type { RemovedPiece } from '../types.js';
import { findDates, isUpdateStamp, publishedDate, stripDateFragments, translateDate } from '../dates.js';
import { METADATA_LABEL_WORDS } from '../patterns.js';
import { knownAgency } from '../blocks.js';
import { normalizeBlock } from '../normalize.js';
import { spacedText } from './blocks.js';

/** Elements naming the story's author, in order of trust: schema.org markup, rel=author links, byline/author classes. */
const BYLINE_ELEMENTS = [
  '[itemprop~="author"]', '[rel~="author"]',
  '[class*="byline" i]', '[id*="byline" i]', '[class*="author" i]', '[id*="author" i]', '[class*="writer" i]', '[class*="writtenby" i]',
];
/** Labelled fields: DW "<li><strong>Author</strong> Robin Author</li>", "<dt>Autor</dt><dd>...</dd>". */
const BYLINE_LABEL = /^(?:authors?|autor(?:in|en)?|auteur|autore|by|written by|reporter|text)\s*:?$/i;
const LABEL_ELEMENTS = ['strong', 'b', 'dt', 'th', 'span', 'label'];
/** Places whose names belong to other stories or to readers (related lists, comments, footers). */
const OTHER_STORY_PLACES = 'aside, nav, footer, [class*="related" i], [class*="comment" i], [class*="teaser" i], [class*="recommend" i], [class*="sidebar" i], [class*="newsletter" i]';
/** A byline element holds a name and maybe a date; longer text is an author bio or a whole header. */
const MAX_BYLINE_TEXT = 160;
/** A byline line in the story text is short: label, name, date and time. */
const MAX_BYLINE_LINE_WORDS = 16;
/** Longest name kept ("Mary Ann de la Cruz Vega"). */
const MAX_NAME_WORDS = 6;

/** Furniture removed under these reasons holds a byline, maybe with a date ("By Lee Example May 20, 2019"). */
const BYLINE_REASONS = new Set(['byline', 'bylines', 'author', 'authors']);
/** ... and under these it may, when the text itself says "By" (wapo-1 "hasnt-bio" sig line, a dated byline row). */
const LABELLED_BYLINE_REASONS = new Set(['bio', 'date', 'dateline', 'timestamp', 'published', 'metadata', 'credit', 'credits']);
/** Furniture that may be a date stamp: RNZ <div class="date">"12.10.2015, 19:16 Uhr", dated bylines. */
const ONLY_DATE_REASONS = new Set(['date', 'dateline', 'timestamp', 'published', 'metadata']);
const DATE_REASONS = new Set([...ONLY_DATE_REASONS, 'byline', 'bylines', 'author', 'authors', 'bio']);
/** A removed date stamp is short; longer text is prose that mentions a date. */
const MAX_DATE_TEXT = 120;
/** A byline box with a date ("By Lee Example May 20, 2019") is shorter still; a longer one is an author bio. */
const MAX_DATED_BYLINE_TEXT = 80;

// The label before a name: "By", "Written by", "Words by", "Posted by", German "Von", French "Par", Spanish
// "Por", or a field label "Author:".
const LEAD_LABEL = /^(?:(?:written|words|reported|story|text|posted)\s+by|by|von|par|por|authors?|autor(?:in|en)?|auteur|autore)\b\s*:?\s*/i;
// Words that end the name: what follows a byline on the same line (dates, "Updated", "Follow @handle", a role).
const STOP_WORDS = new Set([
  'updated', 'published', 'posted', 'follow', 'email', 'e-mail', 'twitter', 'facebook', 'contact', 'view', 'more', 'share', 'read', 'last', 'on', 'at', 'in', 'for',
  'today', 'yesterday', 'ago', 'mon', 'monday', 'tue', 'tues', 'tuesday', 'wed', 'wednesday', 'thu', 'thur', 'thurs', 'thursday', 'fri', 'friday', 'sat', 'saturday', 'sun', 'sunday',
]);
const MONTH_WORD = /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?,?$/i;
/** Words joining several names ("Jane Doe and Ann Lee"; German "und", French "et", Spanish "y", Portuguese "e"). */
const JOINERS = new Set(['and', '&', 'und', 'et', 'y', 'e']);
/** Lower-case name particles ("Ursula von der Leyen", "Carlos de la Cruz", "Mohammed bin Salman"). */
const PARTICLES = new Set(['de', 'del', 'della', 'der', 'den', 'van', 'von', 'da', 'das', 'dos', 'du', 'di', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'ben', 'y', 'zu', 'ter', 'ten']);
/**
 * Words that make a capitalised phrase a role, desk or outlet, not a person: "By Staff", "Staff Writer", "The
 * Editors", "News Desk", "Associated Press" (agencies are also checked against the wire list).
 */
const NOT_NAME_WORDS = new Set([
  'staff', 'associated', 'usa', 'reporter', 'reporters', 'correspondent', 'correspondents', 'editor', 'editors', 'editorial', 'contributor', 'contributors', 'columnist',
  'producer', 'team', 'desk', 'newsroom', 'news', 'bureau', 'board', 'admin', 'administrator', 'guest', 'press', 'agency', 'agencies', 'wire', 'wires', 'service',
  'the', 'our', 'your', 'a', 'an', 'this', 'all', 'and', 'or', 'with', 'from', 'senior', 'chief', 'special', 'associate', 'contributing', 'political', 'science', 'health', 'sports', 'business',
  'media', 'online', 'digital', 'magazine', 'times', 'post', 'daily', 'herald', 'tribune', 'journal', 'gazette', 'subscribe', 'subscribers', 'click', 'clicking', 'sign',
  'continuing', 'signing', 'using', 'unknown', 'anonymous', 'by', 'photo', 'photos', 'image', 'images', 'video', 'getty', 'shutterstock',
]);
/** A name word: capitalised (letters, apostrophes, hyphens, dots for initials: "O'Brien", "Jean-Luc", "J.", "McAllister"). */
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;

/**
 * The person named by a byline text, or null when it names nobody. A leading label ("By", "Von", "Author:") is
 * dropped (and required when `requireLabel`), and the name ends where the line goes on with something else: a
 * date or time ("By Jamie Byliner March 18 at 9:00 AM" -> "Jamie Byliner"), a separator ("Pat Example - Apr 16,
 * 2015 8:02 pm UTC" -> "Pat Example"), a role after a comma ("Jane Doe, Staff Writer"), "Follow @handle".
 * Several people are kept ("Jane Doe and Ann Lee" -> "Jane Doe, Ann Lee"). Never a non-name: "By clicking
 * subscribe you agree...", "By Staff", "By The Associated Press" give null.
 */
export function bylineName(text: string, requireLabel = false): string | null {
  let line = normalizeBlock(text);
  const label = LEAD_LABEL.exec(line);
  if (label) line = line.slice(label[0].length);
  else if (requireLabel) return null;
  const tokens = line.split(' ');
  const kept: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const bare = token.replace(/[,;:]+$/, '');
    const lower = bare.toLowerCase();
    if (/^[|•·/–—-]+$/.test(token) || /\d|@|#/.test(token) || STOP_WORDS.has(lower)) break;
    // A lower-case word that neither joins names nor is a particle ends the name: "By clicking subscribe ...".
    if (/^\p{Ll}/u.test(bare) && !PARTICLES.has(lower) && !JOINERS.has(lower)) break;
    if (MONTH_WORD.test(bare) && /^\d/.test(tokens[i + 1] ?? '')) break;
    kept.push(token);
    if (/[;|]$/.test(token)) break;
  }
  const people: string[] = [];
  // Names are joined by "," "and" "&" ("und", "et", "y", "e" in other languages); a comma part that is not a name is
  // a role or outlet ("Jane Doe, Reuters") and ends the list.
  const parts = kept.join(' ').replace(/[.,;:]+$/, '').split(/\s*,\s*|\s+(?:and|&|und|et|e|y)\s+/);
  for (const part of parts) {
    const name = longestName(part);
    if (!name) break;
    people.push(name);
  }
  return people.length > 0 ? people.join(', ') : null;
}

/**
 * The longest opening of a phrase that is a person's name: a role written without a comma after the name is
 * dropped ("Jane Doe Senior Correspondent" -> "Jane Doe"); a phrase that opens with a role gives null.
 */
function longestName(phrase: string): string | null {
  const words = phrase.trim().split(/\s+/);
  for (let n = Math.min(words.length, MAX_NAME_WORDS); n >= 2; n--) {
    const name = personName(words.slice(0, n).join(' '));
    if (name) return name;
  }
  return null;
}

/** The phrase when it is shaped like a person's name (2-6 words, capitalised but for particles, no role words). */
function personName(phrase: string): string | null {
  const words = phrase.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length > MAX_NAME_WORDS) return null;
  if (!NAME_WORD.test(words[0]) || !NAME_WORD.test(words[words.length - 1])) return null;
  for (const word of words) {
    const lower = word.toLowerCase().replace(/[.'’]+$/, '');
    if (NOT_NAME_WORDS.has(lower)) return null;
    if (!NAME_WORD.test(word) && !PARTICLES.has(lower)) return null;
  }
  // A run of one-letter initials with no surname ("A. B.") is not a name.
  if (words.every((w) => w.replace(/\./g, '').length <= 1)) return null;
  const name = words.join(' ');
  return knownAgency(name) ? null : name;
}

/**
 * A paragraph of the text that is only a byline with its date stamp ("By Jamie Byliner March 18 at 9:00 AM", "By Lee
 * Example | May 20, 2019 | Follow @lee"): the name and the date it states, else null. A "By" line without a date
 * is the block filter's (BYLINE_PATTERN); a date stamp keeps that pattern from matching, so the line stayed in
 * the story.
 */
export function bylineLine(block: string): { byline: string; publishedAt: string | null } | null {
  if (block.split(/\s+/).length > MAX_BYLINE_LINE_WORDS || !LEAD_LABEL.test(block)) return null;
  const byline = bylineName(block, true);
  if (!byline) return null;
  const lastWord = byline.split(/[\s,]+/).pop() ?? '';
  const rest = block.slice(block.indexOf(lastWord, block.search(/\s/)) + lastWord.length);
  const dates = findDates(rest);
  let leftover = rest;
  for (const date of [...dates].reverse()) leftover = `${leftover.slice(0, date.start)} ${leftover.slice(date.end)}`;
  const fragments = stripDateFragments(leftover);
  const words = fragments.rest
    .replace(METADATA_LABEL_WORDS, ' ')
    .replace(/\bfollow\b|@\w+/gi, ' ')
    .replace(/[|:,;\-–—•·/()[\]]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length > 0 || (dates.length === 0 && !fragments.found && rest.trim() !== '')) return null;
  // "By Lee Example | Updated May 22, 2019 | Published May 20, 2019": the publication, not the update.
  return { byline, publishedAt: publishedDate(rest, dates)?.iso ?? null };
}

/** The name in a schema.org author element: its itemprop="name" part or content attribute, else its text. */
function authorElementText(element: Element): string {
  const named = element.matches('[itemprop~="name"]') ? element : element.querySelector('[itemprop~="name"]');
  const holder = named ?? element;
  return normalizeBlock(holder.getAttribute('content') ?? '') || spacedText(holder);
}

/**
 * The byline printed on the page (read before pruning, which removes it): schema.org author markup, rel=author
 * links, elements classed as a byline or author box, then labelled "Author" fields. Elements in related lists,
 * comments and sidebars are skipped (their names belong to other stories or to readers).
 */
export function visibleByline(document: Document): string | null {
  const anyByline = BYLINE_ELEMENTS.join(', ');
  // Innermost elements first: USA Today's <div class="byline-section"> holds <span class="author">Tom Davies</span>
  // <span class="publication">Associated Press</span> and a date; read whole it would give "Tom Davies Associated".
  for (const innermost of [true, false]) {
    for (const selector of BYLINE_ELEMENTS) {
      for (const element of Array.from(document.querySelectorAll(selector))) {
        if (['META', 'LINK', 'SCRIPT', 'STYLE', 'BODY', 'HTML', 'MAIN', 'ARTICLE'].includes(element.tagName) || element.closest(OTHER_STORY_PLACES)) continue;
        if (innermost && element.querySelector(anyByline)) continue;
        const text = selector.startsWith('[itemprop') ? authorElementText(element) : spacedText(element);
        if (!text || text.length > MAX_BYLINE_TEXT) continue;
        const name = bylineName(text);
        if (name) return name;
      }
    }
  }
  for (const tag of LABEL_ELEMENTS) {
    for (const label of Array.from(document.querySelectorAll(tag))) {
      const labelText = normalizeBlock(label.textContent ?? '');
      if (!BYLINE_LABEL.test(labelText) || label.closest(OTHER_STORY_PLACES)) continue;
      const value = ['DT', 'TH'].includes(label.tagName)
        ? (label.nextElementSibling ? spacedText(label.nextElementSibling) : '')
        : label.parentElement ? spacedText(label.parentElement).slice(labelText.length).trim() : '';
      if (!value || value.length > MAX_BYLINE_TEXT) continue;
      const name = bylineName(value);
      if (name) return name;
    }
  }
  return null;
}

/** The first byline among pieces removed as furniture (see BYLINE_REASONS), or null. */
export function bylineFromRemoved(removed: RemovedPiece[]): string | null {
  for (const piece of removed) {
    if (piece.text.length > MAX_BYLINE_TEXT) continue;
    const byReason = BYLINE_REASONS.has(piece.reason);
    if (!byReason && !LABELLED_BYLINE_REASONS.has(piece.reason)) continue;
    const name = bylineName(piece.text, !byReason);
    if (name) return name;
  }
  return null;
}

/**
 * The first whole date (with its time when stated) among pieces removed as date or byline furniture, in English
 * or another language ("12.10.2015, 19:16 Uhr" -> "2015-10-12T19:16:00"), or null.
 */
export function dateFromRemoved(removed: RemovedPiece[]): string | null {
  // A box labelled only as the update ("Updated: 6 Mar 2024") is the answer only when no other box dates the story.
  let update: string | null = null;
  for (const piece of removed) {
    if (!DATE_REASONS.has(piece.reason) || piece.text.length > (ONLY_DATE_REASONS.has(piece.reason) ? MAX_DATE_TEXT : MAX_DATED_BYLINE_TEXT)) continue;
    // A date box may print the update beside the publication ("Updated: 6 Mar 2024; Published: 1 Mar 2024").
    const text = findDates(piece.text).length > 0 ? piece.text : translateDate(piece.text);
    const found = publishedDate(text);
    if (!found) continue;
    if (!isUpdateStamp(text)) return found.iso;
    update ??= found.iso;
  }
  return update;
}
