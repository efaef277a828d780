import type { Span } from '../annotate/types.js';
import type { Dossier, DossierArticle } from '../dossier/types.js';
import { escapeHtml as esc } from './escape.js';
import { articleIndex, articleRefs, dateRange, formatNumber, labelSourceOf, originName, publishers, publishersNote, quotesBySpeaker, sideName, storyTitle, writtenAs, MAX_LISTED_FACTS, type ArticleRef } from './labels.js';
import { PAGE_SCRIPT, PAGE_STYLE } from './html-assets.js';
import { articleCountLine, citationNote, claimantLine, collapseLine, countOf, evidenceParts, factWhy, independence, joinedGroups, quantityPhrase, quantityReach, reportedQuantities, shownModality, STORY_ANCHORED_NOTE, timelineNote, timelineRows, whyLine, type ArticleName } from './explain.js';
import type { Fact, MatchEvidence } from '../dossier/types.js';

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

type Refs = Map<string, ArticleRef>;

/** Hover text of an article's chip: its number, publisher and headline. */
function refTitle(ref: ArticleRef | undefined, article: DossierArticle | undefined): string {
  if (!ref) return '';
  return `${ref.n}. ${ref.label}${article?.title ? ` — ${oneLine(article.title)}` : ''}`;
}

/** Citation chips: the publisher's short name or the article's number, the full name on hover. */
function badges(spans: Span[], articles: Map<string, DossierArticle>, refs: Refs): string {
  return spans
    .map((s) => {
      const ref = refs.get(s.articleId);
      return `<a class="cite" href="#src-${esc(s.articleId)}" data-article="${esc(s.articleId)}" data-start="${s.start}" data-end="${s.end}" title="${esc(refTitle(ref, articles.get(s.articleId)))}">${esc(ref?.chip ?? s.articleId)}</a>`;
    })
    .join('');
}

/** An article named in a sentence: its chip, and its label when the chip is only a number. */
function refChip(id: string, articles: Map<string, DossierArticle>, refs: Refs): string {
  const ref = refs.get(id);
  if (!ref) return `<span class="badge">${esc(id)}</span>`;
  const chip = `<a class="badge" href="#src-${esc(id)}" title="${esc(refTitle(ref, articles.get(id)))}">${esc(ref.chip)}</a>`;
  return ref.chip === ref.label || ref.chip.startsWith(`${ref.label} `) ? chip : `${chip} ${esc(ref.label)}`;
}

/** Why the sentences were matched: the one-line reason, the evidence below it (folded). */
function whyBlock(why: MatchEvidence | undefined): string {
  if (!why) return '';
  const parts = evidenceParts(why)
    .map((p) => `<div><dt>${esc(p.label)}</dt><dd>${esc(p.values.join(', '))}</dd></div>`)
    .join('');
  const line = `<span class="label">Why matched:</span> ${esc(oneLine(whyLine(why)))}`;
  return parts ? `<details class="why"><summary>${line}</summary><dl>${parts}</dl></details>` : `<p class="why">${line}</p>`;
}

/** Under a fact: who claims it and how, why it was matched, and why some of its articles count once. */
function factNotes(f: Fact, dossier: Dossier, name: ArticleName): string {
  const notes: string[] = [];
  const modality = shownModality(f.modality);
  if (f.claimedBy?.length || modality) {
    const claimants = claimantLine(f, name);
    const who = claimants ? `<span class="label">Claimed by</span> ${esc(claimants)}` : '';
    const how = modality ? `<span class="modality">${esc(modality)}</span>` : '';
    notes.push(`<p class="claimant">${[who, how].filter(Boolean).join(' ')}</p>`);
  }
  notes.push(whyBlock(factWhy(f)));
  const ind = independence(f, dossier, name);
  if (ind) {
    const detail = ind.collapses.length > 1 ? `<ul>${ind.collapses.map((c) => `<li>${esc(collapseLine(c, name))}</li>`).join('')}</ul>` : '';
    notes.push(`<div class="indep"><span class="label">Independence:</span> ${esc(ind.line)}${detail}</div>`);
  } else {
    // Several chips on a one-source fact: they are passages of one article, not several sources.
    const passages = citationNote(f);
    if (passages) notes.push(`<div class="indep"><span class="label">Independence:</span> ${esc(passages)}, ${esc(countOf(f.independentSources, 'independent source'))}</div>`);
  }
  const body = notes.filter(Boolean).join('');
  return body ? `<div class="notes">${body}</div>` : '';
}

