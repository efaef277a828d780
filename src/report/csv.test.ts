// The CSV export: parsed back with a CSV parser it gives one row per fact, dispute side, quantity and number
// change with the documented columns, and no cell can start a spreadsheet formula.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import type { Dossier } from '../dossier/types.js';
import type { Span } from '../annotate/types.js';
import { CSV_COLUMNS, neutraliseFormula, renderCsv } from './csv.js';

const TEXTS: Record<string, string> = {
  a1: 'Fire destroyed the Halden Grain warehouse on Tuesday, officials said. Some 14 crews fought the blaze.',
  a2: 'Fire destroyed the Halden Grain warehouse on Tuesday. "We were never warned", said Jo Berg, "really".',
  a3: '=HYPERLINK("http://evil.example","click") Fire destroyed the Halden Grain warehouse on Tuesday. About 16 crews came.',
};

function span(articleId: string, phrase: string): Span {
  const start = TEXTS[articleId].indexOf(phrase);
  if (start < 0) throw new Error(`${phrase} not in ${articleId}`);
  return { articleId, start, end: start + phrase.length };
}

const article = (id: string, outlet: string | null, publishedAt: string | null) => ({
  id,
  origin: `/seeds/${id}.txt`,
  outlet,
  title: `Story ${id}`,
  publishedAt,
  credits: [],
  text: TEXTS[id],
  removed: [],
  url: null,
  byline: null,
  diagnostics: [],
});

const DESTROYED = 'Fire destroyed the Halden Grain warehouse on Tuesday';
const INJECTED = '=HYPERLINK("http://evil.example","click")';

function dossier(): Dossier {
  return {
    schemaVersion: '1',
    generatedAt: '2025-03-12T00:00:00Z',
    articles: [article('a1', 'Harbour Gazette', '2025-03-11'), article('a2', 'Northern, Wire', '2025-03-10T08:00:00Z'), article('a3', '@Coast News', null)],
    entities: [],
    quotes: [],
    quantities: [
      {
        value: 14,
        what: 'crews',
        span: span('a1', '14'),
        sources: [span('a1', '14')],
        independentSources: 1,
        reportedBy: ['Harbour Gazette'],
      },
      // Never reported with a reach: the reports leave it out, and so does the CSV.
      { value: 3, what: 'doors', span: span('a1', 'Some') },
    ],
    numberChanges: [{ what: 'crews', values: [{ value: 14, date: '2025-03-11', span: span('a1', '14') }, { value: -16, date: null, span: span('a3', '16') }] }],
    timeline: [],
    facts: [
      {
        id: 'f1',
        text: DESTROYED,
        sources: ['a1', 'a2', 'a3'].map((id) => span(id, DESTROYED)),
        independentSources: 3,
        reportedBy: ['Harbour Gazette', 'Northern, Wire', '@Coast News'],
        modality: 'reported',
      },
      {
        id: 'f2',
        text: '"We were never warned", said Jo Berg,\n"really".',
        sources: [span('a2', '"We were never warned"')],
        independentSources: 1,
        reportedBy: ['Northern, Wire'],
        claimedBy: ['Jo Berg'],
      },
      { id: 'f3', text: INJECTED, sources: [span('a3', INJECTED)], independentSources: 1, reportedBy: ['@Coast News'] },
    ],
    sourceGroups: [
      { id: 'g1', articles: ['a1'], reasons: [] },
      { id: 'g2', articles: ['a2'], reasons: [] },
      { id: 'g3', articles: ['a3'], reasons: [] },
    ],
    singleSource: ['f2', 'f3'],
    disputes: [
      {
        about: 'crews fighting the fire',
        kind: 'number',
        sides: [
          { stance: 'claim', text: 'Some 14 crews fought the blaze.', by: null, byName: null, sources: [span('a1', 'Some 14 crews fought the blaze.')], value: '14', reportedBy: ['Harbour Gazette'] },
          { stance: 'claim', text: 'About 16 crews came.', by: 'e1', byName: '-Chief', sources: [span('a3', 'About 16 crews came.')], value: '16' },
        ],
      },
    ],
    provenance: [],
    summary: [],
    problems: [],
  };
}

