import type { Doc } from '../annotate/types.js';
import { anchorToStory } from '../annotate/index.js';
import { alignStory, citedRange, type AlignOptions, type ClaimItem } from '../align/index.js';
import { resolveEntities } from '../align/entities/index.js';
import { buildTimeline, corroboratedQuantities, describeEvidence, detectProvenance, findDisputes, independenceGroups, numberChanges } from '../assess/index.js';
import type { DisputeOptions, ProvenanceOptions } from '../assess/index.js';
import { stanceDenials } from '../assess/stance/denials.js';
import { summarize } from '../summarize/index.js';
import type { Dispute, Dossier, DossierQuantity, Fact, SummarySentence } from './types.js';
import type { Span } from '../annotate/types.js';
import { articleLabel } from './labels.js';
import { articleName, publicOrigin } from './outlets.js';

export interface DossierOptions {
  /** Summary length in sentences (default 8). */
  summarySentences?: number;
  /** Optional word budget for the summary (e.g. 100). */
  summaryWords?: number;
  align?: AlignOptions;
  provenance?: ProvenanceOptions;
  disputes?: DisputeOptions;
  /** Fixed timestamp for reproducible output; defaults to now. */
  generatedAt?: string;
}

/** The middle publication date of the story: the anchor offered to articles that have none. */
export function storyDate(docs: Doc[]): string | null {
  const dates = docs.map((d) => d.article.publishedAt?.slice(0, 10)).filter((d): d is string => !!d).sort();
  return dates.length ? dates[Math.floor((dates.length - 1) / 2)] : null;
}

/** Annotated articles of one story -> the dossier (every statement a span into a source). */
export function buildDossier(annotated: Doc[], problems: { origin: string; reason: string }[] = [], options: DossierOptions = {}): Dossier {
  const anchor = storyDate(annotated);
  const docs = annotated.map((doc) => anchorToStory(doc, anchor));
  const articles = docs.map((d) => d.article);
  const byId = new Map(docs.map((d) => [d.article.id, d]));
  const sourceName = (articleId: string) => articleLabel(byId.get(articleId)!.article);
  const resolved = resolveEntities(docs);
  const entityById = new Map(resolved.entities.map((e) => [e.id, e]));
  const names = { entityName: (id: string) => entityById.get(id)?.name ?? id, outletOf: sourceName };
  const alignment = alignStory(docs, resolved, { denies: stanceDenials(), ...options.align });
  // A speaker resolved through a pronoun ("he added") has a name but no mention of its own: find the
  // story entity by that name, when exactly one entity goes by it.
  const entityByName = uniqueNameIndex(resolved.entities);
  const itemOf = alignment.claimOf;

  const claimCounts = new Map<string, number>();
  for (const c of alignment.claims) claimCounts.set(c.articleId, (claimCounts.get(c.articleId) ?? 0) + 1);
  const provenance = detectProvenance(articles, alignment.facts, claimCounts, options.provenance);
  const independence = independenceGroups(articles, provenance, sourceName);
  const groupOf = independence.groupOf;

  const facts: Fact[] = alignment.facts.map((group) => {
    const members = group.members.map((m) => itemOf.get(m)!);
    const rep = itemOf.get(group.representative)!;
    const repRange = citedRange(rep);
    const sources = members.map((item) => ({ articleId: item.articleId, ...citedRange(item) }));
    // "Vucic" and "Aleksandar Vucic" as written are one claimant: names resolve to the story entity when one goes by it.
    const speakers = members.map((c) => (c.sourceName ? (entityByName.get(c.sourceName.toLowerCase())?.name ?? c.sourceName) : null));
    const claimedBy = [...new Set(speakers.filter((n): n is string => !!n))];
    const attributions = claimedBy.map((speaker) => ({ speaker, articleIds: [...new Set(members.filter((_, i) => speakers[i] === speaker).map((c) => c.articleId))] }));
    const sourceGroups = [...new Set(sources.map((s) => groupOf.get(s.articleId)!))];
    return {
      id: group.id,
      text: rep.doc.article.text.slice(repRange.start, repRange.end),
      sources,
      independentSources: sourceGroups.length,
      reportedBy: [...new Set(sources.map((s) => sourceName(s.articleId)))],
      why: describeEvidence(group.evidence, names),
      ...(claimedBy.length ? { claimedBy, attributions } : {}),
      modality: modalityOf(members),
      sourceGroups,
    };
  });
  facts.sort((a, b) => b.independentSources - a.independentSources || b.sources.length - a.sources.length || Number(a.id.slice(1)) - Number(b.id.slice(1)));

  const disputes = findDisputes(alignment, names, options.disputes);
  const quantities: DossierQuantity[] = corroboratedQuantities(alignment).map((row) => ({
    value: row.value,
    what: row.what,
    span: row.sources[0],
    kind: row.kind,
    ...(row.event ? { event: row.event } : {}),
    ...(row.owner ? { owner: names.entityName(row.owner) } : {}),
    sources: row.sources,
    independentSources: new Set(row.sources.map((s) => groupOf.get(s.articleId))).size,
    reportedBy: [...new Set(row.sources.map((s) => sourceName(s.articleId)))],
  }));


  // Quotes are somebody's own words, in quote marks (full or partial). Reported speech and the beliefs,
  // intentions and poll findings the attribution layer also finds ("X said that...", "a poll shows...")
  // paraphrase rather than quote, and the disputes already use them as claims.
  const quotes = docs.flatMap((doc) =>
    doc.quotes.filter((q) => q.direct !== false).map((q) => {
      const entity =
        (q.speakerMention ? resolved.entityAt(doc.article.id, q.speakerMention.start, q.speakerMention.end) : null) ??
        (q.speakerName ? entityByName.get(q.speakerName.toLowerCase()) ?? null : null);
      return {
        text: q.text,
        speaker: entity?.id ?? null,
        speakerName: entity?.name ?? q.speakerName,
        span: { articleId: doc.article.id, start: q.start, end: q.end },
        direct: q.direct ?? true,
      };
    }),
  );

  const summary = withoutContradictingCitations(summarize(
    docs.map((d) => ({ id: d.article.id, text: d.article.text, sentences: d.sentences, publishedAt: d.article.publishedAt })),
    { maxSentences: options.summarySentences ?? 8, maxWords: options.summaryWords },
    facts.map((f) => ({ spans: f.sources, independentSources: f.independentSources })),
    disputes.map((d) => ({ kind: d.kind, sides: d.sides.map((s) => ({ stance: s.stance, sources: s.sources })) })),
  ), disputes);

  return {
    schemaVersion: '1',
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    articles: articles.map((a) => ({
      id: a.id,
      origin: publicOrigin(a.origin),
      outlet: a.outlet,
      title: a.title,
      publishedAt: a.publishedAt,
      credits: a.credits,
      text: a.text,
      removed: a.removed,
      url: a.url,
      byline: a.byline,
      diagnostics: byId.get(a.id)!.diagnostics,
      ...articleName(a),
    })),
    entities: resolved.entities,
    quotes,
    quantities,
    numberChanges: numberChanges(docs, alignment),
    timeline: buildTimeline(docs, alignment),
    facts,
    sourceGroups: independence.groups,
    singleSource: facts.filter((f) => f.independentSources === 1).map((f) => f.id),
    disputes,
    provenance,
    summary,
    // Same rule as article origins: an absolute local path is reduced to its file name.
    problems: problems.map((p) => ({ ...p, origin: publicOrigin(p.origin) })),
  };
}