/**
 * An article's text cut at every cited offset, so a click on any citation can highlight exactly the
 * cited characters; removed junk is listed struck through below it.
 */
function sourceText(article: DossierArticle, cuts: Set<number>): string {
  const points = new Set(cuts);
  for (const m of article.text.matchAll(/\n\n/g)) points.add(m.index!).add(m.index! + 2);
  const sorted = [...points].filter((p) => p > 0 && p < article.text.length).sort((a, b) => a - b);
  const pieces: string[] = [];
  let last = 0;
  for (const p of [...sorted, article.text.length]) {
    if (p <= last) continue;
    const piece = article.text.slice(last, p);
    pieces.push(piece === '\n\n' ? '</p><p>' : `<span data-s="${last}" data-e="${p}">${esc(piece).replace(/\n/g, '<br>')}</span>`);
    last = p;
  }
  return `<p>${pieces.join('')}</p>`;
}

/** One self-contained HTML page (inline style and script, no network): all article text escaped. */
export function renderHtml(dossier: Dossier): string {
  const articles = articleIndex(dossier);
  const refs = articleRefs(dossier);
  // In sentences, an article is named as its chip reads, so "1, 3 and 4 count as one source" matches the chips.
  const name: ArticleName = (id) => refs.get(id)?.chip ?? id;
  const cuts = new Map<string, Set<number>>(dossier.articles.map((a) => [a.id, new Set<number>()]));
  const note = (spans: Span[]) => {
    for (const s of spans) cuts.get(s.articleId)?.add(s.start).add(s.end);
    return badges(spans, articles, refs);
  };
  const title = oneLine(storyTitle(dossier));
  const corroborated = dossier.facts.filter((f) => f.independentSources > 1);
  const single = dossier.facts.filter((f) => f.independentSources === 1);

  const summary = dossier.summary.map((s) => `<li>${esc(oneLine(s.text))} ${note(s.sources)}</li>`).join('');

  const disputes = dossier.disputes
    .map((d) => {
      const column = (stance: 'claim' | 'denial', sides = d.sides) =>
        sides
          .filter((s) => s.stance === stance)
          .map((s) => {
            const value = s.value ? `<div class="value">${esc(oneLine(s.value))}${s.storyAnchored ? ` <small>(${esc(STORY_ANCHORED_NOTE)})</small>` : ''}</div>` : '';
            const outlets = publishers(s.sources, refs);
            const who = sideName(s, articles, refs);
            const via = outlets.length && !(outlets.length === 1 && outlets[0] === who) ? ` <span class="via">via ${esc(outlets.join(', '))}</span>` : '';
            return `<div class="side ${stance}">${value}<div class="who">${esc(who)}${via}</div><p>${esc(oneLine(s.text))}</p>${note(s.sources)}</div>`;
          })
          .join('');
      const claims = column('claim');
      const denials = column('denial');
      // Number, date and place disputes: one column per version, so the values read across.
      const versions = d.kind !== 'denial' && !denials && d.sides.length > 1 ? d.sides.map((s, i) => `<div><h4>Version ${i + 1}</h4>${column('claim', [s])}</div>`).join('') : '';
      const body = versions || `<div><h4>${d.kind === 'denial' ? 'Says' : 'Reports'}</h4>${claims}</div>${denials ? `<div><h4>Denies</h4>${denials}</div>` : ''}`;
      return `<article class="dispute"><h3>${esc(oneLine(d.about))} <span class="kind">${esc(d.kind)}</span></h3><div class="sides">${body}</div>${whyBlock(d.why)}</article>`;
    })
    .join('');

  const grid = coverageGrid(dossier, corroborated.slice(0, MAX_LISTED_FACTS), refs);
  const factItems = (list: Dossier['facts']) =>
    list.slice(0, MAX_LISTED_FACTS).map((f) => `<li><span class="count" title="independent sources">${f.independentSources}</span> ${esc(oneLine(f.text))} ${note(f.sources)}${factNotes(f, dossier, name)}</li>`).join('');

  const quotes = quotesBySpeaker(dossier)
    .map((g) => `<section class="speaker"><h3>${esc(g.speaker)}</h3><ul>${g.quotes.map((q) => `<li${q.direct ? '' : ' class="reported"'}>${q.direct ? '“' : '<small>reported:</small> '}${esc(oneLine(q.text))}${q.direct ? '”' : ''} ${note([q.span])}</li>`).join('')}</ul></section>`)
    .join('');

  const changes = dossier.numberChanges
    .map((c) => `<li><strong>${esc(c.values[0] ? writtenAs(articles, c.values[0].span, c.what) : c.what)}</strong>: ${c.values.map((v) => `${esc(formatNumber(v.value))}${v.date ? ` <small>${esc(v.date)}</small>` : ''}`).join(' → ')} ${note(c.values.map((v) => v.span))}</li>`)
    .join('');
  const reported = reportedQuantities(dossier.quantities);
  const reportedSet = new Set(reported);
  const figures = reported
    .map((q) => {
      const owner = q.owner ? ` <span class="owner">${esc(oneLine(q.owner))}</span>` : '';
      const spans = q.sources?.length ? q.sources : [q.span];
      const outlets = publishersNote(spans, refs);
      const by = outlets ? ` <small>${esc(outlets)}</small>` : '';
      const phrase = quantityPhrase({ ...q, what: writtenAs(articles, q.span, q.what) }, formatNumber);
      return `<li><strong>${esc(phrase)}</strong>${owner} — <span class="reach">${esc(quantityReach(q, articles))}</span>${by} ${note(spans)}</li>`;
    })
    .join('');
  const quantities = dossier.quantities
    .filter((q) => !reportedSet.has(q))
    // A figure without reach: the words as written, with what happened to them when known.
    .map((q) => `<li>${esc(quantityPhrase({ value: q.value, what: writtenAs(articles, q.span, q.what), event: q.event }, formatNumber))} ${note([q.span])}</li>`)
    .join('');

  const timeline = timelineRows(dossier.timeline)
    .map((row) => {
      const items = row.items.map((t) => {
        const why = timelineNote(t);
        return `<li>${esc(oneLine(t.text))}${why ? ` <small class="tnote">(${esc(why)})</small>` : ''} ${note(t.sources)}</li>`;
      });
      return `<li><time>${esc(row.date)}</time>${items.length > 1 ? ` <small>${esc(countOf(items.length, 'event'))}</small>` : ''}<ul>${items.join('')}</ul></li>`;
    })
    .join('');

  const label = (id: string) => refChip(id, articles, refs);
  const groups = joinedGroups(dossier)
    .map((g) => `<li><div class="members">${g.articles.map(label).join(' ')}</div><div>count as one source${g.reasons.length ? `: ${esc(g.reasons.join('; '))}` : ''}</div></li>`)
    .join('');
  const alone = (dossier.sourceGroups ?? []).filter((g) => g.articles.length === 1).map((g) => label(g.articles[0]));
  const independent = dossier.sourceGroups?.length
    ? `<p>${esc(countOf(dossier.articles.length, 'article'))}, ${esc(countOf(dossier.sourceGroups!.length, 'independent source'))}: articles that copy one another, share a wire credit or come from the same outlet count once.</p><ul class="groups">${groups}${alone.length ? `<li><div class="members">${alone.join(' ')}</div><div>each on its own</div></li>` : ''}</ul>`
    : '';

  const provenance = dossier.provenance
    .map((p) => `<li>${label(p.to)} <strong>${p.kind === 'credit' ? 'credits' : p.kind === 'copy' ? 'copies' : 'rewrites'}</strong> ${label(p.from)} <small>score ${p.score}</small></li>`)
    .join('');

  // Built here, before the sources: their citations must register cut points too.
  const corroboratedItems = factItems(corroborated);
  const singleItems = factItems(single);

  // Sources last: every citation above has registered its offsets as cut points.
  const sources = dossier.articles
    .map((a) => {
      const ref = refs.get(a.id)!;
      const removed = a.removed.map((r) => `<li><del>${esc(oneLine(r.text))}</del> <small>${esc(r.reason)}</small></li>`).join('');
      const credits = a.credits.map((c) => `<span class="credit" title="wire credit">${esc(c)}</span>`).join(' ');
      // A wire credit that names the article is shown once, as a credit label, not also as its outlet.
      const source = labelSourceOf(a);
      const publisher = ref.named && source !== 'credit' ? `<strong>${esc(ref.label)}</strong>${source === 'domain' ? ' <small>(from its URL)</small>' : ''}` : '<span>outlet not named</span>';
      const meta = [publisher, esc(a.publishedAt ?? 'date unknown'), credits ? `wire credits ${credits}` : '', `<span class="file">${esc(originName(a.origin))}</span>`].filter(Boolean).join(' · ');
      const junk = countOf(a.removed.length, 'removed piece');
      return `<article class="source" id="src-${esc(a.id)}" data-article="${esc(a.id)}"><h3><span class="badge" title="${esc(ref.label)}">${esc(ref.chip)}</span> ${esc(oneLine(a.title ?? '(no headline)'))}</h3><div class="meta">${meta}</div><div class="text">${sourceText(a, cuts.get(a.id)!)}</div>${removed ? `<details><summary>${esc(junk)}</summary><ul class="removed">${removed}</ul></details>` : ''}</article>`;
    })
    .join('');

  const section = (id: string, heading: string, body: string) => (body ? `<section id="${id}"><h2>${heading}</h2>${body}</section>` : '');
  const counts = [articleCountLine(dossier.articles), dateRange(dossier)].join(', ');
  const tally = [countOf(corroborated.length, 'corroborated fact'), countOf(dossier.disputes.length, 'dispute'), countOf(single.length, 'single-source fact')].join(' · ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} — Triangulate dossier</title><style>${PAGE_STYLE}</style></head>
<body><header><h1>${esc(title)}</h1><p>${esc(counts)} · ${esc(tally)}</p></header>
<main><div class="analysis">
${section('summary', 'Summary', summary ? `<ol>${summary}</ol>` : '')}
${section('disputes', 'Disputed', disputes)}
${section('corroborated', 'Corroborated', corroborated.length ? `${grid}<ul class="facts">${corroboratedItems}</ul>` : '')}
${section('single', `Reported by one source only (${single.length})`, single.length ? `<ul class="facts">${singleItems}</ul>` : '')}
${section('quotes', 'Who said what', quotes)}
${section('numbers', 'Numbers', changes || figures || quantities ? `${changes ? `<ul class="changes">${changes}</ul>` : ''}${figures ? `<ul class="figures">${figures}</ul>` : ''}${quantities ? `<ul>${quantities}</ul>` : ''}` : '')}
${section('timeline', 'Timeline', timeline ? `<ol class="timeline">${timeline}</ol>` : '')}
${section('independence', 'Independent sources', independent)}
${section('provenance', 'Provenance', provenance ? `<ul>${provenance}</ul>` : '')}
</div><aside class="sources"><h2>Sources</h2>${sources}</aside></main>
<script>${PAGE_SCRIPT}</script></body></html>
`;
}

/** Which source reports which corroborated fact, as a grid people can scan at a glance; it scrolls in its own box. */
function coverageGrid(dossier: Dossier, facts: Dossier['facts'], refs: Refs): string {
  if (facts.length === 0) return '';
  const head = dossier.articles.map((a) => `<th title="${esc(refs.get(a.id)!.label)}">${esc(refs.get(a.id)!.chip)}</th>`).join('');
  const rows = facts
    .map((f) => {
      const present = new Set(f.sources.map((s) => s.articleId));
      const cells = dossier.articles.map((a) => `<td class="${present.has(a.id) ? 'on' : ''}">${present.has(a.id) ? '●' : ''}</td>`).join('');
      return `<tr><th scope="row" title="${esc(oneLine(f.text))}">${esc(f.id)}</th>${cells}</tr>`;
    })
    .join('');
  return `<div class="scroll"><table class="grid" aria-label="sources by corroborated facts"><thead><tr><th></th>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}
