// Paywalled and truncated pages. A metered or locked page shows a teaser (a paragraph or two, then "Subscribe to
// continue reading") while its JSON-LD often still carries the whole story as articleBody (Google's paywall
// markup asks publishers for exactly that). When the story is there it is used; when only the teaser is, the
// teaser is analysed anyway and the article says so, so nobody mistakes two paragraphs for a full report.
import type { Diagnostic } from '../../diagnostics.js';
import type { RemovedPiece } from '../types.js';
import { normalizeBlock } from '../normalize.js';
import { parsePage } from './parse.js';
import { textBlocks } from './blocks.js';

/** Rule id of the "only a teaser of a paywalled story" diagnostic. */
export const TEASER_ONLY_RULE = 'clean/teaser-only';
/** Rule id of the note that the text came from JSON-LD articleBody, not from the visible page. */
export const ARTICLE_BODY_RULE = 'clean/article-body';

/** articleBody replaces the visible text only when it is this many times longer ... */
const MIN_STORY_GAIN_RATIO = 1.5;
/** ... and longer by at least this many characters (a stray caption more is no reason to switch). */
const MIN_STORY_GAIN_CHARS = 300;
/** Share of the visible text's words that must recur in articleBody: the teaser is the opening of that story. */
const MIN_SHARED_WORDS = 0.5;
/** Fewer distinct words than this in the visible text: too little to compare, any story of the page will do. */
const MIN_WORDS_TO_COMPARE = 8;
/**
 * Story text shorter than this on a paywalled page may be a teaser (a short brief rarely carries a paywall): it is
 * one when a continue-reading prompt was removed, or when it is also only a few paragraphs (TEASER_MAX_PARAGRAPHS)
 * or very short (TEASER_SURE_CHARS). A declaration alone (isAccessibleForFree false) is weak: publishers set it on
 * pages that serve the whole story to crawlers and subscribers, and such a story of eight short paragraphs was
 * flagged as a teaser.
 */
export const TEASER_MAX_CHARS = 1500;
/** A teaser is "a paragraph or two", rarely more than this many. */
const TEASER_MAX_PARAGRAPHS = 3;
/** Shorter than this, a paywalled page's text is a teaser however it is cut into paragraphs. */
const TEASER_SURE_CHARS = 500;
/** Text of the declared locked sections found on the page and kept in the story: at least this much means they were served. */
const MIN_LOCKED_CHARS = 200;
/** JSON-LD wordCount this many times the words we have (plus WORD_COUNT_SLACK) means the text was cut. */
const WORD_COUNT_SHORTFALL = 1.5;
const WORD_COUNT_SLACK = 50;
/** articleBody run together into one block is cut into paragraphs of about this many characters, at sentence ends. */
const TARGET_PARAGRAPH_CHARS = 500;
const LONG_PARAGRAPH_CHARS = 1000;

/**
 * Prompts that say the rest of the story is behind a login or subscription (US dailies "Subscribe to continue
 * reading", "This article is for subscribers only", Le Monde "Il vous reste 80% de cet article à lire", German
 * "Lesen Sie jetzt weiter mit ..."): removed as paywall furniture, they still tell that the page is a teaser.
 */
const PAYWALL_PROMPT =
  /(?:subscribe|sign in|log ?in|register|become a member|start your (?:free )?trial)[^.]{0,60}\b(?:continue|keep|to read|full (?:story|article))|(?:is|are) (?:only )?(?:for|available to) (?:paying )?(?:subscribers|members)|(?:the )?rest of (?:this|the) (?:article|story)|il vous reste \d+\s*% de cet article|lesen sie (?:jetzt )?weiter mit|exklusiv für abonnenten|contenido exclusivo para suscriptores|conteúdo exclusivo para assinantes/i;

/** Removed lists of other stories, whose "subscriber" badges say nothing about this one. */
const OTHER_STORY_REASONS = new Set(['related', 'related-link', 'link-list', 'recommended', 'recommendations', 'recirc', 'popular', 'trending', 'mostread', 'more', 'outbrain', 'taboola']);