type Row = Record<(typeof CSV_COLUMNS)[number], string>;

function parsed(csv: string): Row[] {
  return parse(csv, { bom: true, columns: true, skip_empty_lines: true }) as Row[];
}

test('the CSV parses back into one row per fact, dispute side, quantity and number change', () => {
  const csv = renderCsv(dossier());
  assert.ok(csv.startsWith('\uFEFF'), 'a UTF-8 byte-order mark for spreadsheets');
  assert.ok(csv.includes('\r\n'), 'CRLF line ends (RFC 4180)');
  const header = parse(csv, { bom: true, to_line: 1 })[0] as string[];
  assert.deepEqual(header, [...CSV_COLUMNS]);
  const rows = parsed(csv);
  assert.deepEqual(
    rows.map((r) => [r.kind, r.id]),
    [
      ['corroborated', 'f1'],
      ['single-source', 'f2'],
      ['single-source', 'f3'],
      ['disputed-side', 'dispute-1'],
      ['disputed-side', 'dispute-1'],
      ['quantity', 'quantity-1'],
      ['number-change', 'change-1'],
      ['number-change', 'change-1'],
    ],
  );
  const [f1, f2] = rows;
  assert.equal(f1.text, DESTROYED);
  assert.equal(f1.independent_sources, '3');
  assert.equal(f1.articles, '3');
  assert.equal(f1.outlets, 'Harbour Gazette; Northern, Wire; @Coast News', 'outlets are semicolon-separated; commas survive quoting');
  assert.equal(f1.article_ids, 'a1; a2; a3');
  assert.equal(f1.first_published, '2025-03-10T08:00:00Z', 'the earliest publication among its articles');
  assert.equal(f1.modality, 'reported');
  assert.equal(f2.text, '"We were never warned", said Jo Berg, "really".', 'quotes and commas round-trip; line breaks are folded');
  assert.equal(f2.claimed_by, 'Jo Berg');

  const sides = rows.filter((r) => r.kind === 'disputed-side');
  assert.deepEqual(
    sides.map((s) => [s.about, s.dispute_kind, s.stance, s.value, s.outlets, s.independent_sources, s.claimed_by]),
    [
      ['crews fighting the fire', 'number', 'claim', '14', 'Harbour Gazette', '1', ''],
      ['crews fighting the fire', 'number', 'claim', '16', "'@Coast News", '1', "'-Chief"],
    ],
  );
  const quantity = rows.find((r) => r.kind === 'quantity')!;
  assert.deepEqual([quantity.text, quantity.value, quantity.about, quantity.first_published], ['14 crews', '14', 'crews', '2025-03-11']);
  const changes = rows.filter((r) => r.kind === 'number-change');
  assert.deepEqual(changes.map((c) => c.value), ['14', '-16'], 'numbers are written as numbers, a negative one without an apostrophe');
});

test('no cell can start a spreadsheet formula', () => {
  const rows = parsed(renderCsv(dossier()));
  const f3 = rows.find((r) => r.id === 'f3')!;
  assert.equal(f3.text, `'${INJECTED}`);
  for (const row of rows) {
    for (const [column, cell] of Object.entries(row)) {
      if (column === 'value' && /^-?\d+(\.\d+)?$/.test(cell)) continue;
      assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `${row.id} ${column}: ${cell}`);
    }
  }
  for (const start of ['=', '+', '-', '@', '\t', '\r']) assert.equal(neutraliseFormula(`${start}1+1`), `'${start}1+1`);
  assert.equal(neutraliseFormula('1+1'), '1+1');
  assert.equal(neutraliseFormula(''), '');
});

test('an empty dossier is the header row alone', () => {
  const empty = { ...dossier(), facts: [], disputes: [], quantities: [], numberChanges: [], singleSource: [] };
  const csv = renderCsv(empty);
  assert.equal(parsed(csv).length, 0);
  assert.equal(csv, `\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
});
