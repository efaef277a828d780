import type { Doc } from '../annotate/types.js';
import { anchorToStory } from '../annotate/index.js';
import { alignStory, type AlignOptions } from '../align/index.js';
import { resolveEntities } from '../align/entities/index.js';
import { buildTimeline, dateDisputes, detectProvenance, findDenialDisputes, independenceGroups, numberChangesAndDisputes } from '../assess/index.js';
import type { DisputeOptions, ProvenanceOptions } from '../assess/index.js';
import { summarize } from '../summarize/index.js';
import type { Dossier, Fact } from './types.js';
import { articleLabel } from './labels.js';

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
  const resolved = resolveEntities(docs);
  const alignment = alignStory(docs, options.align);

  const statementCounts = new Map<string, number>();
  for (const s of alignment.statements) statementCounts.set(s.articleId, (statementCounts.get(s.articleId) ?? 0) + 1);
  const provenance = detectProvenance(articles, alignment.facts, statementCounts, options.provenance);
  const groups = independenceGroups(articles, provenance);
  const byId = new Map(docs.map((d) => [d.article.id, d]));
  const sourceName = (articleId: string) => articleLabel(byId.get(articleId)!.article);

  const facts: Fact[] = alignment.facts.map((group) => {
    const rep = group.representative;
    const sources = group.members.map(({ articleId, start, end }) => ({ articleId, start, end }));
    return {
      id: group.id,
      text: byId.get(rep.articleId)!.article.text.slice(rep.start, rep.end),
      sources,
      independentSources: new Set(sources.map((s) => groups.get(s.articleId))).size,
      reportedBy: [...new Set(sources.map((s) => sourceName(s.articleId)))],
    };
  });
  facts.sort((a, b) => b.independentSources - a.independentSources || b.sources.length - a.sources.length || Number(a.id.slice(1)) - Number(b.id.slice(1)));

  const numbers = numberChangesAndDisputes(docs, alignment);
  const disputes = [...findDenialDisputes(docs, alignment, resolved, options.disputes), ...numbers.disputes, ...dateDisputes(docs, alignment)];

  // A speaker resolved through a pronoun ("he added") has a name but no mention of its own: find the
  // story entity by that name, when exactly one entity goes by it.
  const entityByName = uniqueNameIndex(resolved.entities);

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

  const summary = summarize(
    docs.map((d) => ({ id: d.article.id, text: d.article.text, sentences: d.sentences, publishedAt: d.article.publishedAt })),
    { maxSentences: options.summarySentences ?? 8, maxWords: options.summaryWords },
    facts.filter((f) => f.sources.length > 1).map((f) => ({ spans: f.sources, independentSources: f.independentSources })),
  );

  return {
    schemaVersion: '1',
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    articles: articles.map((a) => ({
      id: a.id,
      origin: a.origin,
      outlet: a.outlet,
      title: a.title,
      publishedAt: a.publishedAt,
      credits: a.credits,
      text: a.text,
      removed: a.removed,
      url: a.url,
      byline: a.byline,
      diagnostics: byId.get(a.id)!.diagnostics,
    })),
    entities: resolved.entities,
    quotes,
    quantities: docs.flatMap((doc) => doc.quantities.map((q) => ({ value: q.value, what: q.what, span: { articleId: doc.article.id, start: q.start, end: q.end } }))),
    numberChanges: numbers.changes,
    timeline: buildTimeline(docs, alignment),
    facts,
    singleSource: facts.filter((f) => f.independentSources === 1).map((f) => f.id),
    disputes,
    provenance,
    summary,
    problems,
  };
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
