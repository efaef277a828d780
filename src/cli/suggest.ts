// "Did you mean" for mistyped command and option names. The distance comes from a well-kept library
// (fastest-levenshtein) rather than a home-made one; only the choice of what counts as close is ours.
import { distance } from 'fastest-levenshtein';

/**
 * The candidate `word` was most likely meant to be, or null when none is close: within an edit distance of
 * a third of the word's length, and at least 2 for words of four letters or more ("--fromat" -> "--format",
 * "anaylze" -> "analyze", "--stroe" -> "--store", two edits each), or the only candidate that starts with
 * it ("--summary" -> "--summary-sentences"). Ties go to the earlier candidate, so a table's order decides.
 */
export function closestName(word: string, candidates: readonly string[]): string | null {
  if (word === '') return null;
  const lower = word.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  // Two edits make one swapped pair of letters ("stroe"), the commonest slip; names of three letters or
  // fewer are only ever one edit from anything plausible.
  const allowed = word.length <= 3 ? 1 : Math.max(2, Math.floor(word.length / 3));
  if (best !== null && bestDistance <= allowed) return best;
  // A truncated name is a common slip too, but only an unambiguous prefix is a suggestion.
  const prefixed = lower.length >= 2 ? candidates.filter((c) => c.toLowerCase().startsWith(lower)) : [];
  return prefixed.length === 1 ? prefixed[0] : null;
}
