// The dossier as CSV for a spreadsheet: one row per fact, dispute side, reported number and number change,
// so an editor can sort and filter what the story's sources agree and disagree on. Quoting is left to
// csv-stringify (RFC 4180); what is ours is the choice of rows and columns, and keeping article text from
// being read as a spreadsheet formula.
import { stringify } from 'csv-stringify/sync';
import type { Span } from '../annotate/types.js';
import type { Dossier, DossierArticle } from '../dossier/types.js';
import { articleLabel, formatNumber } from './labels.js';
import { quantityPhrase, reportedQuantities } from './explain.js';

/** The columns, in order; the header row names them. */
export const CSV_COLUMNS = [
  'kind',
  'text',
  'independent_sources',
  'articles',
  'outlets',
  'article_ids',
  'first_published',
  'id',
  'about',
  'dispute_kind',
  'stance',
  'value',
  'modality',
  'claimed_by',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/**
 * What a row is: a fact with two or more independent sources, a fact with one, one side of a dispute, a
 * number as reported (with its reach), or one value of a number that changed over time.
 */
export type CsvRowKind = 'corroborated' | 'single-source' | 'disputed-side' | 'quantity' | 'number-change';

/** One row before quoting: numbers stay numbers (a spreadsheet sorts them as such), absent cells are empty. */
export type CsvRow = { kind: CsvRowKind } & Partial<Record<Exclude<CsvColumn, 'kind'>, string | number>>;

/** Separator inside a cell that lists several things (outlets, article ids, names). */
const LIST_SEPARATOR = '; ';

// OWASP "CSV Injection": a cell starting with one of these may be run as a formula (=HYPERLINK(...),
// +cmd|...) by Excel, LibreOffice or Google Sheets. Article text is written by outlets, not by us, so every
// text cell that starts so gets a leading apostrophe, which spreadsheets show as text and do not display.
const FORMULA_START = /^[=+\-@\t\r]/;

/** `value` made safe to open in a spreadsheet: a leading apostrophe when it could start a formula. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The rows of a dossier, in this order: corroborated facts, single-source facts (each in dossier order),
 * every side of every dispute, reported quantities (most widely reported first, as in the reports), then
 * each value of each number change. Cells are not yet neutralised (renderCsv does that).
 */
export function csvRows(dossier: Dossier): CsvRow[] {
  const articles = new Map(dossier.articles.map((a) => [a.id, a]));
  const groupOf = new Map<string, string>();
  for (const group of dossier.sourceGroups ?? []) for (const id of group.articles) groupOf.set(id, group.id);

  const ids = (spans: Span[]) => [...new Set(spans.map((s) => s.articleId))];
  // Independent origins of a set of articles: their source groups when the dossier has them, else the articles.
  const independent = (articleIds: string[]) => new Set(articleIds.map((id) => groupOf.get(id) ?? `article:${id}`)).size;
  const outlets = (articleIds: string[], reportedBy?: string[]) => {
    const names = reportedBy?.length ? reportedBy : articleIds.map((id) => articles.get(id)).filter((a): a is DossierArticle => !!a).map(articleLabel);
    return [...new Set(names)].join(LIST_SEPARATOR);
  };
  const firstPublished = (articleIds: string[]) =>
    articleIds
      .map((id) => articles.get(id)?.publishedAt)
      .filter((d): d is string => !!d)
      .sort()[0] ?? '';
  const reach = (spans: Span[], reportedBy?: string[]) => {
    const list = ids(spans);
    return { articles: list.length, outlets: outlets(list, reportedBy), article_ids: list.join(LIST_SEPARATOR), first_published: firstPublished(list) };
  };

  const rows: CsvRow[] = [];
  const facts = [...dossier.facts.filter((f) => f.independentSources > 1), ...dossier.facts.filter((f) => f.independentSources <= 1)];
  for (const fact of facts) {
    rows.push({
      kind: fact.independentSources > 1 ? 'corroborated' : 'single-source',
      text: oneLine(fact.text),
      independent_sources: fact.independentSources,
      ...reach(fact.sources, fact.reportedBy),
      id: fact.id,
      modality: fact.modality ?? '',
      claimed_by: (fact.claimedBy ?? []).join(LIST_SEPARATOR),
    });
  }
  dossier.disputes.forEach((dispute, i) => {
    for (const side of dispute.sides) {
      rows.push({
        kind: 'disputed-side',
        text: oneLine(side.text),
        independent_sources: independent(ids(side.sources)),
        ...reach(side.sources, side.reportedBy),
        id: `dispute-${i + 1}`,
        about: oneLine(dispute.about),
        dispute_kind: dispute.kind,
        stance: side.stance,
        value: side.value ?? '',
        claimed_by: side.byName ?? '',
      });
    }
  });
  reportedQuantities(dossier.quantities).forEach((quantity, i) => {
    const spans = quantity.sources?.length ? quantity.sources : [quantity.span];
    rows.push({
      kind: 'quantity',
      text: quantityPhrase(quantity, formatNumber),
      independent_sources: quantity.independentSources ?? independent(ids(spans)),
      ...reach(spans, quantity.reportedBy),
      id: `quantity-${i + 1}`,
      about: oneLine(quantity.owner ? `${quantity.what} (${quantity.owner})` : quantity.what),
      value: quantity.value,
    });
  });
  dossier.numberChanges.forEach((change, i) => {
    for (const step of change.values) {
      rows.push({
        kind: 'number-change',
        text: oneLine(`${change.what}: ${formatNumber(step.value)}${step.date ? ` (${step.date})` : ''}`),
        independent_sources: 1,
        ...reach([step.span]),
        id: `change-${i + 1}`,
        about: oneLine(change.what),
        value: step.value,
      });
    }
  });
  return rows;
}

/**
 * The dossier as CSV text (RFC 4180: fields quoted when needed, CRLF line ends), with a UTF-8 byte-order
 * mark so that Excel reads accented names right, and a header row of CSV_COLUMNS. Rows as `csvRows`. Text
 * cells that could start a formula get a leading apostrophe (see neutraliseFormula); numbers are written as
 * numbers. Never throws for a dossier of the contract.
 */
export function renderCsv(dossier: Dossier): string {
  return stringify(csvRows(dossier), {
    bom: true,
    header: true,
    columns: [...CSV_COLUMNS],
    record_delimiter: 'windows',
    cast: { string: (value) => neutraliseFormula(value) },
  });
}
