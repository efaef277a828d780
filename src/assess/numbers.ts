// Numbers across the story: one value of one thing reported by several outlets (a corroborated quantity),
// and values that changed over time. Disagreeing values on the same day are disputes (see disputes.ts).
import type { Doc, Span } from '../annotate/types.js';
import type { Alignment, ClaimItem } from '../align/index.js';
import { rivalPlaces } from '../align/index.js';
import type { NumberChange } from './types.js';
import { isChangeOverTime } from './disputes.js';

/** One value of one counted thing and every claim that reports it. */
export interface QuantityReport {
  value: number;
  kind: string;
  event: string | null;
  /** Story entity id of who fields or owns the counted thing, when stated. */
  owner: string | null;
  /** What is counted as first written ("Serb gunmen"). */
  what: string;
  /** One span per report: the number as written. */
  sources: Span[];
}

export interface NumberOptions {
  /** At most this many rows per story (most widely reported first); bounds the dossier on huge stories. */
  maxQuantities?: number;
}

export const NUMBER_DEFAULTS: Required<NumberOptions> = { maxQuantities: 200 };

/**
 * Corroborated quantities: the story's informative quantities grouped by value, counted kind, event and
 * owner, so "3 Serb gunmen were killed", "three of the assailants lost their lives" and "3 attackers"
 * (in "the death of ... 3 attackers") are one row of three reports. Quantities that count nothing worth
 * comparing ("the two countries") are left out. Sorted by number of reporting articles.
 */
export function corroboratedQuantities(alignment: Alignment, options: NumberOptions = {}): QuantityReport[] {
  const settings = { ...NUMBER_DEFAULTS, ...options };
  // A report that names no owner (or no event) joins the value's only owner (or event): "a police officer"
  // / "a Kosovo police officer"; "We had 14 crews" / "14 crews had been deployed". Two different owners
  // stay apart ("KFOR's 4,500 troops" / "the Serbian army's 4,500"), as do two different events.
  const owners = new Map<string, Set<string>>();
  const events = new Map<string, Set<string>>();
  const countKey = (q: { value: number; kind: string }) => `${q.value}|${q.kind}`;
  const add = (map: Map<string, Set<string>>, key: string, value: string | null) => {
    if (value) (map.get(key) ?? map.set(key, new Set()).get(key)!).add(value);
  };
  for (const item of alignment.claims) {
    for (const q of item.quantities) {
      add(events, countKey(q), q.event);
      add(owners, `${countKey(q)}|${q.event ?? ''}`, q.owner);
    }
  }
  const only = (set: Set<string> | undefined) => (set?.size === 1 ? [...set][0] : null);
  // One value of one thing reported in rival places is two rows ("two people died ... in Marlow" / "killing
  // two people ... in Henley"): within a key, a report joins the first row whose reports are not placed elsewhere.
  type Row = QuantityReport & { articles: Set<string>; items: ClaimItem[] };
  const rows = new Map<string, Row[]>();
  for (const item of alignment.claims) {
    for (const q of item.quantities) {
      const event = q.event ?? only(events.get(countKey(q)));
      const owner = q.owner ?? only(owners.get(`${countKey(q)}|${q.event ?? ''}`)) ?? only(owners.get(`${countKey(q)}|${event ?? ''}`));
      const key = `${countKey(q)}|${event ?? ''}|${owner ?? ''}`;
      const candidates = rows.get(key) ?? [];
      let row = candidates.find((r) => !r.items.some((other) => rivalPlaces(other, item, alignment.story)));
      if (!row) {
        row = { value: q.value, kind: q.kind, event, owner, what: whatOf(item, q.range.start), sources: [], articles: new Set<string>(), items: [] };
        candidates.push(row);
        rows.set(key, candidates);
      }
      if (!row.sources.some((s) => s.articleId === item.articleId && s.start === q.range.start)) row.sources.push({ articleId: item.articleId, ...q.range });
      if (row.items.length < MAX_PLACE_CHECKS) row.items.push(item);
      row.articles.add(item.articleId);
    }
  }
  return [...rows.values()]
    .flat()
    .sort((a, b) => b.articles.size - a.articles.size || b.sources.length - a.sources.length)
    .slice(0, settings.maxQuantities)
    .map(({ articles: _articles, items: _items, ...row }) => row);
}

/** Reports a row keeps for the place check: enough to tell places apart, bounded so huge stories stay linear. */
const MAX_PLACE_CHECKS = 20;

function whatOf(item: ClaimItem, start: number): string {
  return item.doc.quantities.find((q) => q.start === start)?.what ?? '';
}

/**
 * Numbers that changed over time: "decreased from 8,350 to 4,500" in one sentence, or the same thing
 * reported with different values by articles published on different days.
 */
export function numberChanges(docs: Doc[], alignment: Alignment): NumberChange[] {
  const changes: NumberChange[] = [];
  for (const doc of docs) {
    const text = doc.article.text;
    const sorted = [...doc.quantities].sort((a, b) => a.start - b.start);
    for (let i = 0; i + 1 < sorted.length; i++) {
      const [a, b] = [sorted[i], sorted[i + 1]];
      const between = text.slice(a.end, b.start);
      const before = text.slice(Math.max(0, a.start - 6), a.start);
      if (!/^\s*(to|->|→)\s*$/i.test(between.replace(/\b(troops|soldiers|people)\b/gi, '')) || !/from\s*$/i.test(before)) continue;
      changes.push({
        what: b.what || a.what,
        values: [
          { value: a.value, date: null, span: spanOf(doc, a) },
          { value: b.value, date: doc.article.publishedAt?.slice(0, 10) ?? null, span: spanOf(doc, b) },
        ],
      });
    }
  }
  const seen = new Set<string>();
  for (const relation of alignment.relations) {
    if (!isChangeOverTime(alignment, relation)) continue;
    const [qa, qb] = relation.conflict!.quantities!;
    const [ca, cb] = [alignment.claims[relation.a], alignment.claims[relation.b]];
    const key = `${qa.kind}|${Math.min(qa.value, qb.value)}|${Math.max(qa.value, qb.value)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const values = [
      { value: qa.value, date: ca.doc.article.publishedAt!.slice(0, 10), span: { articleId: ca.articleId, ...qa.range } },
      { value: qb.value, date: cb.doc.article.publishedAt!.slice(0, 10), span: { articleId: cb.articleId, ...qb.range } },
    ].sort((x, y) => x.date.localeCompare(y.date));
    changes.push({ what: whatOf(ca, qa.range.start) || qa.kind, values });
  }
  return changes;
}

function spanOf(doc: Doc, range: { start: number; end: number }): Span {
  return { articleId: doc.article.id, start: range.start, end: range.end };
}
