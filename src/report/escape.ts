const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values: article text is never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

// ---------------------------------------------------------------------------------------------------
// Markdown. Entity-escaping every "&", "<" and ">" kept article markup inert but printed "NATO &amp; allies" and
// "-&gt;" wherever the Markdown is read as plain text (a terminal, a notes file). So text is escaped only where
// Markdown would read it as something other than text, and with a backslash where one suffices.

/**
 * Report markup (bold, italics, chips in brackets) is written with these Unicode noncharacters while lines are built
 * and turned into the real characters only after the text around them has been escaped: the report's own "**" stays
 * markup and an article's "**" stays text, even inside lines made by shared helpers that mix the two.
 * Noncharacters are reserved by Unicode for a program's internal use; any in a dossier are replaced first
 * (see `withoutMarkupSentinels`), so article text can never forge one.
 */
const SENTINEL = { '*': '\uFDD0', _: '\uFDD1', '[': '\uFDD2', ']': '\uFDD3' } as const;
const SENTINELS = /[\uFDD0-\uFDD3]/g;
const FROM_SENTINEL: Record<string, string> = Object.fromEntries(Object.entries(SENTINEL).map(([c, s]) => [s, c]));
/** Any noncharacter of the block the sentinels come from: the whole block is kept out of input. */
const NONCHARACTERS = /[\uFDD0-\uFDEF]/g;

/** Report markup for Markdown lines that go through `markdownDocument`. */
export const md = {
  strong: (s: string) => `${SENTINEL['*'].repeat(2)}${s}${SENTINEL['*'].repeat(2)}`,
  em: (s: string) => `${SENTINEL._}${s}${SENTINEL._}`,
  bracket: (s: string) => `${SENTINEL['[']}${s}${SENTINEL[']']}`,
};

/**
 * A dossier whose strings hold no noncharacter of the sentinel block (each becomes U+FFFD, one UTF-16 unit like
 * the character it replaces, so spans still point at the same words). Returns the dossier itself when clean.
 */
export function withoutMarkupSentinels<T>(value: T): T {
  const json = JSON.stringify(value);
  return NONCHARACTERS.test(json) ? (JSON.parse(json.replace(NONCHARACTERS, '\uFFFD')) as T) : value;
}

/**
 * Escapes text so that a Markdown viewer (CommonMark with GitHub's extensions) shows it as written and a terminal shows
 * it nearly unchanged. Only what would change meaning is escaped:
 * - "*" and "`" (emphasis, code) take a backslash, and "~" (strikethrough) where a line holds two;
 * - "_" takes one unless it sits inside a word ("snake_case"), where CommonMark never reads it as emphasis;
 * - "\" takes one only before punctuation or markup, where it would escape it ("C:\dir" stays);
 * - "](" is broken as "]\(" so no link or image destination follows a bracket, even a report chip's. "[" alone needs
 *   nothing: the report defines no link references, so "[citation needed]" stays text;
 * - "<" becomes "&lt;" only where it would open raw HTML or an autolink ("<script", "</b", "<!--", "<http:");
 *   "5 < 6" stays. The entity, not a backslash, so no "<script" is left in the file for anything to run;
 * - "&" becomes "&amp;" only where it would start a character reference ("&amp;", "&#60;"); "NATO & allies" stays.
 * ">" needs nothing: it means a block quote only at the start of a line, and no line starts with article text.
 */
export function escapeMarkdownText(text: string): string {
  const strike = (text.match(/~/g)?.length ?? 0) > 1;
  return (
    text
      // Backslashes first, before any are added; the sentinels stand for markup a backslash would escape.
      .replace(/\\(?=[!-/:-@[-`{-~\uFDD0-\uFDD3]|$)/g, '\\\\')
      .replace(strike ? /[*`~]/g : /[*`]/g, '\\$&')
      .replace(/_/g, (u, at: number, s: string) => (/[\p{L}\p{N}]/u.test(s[at - 1] ?? '') && /[\p{L}\p{N}]/u.test(s[at + 1] ?? '') ? u : '\\_'))
      .replace(/[\]\uFDD3](?=\()/g, '$&\\')
      // "&" before "<": the "&lt;" written next must stay one reference.
      .replace(/&(?=[A-Za-z][A-Za-z0-9]*;|#[0-9]{1,7};|#[xX][0-9A-Fa-f]{1,6};)/g, '&amp;')
      .replace(/<(?=[A-Za-z/!?])/g, '&lt;')
  );
}

/**
 * The Markdown file from report lines: the text of each line escaped (`escapeMarkdownText`), then the report's own
 * markup (`md`) restored. A line break inside a line can only come from article text and would let that text start a
 * line (a heading, a list, a quote), so it becomes a space. A heading's trailing "#"s are read as a closing sequence
 * and dropped, so there the first one is escaped.
 */
export function markdownDocument(lines: readonly string[]): string {
  return lines
    .map((line) => {
      let out = escapeMarkdownText(line.replace(/\r\n|[\r\n\u2028\u2029]/g, ' '));
      if (/^#{1,6} /.test(out)) out = out.replace(/(\s)(#+\s*)$/, '$1\\$2');
      return out.replace(SENTINELS, (s) => FROM_SENTINEL[s]);
    })
    .join('\n');
}
