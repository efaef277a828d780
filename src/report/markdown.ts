import type { Dossier } from '../dossier/types.js';
import type { Span } from '../annotate/types.js';
import { articleIndex, articleRefs, dateRange, formatNumber, labelSourceOf, originName, publishers, publishersNote, quotesBySpeaker, sideName, storyTitle, writtenAs, MAX_LISTED_FACTS, type ArticleRef } from './labels.js';
import { articleCountLine, citationNote, claimantLine, collapseLine, countOf, evidenceLine, factWhy, independence, joinedGroups, quantityPhrase, quantityReach, reportedQuantities, shownModality, STORY_ANCHORED_NOTE, timelineNote, timelineRows, whyLine, type ArticleName } from './explain.js';
import type { Fact, MatchEvidence } from '../dossier/types.js';
import { markdownDocument, md, withoutMarkupSentinels } from './escape.js';

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
/** Article names in Markdown: "[BBC]" or "[2]", as the HTML chips read; see articleRefs. */
interface MarkdownNames {
  /** The chip in brackets: "[BBC]", "[2]". */
  bracket: ArticleName;
  /** The chip, followed by the label when the chip is only a number: "[BBC]", "[2] kosovo-serbia rferl". */
  named: ArticleName;
  /** Citations of some spans, one per article: "[BBC][2]". */
  cite(spans: Span[]): string;
}

function markdownNames(refs: ReadonlyMap<string, ArticleRef>): MarkdownNames {
  const bracket = (id: string) => md.bracket(refs.get(id)?.chip ?? id);
  return {
    bracket,
    named: (id) => {
      const ref = refs.get(id);
      return ref && ref.chip !== ref.label && !ref.chip.startsWith(`${ref.label} `) ? `${bracket(id)} ${ref.label}` : bracket(id);
    },
    cite: (spans) => [...new Set(spans.map((s) => s.articleId))].map(bracket).join(''),
  };
}

// Markdown renderers pass raw HTML through and read "*", "[...](...)" and the like as markup, so article text such as
// "<script>", "<b>Acme</b>" or "[the port authority](javascript:alert(3))" would become markup when the report is
// viewed. Every line is therefore escaped as text when the document is assembled (markdownDocument), and the report's
// own bold, italics and chips are written with `md` so that they alone survive as markup.

/** "Why matched: <summary> — names: A, B · similarity 0.82", or nothing for older dossiers. */
function whyNote(why: MatchEvidence | undefined): string[] {
  if (!why) return [];
  const line = oneLine(whyLine(why));
  const evidence = evidenceLine(why, line);
  return [`Why matched: ${line}${evidence ? ` — ${evidence}` : ''}`];
}

/** Sub-bullets under a fact: who claims it and how, why its sentences were matched, why sources collapse. */
function factNotes(f: Fact, dossier: Dossier, { bracket }: MarkdownNames): string[] {
  const notes: string[] = [];
  const modality = shownModality(f.modality);
  const claimants = claimantLine(f, bracket);
  const claim = [claimants ? `Claimed by ${claimants}` : '', modality ? `modality: ${modality}` : ''].filter(Boolean).join(' · ');
  if (claim) notes.push(claim);
  notes.push(...whyNote(factWhy(f)));
  const ind = independence(f, dossier, bracket);
  if (ind) {
    notes.push(ind.line);
    if (ind.collapses.length > 1) notes.push(...ind.collapses.map((c) => collapseLine(c, bracket)));
  } else {
    // Several citations on a one-source fact: passages of one article, not several sources.
    const passages = citationNote(f);
    if (passages) notes.push(`${passages}, ${countOf(f.independentSources, 'independent source')}`);
  }
  return notes.map((n) => `  - ${n}`);
}

/**
 * The dossier as Markdown for the terminal or a notes file. Citations read as the HTML chips do, "[BBC]" or
 * "[2]", and the numbered Sources list at the end says which article each one is.
 */
