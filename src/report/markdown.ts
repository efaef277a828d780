import type { Dossier } from '../dossier/types.js';
import type { Span } from '../annotate/types.js';
import { articleIndex, articleLabel, dateRange, formatNumber, quotesBySpeaker, storyTitle, MAX_LISTED_FACTS } from './labels.js';
import { collapseLine, countOf, evidenceLine, factWhy, independence, joinedGroups, namedOutlets, quantityPhrase, quantityReach, reportedQuantities, shownModality, STORY_ANCHORED_NOTE, whyLine } from './explain.js';
import type { Fact, MatchEvidence } from '../dossier/types.js';

const cite = (spans: Span[]) => [...new Set(spans.map((s) => s.articleId))].map((id) => `[${id}]`).join('');
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const bracket = (id: string) => `[${id}]`;

/**
 * Markdown renderers pass raw HTML through, so article text such as "<script>" or "<b>Acme</b>" would
 * become markup when the report is viewed. The report itself writes no HTML, so every "<", ">" and "&"
 * comes from articles and is written as an entity. The report writes no links either, so "](" (a link an
 * article could smuggle in, "[the port authority](javascript:alert(3))") is broken with a backslash.
 */
const escapeMarkup = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\]\(/g, ']\\(');

/** "Why matched: <summary> — names: A, B · similarity 0.82", or nothing for older dossiers. */
function whyNote(why: MatchEvidence | undefined): string[] {
  if (!why) return [];
  const line = oneLine(whyLine(why));
  const evidence = evidenceLine(why, line);
  return [`Why matched: ${line}${evidence ? ` — ${evidence}` : ''}`];
}

/** Sub-bullets under a fact: who claims it and how, why its sentences were matched, why sources collapse. */
function factNotes(f: Fact, dossier: Dossier): string[] {
  const notes: string[] = [];
  const modality = shownModality(f.modality);
  const claim = [f.claimedBy?.length ? `Claimed by ${f.claimedBy.join(', ')}` : '', modality ? `modality: ${modality}` : ''].filter(Boolean).join(' · ');
  if (claim) notes.push(claim);
  notes.push(...whyNote(factWhy(f)));
  const ind = independence(f, dossier, bracket);
  if (ind) {
    notes.push(ind.line);
    if (ind.collapses.length > 1) notes.push(...ind.collapses.map((c) => collapseLine(c, bracket)));
  }
  return notes.map((n) => `  - ${n}`);
}

