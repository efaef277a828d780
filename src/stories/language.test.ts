// Story signatures drop the function words of the article's own language: Portuguese "o", "de", "que" counted
// as shared terms let unrelated items of one Portuguese feed that named one person join (Jornal de Notícias).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleSignature } from './index.js';
import { stopWordsFor } from './lexicon.js';

const keys = (title: string, text: string) => [...articleSignature({ title, text, publishedAt: '2018-01-03' }).terms.keys()];

test('a Portuguese article loses its function words; an English one keeps words that are function words elsewhere', () => {
  const pt = keys(
    'Trump diz que o muro será pago pelo México',
    'O presidente dos Estados Unidos disse que o muro na fronteira com o México será pago pelos mexicanos, e que a obra começa em breve.',
  );
  for (const word of ['que', 'o', 'pelo', 'dos', 'com']) assert.ok(!pt.includes(word), `"${word}" kept in ${pt.join(' ')}`);
  assert.ok(pt.some((k) => k.startsWith('muro')), pt.join(' '));

  // "war" and "die" are German function words; in English news they are the event.
  const en = keys('Civilians die as war spreads to the north', 'Dozens of civilians die each day as the war spreads to the northern provinces, aid groups said on Monday.');
  assert.ok(en.includes('war'), en.join(' '));
  assert.ok(en.includes('die'), en.join(' '));
});

test('the language check needs a clear share of function words', () => {
  assert.equal(stopWordsFor('Ferry stalls in the harbour after the engine fails').has('war'), false);
  assert.equal(stopWordsFor('').has('que'), false);
  assert.equal(stopWordsFor('O governo disse que a reforma da previdência será votada na próxima semana pelo congresso').has('que'), true);
});