const overlaps = (a: Span, b: Span) => a.articleId === b.articleId && a.start < b.end && b.start < a.end;

/**
 * A summary sentence is never cited to a source that contradicts it: when its own words (its first
 * citation) are one side of a dispute, citations that state another side of that dispute are dropped
 * ("the union said the doors were blocked" must not cite "Halden rejected claims that the doors were blocked").
 */
function withoutContradictingCitations(summary: SummarySentence[], disputes: Dispute[]): SummarySentence[] {
  return summary.map((sentence) => {
    const own = sentence.sources[0];
    if (!own) return sentence;
    const opposing: Span[] = [];
    for (const dispute of disputes) {
      const mine = dispute.sides.filter((side) => side.sources.some((s) => overlaps(s, own)));
      if (!mine.length) continue;
      for (const side of dispute.sides) {
        if (mine.includes(side) || mine.some((m) => m.stance === side.stance && m.value === side.value && dispute.kind === 'denial')) continue;
        opposing.push(...side.sources);
      }
    }
    if (!opposing.length) return sentence;
    const kept = sentence.sources.filter((s, i) => i === 0 || !opposing.some((o) => overlaps(o, s)));
    return kept.length === sentence.sources.length ? sentence : { ...sentence, sources: kept };
  });
}

/** The weakest way any member puts the claim: one outlet's "allegedly" makes the fact alleged. */
function modalityOf(members: ClaimItem[]): string {
  const order = ['hedged', 'alleged', 'planned', 'future', 'reported', 'asserted'];
  return members.map((m) => m.modality).sort((a, b) => order.indexOf(a) - order.indexOf(b))[0] ?? 'asserted';
}

function uniqueNameIndex<T extends { name: string; aliases: string[] }>(entities: T[]): Map<string, T> {
  const index = new Map<string, T | null>();
  for (const entity of entities) {
    for (const name of new Set([entity.name, ...entity.aliases].map((n) => n.toLowerCase()))) {
      index.set(name, index.has(name) && index.get(name) !== entity ? null : entity);
    }
  }
  return new Map([...index].filter((e): e is [string, T] => e[1] !== null));
}
