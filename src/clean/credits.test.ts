// Wire credits: opening datelines ("MOSCOW (AP) —"), agency contributor lines, and what is not a credit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../analyze.js';
import { cleanArticle } from './index.js';
import type { RawArticle } from '../read/index.js';

const raw = (content: string, hints: RawArticle['hints'] = {}): RawArticle => ({ id: 't', origin: 'test.txt', format: 'text', content, hints });
const credits = (content: string) => cleanArticle(raw(content)).credits;

test('dateline forms give the canonical agency credit; the dateline stays in the text', () => {
  // Fixture texts written for this test, one per dateline form.
  assert.deepEqual(credits('Ferry stalls in the harbour\n\nHALIFAX (AP) — A ferry lost power near the pier on Monday.'), ['AP']);
  assert.deepEqual(credits('Museum reopens\n\nHamburg/Altona (dpa) - Das Museum ist wieder geöffnet.'), ['dpa']);
  assert.deepEqual(credits('Bolsa sobe\n\nRio de Janeiro, 3 out (EFE).- A bolsa subiu nesta terça-feira.'), ['EFE']);
  assert.deepEqual(credits('Storm hits coast\n\nSAN DIEGO (Reuters) - A storm hit the coast on Sunday.'), ['Reuters']);
  assert.deepEqual(credits('Talks resume\n\nSEOUL, Oct. 3 (Yonhap) -- Talks resumed on Tuesday.'), ['Yonhap']);
  assert.deepEqual(credits('Talks resume\n\n(CNN) — Talks resumed on Tuesday.'), ['CNN']);
  // A regional dpa desk code is dropped; an unknown short all-caps agency after a place is a credit.
  assert.deepEqual(credits('Brücke gesperrt\n\nDüsseldorf (dpa/lnw) - Die Brücke bleibt gesperrt.'), ['dpa']);
  assert.deepEqual(credits('Oil output rises\n\nKUWAIT, Oct 3 (KUNA) -- Oil output rose in September.'), ['KUNA']);
  // Spelled-out names become the canonical short name.
  assert.deepEqual(credits('Storm hits coast\n\nPARIS (Agence France-Presse) - A storm hit the coast.'), ['AFP']);
  const article = cleanArticle(raw('Ferry stalls in the harbour\n\nHALIFAX (AP) — A ferry lost power near the pier on Monday.'));
  assert.equal(article.text, 'HALIFAX (AP) — A ferry lost power near the pier on Monday.');
  assert.deepEqual(article.removed, []);
});

test('parenthesised words that are not agencies are not credits', () => {
  assert.deepEqual(credits('Vote count\n\nJoe Smith (D) - the senator - spoke on Monday.'), []);
  assert.deepEqual(credits('Report\n\nThe WHO (World Health Organization) - which met on Monday - said so.'), []);
  assert.deepEqual(credits('Markets\n\nNEW YORK (UPDATE 1) - Stocks rose on Monday.'), []);
  assert.deepEqual(credits('Markets\n\n(Note) - Stocks rose on Monday.'), []);
  // An all-caps token without a place before it is not enough.
  assert.deepEqual(credits('Markets\n\n(XYZ) - Stocks rose on Monday.'), []);
  // A dateline-shaped passage deep in the story is not a dateline.
  assert.deepEqual(credits('Markets\n\nStocks rose.\n\nShares fell.\n\nBonds held.\n\nTOKYO (AP) — Markets in Asia were mixed.'), []);
});

test('"(END)" closes wire copy: removed as an end mark, not a credit', () => {
  const article = cleanArticle(raw('Talks resume\n\nSEOUL, Oct. 3 (Yonhap) -- Talks resumed on Tuesday.\n\n(END)'));
  assert.deepEqual(article.credits, ['Yonhap']);
  assert.deepEqual(article.removed, [{ text: '(END)', reason: 'end-mark' }]);
  assert.deepEqual(credits('Talks resume\n\nTalks resumed on Tuesday.\n\n(END)'), []);
});

test('"<Agency> contributed to this report." is a credit; a person\'s contribution line is not', () => {
  const article = cleanArticle(raw('Bridge closed\n\nThe bridge closed on Monday.\n\nReuters contributed to this report.'));
  assert.deepEqual(article.credits, ['Reuters']);
  assert.deepEqual(article.removed, [{ text: 'Reuters contributed to this report.', reason: 'credit' }]);
  assert.deepEqual(credits('Bridge closed\n\nThe bridge closed on Monday.\n\nThe Associated Press contributed to this report.'), ['AP']);
  assert.deepEqual(credits('Bridge closed\n\nThe bridge closed on Monday.\n\nThe Associated Press and AFP contributed to this report.'), ['AP', 'AFP']);
  const person = cleanArticle(raw('Bridge closed\n\nThe bridge closed on Monday.\n\nJane Roe contributed to this report.'));
  assert.deepEqual(person.credits, []);
  assert.deepEqual(person.removed, [{ text: 'Jane Roe contributed to this report.', reason: 'contributors' }]);
});

// The real case C11 (wire datelines on non-agency outlets) from the shared cases beside the checkout.
// Resolved like src/clean/html/metadata.test.ts: ../shared/cases/realworld beside the checkout, or $TRIANGULATE_CASES_DIR.
const casesDir = process.env.TRIANGULATE_CASES_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/cases/realworld');
const caseDir = path.join(casesDir, 'C11-dateline-wire-credit');
const skip = existsSync(path.join(caseDir, 'expected.json')) ? false : `skipped: ${caseDir} is absent (the shared cases live beside the checkout in ../shared/cases/realworld)`;

test('real case C11: each wire dateline gives its credit', { skip }, async () => {
  const expected = JSON.parse(readFileSync(path.join(caseDir, 'expected.json'), 'utf8')) as { expected: { per_article: { credits: string[] }[] } };
  const dossier = await analyze([path.join(caseDir, 'input.jsonl')]);
  assert.deepEqual(
    dossier.articles.map((a) => a.credits),
    expected.expected.per_article.map((a) => a.credits),
  );
});
