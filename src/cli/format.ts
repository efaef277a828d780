// Wording shared by the commands' one-line reports.

/** "1 article", "2 articles", "0 articles"; `plural` for irregular words ("story" -> "stories"). */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/**
 * Problem lines carry file names, feed titles and error text from outside; a file named with an escape
 * sequence must not set the terminal's clipboard or clear its screen. Control characters other than tab and
 * newline (and the bidi overrides that reorder what is shown) are removed from every stderr line, and from
 * stdout text that quotes outside sources (`status`).
 */
const UNSAFE_FOR_TERMINAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `text` without the characters a terminal would act on (see UNSAFE_FOR_TERMINAL). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE_FOR_TERMINAL, '');
}
