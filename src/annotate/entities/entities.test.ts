import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { datasetDir, seedsDir } from '../../../eval/data.js';
import { splitSentences } from '../sentences.js';
import type { Mention } from '../types.js';
import { loadModel, recognizeMentions, tokenizeRange } from './index.js';
import { conllToText, mentionsToTokenSpans, parseConll } from './conll.js';
import { countSpans, emptyCounts, f1 } from './evaluate.js';
import { FEATURE_SCHEMA, wordFeature } from './features.js';
import { deserializeModel, ModelFormatError, serializeModel } from './model.js';
import { TAG_COUNT, TAGS, type EntityClass } from './tags.js';

const mentionsOf = (text: string): Mention[] => recognizeMentions(text, splitSentences(text));

test('the shipped model loads quickly and is compact', () => {
  const started = performance.now();
  const model = loadModel();
  assert.ok(performance.now() - started < 1500, 'model load took too long');
  assert.ok(model.featureCount > 10_000);
});

test('a model file round-trips, and old or foreign files are refused with a one-line reason', () => {
  // Hashes on both sides of zero check the sorted, difference-coded storage of feature hashes.
  const hashes = Int32Array.from([wordFeature('vucic'), -5, 7, -2_000_000_000]);
  const weights = new Int16Array(hashes.length * TAG_COUNT).map((_, k) => k - 30);
  const header = { tags: [...TAGS], scale: 1, gazetteer: {}, trainedOn: 'test', featureSchema: FEATURE_SCHEMA };
  const model = deserializeModel(serializeModel(header, hashes, weights));
  assert.equal(model.featureCount, 4);
  assert.ok(model.knowsWord('vucic') && !model.knowsWord('kurti'));
  const scores = new Float64Array(TAG_COUNT);
  model.addScores(Int32Array.from([-2_000_000_000, 12345]), 2, scores);
  assert.deepEqual([...scores], [...weights.subarray(3 * TAG_COUNT, 4 * TAG_COUNT)]);

  const refused = (bytes: Buffer, reason: RegExp): void =>
    assert.throws(() => deserializeModel(bytes), (e: unknown) => e instanceof ModelFormatError && reason.test(e.message) && !e.message.includes('\n'));
  refused(gzipSync(Buffer.from('TNER1\n\u0002\u0000\u0000\u0000{}')), /format TNER1.*npm run train:ner/);
  refused(gzipSync(Buffer.from('hello world')), /not a Triangulate NER model/);
  refused(Buffer.from('plain text'), /not gzip/);
  refused(serializeModel({ ...header, featureSchema: 'other' }, hashes, weights), /other features/);
  refused(gzipSync(gunzipPrefix(serializeModel(header, hashes, weights), 40)), /truncated/);
});

/** The first `length` bytes of a gzipped file's content. */
function gunzipPrefix(gzipped: Buffer, length: number): Buffer {
  return gunzipSync(gzipped).subarray(0, length);
}

test('tokens follow CoNLL conventions: possessives, contractions, curly quotes, dashes', () => {
  const text = 'Serbia\u2019s army didn\u2019t \u201center\u201d Kosovo\u2014the U.S. said (in Sept.) EU-wide.';
  const tokens = tokenizeRange(text, 0, text.length);
  assert.deepEqual(
    tokens.map((t) => t.norm),
    ['Serbia', "'s", 'army', 'did', "n't", '"', 'enter', '"', 'Kosovo', '--', 'the', 'U.S.', 'said', '(', 'in', 'Sept.', ')', 'EU-wide', '.'],
  );
  for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
});

test('titles are stripped from person names and kept as roles; possessives are not part of names', () => {
  const text =
    'German Foreign Minister Klaus Bauer met Prime Minister Ana Petrovic in Zagreb on Monday.\n\n' +
    "Bauer's office said the talks went well, according to Marko Horvat, the spokesman of the Croatian government.";
  const mentions = mentionsOf(text);
  const find = (name: string) => mentions.find((m) => m.text === name);
  assert.equal(find('Klaus Bauer')?.type, 'person');
  assert.equal(find('Klaus Bauer')?.role, 'Foreign Minister');
  assert.equal(find('Ana Petrovic')?.role, 'Prime Minister');
  assert.equal(find('Zagreb')?.type, 'place');
  assert.equal(find('Bauer')?.type, 'person', 'the surname alone is a person and excludes "\'s"');
  assert.match(find('Marko Horvat')?.role ?? '', /spokesman/);
  for (const m of mentions) assert.equal(text.slice(m.start, m.end), m.text);
});

