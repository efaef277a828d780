// Which articles a dossier analyses when it is given more than it should take. Every stage after reading costs
// time and memory per article (annotation dominates: ~0.5 ms and ~8 KB for a one-line record, ~40 ms for a
// 14-sentence article), so a dossier is capped; the choice must be the same in every run and keep the outlets
// a triangulation needs, not just the first lines of a file.

/** What the selection looks at in an article. */
export interface SelectableArticle {
  outlet: string | null;
  url: string | null;
  publishedAt: string | null;
  /** Counted against `SelectionLimits.chars`. */
  text?: string;
}

/** How much one dossier takes. */
export interface SelectionLimits {
  articles: number;
  /**
   * Characters of article text (default: no limit). Annotation costs about 18 µs and 175 bytes of memory a
   * character, so a count alone does not bound a dossier of long articles.
   */
  chars?: number;
}

/**
 * At most `limits.articles` of `items` holding at most `limits.chars` characters of text between them (the
 * first chosen article is kept whatever its length), in their original order. Over a limit the choice goes
 * round the outlets, newest article of each first, so every outlet is represented before any gets a second
 * article and recent coverage wins over old. Articles without a (readable) date count as oldest; among equal dates a later item counts as
 * newer (a stream is appended to). Articles without an outlet are grouped by the host of their URL, else
 * together. Costs O(n log n) whatever the mix of outlets. Returns `items` itself when it is within both limits.
 */
export function selectArticles<T>(items: T[], limits: SelectionLimits, articleOf: (item: T) => SelectableArticle): T[] {
  const max = limits.articles;
  const maxChars = limits.chars ?? Number.POSITIVE_INFINITY;
  const lengths = items.map((item) => articleOf(item).text?.length ?? 0);
  const total = lengths.reduce((sum, length) => sum + length, 0);
  if (items.length <= max && total <= maxChars) return items;
  const times = items.map((item) => {
    const date = articleOf(item).publishedAt;
    const time = date ? Date.parse(date) : Number.NaN;
    return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
  });
  const newestFirst = (a: number, b: number) => (times[a] === times[b] ? b - a : times[a] < times[b] ? 1 : -1);
  const byOutlet = new Map<string, number[]>();
  items.forEach((item, index) => {
    const article = articleOf(item);
    const key = (article.outlet ?? article.url?.replace(/^https?:\/\/([^/]+).*$/i, '$1') ?? '').toLowerCase();
    const list = byOutlet.get(key);
    if (list) list.push(index);
    else byOutlet.set(key, [index]);
  });
  let queues = [...byOutlet.values()].map((list) => list.sort(newestFirst));
  // Outlets with the newest coverage take their turn first in every round.
  queues.sort((a, b) => newestFirst(a[0], b[0]));
  const chosen: number[] = [];
  let chars = 0;
  let full = false;
  for (let round = 0; !full && queues.length > 0; round++) {
    for (const queue of queues) {
      const next = queue[round];
      // Stops at the first article over the text budget rather than skipping it for a shorter one: the
      // order of the choice stays "newest of each outlet first", and a run of long articles cannot be
      // replaced by a flood of tiny ones.
      if (chosen.length > 0 && chars + lengths[next] > maxChars) full = true;
      else {
        chosen.push(next);
        chars += lengths[next];
        full = chosen.length === max;
      }
      if (full) break;
    }
    // Exhausted outlets leave the rotation: scanning them every round would cost rounds x outlets (50,000
    // one-article outlets next to one outlet of 50,000 is 2.5 billion steps).
    queues = queues.filter((queue) => queue.length > round + 1);
  }
  return chosen.sort((a, b) => a - b).map((i) => items[i]);
}
