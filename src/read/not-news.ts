// Inputs that are not news: `analyze README.md` (or a licence, a changelog, source code, a config file)
// used to build a dossier without a word, and the reader was left to wonder why its "facts" were install
// steps. Such a file is recognised here from its name and its shape, and said on one line. A file the user
// named is still analysed (they asked for it; the line lets them see the mistake); a file found inside a
// folder is skipped (a README or LICENSE beside the articles was never meant as one).
import path from 'node:path';
import type { RawArticle, ReadProblem } from './types.js';

/**
 * Base names of files that are project documents, never reporting: "README", "LICENSE.txt",
 * "CHANGELOG.md", "CONTRIBUTING", "COPYING". Matched without the extension, case-insensitively.
 */
const PROJECT_FILE_NAMES = /^(readme|licen[cs]e|copying|unlicense|changelog|changes|history|news-?log|contributing|code[-_]of[-_]conduct|authors|contributors|maintainers|notice|security|support|todo|install|upgrading|releases?)$/i;

/** Extensions of source code and configuration: named explicitly, such a file is read as text, but it is no article. */
const CODE_EXTENSIONS = /\.(m?[jt]sx?|cjs|cts|mts|py|rb|go|rs|java|kt|swift|c|h|cc|cpp|hpp|cs|php|pl|sh|bash|zsh|ps1|bat|sql|css|scss|less|ya?ml|toml|ini|cfg|conf|env|properties|lock|gradle|make|mk|dockerfile|gitignore|editorconfig|csv|tsv|log|diff|patch)$/i;

/** Licence texts, by the sentence each one is known by (MIT, BSD, GPL family, Apache, MPL, CC). */
const LICENCE_TEXT = /Permission is hereby granted, free of charge|THE SOFTWARE IS PROVIDED "AS IS"|Redistribution and use in source and binary forms|GNU (?:LESSER |AFFERO )?GENERAL PUBLIC LICENSE|Licensed under the Apache License|Mozilla Public License,? (?:v\. |Version )?2\.0|Creative Commons (?:Legal Code|Attribution)/i;

/** Keep a Changelog / release-notes headings: "## [1.2.0] - 2024-05-01", "## v2.3.1", "## Unreleased". */
const VERSION_HEADING = /^#{1,4}\s*(?:\[?v?\d+\.\d+(?:\.\d+)?\b|\[?unreleased\]?\s*$)/i;