test('an organisation name split by the tagger is joined up to its suffix word', () => {
  const text = 'White House National Security Council spokesman Tom Hale told reporters on Friday.';
  const mentions = mentionsOf(text);
  assert.ok(
    mentions.some((m) => m.text === 'White House National Security Council' && m.type === 'organization'),
    mentions.map((m) => `${m.text}/${m.type}`).join(', '),
  );
  assert.equal(mentions.find((m) => m.text === 'Tom Hale')?.role, 'spokesman');
});

test('a surname alone inherits the type of the full name in the same document', () => {
  const text = 'Officials met Dragan Kostelic in Vienna.\n\nKostelic rejected the plan on Tuesday.\n\nLater, Kostelic left.';
  const kostelic = mentionsOf(text).filter((m) => m.text === 'Kostelic');
  assert.equal(kostelic.length, 2);
  for (const m of kostelic) assert.equal(m.type, 'person');
});

test('title-case headlines and subheadings are not read as names', () => {
  const text =
    'Kosovo Police Deny Reports of Troop Buildup Near Border\n\n' +
    'The police said on Monday that the reports of a buildup were false. Troop numbers near the border have not changed.\n\n' +
    'Rising Tensions in the North\n\nDragan Petrovic, a local official, said the situation was calm.';
  const names = mentionsOf(text).map((m) => m.text);
  for (const word of ['Deny', 'Reports', 'Buildup', 'Border', 'Rising', 'Tensions']) {
    assert.ok(!names.some((n) => n.includes(word)), `"${word}" is part of a mention: ${names.join(', ')}`);
  }
  assert.ok(names.includes('Dragan Petrovic'));
});

test('seats of government and social networks are organisations; the building after "outside" or "in" is a place', () => {
  const text =
    'The White House said on Friday that Serbia must withdraw. The Kremlin denied any role, and Downing Street said it was concerned.\n\n' +
    'Kurti posted drone images on X (formerly Twitter) and later on X again. Vucic answered in a video posted on Instagram and Telegram.\n\n' +
    'The video was shared on Facebook by his party.\n\n' +
    'Protesters gathered outside the White House, and a spokesman from the office in Downing Street said nothing.';
  const mentions = mentionsOf(text);
  const typesOf = (name: string) => mentions.filter((m) => m.text === name).map((m) => m.type);
  assert.deepEqual(typesOf('White House'), ['organization', 'place']);
  assert.deepEqual(typesOf('Kremlin'), ['organization']);
  assert.deepEqual(typesOf('Downing Street'), ['organization', 'place']);
  for (const network of ['Instagram', 'Telegram', 'Twitter', 'Facebook']) assert.deepEqual(typesOf(network), ['organization'], network);
  assert.deepEqual(typesOf('X'), ['organization', 'organization'], 'X is the network where the text says so, and on X after that');
  assert.deepEqual(mentionsOf('Exhibit X was shown to the court in Belgrade.').filter((m) => m.text === 'X'), [], 'a letter X elsewhere is no network');
});

test('subheadings are not organisations, in title case, with acronyms or in sentence case', () => {
  const text =
    'Serbia denies build-up on Kosovo border\n\n' +
    'Serbian President Aleksandar Vucic denied the reports on Friday, and the European Union said it was worried.\n\n' +
    'US Monitoring Serbian Deployment\n\nThe White House said it was monitoring a large deployment.\n\n' +
    'Vucic Denies Buildup\n\nVucic said the reports were lies.\n\n' +
    'KFOR Presence Strengthened\n\nNATO said KFOR would get more troops.\n\n' +
    'European Union Reaction\n\nThe bloc called for calm.\n\n' +
    'Serbian troop build-up\n\nTroops were seen near the border.\n\n' +
    'What happened in Banjska\n\nAbout 30 armed men attacked police in Banjska.';
  const mentions = mentionsOf(text);
  const organizations = mentions.filter((m) => m.type === 'organization').map((m) => m.text);
  for (const word of ['Monitoring', 'Deployment', 'Denies', 'Buildup', 'Presence', 'Reaction', 'troop', 'happened']) {
    assert.ok(!organizations.some((n) => n.includes(word)), `"${word}" is part of an organisation: ${organizations.join(', ')}`);
  }
  // The names inside the subheadings are still found, with the type the article gives them elsewhere.
  const inHeading = (heading: string, name: string) => {
    const at = text.indexOf(heading) + heading.indexOf(name);
    return mentions.find((m) => m.start === at && m.end === at + name.length)?.type;
  };
  assert.equal(inHeading('US Monitoring', 'US'), 'place');
  assert.equal(inHeading('Vucic Denies', 'Vucic'), 'person');
  assert.equal(inHeading('KFOR Presence', 'KFOR'), 'organization');
  assert.equal(inHeading('European Union Reaction', 'European Union'), 'organization');
  assert.equal(inHeading('What happened in Banjska', 'Banjska'), 'place');
});

