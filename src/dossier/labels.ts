/** Short human label for an article: its outlet, else its file name without extension. */
export function articleLabel(article: { outlet: string | null; origin: string }): string {
  if (article.outlet) return article.outlet;
  const base = article.origin.split(/[\\/]/).pop() ?? article.origin;
  return base.replace(/\.(txt|html?|jsonl?)(?=#|$)/i, '');
}
