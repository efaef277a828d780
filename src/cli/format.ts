// Wording shared by the commands' one-line reports.

/** "1 article", "2 articles", "0 articles"; `plural` for irregular words ("story" -> "stories"). */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