/** The dossier as Markdown for the terminal or a notes file; citations are [article id], listed under Sources. */
export function renderMarkdown(dossier: Dossier): string {
  const articles = articleIndex(dossier);
  const outlets = new Set(dossier.articles.map(articleLabel));
  const out: string[] = [];
  out.push(`# ${oneLine(storyTitle(dossier))}`, '');
  out.push(`${dossier.articles.length} articles from ${outlets.size} sources, ${dateRange(dossier)}. ${dossier.facts.filter((f) => f.independentSources > 1).length} corroborated facts, ${dossier.disputes.length} disputes.`, '');

  out.push('## Summary', '');
  dossier.summary.forEach((s, i) => out.push(`${i + 1}. ${oneLine(s.text)} ${cite(s.sources)}`));
  out.push('');

  if (dossier.disputes.length) {
    out.push('## Disputed', '');
    for (const d of dossier.disputes) {
      out.push(`### ${oneLine(d.about)} (${d.kind})`, '');
      for (const side of d.sides) {
        const who = side.byName ?? 'unattributed';
        const value = side.value ? ` **${oneLine(side.value)}**${side.storyAnchored ? ` (${STORY_ANCHORED_NOTE})` : ''} —` : '';
        const via = side.reportedBy?.length && namedOutlets(side.sources, articles) ? ` (${side.reportedBy.join(', ')})` : '';
        out.push(`- **${side.stance === 'denial' ? 'Denies' : 'Says'}: ${who}**${via} —${value} ${oneLine(side.text)} ${cite(side.sources)}`);
      }
      const why = whyNote(d.why);
      if (why.length) out.push('', ...why.map((w) => `_${w}_`));
      out.push('');
    }
  }

  const corroborated = dossier.facts.filter((f) => f.independentSources > 1);
  if (corroborated.length) {
    out.push('## Corroborated', '');
    for (const f of corroborated.slice(0, MAX_LISTED_FACTS)) out.push(`- **${f.independentSources} independent sources** (${(f.reportedBy ?? []).join(', ')}): ${oneLine(f.text)} ${cite(f.sources)}`, ...factNotes(f, dossier));
    out.push('');
  }

  const single = dossier.facts.filter((f) => f.independentSources === 1);
  if (single.length) {
    out.push(`## Reported by one source only (${single.length})`, '');
    for (const f of single.slice(0, MAX_LISTED_FACTS)) out.push(`- ${(f.reportedBy ?? []).join(', ')}: ${oneLine(f.text)} ${cite(f.sources)}`, ...factNotes(f, dossier));
    if (single.length > MAX_LISTED_FACTS) out.push(`- … ${single.length - MAX_LISTED_FACTS} more in the JSON output`);
    out.push('');
  }

  const groups = quotesBySpeaker(dossier);
  if (groups.length) {
    out.push('## Who said what', '');
    for (const g of groups) {
      out.push(`### ${g.speaker}`, '');
      for (const q of g.quotes) out.push(`- ${q.direct ? `“${oneLine(q.text)}”` : `(reported) ${oneLine(q.text)}`} [${q.span.articleId}]`);
      out.push('');
    }
  }

  if (dossier.numberChanges.length || dossier.quantities.length) {
    out.push('## Numbers', '');
    for (const c of dossier.numberChanges) {
      out.push(`- **${c.what}** changed: ${c.values.map((v) => `${formatNumber(v.value)}${v.date ? ` (${v.date})` : ''}`).join(' → ')} ${cite(c.values.map((v) => v.span))}`);
    }
    const reported = reportedQuantities(dossier.quantities);
    for (const q of reported) {
      const owner = q.owner ? ` (${oneLine(q.owner)})` : '';
      const spans = q.sources?.length ? q.sources : [q.span];
      const by = q.reportedBy?.length && namedOutlets(spans, articles) ? `: ${[...new Set(q.reportedBy)].join(', ')}` : '';
      out.push(`- **${quantityPhrase(q, formatNumber)}**${owner} — ${quantityReach(q, articles)}${by} ${cite(spans)}`);
    }
    const counted = new Set(reported);
    for (const q of dossier.quantities) if (!counted.has(q)) out.push(`- ${formatNumber(q.value)} ${q.what} [${q.span.articleId}]`);
    out.push('');
  }

  if (dossier.timeline.length) {
    out.push('## Timeline', '');
    for (const t of dossier.timeline) out.push(`- **${t.date}**${t.storyAnchored ? ' (date placed using the story\'s publication date)' : ''}: ${oneLine(t.text)} ${cite(t.sources)}`);
    out.push('');
  }

  const joined = joinedGroups(dossier);
  if (dossier.sourceGroups?.length) {
    const alone = (dossier.sourceGroups ?? []).filter((g) => g.articles.length === 1).map((g) => g.articles[0]);
    out.push(`## Independent sources (${dossier.sourceGroups!.length})`, '');
    out.push(`${countOf(dossier.articles.length, 'article')}, ${countOf(dossier.sourceGroups!.length, 'independent source')}: articles that copy one another, share a wire credit or come from the same outlet count once.`, '');
    for (const g of joined) {
      const names = g.articles.map((id) => `[${id}]${articles.get(id)?.outlet ? ` ${articles.get(id)!.outlet}` : ''}`);
      out.push(`- ${names.join(', ')} — one source${g.reasons.length ? `: ${g.reasons.join('; ')}` : ''}`);
    }
    if (alone.length) out.push(`- Each on its own: ${alone.map((id) => `[${id}]`).join(' ')}`);
    out.push('');
  }

  if (dossier.provenance.length) {
    out.push('## Provenance', '');
    for (const p of dossier.provenance) {
      const from = articles.get(p.from)!;
      const to = articles.get(p.to)!;
      out.push(`- [${p.to}] ${articleLabel(to)} ${p.kind === 'credit' ? 'credits' : p.kind === 'copy' ? 'copies' : 'rewrites'} [${p.from}] ${articleLabel(from)} (score ${p.score})`);
    }
    out.push('');
  }

  out.push('## Sources', '');
  for (const a of dossier.articles) {
    const removed = a.removed.length ? `; ${a.removed.length} pieces of junk removed (${[...new Set(a.removed.map((r) => r.reason))].join(', ')})` : '';
    const credits = a.credits.length ? `; credits: ${a.credits.join(', ')}` : '';
    out.push(`- **[${a.id}]** ${oneLine(a.title ?? '(no title)')} — ${articleLabel(a)}, ${a.publishedAt ?? 'date unknown'}${credits}${removed}. ${a.origin}`);
  }
  if (dossier.problems.length) {
    out.push('', '## Inputs not analysed', '');
    for (const p of dossier.problems) out.push(`- ${p.origin}: ${p.reason}`);
  }
  return escapeMarkup(out.join('\n')) + '\n';
}