test('a weekday after a speaker is not part of the name', () => {
  const text = "Mubarak's adviser Osama el-Baz said on Thursday there were efforts to arrange a meeting.";
  const names = mentionsOf(text).map((m) => `${m.text}/${m.type}`);
  assert.ok(names.includes('Osama el-Baz/person'), names.join(', '));
  assert.ok(!names.some((n) => n.includes('Thursday')), names.join(', '));
});

const seedPersons = [
  'Milos Vucevic', 'Albin Kurti', 'Milan Mojsilovic', 'Jens Stoltenberg', 'Aleksandar Vucic', 'Alexander Vucic',
  'John Kirby', 'Antony Blinken', 'Annalena Barbock', 'Milan Radoicic',
];
const seedPlaces = ['Kosovo', 'Serbia', 'Belgrade', 'Banjska'];
const seedOrganizations = ['NATO', 'KFOR'];
const hasSeeds = existsSync(seedsDir);

test('seed articles: every named person is found and typed person, surnames included', { skip: hasSeeds ? false : `seeds absent: ${seedsDir}` }, () => {
  for (const file of readdirSync(seedsDir).filter((f) => f.endsWith('.txt'))) {
    const text = readFileSync(path.join(seedsDir, file), 'utf8');
    const mentions = mentionsOf(text);
    const typeAt = (start: number, end: number) => mentions.find((m) => m.start <= start && m.end >= end)?.type;
    for (const name of seedPersons) {
      for (const match of text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))) {
        const at = match.index ?? 0;
        const exact = mentions.find((m) => m.start === at && m.end === at + name.length);
        assert.equal(exact?.type, 'person', `${file}: "${name}" at ${at}`);
      }
      const surname = name.split(' ')[1];
      for (const match of text.matchAll(new RegExp(`\\b${surname}\\b`, 'g'))) {
        const at = match.index ?? 0;
        assert.equal(typeAt(at, at + surname.length), 'person', `${file}: surname "${surname}" at ${at}`);
      }
    }
    // A place or organisation inside a longer name ("Kosovo Police") belongs to that name instead.
    const expectType = (names: string[], type: string) => {
      for (const name of names)
        for (const match of text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))) {
          const at = match.index ?? 0;
          const covering = mentions.find((m) => m.start <= at && m.end >= at + name.length);
          if (covering && covering.end - covering.start > name.length) continue;
          assert.equal(covering?.type, type, `${file}: "${name}" at ${at}`);
        }
    };
    expectType(seedPlaces, 'place');
    expectType(seedOrganizations, 'organization');
  }
});

const testDir = datasetDir('conll2003-ner-test');
const CLASS_OF = { person: 'PER', place: 'LOC', organization: 'ORG', other: 'MISC' } as const;

test('CoNLL-2003 test subset: F1 stays above the pinned floor', { skip: testDir ? false : 'conll2003-ner-test absent' }, () => {
  // The first 60 public test documents; floors a little under the score measured when they were pinned.
  const docs = parseConll(readFileSync(path.join(testDir!, 'eng.testb.conll'), 'utf8')).slice(0, 60);
  const counts = emptyCounts();
  for (const doc of docs) {
    const layout = conllToText(doc);
    const predicted = mentionsToTokenSpans(
      layout,
      recognizeMentions(layout.text, layout.sentences).map((m) => ({ start: m.start, end: m.end, type: CLASS_OF[m.type] as EntityClass })),
    );
    predicted.forEach((spans, s) => countSpans(doc.sentences[s].entities, spans, counts));
  }
  const core = f1(counts, ['PER', 'LOC', 'ORG']).f1;
  const all = f1(counts).f1;
  assert.ok(core >= CORE_FLOOR, `PER/LOC/ORG F1 ${core.toFixed(4)} < ${CORE_FLOOR}`);
  assert.ok(all >= ALL_FLOOR, `all-class F1 ${all.toFixed(4)} < ${ALL_FLOOR}`);
});
const CORE_FLOOR = 0.882; // measured 0.892 (PER/LOC/ORG)
const ALL_FLOOR = 0.868; // measured 0.877 (all four classes)
