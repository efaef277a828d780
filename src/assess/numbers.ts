import type { Doc, QuantityAnnotation, Range } from '../annotate/types.js';
import type { Alignment } from '../align/index.js';
import { cosine, statementKey, vectorize, type TermVector } from '../align/index.js';
import type { Dispute, NumberChange } from './types.js';
import { stemmer } from 'stemmer';
import { contains } from './ranges.js';

/** The counted thing reduced to its head noun stem, so "troops", "troop count" and "more troops" compare. */
export function countedKey(what: string): string {
  const words = what.toLowerCase().match(/[\p{L}%]+/gu) ?? [];
  const head = words.filter((w) => !['count', 'number', 'more', 'additional', 'extra', 'total'].includes(w)).pop() ?? words.pop() ?? '';
  return stemmer(head);
}

/**
 * Numbers that changed over time: "decreased from 8,350 to 4,500" in one sentence, or the same fact
 * reported with different counts on different days. Same-day disagreements are disputes instead.
 */
export interface NumberOptions {
  /** Cosine between two sentences counting the same kind of thing for them to be about the same thing. */
  sameThingSimilarity?: number;
  /** Reports of one counted thing compared per story, earliest first; bounds cost on huge stories. */
  maxReportsPerThing?: number;
}

export const NUMBER_DEFAULTS: Required<NumberOptions> = { sameThingSimilarity: 0.2, maxReportsPerThing: 60 };

interface Report {
  doc: Doc;
  q: QuantityAnnotation;
  sentence: Range;
  statement: number;
}

export function numberChangesAndDisputes(docs: Doc[], alignment: Alignment, options: NumberOptions = {}): { changes: NumberChange[]; disputes: Dispute[] } {
  const changes: NumberChange[] = [];
  const disputes: Dispute[] = [];
  for (const doc of docs) {
    const text = doc.article.text;
    const sorted = [...doc.quantities].sort((a, b) => a.start - b.start);
    for (let i = 0; i + 1 < sorted.length; i++) {
      const [a, b] = [sorted[i], sorted[i + 1]];
      const between = text.slice(a.end, b.start);
      const before = text.slice(Math.max(0, a.start - 6), a.start);
      if (!/^\s*(to|->|→)\s*$/i.test(between.replace(/\b(troops|soldiers|people)\b/gi, '')) || !/from\s*$/i.test(before)) continue;
      const what = b.what || a.what;
      changes.push({
        what,
        values: [
          { value: a.value, date: null, span: spanOf(doc, a) },
          { value: b.value, date: doc.article.publishedAt?.slice(0, 10) ?? null, span: spanOf(doc, b) },
        ],
      });
    }
  }

  for (const reports of sameThingReports(docs, alignment, options)) {
    const day = (r: Report) => r.doc.article.publishedAt?.slice(0, 10) ?? null;
    const byDay = new Map<string | null, Report[]>();
    for (const r of reports) byDay.set(day(r), [...(byDay.get(day(r)) ?? []), r]);
    // Different values on the same day (or with no date to tell them apart) disagree; one value per day
    // that moves from day to day is a change over time.
    const conflicting = [...byDay.entries()].filter(([date, list]) => date === null || new Set(list.map((r) => r.q.value)).size > 1);
    const disagreeing = conflicting.flatMap(([, list]) => list).filter((_, __, all) => new Set(all.map((r) => r.q.value)).size > 1);
    if (disagreeing.length >= 2) {
      disputes.push({
        about: `${disagreeing[0].q.what}: ${[...new Set(disagreeing.map((r) => formatValue(r.q.value)))].join(' vs ')}`,
        kind: 'number',
        sides: disagreeing.map((r) => ({
          stance: 'claim' as const,
          text: r.doc.article.text.slice(r.sentence.start, r.sentence.end),
          by: null,
          byName: r.doc.article.outlet,
          sources: [{ articleId: r.doc.article.id, start: r.sentence.start, end: r.sentence.end }],
        })),
      });
      continue;
    }
    const dated = [...byDay.entries()].filter((e): e is [string, Report[]] => e[0] !== null).sort((a, b) => a[0].localeCompare(b[0]));
    if (dated.length >= 2 && new Set(dated.map(([, list]) => list[0].q.value)).size > 1) {
      changes.push({ what: dated[0][1][0].q.what, values: dated.map(([date, list]) => ({ value: list[0].q.value, date, span: spanOf(list[0].doc, list[0].q) })) });
    }
  }
  return { changes, disputes };
}