// Story paragraphs glued without a space when a CMS strips <p> tags into articleBody ("...the mayor said.The
// council voted ..."): a sentence end after a lower-case letter or digit, then a capitalised word.
const GLUED_PARAGRAPHS = /(?<=[\p{Ll}\p{N}%)][.!?]["”’]?)(?=["“‘]?\p{Lu}\p{Ll})/u;
const SENTENCE_END = /(?<=[.!?]["”’)]?)\s+(?=["“‘(]?\p{Lu})/u;
/** A full stop that ends an abbreviation or initial, not a sentence ("Mr.", "U.S.", "J.", "Sept."). */
const ABBREVIATION = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|St|Jr|Sr|Inc|Co|Corp|Ltd|No|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b\p{Lu})\.$/u;

/**
 * A JSON-LD articleBody as paragraphs: its own HTML blocks or line breaks when it has them; otherwise paragraphs
 * glued by a stripped tag ("said.The") are parted, and a long run is cut at sentence ends into paragraphs of about
 * TARGET_PARAGRAPH_CHARS.
 */
export function articleBodyParagraphs(articleBody: string): string[] {
  let blocks: string[];
  if (/<\s*(?:p|br|div|h[1-6]|li|blockquote)\b/i.test(articleBody)) {
    const { document } = parsePage(`<div>${articleBody}</div>`);
    blocks = document.body ? textBlocks(document.body).map((b) => b.text) : [];
  } else {
    const text = articleBody.replace(/\r\n?/g, '\n');
    blocks = text.split(/\n\s*\n/.test(text) ? /\n\s*\n/ : /\n/);
  }
  return blocks
    .flatMap((block) => normalizeBlock(block).split(GLUED_PARAGRAPHS))
    .map((block) => block.trim())
    .filter(Boolean)
    .flatMap((block) => (block.length > LONG_PARAGRAPH_CHARS ? sentenceGroups(block) : [block]));
}

/** A long block cut at sentence ends into paragraphs of about TARGET_PARAGRAPH_CHARS. */
function sentenceGroups(block: string): string[] {
  const sentences: string[] = [];
  for (const piece of block.split(SENTENCE_END)) {
    const last = sentences[sentences.length - 1];
    if (last !== undefined && ABBREVIATION.test(last)) sentences[sentences.length - 1] = `${last} ${piece}`;
    else sentences.push(piece);
  }
  const out: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    current = current ? `${current} ${sentence}` : sentence;
    if (current.length >= TARGET_PARAGRAPH_CHARS) {
      out.push(current);
      current = '';
    }
  }
  if (current) out.push(current);
  return out;
}

const contentWords = (text: string) => new Set(text.toLowerCase().match(/\p{L}{4,}/gu) ?? []);

/**
 * Whether a story (articleBody paragraphs) completes the visible text: clearly longer (MIN_STORY_GAIN_RATIO and
 * MIN_STORY_GAIN_CHARS) and the same story (most of the visible words recur in it), so a teaser is replaced but a
 * full visible story, or an unrelated articleBody, is not.
 */
export function completesTeaser(visible: string[], story: string[]): boolean {
  const visibleChars = visible.join('\n\n').length;
  const storyText = story.join('\n\n');
  // Nothing visible at all (a page that renders its story with scripts): any articleBody is the story.
  if (visibleChars === 0) return storyText.length > 0;
  if (storyText.length < visibleChars * MIN_STORY_GAIN_RATIO || storyText.length - visibleChars < MIN_STORY_GAIN_CHARS) return false;
  return sameStory(visible, story);
}

/** Whether most of the visible words recur in a story (articleBody paragraphs): the page shows part or all of it. */
export function sameStory(visible: string[], story: string[]): boolean {
  const words = contentWords(visible.join(' '));
  if (words.size < MIN_WORDS_TO_COMPARE) return true;
  const storyWords = contentWords(story.join(' '));
  let shared = 0;
  for (const word of words) if (storyWords.has(word)) shared++;
  return shared / words.size >= MIN_SHARED_WORDS;
}

/**
 * Characters of the page's declared locked sections (JSON-LD hasPart cssSelector) that the story text holds: the
 * paragraphs of those sections found in the text. Read before extraction, which consumes the DOM, as the
 * paragraph texts; a selector the DOM library cannot read is skipped.
 */
