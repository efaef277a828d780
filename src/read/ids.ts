import path from 'node:path';

const MAX_ID_LENGTH = 48;

/**
 * Short, stable id from an origin: the file name without extension, lower-cased, runs of other characters
 * turned into "-", plus the record number for JSON/JSONL records and feed items ("feed.jsonl#3" -> "feed-3").
 * Same input path, same id, in every run; `readInputs` appends "-2", "-3"... when two origins collide.
 */
export function idFromOrigin(origin: string): string {
  const [file, record] = origin.split('#');
  const base = path.basename(file).replace(/\.(txt|html?|jsonl?|rss|atom|xml)$/i, '');
  const slug = slugify(record ? `${base}-${record}` : base);
  return slug || 'article';
}

export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_ID_LENGTH)
    .replace(/-+$/, '');
}

/** Makes ids unique in input order without changing the first of each. */
export function uniqueIds<T extends { id: string }>(items: T[]): T[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const count = (seen.get(item.id) ?? 0) + 1;
    seen.set(item.id, count);
    if (count === 1) return item;
    let candidate = `${item.id}-${count}`;
    while (seen.has(candidate)) candidate = `${candidate}-${count}`;
    seen.set(candidate, 1);
    return { ...item, id: candidate };
  });
}