/** Markdown and plain-text document structure: headings, setext underlines, list items, tables, link definitions, badges, HTML tags. */
const MARKUP_LINE = /^(?:#{1,6}\s|[=\-]{3,}\s*$|[-*+]\s|\d+[.)]\s|\|.*\|\s*$|\[[^\]]+\]:\s|\[!\[|<\/?[a-z][\w-]*[\s>/])/i;

/** Fenced code blocks. */
const FENCE = /^(?:```|~~~)/;

/**
 * Lines of code or configuration: statements ending in ; { or }, comments, quoted keys,
 * declarations, shell prompts, and
 * "key = value" / "key: value" settings whose key has no spaces. News "Updated: 12 May" lines are few and
 * are outweighed by the prose around them.
 */
const CODE_LINE = /(?:[;{}]\s*$|^\s*(?:\/\/|\/\*|\*\/?(?:\s|$)|["'][\w@./ -]+["']\s*:)|^\s*(?:import|export|const|let|var|function|def|class|return|if|for|while|#include|package|public|private|fn|func|\$|>>>)\s|=>|^\s*[\w.-]+\s*=\s*\S|^\s*[\w.-]+:\s*(?:["'\d\[{]|true|false|null)|^\s*[\w.-]+:\s*$)/;

/**
 * Words a report attributes with: reporting verbs and the people and bodies who are quoted. Two are
 * enough for an article; a README, a licence or code has almost none.
 */
const REPORTING_CUE = /\b(?:said|says|told|according to|reported|announced|confirmed|denied|spokes(?:man|woman|person)|officials?|police|minister|president|government|agency|authorities|residents|witnesses|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b/gi;

/** A sentence of prose: capital letter or digit or quote first, eight words or more, closing punctuation. */
const PROSE_SENTENCE = /["“‘(]?[A-Z0-9][^.!?]*(?:\s+\S+){7,}[^.!?]*[.!?]["”’)]?/g;

/** Shares and counts behind the verdict; named so that every threshold can be read in one place. */
export const NOT_NEWS_THRESHOLDS = {
  /** Share of non-empty lines that are Markdown structure (headings, lists, tables, code) above which the text is a document. */
  markupShare: 0.35,
  /** Share of non-empty lines that look like code or configuration above which the text is code. */
  codeShare: 0.3,
  /** Share of words in prose lines at or above which a text reads as an article, with enough reporting cues. */
  proseShare: 0.6,
  /** Reporting cues (said, according to, police, on Tuesday...) that mark a text as reporting, at the least... */
  reportingCues: 2,
  /** ...and at least one per this many words: a long manual that once says "reported" is no report. */
  wordsPerCue: 400,
  /** Version headings that make a changelog. */
  versionHeadings: 2,
} as const;

/** What the text's shape says, for the verdict and for tests. */
export interface TextShape {
  lines: number;
  markupShare: number;
  codeShare: number;
  proseShare: number;
  reportingCues: number;
  proseSentences: number;
  words: number;
}

/** Measures the shape of a plain text: how much of it is document structure, code, and reported prose. */
export function textShape(text: string): TextShape {
  let markup = 0;
  let code = 0;
  let inFence = false;
  let proseWords = 0;
  let words = 0;
  let proseSentences = 0;
  // Prose is measured by paragraph, not by line: wire copy and e-mail are often wrapped at 70 characters,
  // and a sentence then spans lines.
  let paragraph: string[] = [];
  const endParagraph = () => {
    const joined = paragraph.join(' ');
    const sentences = joined.match(PROSE_SENTENCE)?.length ?? 0;
    if (sentences > 0) {
      proseSentences += sentences;
      proseWords += joined.split(/\s+/).length;
    }
    paragraph = [];
  };
  const all = text.split(/\r?\n/).map((l) => l.trim());
  const lines = all.filter((l) => l !== '');
  for (const line of all) {
    if (line === '') {
      endParagraph();
      continue;
    }
    words += line.split(/\s+/).length;
    if (FENCE.test(line)) {
      inFence = !inFence;
      markup++;
      endParagraph();
      continue;
    }
    if (inFence || MARKUP_LINE.test(line)) {
      markup++;
      if (inFence) code++;
      endParagraph();
      continue;
    }
    if (CODE_LINE.test(line)) {
      code++;
      endParagraph();
      continue;
    }
    paragraph.push(line);
  }
  endParagraph();
  const share = (n: number, of: number) => (of === 0 ? 0 : n / of);
  return {
    lines: lines.length,
    markupShare: share(markup, lines.length),
    codeShare: share(code, lines.length),
    proseShare: share(proseWords, words),
    reportingCues: text.match(REPORTING_CUE)?.length ?? 0,
    proseSentences,
    words,
  };
}

/**
 * Why the input at `origin` does not look like a news article, as one short phrase for the user ("file
 * name README; Markdown headings, lists or code in 60% of its lines; no reported speech"), or null when it
 * may be one. `format` is the input's: the shape of the text is only measured on plain text (an HTML page's
 * markup says nothing about Markdown), while the file name and licence wording count for any format.
 *
 * A text that reads as reporting (mostly prose sentences, with reporting cues such as "said" or "police")
 * is never flagged for its file name or extension, so an article saved as .md, or even as README.txt, is
 * left alone; licences and changelogs are flagged whatever else they hold.
 */
export function notNewsReason(content: string, origin: string, format: RawArticle['format'] = 'text'): string | null {
  const file = path.basename(origin.replace(/#\d+$/, ''));
  const stem = file.replace(/\.[^.]*$/, '');
  const reasons: string[] = [];
  const t = NOT_NEWS_THRESHOLDS;

  if (LICENCE_TEXT.test(content)) reasons.push('licence text');
  const shape = format === 'text' ? textShape(content) : null;
  const versionHeadings = format === 'text' ? content.split(/\r?\n/).filter((l) => VERSION_HEADING.test(l.trim())).length : 0;
  if (versionHeadings >= t.versionHeadings) reasons.push(`${versionHeadings} version headings, as in a changelog`);
  const decisive = reasons.length > 0;

  const reportsNews = shape
    ? shape.proseShare >= t.proseShare && shape.reportingCues >= Math.max(t.reportingCues, shape.words / t.wordsPerCue)
    : (content.match(REPORTING_CUE)?.length ?? 0) >= t.reportingCues;
  if (!decisive && reportsNews) return null;

  if (PROJECT_FILE_NAMES.test(stem) || PROJECT_FILE_NAMES.test(file)) reasons.push(`file name ${stem.toUpperCase()}`);
  else if (CODE_EXTENSIONS.test(file)) reasons.push(`a ${file.slice(file.lastIndexOf('.')).toLowerCase()} file`);
  if (shape) {
    if (shape.markupShare >= t.markupShare) reasons.push(`Markdown headings, lists or code in ${Math.round(shape.markupShare * 100)}% of its lines`);
    if (shape.codeShare >= t.codeShare) reasons.push(`code or settings in ${Math.round(shape.codeShare * 100)}% of its lines`);
  }
  if (reasons.length === 0) return null;
  const cues = shape?.reportingCues ?? content.match(REPORTING_CUE)?.length ?? 0;
  if (cues === 0) reasons.push('no reporting in it');
  else if (shape && shape.proseSentences < 3) reasons.push('hardly any sentences');
  return reasons.join('; ');
}

/**
 * Applies `notNewsReason` to the result of reading one file: a plain text or HTML file read as one article
 * (records and feed items are left alone: their fields already say what is what). A file the user named
 * (`named`) is kept, with the problem line "<file>: does not look like a news article (…); analysed anyway";
 * a file found inside a folder is dropped, with "…; skipped". Returns the articles to keep and the lines.
 */
export function screenNotNews(
  result: { articles: RawArticle[]; problems: ReadProblem[] },
  file: string,
  named: boolean,
): { articles: RawArticle[]; problems: ReadProblem[] } {
  const [article] = result.articles;
  if (result.articles.length !== 1 || article.origin !== file) return result;
  const reason = notNewsReason(article.content, file, article.format);
  if (!reason) return result;
  const problem = { origin: file, reason: `does not look like a news article (${reason}); ${named ? 'analysed anyway' : 'skipped'}` };
  return { articles: named ? result.articles : [], problems: [...result.problems, problem] };
}
