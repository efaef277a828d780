// Cleaning removes what could act on a terminal (escape sequences, control and bidi override characters) and keeps
// what spells words (zero-width non-joiner and joiner). Motivated by an attack sample whose escape sequences set
// the clipboard (OSC 52) and cleared the screen from inside the Markdown report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { comparisonKey, normalizeBlock } from './normalize.js';
import { analyzeArticles, collectArticles, type ArticleRecord } from '../analyze.js';
import { renderMarkdown } from '../report/index.js';

const ESC = '\x1b';
const BEL = '\x07';
// Anything that may not reach a terminal: C0 except newline and tab, DEL, C1, bidi embeddings/overrides/isolates.
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
const ZWNJ = '\u200c';
const PERSIAN = `می${ZWNJ}خواهم`;

test('escape sequences are removed whole, not just their ESC byte', () => {
  assert.equal(normalizeBlock(`Troops ${ESC}[2J${ESC}[Hmoved ${ESC}[1;31mnorth${ESC}[0m.`), 'Troops moved north.');
  assert.equal(normalizeBlock(`Copy${ESC}]52;c;cm0gLXJmIH4=${BEL} this`), 'Copy this');
  assert.equal(normalizeBlock(`Copy${ESC}]52;c;cm0gLXJmIH4=${ESC}\\ this`), 'Copy this');
  assert.equal(normalizeBlock(`Title${ESC}]0;pwned${BEL} here`), 'Title here');
  assert.equal(normalizeBlock(`Reset${ESC}c now ${ESC}(Bplain`), 'Reset now plain');
  assert.equal(normalizeBlock(`8-bit \x9b2J csi and \x9d52;c;eA==\x9c osc`), '8-bit csi and osc');
});

test('an unterminated string sequence loses its introducer only, not the rest of the paragraph', () => {
  assert.equal(normalizeBlock(`Before ${ESC}]52;c; the rest of the paragraph stays.`), 'Before 52;c; the rest of the paragraph stays.');
});

test('control and bidi override characters are removed; line-breaking ones become spaces', () => {
  assert.equal(normalizeBlock('a\x00b\x08c\x7fd\x85e\x9ff'), 'abcd ef');
  assert.equal(normalizeBlock('tab\there\rand\x0bform\x0cfeed'), 'tab here and form feed');
  assert.equal(normalizeBlock('access \u202eresu\u202c level \u2066admin\u2069'), 'access resu level admin');
});

test('zero-width non-joiner and joiner stay (Persian words, emoji sequences); other invisibles go', () => {
  assert.equal(normalizeBlock(`He said ${PERSIAN} twice`), `He said ${PERSIAN} twice`);
  const family = '\u{1F468}\u200d\u{1F469}\u200d\u{1F467}';
  assert.equal(normalizeBlock(`A ${family} photo`), `A ${family} photo`);
  assert.equal(normalizeBlock('zero\u200bwidth soft\u00adhyphen \ufeffbom'), 'zerowidth softhyphen bom');
  assert.equal(comparisonKey(`Tehran ${PERSIAN}`), `tehran ${PERSIAN.replace(ZWNJ, '')}`);
});

test('an article with terminal escape sequences analysed to Markdown has none of them left', async () => {
  const hostile = [
    `Serbia denied the report.${ESC}]52;c;cm0gLXJmIH4=${BEL} ${ESC}[2J${ESC}[3J${ESC}cThree attackers were killed in Banjska on Sunday, police said.`,
    `"We never planned an attack," Vucic said\u202e on Monday.\x00\x1b[31m About 600 troops were deployed.\x9b0m`,
    `The spokesman used the word ${PERSIAN} twice.`,
  ].join('\n\n');
  const records: ArticleRecord[] = [
    { title: `Kosovo${ESC}]0;owned${BEL} clash`, text: hostile, outlet: `Outlet${ESC}[2J A\u202e`, publishedAt: '2023-09-25' },
    { title: 'Kosovo clash', text: 'Three attackers were killed in Banjska on Sunday, police said. About 600 troops were deployed.', outlet: 'Outlet B', publishedAt: '2023-09-25' },
  ];
  const { articles } = await collectArticles(records);
  assert.ok(articles[0].text.includes(PERSIAN), `the Persian word lost its zero-width non-joiner: ${articles[0].text}`);
  const markdown = renderMarkdown(analyzeArticles(articles));
  assert.ok(markdown.includes('Three attackers were killed'), markdown);
  const unsafe = markdown.match(UNSAFE);
  assert.equal(unsafe, null, `unsafe character U+${unsafe?.[0].codePointAt(0)?.toString(16).padStart(4, '0')} in:\n${markdown}`);
  for (const junk of ['[2J', ']52;', 'cm0gLXJmIH4=', '[31m', 'owned']) assert.ok(!markdown.includes(junk), `"${junk}" left in:\n${markdown}`);
});
