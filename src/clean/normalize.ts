// Invisible characters that break word matching downstream (zero-width spaces and joiners, BOM, soft hyphens)
// and every run of horizontal whitespace (tabs, no-break and thin spaces) inside a paragraph.
const INVISIBLE = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g;
const SPACES = /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;

/** One paragraph on one line: invisible characters dropped, whitespace collapsed, trimmed, NFC. */
export function normalizeBlock(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** Comparison key: letters and digits only, lower-cased ("Serbia massing troops: US" == "serbia massing troops us"). */
export function comparisonKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export function joinParagraphs(paragraphs: string[]): string {
  return paragraphs.filter((p) => p !== '').join('\n\n');
}
