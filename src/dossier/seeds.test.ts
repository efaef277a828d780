// End-to-end checks on the five reference articles (../shared/seeds): what a reader of the dossier relies on.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { seedsDir } from '../../eval/data.js';
import { analyze } from '../analyze.js';
import { renderHtml } from '../report/index.js';
import type { Dossier } from './types.js';
import { invalidSpans, schemaErrors, unquotedTexts } from '../../test/dossier-contract.js';

const present = existsSync(seedsDir);
const skip = present ? false : `seed articles not found at ${seedsDir}`;
let dossier: Dossier;

before(async () => {
  if (present) dossier = await analyze([seedsDir], { generatedAt: '2026-01-01T00:00:00Z' });
});

test('the seed dossier validates against the published JSON Schema', { skip }, () => {
  assert.deepEqual(schemaErrors(dossier), []);
});

test('every span points into its article and cited texts are verbatim source text', { skip }, () => {
  assert.deepEqual(invalidSpans(dossier), []);
  assert.deepEqual(unquotedTexts(dossier), []);
});

test('all five articles are analysed, with junk removed and publication dates found', { skip }, () => {
  assert.equal(dossier.articles.length, 5);
  assert.ok(dossier.articles.every((a) => !/cannot reword|enable JavaScript|uses cookies|Leave a Reply/i.test(a.text)));
  assert.ok(dossier.articles.filter((a) => a.publishedAt?.startsWith('2023-09-30')).length >= 2);
});

test('Vucic, Aleksandar Vucic and Alexander Vucic are one person, apart from Vucevic', { skip }, () => {
  const vucic = dossier.entities.filter((e) => /\bVucic\b/.test(e.name));
  assert.equal(vucic.length, 1, `Vucic entities: ${vucic.map((e) => e.name).join(', ')}`);
  assert.equal(vucic[0].type, 'person');
  assert.ok(new Set(vucic[0].mentions.map((m) => m.articleId)).size >= 4);
  assert.ok(!vucic[0].aliases.some((a) => /Vucevic/.test(a)));
  assert.ok(dossier.entities.some((e) => /Vucevic/.test(e.name) && e.type === 'person'));
});

test("the US build-up claim and Serbia's denial form a dispute", { skip }, () => {
  const dispute = dossier.disputes.find(
    (d) =>
      d.kind === 'denial' &&
      d.sides.some((s) => s.stance === 'denial' && /Vucic|Serbia|Belgrade/.test(`${s.byName} ${s.text}`)) &&
      d.sides.some((s) => s.stance === 'claim' && /(build-?up|deployment)/i.test(s.text) && /Kirby|White House|United States|US|Security Council/.test(`${s.byName} ${s.text}`)),
  );
  assert.ok(dispute, `disputes found: ${dossier.disputes.map((d) => d.about).join(' | ')}`);
});

test('facts reported by several outlets are counted, and single-source facts are listed', { skip }, () => {
  assert.ok(dossier.facts.some((f) => f.independentSources >= 3));
  assert.ok(dossier.singleSource.length > 0);
  const single = new Set(dossier.singleSource);
  assert.ok(dossier.facts.filter((f) => single.has(f.id)).every((f) => f.independentSources === 1));
});

test('quotes carry resolved speakers', { skip }, () => {
  const kirby = dossier.quotes.filter((q) => q.speakerName === 'John Kirby');
  assert.ok(kirby.some((q) => /large Serbian military deployment/.test(q.text)));
  assert.ok(kirby.some((q) => /unprecedented staging/.test(q.text)), 'the continued quote paragraph is Kirby too');
  // "the US National Security Council, whose spokesman called ...": the council, not "whose spokesman".
  assert.equal(dossier.quotes.find((q) => /destabilizing development/.test(q.text))?.speakerName, 'US National Security Council');
  // "Mojsilovic was surprised by the level of concern expressed ... during the “security crisis.”"
  assert.equal(dossier.quotes.find((q) => /^security crisis/.test(q.text))?.speakerName, 'Milan Mojsilovic');
  const unnamed = dossier.quotes.filter((q) => !q.speakerName || /^(who|whose|which|that|the level)\b/i.test(q.speakerName));
  assert.deepEqual(unnamed.map((q) => q.text), [], 'every quote in the seeds has a named speaker');
});

test('the troop reduction is a change over time, and dates are on the calendar', { skip }, () => {
  assert.ok(dossier.numberChanges.some((c) => c.values.map((v) => v.value).join('>') === '8350>4500'));
  const dates = dossier.timeline.map((t) => t.date);
  assert.ok(dates.includes('2023-09-24'), `timeline dates: ${dates.join(', ')}`);
  assert.ok(dates.includes('2008'));
});

test('the summary is short and made of cited source sentences', { skip }, () => {
  assert.ok(dossier.summary.length >= 3 && dossier.summary.length <= 8);
  assert.ok(dossier.summary.every((s) => s.sources.length >= 1));
});

test('the HTML report escapes article text', { skip }, () => {
  const html = renderHtml(dossier);
  assert.ok(!html.includes('"The Serbian army never entered'), 'quotes in text are escaped');
  assert.ok(html.includes('&quot;The Serbian army never entered'));
});
