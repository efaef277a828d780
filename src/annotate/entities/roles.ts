// Titles and roles around person names: stripped from the name, kept as Mention.role.
import { ROLE_HEADS, ROLE_MODIFIERS, ROLE_NON_FINAL } from './lexicon.js';
import type { Token } from './tokenize.js';

const HEADS = new Set(ROLE_HEADS);
const WORDS = new Set([...ROLE_HEADS, ...ROLE_MODIFIERS]);
const NON_FINAL = new Set(ROLE_NON_FINAL);
// Longest role we accept ("Chief of the General Staff of the Serbian Army" is 9 words).
const MAX_ROLE_TOKENS = 9;

const key = (t: Token): string => t.norm.toLowerCase();

/**
 * First token of a person name once leading title words are removed ("President Vucic" -> "Vucic"), when
 * those words include a title head; at least one word is always left.
 */
export function titleFreeStart(tokens: Token[], start: number, end: number): number {
  let from = start;
  let head = false;
  while (from < end - 1 && WORDS.has(key(tokens[from]))) {
    if (HEADS.has(key(tokens[from]))) head = true;
    from++;
  }
  // "State" alone is a title word only after "Secretary of" outside the name.
  const continuesRole = start > 0 && WORDS.has(key(tokens[start - 1]));
  return head || continuesRole ? from : start;
}

/**
 * Trims a token run to a role: it may not start or end with a linking word ("of", "the") and must end with a
 * head word ("Defense Minister", "Chief of the General Staff", "spokesman"); "General Staff" also ends
 * with one (General).
 */
function trimRole(tokens: Token[], from: number, to: number): [number, number] | null {
  while (from < to && NON_FINAL.has(key(tokens[from])) && !HEADS.has(key(tokens[from]))) from++;
  while (to > from && NON_FINAL.has(key(tokens[to - 1]))) to--;
  if (to <= from) return null;
  for (let k = from; k < to; k++) if (HEADS.has(key(tokens[k]))) return [from, to];
  return null;
}

/**
 * Role written right before token `start` ("Defense Minister [Milos Vucevic]"), or before ", " + name
 * ("Chief of General Staff, [Milan Mojsilovic]"). `blocked(k)` tells whether token k belongs to another
 * mention (a role never crosses "NATO" in "NATO Secretary-General").
 */
export function roleBefore(tokens: Token[], start: number, lowerBound: number, blocked: (k: number) => boolean): [number, number] | null {
  let end = start;
  if (end - 1 >= lowerBound && tokens[end - 1].norm === ',') end--;
  let from = end;
  while (from - 1 >= lowerBound && end - from < MAX_ROLE_TOKENS && !blocked(from - 1) && WORDS.has(key(tokens[from - 1]))) from--;
  if (from === end) return null;
  const trimmed = trimRole(tokens, from, end);
  // After a comma the phrase must be a title, not the tail of an unrelated clause ("..., said [Kurti]").
  if (!trimmed || trimmed[1] !== end) return null;
  return trimmed;
}

/** Appositive role after the name: "[Albin Kurti], the Prime Minister of Kosovo," (up to the next comma). */
export function roleAfter(tokens: Token[], end: number, upperBound: number): [number, number] | null {
  if (end >= upperBound || tokens[end].norm !== ',') return null;
  let from = end + 1;
  if (from < upperBound && /^(the|a|an)$/i.test(tokens[from].norm)) from++;
  let to = from;
  let head = false;
  let complement = false; // after "head of", any words may follow ("spokesman of the Croatian government")
  while (to < upperBound && to - from < MAX_ROLE_TOKENS && tokens[to].norm !== ',' && tokens[to].norm !== '.') {
    const t = tokens[to];
    if (HEADS.has(key(t))) head = true;
    if (head && key(t) === 'of') complement = true;
    // Names inside the role ("Serbian Army", "of Kosovo") are allowed; verbs and other lower-case words end it.
    if (!complement && !WORDS.has(key(t)) && !/^[A-Z]/.test(t.norm)) return null;
    to++;
  }
  if (!head || to === from) return null;
  // The phrase must close: a comma, the sentence end, or a sentence-final period.
  if (to < upperBound && tokens[to].norm !== ',' && tokens[to].norm !== '.') return null;
  return [from, to];
}
