// Terminal escape sequences, removed whole. Article text is printed to terminals and logs (CLI output, Markdown
// reports piped to `cat`), and an attack sample carried ESC sequences that set the clipboard (OSC 52) and cleared
// the screen into the Markdown output; removing only the ESC byte would leave "[2J" or "]52;c;..." as junk words.
// - CSI: ESC [ (or the 8-bit CSI) parameter bytes, intermediate bytes, one final byte ("\x1b[2J", "\x1b[31m").
// - Strings: OSC, DCS, SOS, PM, APC (ESC ] P X ^ _, or their 8-bit forms) up to BEL or ST ("\x1b]52;c;aGk=\x07").
//   Its body holds no ESC, BEL or C1 byte, so an unterminated one loses only its introducer (below): a stray ESC ]
//   cannot swallow the rest of a paragraph, and a run of introducers cannot make the scan quadratic (80 KB of the
//   8-bit OSC byte took 13 s when the body could hold other introducers).
// - Any other escape: ESC, intermediate bytes, one final byte ("\x1bc" resets the terminal, "\x1b(B").
// Each alternative scans forward only until a byte that ends it, so the removal is linear in the text's length.
const ESCAPE_SEQUENCE =
  /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x80-\x9f]*(?:\x07|\x1b\\|\x9c)|\x1b[\x20-\x2f]*[\x30-\x7e]/g;
// Control characters left after that: C0 except tab, line feed and the whitespace ones the space rule below turns
// into a space (\v \f \r), DEL, C1 except NEL (a line break, also turned into a space); and the bidi embedding,
// override and isolate characters (U+202A-U+202E, U+2066-U+2069), which reorder what a terminal shows ("Trojan
// Source" spoofing). The bidi marks U+200E/U+200F only affect neutral characters next to them and stay.
const CONTROL = /[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]/g;
// Invisible characters that break word matching downstream (zero-width spaces, word joiner, BOM, soft hyphens).
// The zero-width non-joiner U+200C and joiner U+200D are not among them: they are part of how Persian and Indic
// words are spelled ("می‌خواهم") and of emoji sequences, so removing them would change words, not clean them.
const INVISIBLE = /[\u200b\u2060\ufeff\u00ad]/g;
// Every run of horizontal whitespace (tabs, no-break and thin spaces, NEL) inside a paragraph.
const SPACES = /[\s\u0085\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;

/**
 * One paragraph on one line: terminal escape sequences and control characters removed (see ESCAPE_SEQUENCE and
 * CONTROL), invisible characters dropped, whitespace collapsed, trimmed, NFC. The cleaned text is immutable after
 * this stage, so removing them here keeps every later span right.
 */
export function normalizeBlock(text: string): string {
  return text.normalize('NFC').replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '').replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/**
 * Comparison key: letters and digits only, lower-cased ("Serbia massing troops: US" == "serbia massing troops us").
 * Zero-width (non-)joiners are dropped rather than treated as word breaks, so a Persian word stays one word.
 */
export function comparisonKey(text: string): string {
  return text.toLowerCase().replace(/[\u200c\u200d]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The article text: non-empty paragraphs separated by exactly one blank line. */
export function joinParagraphs(paragraphs: string[]): string {
  return paragraphs.filter((p) => p !== '').join('\n\n');
}
