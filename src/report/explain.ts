// Plain-text explanations shared by the Markdown and HTML reports and the web UI: why sentences were
// matched, why several articles count as one independent source, and corroborated quantities.
// Pure: type-only imports and the pure outlets module, so the web bundle can use it without pulling in the pipeline.
import type { Dossier, DossierArticle, DossierQuantity, Fact, MatchEvidence, SourceGroup, TimelineEntry } from '../dossier/types.js';
import { labelOf, labelSourceOf } from '../dossier/outlets.js';

/** How an article is named in an explanation: "[002]" in Markdown, "002" in HTML, "Source 2" in the UI. */
export type ArticleName = (articleId: string) => string;

const plain: ArticleName = (id) => id;

/** "1 article", "2 articles"; irregular plurals given: countOf(n, 'piece of junk', 'pieces of junk'). */
export function countOf(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;
}

/** "a", "a and b", "a, b and c". */
export function listing(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------------
// Why the sentences were matched

export interface EvidencePart {
  label: string;
  values: string[];
}

/** The matcher's evidence as labelled lists (empty lists left out), similarity last. */
export function evidenceParts(why: MatchEvidence): EvidencePart[] {
  const parts: EvidencePart[] = [
    { label: 'Same names', values: why.sharedEntities ?? [] },
    { label: 'Same numbers', values: why.sharedNumbers ?? [] },
    { label: 'Same dates', values: why.sharedDates ?? [] },
    { label: 'Same actions', values: why.sharedPredicates ?? [] },
  ].filter((p) => p.values.length > 0);
  if (typeof why.similarity === 'number' && Number.isFinite(why.similarity)) parts.push({ label: 'Similarity', values: [formatSimilarity(why.similarity)] });
  return parts;
}

export function formatSimilarity(value: number): string {
  return value.toFixed(2);
}

/** The one-line reason: the matcher's own summary, else one built from the evidence. */
export function whyLine(why: MatchEvidence): string {
  const summary = why.summary?.replace(/\s+/g, ' ').trim();
  if (summary) return summary;
  return evidenceParts(why)
    .map((p) => `${p.label.toLowerCase()} ${p.values.join(', ')}`)
    .join('; ');
}

/** A fact's match evidence when there is a match to explain: a fact cited once was matched to nothing. */
export function factWhy(fact: Pick<Fact, 'why' | 'sources'>): MatchEvidence | undefined {
  return fact.sources.length > 1 ? fact.why : undefined;
}

/**
 * The evidence in one line: "names: Kosovo, Serbia · numbers: 3 attacker (kill) · similarity 0.82"; parts
 * already spelled out in `besides` (the summary line shown next to it) are left out.
 */
export function evidenceLine(why: MatchEvidence, besides = ''): string {
  const said = besides.toLowerCase();
  return evidenceParts(why)
    .filter((p) => !said || !p.values.every((v) => said.includes(v.toLowerCase())))
    .map((p) => (p.label === 'Similarity' ? `similarity ${p.values[0]}` : `${p.label.replace(/^Same /, '')}: ${p.values.join(', ')}`))
    .join(' · ');
}

// ---------------------------------------------------------------------------------------------------
// Independence: why several articles count as one source

export interface Collapse {
  /** The fact's articles that count as one source (at least two), in source order. */
  articles: string[];
  /** Why they were joined ("shared wire credit AP", "002 copies 004", "same outlet BBC"); may be empty. */
  reasons: string[];
}

export interface Independence {
  /** Distinct articles among the sources. */
  articles: number;
  independent: number;
  collapses: Collapse[];
  /** "3 articles, 1 independent source: shared wire credit AP (002, 003, 004)". */
  line: string;
}

/** Distinct article ids of some spans, in first-cited order. */
export function articlesOf(spans: { articleId: string }[]): string[] {
  return [...new Set(spans.map((s) => s.articleId))];
}

/**
 * Why a fact has fewer independent sources than articles, or null when every article is independent.
 * Uses Dossier.sourceGroups; for older dossiers without them, provenance links and shared outlets among
 * the fact's own articles.
 */
export function independence(fact: Pick<Fact, 'sources' | 'independentSources' | 'sourceGroups'>, dossier: Pick<Dossier, 'sourceGroups' | 'provenance' | 'articles'>, name: ArticleName = plain): Independence | null {
  const ids = articlesOf(fact.sources);
  if (ids.length <= fact.independentSources) return null;
  const collapses = dossier.sourceGroups?.length ? collapsesFromGroups(ids, fact.sourceGroups, dossier.sourceGroups) : collapsesFromProvenance(ids, dossier, name);
  const because = collapses.map((c) => `${c.reasons.length ? c.reasons.join('; ') : 'counted as one'} (${c.articles.map(name).join(', ')})`);
  const line = `${countOf(ids.length, 'article')}, ${countOf(fact.independentSources, 'independent source')}${because.length ? `: ${because.join('; ')}` : ''}`;
  return { articles: ids.length, independent: fact.independentSources, collapses, line };
}

/** One collapse as a sentence: "002, 003 and 004 count as one source: shared wire credit AP". */
export function collapseLine(collapse: Collapse, name: ArticleName = plain): string {
  return `${listing(collapse.articles.map(name))} count as one source${collapse.reasons.length ? `: ${collapse.reasons.join('; ')}` : ''}`;
}

function collapsesFromGroups(ids: string[], factGroups: string[] | undefined, groups: SourceGroup[]): Collapse[] {
  const preferred = factGroups ? groups.filter((g) => factGroups.includes(g.id)) : [];
  const byArticle = new Map<string, SourceGroup>();
  for (const g of [...groups, ...preferred]) for (const a of g.articles) byArticle.set(a, g);
  const members = new Map<SourceGroup, string[]>();
  for (const id of ids) {
    const g = byArticle.get(id);
    if (g) members.set(g, [...(members.get(g) ?? []), id]);
  }
  return [...members.entries()].filter(([, list]) => list.length > 1).map(([g, list]) => ({ articles: list, reasons: [...g.reasons] }));
}

function collapsesFromProvenance(ids: string[], dossier: Pick<Dossier, 'provenance' | 'articles'>, name: ArticleName): Collapse[] {
  const inFact = new Set(ids);
  const parent = new Map(ids.map((id) => [id, id]));
  const find = (id: string): string => {
    while (parent.get(id) !== id) id = parent.get(id)!;
    return id;
  };
  const reasons = new Map<string, string[]>();
  const join = (a: string, b: string, reason: string) => {
    const [ra, rb] = [find(a), find(b)];
    const merged = [...(reasons.get(ra) ?? []), ...(ra === rb ? [] : reasons.get(rb) ?? []), reason];
    parent.set(rb, ra);
    reasons.set(ra, [...new Set(merged)]);
  };
  for (const p of dossier.provenance) {
    if (!inFact.has(p.from) || !inFact.has(p.to)) continue;
    join(p.from, p.to, `${name(p.to)} ${p.kind === 'credit' ? 'credits' : p.kind === 'copy' ? 'copies' : 'rewrites'} ${name(p.from)}`);
  }
  const byOutlet = new Map<string, string>();
  const articles = new Map<string, DossierArticle>(dossier.articles.map((a) => [a.id, a]));
  for (const id of ids) {
    const outlet = articles.get(id)?.outlet;
    if (!outlet) continue;
    const first = byOutlet.get(outlet.toLowerCase());
    if (first) join(first, id, `same outlet ${outlet}`);
    else byOutlet.set(outlet.toLowerCase(), id);
  }
  const members = new Map<string, string[]>();
  for (const id of ids) members.set(find(id), [...(members.get(find(id)) ?? []), id]);
  return [...members.entries()].filter(([, list]) => list.length > 1).map(([root, list]) => ({ articles: list, reasons: reasons.get(root) ?? [] }));
}

/** Source groups of more than one article: the ones a reader needs explained. */
export function joinedGroups(dossier: Pick<Dossier, 'sourceGroups'>): SourceGroup[] {
  return (dossier.sourceGroups ?? []).filter((g) => g.articles.length > 1);
}

// ---------------------------------------------------------------------------------------------------
// Quantities reported by several articles

const IRREGULAR_PLURALS: Record<string, string> = { person: 'people', man: 'men', woman: 'women', child: 'children', policeman: 'policemen', policewoman: 'policewomen' };
const UNCOUNTED = new Set(['percent', 'people', 'police', 'personnel', 'staff', 'troops', 'aircraft', 'sheep', 'cattle', 'fish', 'crew', 'militia']);
const IRREGULAR_PARTICIPLES: Record<string, string> = {
  shoot: 'shot', hit: 'hit', send: 'sent', lose: 'lost', take: 'taken', hold: 'held', fight: 'fought', flee: 'fled', leave: 'left',
  find: 'found', bring: 'brought', build: 'built', put: 'put', set: 'set', give: 'given', steal: 'stolen', drive: 'driven', fall: 'fallen',
  keep: 'kept', catch: 'caught', sell: 'sold', buy: 'bought', win: 'won', begin: 'begun', see: 'seen', beat: 'beaten', hurt: 'hurt', cut: 'cut',
  make: 'made', say: 'said', tell: 'told', pay: 'paid', meet: 'met', lead: 'led', spend: 'spent', lay: 'laid', shut: 'shut', spread: 'spread',
  go: 'gone', come: 'come', run: 'run', write: 'written', throw: 'thrown', break: 'broken', choose: 'chosen', strike: 'struck', hide: 'hidden',
  fly: 'flown', grow: 'grown', know: 'known', show: 'shown', draw: 'drawn', ride: 'ridden', rise: 'risen', bear: 'borne', swear: 'sworn',
  sink: 'sunk', seek: 'sought', teach: 'taught', think: 'thought', feed: 'fed', bind: 'bound', bleed: 'bled', dig: 'dug',
  // A count of people "missing" is a state, never something "missed": the label keeps the word news uses.
  miss: 'missing',
};
/** Verbs that say nothing about what happened to the counted thing ("14 crews had"): left out of the phrase. */
const EMPTY_EVENTS = new Set(['be', 'have', 'do', 'get', 'include', 'consist', 'comprise', 'number', 'total']);

function pluralNoun(noun: string): string {
  const words = noun.split(' ');
  const last = words.pop()!;
  const lower = last.toLowerCase();
  let plural: string;
  if (UNCOUNTED.has(lower) || UNCOUNTED.has(noun.toLowerCase())) plural = last;
  else if (IRREGULAR_PLURALS[lower]) plural = IRREGULAR_PLURALS[lower];
  else if (/(s|x|z|ch|sh)$/i.test(last)) plural = /s$/i.test(last) && !/ss$/i.test(last) ? last : `${last}es`;
  else if (/[^aeiou]y$/i.test(last)) plural = `${last.slice(0, -1)}ies`;
  else plural = `${last}s`;
  return [...words, plural].join(' ');
}

/** "kill" -> "killed", "deploy" -> "deployed", "shoot" -> "shot"; other words as given. */
export function pastParticiple(lemma: string): string {
  const word = lemma.trim().toLowerCase();
  if (!/^[a-z]+$/.test(word)) return lemma.trim();
  if (IRREGULAR_PARTICIPLES[word]) return IRREGULAR_PARTICIPLES[word];
  if (word.endsWith('e')) return `${word}d`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ied`;
  if (/^[^aeiou]*[aeiou][bdgmnpt]$/.test(word)) return `${word}${word.at(-1)}ed`; // stop -> stopped
  return `${word}ed`;
}

/** Quantities reported by one or more articles with their reach (sources / reportedBy present). */
export function reportedQuantities<Q extends DossierQuantity>(quantities: Q[]): Q[] {
  return quantities
    .filter((q) => (q.sources?.length ?? 0) > 0 || (q.reportedBy?.length ?? 0) > 0)
    .sort((a, b) => (b.independentSources ?? 0) - (a.independentSources ?? 0) || (b.sources?.length ?? 0) - (a.sources?.length ?? 0));
}

/** "3 attackers killed" from value, kind and event; the words as written when the kind is unknown. */
export function quantityPhrase(q: Pick<DossierQuantity, 'value' | 'what' | 'kind' | 'event'>, formatNumber: (n: number) => string): string {
  const thing = q.kind ? (q.value === 1 ? q.kind : pluralNoun(q.kind)) : q.what;
  const event = q.event && !EMPTY_EVENTS.has(q.event.trim().toLowerCase()) ? pastParticiple(q.event) : '';
  return [formatNumber(q.value), thing, event].filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * "4 outlets, 3 independent": how widely the same value was reported. Given the dossier's articles, it
 * counts articles instead when some of them name no outlet (reportedBy then holds file names).
 */
export function quantityReach(q: Pick<DossierQuantity, 'sources' | 'reportedBy' | 'independentSources'>, articles?: ReadonlyMap<string, Pick<DossierArticle, 'outlet'>>): string {
  const named = !articles || namedOutlets(q.sources ?? [], articles);
  const outlets = named && q.reportedBy?.length ? new Set(q.reportedBy).size : 0;
  const count = articlesOf(q.sources ?? []).length;
  const reach = outlets ? countOf(outlets, 'outlet') : countOf(Math.max(count, 1), 'article');
  return q.independentSources !== undefined ? `${reach}, ${q.independentSources.toLocaleString('en-US')} independent` : reach;
}

/** True when every cited article names its outlet, so a reportedBy list is outlets rather than file names. */
export function namedOutlets(spans: { articleId: string }[], articles: ReadonlyMap<string, Pick<DossierArticle, 'outlet'>>): boolean {
  return spans.length > 0 && spans.every((s) => !!articles.get(s.articleId)?.outlet);
}

/** The modality worth showing: "asserted" is the plain default voice and is left out. */
export function shownModality(modality: string | undefined): string | undefined {
  return modality && modality !== 'asserted' ? modality : undefined;
}

/** Said beside a disputed date that rests on a date borrowed from the story ("on Sunday" in an undated article). */
export const STORY_ANCHORED_NOTE = "relative date placed using the story's publication date";

// ---------------------------------------------------------------------------------------------------
// Who published the story's articles

/**
 * The story's size in articles and outlets, counting distinct outlets only where they are named:
 * "5 articles, outlets not named", "3 articles from 3 outlets", "5 articles from 3 outlets and 2 unnamed".
 * A URL domain names the publisher; a wire credit names who wrote the copy, not who published it (a DW page
 * credited "AP, AFP, dpa, Reuters" is not four outlets), and a file name names nothing: both count as unnamed.
 */
export function articleCountLine(articles: Pick<DossierArticle, 'outlet' | 'credits' | 'url' | 'origin' | 'label' | 'labelSource'>[]): string {
  const total = countOf(articles.length, 'article');
  const named = articles.filter((a) => labelSourceOf(a) === 'outlet' || labelSourceOf(a) === 'domain');
  const outlets = new Set(named.map((a) => labelOf(a).toLowerCase())).size;
  const unnamed = articles.length - named.length;
  if (articles.length === 0) return total;
  if (outlets === 0) return `${total}, outlets not named`;
  return `${total} from ${countOf(outlets, 'outlet')}${unnamed ? ` and ${unnamed.toLocaleString('en-US')} unnamed` : ''}`;
}

/**
 * Why a fact that carries several citations is still "one source": its passages come from one article, or
 * its articles form one source group. Null when the citations are as many as the independent sources.
 */
export function citationNote(fact: Pick<Fact, 'sources' | 'independentSources'>): string | null {
  const ids = articlesOf(fact.sources);
  if (fact.sources.length <= ids.length) return null;
  if (ids.length === 1) return `${countOf(fact.sources.length, 'passage')} of the same article`;
  return `${countOf(fact.sources.length, 'passage')} in ${countOf(ids.length, 'article')}`;
}

// ---------------------------------------------------------------------------------------------------
// The timeline without repeats

export interface TimelineItem {
  text: string;
  sources: TimelineEntry['sources'];
  storyAnchored: boolean;
  /** Other dates the same sentence was placed on ("wrote Friday ... met today"): shown once, explained. */
  alsoDated: string[];
  /** How many timeline entries were merged into this one (1 when none). */
  merged: number;
}

export interface TimelineRow {
  date: string;
  items: TimelineItem[];
}

const timelineKey = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').replace(/[\s.,;:!?"'“”’]+$/g, '').trim();
type TimelineSpan = TimelineEntry['sources'][number];
const sameSpans = (a: TimelineSpan[], b: TimelineSpan[]) => a.length === b.length && a.every((x) => b.some((y) => x.articleId === y.articleId && x.start === y.start && x.end === y.end));

/**
 * The timeline grouped by date, each sentence once: a sentence placed on two dates (it names two days) is
 * kept at its first date with the other listed in alsoDated, and within one date an entry whose words
 * contain another's ("since Kosovo declared independence from Serbia in 2008, ...") joins it.
 */
export function timelineRows(timeline: TimelineEntry[]): TimelineRow[] {
  const items: (TimelineItem & { date: string; key: string })[] = [];
  for (const entry of timeline) {
    const key = timelineKey(entry.text);
    // The same words (not merely overlapping ones: "started in May, peaked last week" holds two events).
    const earlier = items.find((i) => i.date !== entry.date && (i.key === key || sameSpans(i.sources, entry.sources)));
    if (earlier) {
      if (!earlier.alsoDated.includes(entry.date)) earlier.alsoDated.push(entry.date);
      continue;
    }
    const sameDay = items.find((i) => i.date === entry.date && key.length > 0 && (i.key.includes(key) || key.includes(i.key)));
    if (sameDay) {
      // The shorter wording is the event itself; the longer one adds context around it.
      if (key.length < sameDay.key.length) Object.assign(sameDay, { text: entry.text, key, sources: [...entry.sources, ...sameDay.sources] });
      else sameDay.sources = [...sameDay.sources, ...entry.sources];
      sameDay.storyAnchored = sameDay.storyAnchored && !!entry.storyAnchored;
      sameDay.merged++;
      continue;
    }
    items.push({ date: entry.date, key, text: entry.text, sources: [...entry.sources], storyAnchored: !!entry.storyAnchored, alsoDated: [], merged: 1 });
  }
  const rows: TimelineRow[] = [];
  for (const { date, key: _key, ...item } of items) {
    const row = rows.find((r) => r.date === date) ?? rows[rows.push({ date, items: [] }) - 1];
    row.items.push(item);
  }
  return rows;
}

/** The note beside a merged or repeated timeline sentence, or '' when there is nothing to explain. */
export function timelineNote(item: Pick<TimelineItem, 'alsoDated' | 'merged' | 'storyAnchored'>): string {
  const notes: string[] = [];
  if (item.storyAnchored) notes.push("placed using the story's publication date");
  if (item.alsoDated.length) notes.push(`the same sentence also gives ${listing(item.alsoDated)}`);
  if (item.merged > 1) notes.push(`${countOf(item.merged, 'entry', 'entries')} saying the same, merged`);
  return notes.join('; ');
}

/**
 * "White House (in [2])": who a fact is claimed by, and, when some of its articles state it in their own voice,
 * which articles give each speaker (`name` writes an article's chip). Empty when nobody is named. Dossiers
 * without `attributions` (older ones) give the names alone.
 */
export function claimantLine(f: Pick<Fact, 'claimedBy' | 'attributions' | 'sources'>, name: ArticleName): string {
  if (!f.claimedBy?.length) return '';
  const articles = new Set(f.sources.map((s) => s.articleId));
  if (!f.attributions?.length) return f.claimedBy.join(', ');
  return f.attributions
    .map((a) => {
      if (a.articleIds.length === articles.size) return a.speaker;
      // Chips in brackets sit side by side ("[1][3]"); plain names need commas.
      const refs = a.articleIds.map(name);
      return `${a.speaker} (in ${refs.join(refs.every((r) => r.startsWith('[') && r.endsWith(']')) ? '' : ', ')})`;
    })
    .join(', ');
}