/**
 * Groups of reports (one per article) that count the same kind of thing ("residents", "troops") in
 * sentences about the same thing (same fact, or close wording) and give different values.
 */
function sameThingReports(docs: Doc[], alignment: Alignment, options: NumberOptions): Report[][] {
  const settings = { ...NUMBER_DEFAULTS, ...options };
  const statementAt = new Map<string, number>();
  alignment.statements.forEach((s, i) => statementAt.set(statementKey(s.articleId, s.ref.sentenceIndex), i));
  const byKey = new Map<string, Report[]>();
  for (const doc of docs) {
    doc.sentences.forEach((sentence, sentenceIndex) => {
      const statement = statementAt.get(statementKey(doc.article.id, sentenceIndex));
      if (statement === undefined) return;
      for (const q of doc.quantities) {
        const key = countedKey(q.what);
        if (!key || !contains(sentence, q)) continue;
        byKey.set(key, [...(byKey.get(key) ?? []), { doc, q, sentence, statement }]);
      }
    });
  }
  // The sentence's words without its numbers: "120 residents" and "160 residents" differ in exactly
  // what is being compared, so the numbers must not count against the match.
  const contexts = new Map<number, TermVector>();
  const context = (statement: number) => {
    let vector = contexts.get(statement);
    if (!vector) {
      vector = vectorize(alignment.statements[statement].terms.filter((t) => !/^\d/.test(t)), alignment.index.stats);
      contexts.set(statement, vector);
    }
    return vector;
  };
  const groups: Report[][] = [];
  for (const all of byKey.values()) {
    const reports = all
      .sort((a, b) => (a.doc.article.publishedAt ?? '').localeCompare(b.doc.article.publishedAt ?? ''))
      .slice(0, settings.maxReportsPerThing);
    const used = new Set<Report>();
    for (const first of reports) {
      if (used.has(first)) continue;
      const group = [first];
      for (const other of reports) {
        if (other === first || used.has(other) || group.some((g) => g.doc === other.doc)) continue;
        const a = alignment.statements[first.statement];
        const b = alignment.statements[other.statement];
        const sameFact = alignment.factOf.get(statementKey(a.articleId, a.ref.sentenceIndex)) === alignment.factOf.get(statementKey(b.articleId, b.ref.sentenceIndex));
        if (sameFact || cosine(context(first.statement), context(other.statement)) >= settings.sameThingSimilarity) group.push(other);
      }
      if (group.length < 2 || new Set(group.map((r) => r.q.value)).size < 2) continue;
      group.forEach((r) => used.add(r));
      groups.push(group);
    }
  }
  return groups;
}

function formatValue(value: number): string {
  return value.toLocaleString('en-US');
}

// "the fire service said on Friday", "told reporters on Friday": the day of the statement, not of the
// event, so two reports of one fact may carry different days without disagreeing.
const SPEECH_TIME = /\b(said|says|told(\s+\w+)?|announced|stated|added|wrote|confirmed|declared)\s+(on\s+|late\s+|early\s+)?$/i;

/** Reports of the same fact placing it on different calendar days. */
export function dateDisputes(docs: Doc[], alignment: Alignment): Dispute[] {
  const docById = new Map(docs.map((d) => [d.article.id, d]));
  const out: Dispute[] = [];
  for (const fact of alignment.facts) {
    if (fact.members.length < 2) continue;
    const byDay = new Map<string, { doc: Doc; sentence: Range }>();
    for (const member of fact.members) {
      const doc = docById.get(member.articleId)!;
      for (const t of doc.times) {
        if (!t.value || t.value.length !== 10 || t.anchor === 'story' || !contains(member, t)) continue;
        if (SPEECH_TIME.test(doc.article.text.slice(Math.max(member.start, t.start - 30), t.start))) continue;
        if (!byDay.has(t.value)) byDay.set(t.value, { doc, sentence: member });
      }
    }
    if (byDay.size < 2) continue;
    out.push({
      about: `date: ${[...byDay.keys()].sort().join(' vs ')}`,
      kind: 'date',
      sides: [...byDay.entries()].map(([day, r]) => ({
        stance: 'claim' as const,
        text: r.doc.article.text.slice(r.sentence.start, r.sentence.end),
        by: null,
        byName: r.doc.article.outlet,
        sources: [{ articleId: r.doc.article.id, start: r.sentence.start, end: r.sentence.end }],
      })),
    });
  }
  return out;
}

function spanOf(doc: Doc, range: Range) {
  return { articleId: doc.article.id, start: range.start, end: range.end };
}