export function lockedParagraphs(document: Document, selectors: string[]): string[] {
  const out: string[] = [];
  for (const selector of selectors) {
    let elements: Element[];
    try {
      elements = Array.from(document.querySelectorAll(selector));
    } catch {
      continue;
    }
    for (const element of elements) {
      const blocks = textBlocks(element).map((b) => b.text);
      out.push(...(blocks.length > 0 ? blocks : [normalizeBlock(element.textContent ?? '')]).filter(Boolean));
    }
  }
  return out;
}

/** How much of the locked paragraphs the story text kept. */
export function keptLockedChars(locked: string[], text: string): number {
  return locked.reduce((sum, paragraph) => sum + (text.includes(paragraph) ? paragraph.length : 0), 0);
}

/** What is known about the page's paywall and the story's length, for teaserOnly(). */
export interface TeaserEvidence {
  /** The page declares the story not free (JSON-LD isAccessibleForFree false, a locked content tier). */
  paywalled: boolean;
  /** The cleaned story text. */
  text: string;
  /** JSON-LD wordCount of the whole story, when given. */
  wordCount: number | null;
  /** Pieces removed while cleaning: a removed "Subscribe to continue reading" prompt also marks a paywall. */
  removed: RemovedPiece[];
  /** The text is the JSON-LD articleBody that completed a visible teaser: whole unless wordCount says otherwise. */
  fromArticleBody: boolean;
  /** Length of the JSON-LD articleBody of the same story when it was not used (the page shows as much), else null. */
  articleBodyChars?: number | null;
  /** Characters of the sections declared locked (hasPart cssSelector) that the page holds and the story kept. */
  lockedChars?: number;
}

/**
 * The teaser-only diagnostic when a paywalled page (declared, or showing a continue-reading prompt) yields only a
 * teaser, else null. The text is a teaser when it is clearly shorter than the story the page describes (JSON-LD
 * wordCount, an articleBody of the same story), or very short (TEASER_SURE_CHARS). Otherwise a page that shows
 * it holds the whole story is not flagged: the articleBody completed the teaser, the text is as long as
 * wordCount or articleBody says, or the sections declared locked are on the page and were kept. With none of that
 * to go by, a short text is a teaser (see TEASER_MAX_CHARS).
 */
export function teaserOnly(evidence: TeaserEvidence): Diagnostic | null {
  const prompt = evidence.removed.some((piece) => !OTHER_STORY_REASONS.has(piece.reason) && PAYWALL_PROMPT.test(piece.text));
  if (!evidence.paywalled && !prompt) return null;
  const chars = evidence.text.length;
  const words = evidence.text.split(/\s+/).filter(Boolean).length;
  // Measured against the whole story's length the page states, the text is clearly cut.
  if (evidence.wordCount !== null && evidence.wordCount >= words * WORD_COUNT_SHORTFALL + WORD_COUNT_SLACK) return teaserDiagnostic(chars);
  const articleBody = evidence.articleBodyChars ?? null;
  if (articleBody !== null && articleBody >= chars * MIN_STORY_GAIN_RATIO && articleBody - chars >= MIN_STORY_GAIN_CHARS) return teaserDiagnostic(chars);
  if (evidence.fromArticleBody) return null;
  if (chars < TEASER_SURE_CHARS) return teaserDiagnostic(chars);
  // The page says how long the story is, and the text is that long (wordCount, articleBody), or the sections it
  // declares locked are on the page and kept: the whole story is here, paywall or not.
  if (evidence.wordCount !== null || articleBody !== null || (evidence.lockedChars ?? 0) >= MIN_LOCKED_CHARS) return null;
  const paragraphs = evidence.text.split(/\n\s*\n/).filter((p) => p.trim() !== '').length;
  const short = chars < TEASER_MAX_CHARS && (prompt || paragraphs <= TEASER_MAX_PARAGRAPHS || chars < TEASER_SURE_CHARS);
  return short ? teaserDiagnostic(chars) : null;
}

function teaserDiagnostic(chars: number): Diagnostic {
  return { ruleId: TEASER_ONLY_RULE, message: `teaser only: the page is paywalled; ${chars} characters of story` };
}

/**
 * The one-line notice for a person at a terminal when an article is only a paywall teaser ("teaser only
 * (paywalled page)"), else null; callers print it after the article's origin.
 */
export function teaserNotice(diagnostics: readonly { ruleId: string }[]): string | null {
  return diagnostics.some((d) => d.ruleId === TEASER_ONLY_RULE) ? 'teaser only (paywalled page)' : null;
}
