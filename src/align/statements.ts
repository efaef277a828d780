// Which sentences can carry a fact. Subheads ("Claims rejected", "Kosovo Calls for Withdrawal") and
// Title Case headlines repeat what the body says in headline language; aligning them would pair
// headlines across outlets rather than facts.
const MIN_WORDS = 6;
const FINAL_PUNCTUATION = /[.!?…]["'”’)]*$/;

export function isStatement(sentence: string): boolean {
  const words = sentence.split(/\s+/).filter(Boolean);
  if (words.length < MIN_WORDS) return false;
  if (FINAL_PUNCTUATION.test(sentence.trim())) return true;
  // No final punctuation: keep it only when it reads like prose rather than Title Case.
  const capitalised = words.filter((w) => /^[\p{Lu}]/u.test(w)).length;
  return capitalised / words.length < 0.5 && words.length >= 10;
}