export function renderMarkdown(input: Dossier): string {
  const dossier = withoutMarkupSentinels(input);
  const articles = articleIndex(dossier);
  const refs = articleRefs(dossier);
  const names = markdownNames(refs);
  const { cite } = names;
  // Named publishers of some citations, for the parentheses after a fact or a side ("BBC, AP"), or ''.
  const named = (spans: Span[], before = ' (', after = ')') => {
    const list = publishers(spans, refs);
    return list.length ? `${before}${list.join(', ')}${after}` : '';
  };
  const out: string[] = [];
  out.push(`# ${oneLine(storyTitle(dossier))}`, '');
  const corroboratedCount = dossier.facts.filter((f) => f.independentSources > 1).length;
  out.push(`${articleCountLine(dossier.articles)}, ${dateRange(dossier)}. ${countOf(corroboratedCount, 'corroborated fact')}, ${countOf(dossier.disputes.length, 'dispute')}.`, '');

  out.push('## Summary', '');
  dossier.summary.forEach((s, i) => out.push(`${i + 1}. ${oneLine(s.text)} ${cite(s.sources)}`));
  out.push('');

  if (dossier.disputes.length) {
    out.push('## Disputed', '');
    for (const d of dossier.disputes) {
      out.push(`### ${oneLine(d.about)} (${d.kind})`, '');
      for (const side of d.sides) {
        const who = sideName(side, articles, refs);
        const value = side.value ? ` ${md.strong(oneLine(side.value))}${side.storyAnchored ? ` (${STORY_ANCHORED_NOTE})` : ''} —` : '';
        const via = named(side.sources) === ` (${who})` ? '' : named(side.sources);
        out.push(`- ${md.strong(`${side.stance === 'denial' ? 'Denies' : 'Says'}: ${who}`)}${via} —${value} ${oneLine(side.text)} ${cite(side.sources)}`);
      }
      const why = whyNote(d.why);
      if (why.length) out.push('', ...why.map((w) => md.em(w)));
      out.push('');
    }
  }

  const corroborated = dossier.facts.filter((f) => f.independentSources > 1);
  if (corroborated.length) {
    out.push('## Corroborated', '');
    for (const f of corroborated.slice(0, MAX_LISTED_FACTS)) out.push(`- ${md.strong(`${f.independentSources} independent sources`)}${named(f.sources)}: ${oneLine(f.text)} ${cite(f.sources)}`, ...factNotes(f, dossier, names));
    out.push('');
  }

  const single = dossier.facts.filter((f) => f.independentSources === 1);
  if (single.length) {
    out.push(`## Reported by one source only (${single.length})`, '');
    for (const f of single.slice(0, MAX_LISTED_FACTS)) out.push(`- ${named(f.sources, '', ': ')}${oneLine(f.text)} ${cite(f.sources)}`, ...factNotes(f, dossier, names));
    if (single.length > MAX_LISTED_FACTS) out.push(`- … ${single.length - MAX_LISTED_FACTS} more in the JSON output`);
    out.push('');
  }

  const groups = quotesBySpeaker(dossier);
  if (groups.length) {
    out.push('## Who said what', '');
    for (const g of groups) {
      out.push(`### ${g.speaker}`, '');
      for (const q of g.quotes) out.push(`- ${q.direct ? `“${oneLine(q.text)}”` : `(reported) ${oneLine(q.text)}`} ${cite([q.span])}`);
      out.push('');
    }
  }

  if (dossier.numberChanges.length || dossier.quantities.length) {
    out.push('## Numbers', '');
    for (const c of dossier.numberChanges) {
      out.push(`- ${md.strong(c.values[0] ? writtenAs(articles, c.values[0].span, c.what) : c.what)} changed: ${c.values.map((v) => `${formatNumber(v.value)}${v.date ? ` (${v.date})` : ''}`).join(' → ')} ${cite(c.values.map((v) => v.span))}`);
    }
    const reported = reportedQuantities(dossier.quantities);
    for (const q of reported) {
      const owner = q.owner ? ` (${oneLine(q.owner)})` : '';
      const spans = q.sources?.length ? q.sources : [q.span];
      const phrase = quantityPhrase({ ...q, what: writtenAs(articles, q.span, q.what) }, formatNumber);
      const by = publishersNote(spans, refs);
      out.push(`- ${md.strong(phrase)}${owner} — ${quantityReach(q, articles)}${by ? `: ${by}` : ''} ${cite(spans)}`);
    }
    const counted = new Set(reported);
    // A figure without reach: the words as written, with what happened to them when known.
    for (const q of dossier.quantities) if (!counted.has(q)) out.push(`- ${quantityPhrase({ value: q.value, what: writtenAs(articles, q.span, q.what), event: q.event }, formatNumber)} ${cite([q.span])}`);
    out.push('');
  }

  if (dossier.timeline.length) {
    out.push('## Timeline', '');
    // One bullet per date, each sentence once: a sentence naming two days, or repeated in other words, is explained.
    for (const row of timelineRows(dossier.timeline)) {
      const line = (t: (typeof row.items)[number]) => {
        const why = timelineNote(t);
        return `${oneLine(t.text)}${why ? ` ${md.em(`(${why})`)}` : ''} ${cite(t.sources)}`;
      };
      if (row.items.length === 1) out.push(`- ${md.strong(row.date)}: ${line(row.items[0])}`);
      else out.push(`- ${md.strong(row.date)} (${countOf(row.items.length, 'event')}):`, ...row.items.map((t) => `  - ${line(t)}`));
    }
    out.push('');
  }

  const joined = joinedGroups(dossier);
  if (dossier.sourceGroups?.length) {
    const alone = (dossier.sourceGroups ?? []).filter((g) => g.articles.length === 1).map((g) => g.articles[0]);
    out.push(`## Independent sources (${dossier.sourceGroups!.length})`, '');
    out.push(`${countOf(dossier.articles.length, 'article')}, ${countOf(dossier.sourceGroups!.length, 'independent source')}: articles that copy one another, share a wire credit or come from the same outlet count once.`, '');
    for (const g of joined) {
      out.push(`- ${g.articles.map(names.named).join(', ')} — one source${g.reasons.length ? `: ${g.reasons.join('; ')}` : ''}`);
    }
    if (alone.length) out.push(`- Each on its own: ${alone.map(names.named).join(', ')}`);
    out.push('');
  }

  if (dossier.provenance.length) {
    out.push('## Provenance', '');
    for (const p of dossier.provenance) {
      out.push(`- ${names.named(p.to)} ${p.kind === 'credit' ? 'credits' : p.kind === 'copy' ? 'copies' : 'rewrites'} ${names.named(p.from)} (score ${p.score})`);
    }
    out.push('');
  }

  out.push('## Sources', '');
  for (const a of dossier.articles) {
    const ref = refs.get(a.id)!;
    const removed = a.removed.length ? `; ${countOf(a.removed.length, 'piece of junk', 'pieces of junk')} removed (${[...new Set(a.removed.map((r) => r.reason))].join(', ')})` : '';
    const credits = a.credits.length ? `; wire credits: ${a.credits.map((c) => md.strong(c)).join(', ')}` : '';
    // A wire credit that names the article is said once, as a credit, not also as its outlet.
    const publisher = ref.named && labelSourceOf(a) !== 'credit' ? `${md.strong(ref.label)}${labelSourceOf(a) === 'domain' ? ' (from its URL)' : ''}` : 'outlet not named';
    // Numbered as in the HTML chips; only the file name: an absolute path tells where files sit on this machine.
    out.push(`${ref.n}. ${md.strong(names.bracket(a.id))} ${oneLine(a.title ?? '(no headline)')} — ${publisher}, ${a.publishedAt ?? 'date unknown'}${credits}${removed}. File: ${originName(a.origin)}`);
  }
  if (dossier.problems.length) {
    out.push('', '## Inputs not analysed', '');
    for (const p of dossier.problems) out.push(`- ${originName(p.origin)}: ${p.reason}`);
  }
  return markdownDocument(out) + '\n';
}
