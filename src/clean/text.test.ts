import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanArticle, isNoArticleTextError } from './index.js';
import type { RawArticle } from '../read/index.js';

const raw = (content: string, hints: RawArticle['hints'] = {}): RawArticle => ({ id: 't', origin: 'test.txt', format: 'text', content, hints });

test('title, byline, date stamp and credits come out of plain text; the title is not part of the text', () => {
  const article = cleanArticle(
    raw('Council approves new bridge budget\n\nBy Ana Petrovic\nMonday, 2 October 2023\n\nThe city council approved the budget on Monday.\n\nWork starts next spring.\n\nSources: Reuters, AFP'),
  );
  assert.equal(article.title, 'Council approves new bridge budget');
  assert.equal(article.byline, 'Ana Petrovic');
  assert.equal(article.publishedAt, '2023-10-02');
  assert.deepEqual(article.credits, ['Reuters', 'AFP']);
  assert.equal(article.text, 'The city council approved the budget on Monday.\n\nWork starts next spring.');
  assert.deepEqual(article.removed.map((r) => r.reason), ['byline', 'metadata', 'credit']);
});

test('rewrite artefacts in straight or curly quotes go; a story sentence about rewording stays', () => {
  const article = cleanArticle(raw('The mayor spoke.\n\n"I cannot reword."\n\nI can\'t rephrase this text.\n\nShe said she cannot reword the law without a vote.'));
  assert.equal(article.text, 'The mayor spoke.\n\nShe said she cannot reword the law without a vote.');
  assert.deepEqual(article.removed.map((r) => r.reason), ['rewrite-artefact', 'rewrite-artefact']);
});

test('hard-wrapped lines are joined; whitespace is collapsed; a hint title removes its repeat', () => {
  const article = cleanArticle(raw('Bridge plan\n\nThe council   approved the\nbudget on Monday.\n\n\n\nWork\tstarts soon.', { title: 'Bridge plan' }));
  assert.equal(article.title, 'Bridge plan');
  assert.equal(article.text, 'The council approved the budget on Monday.\n\nWork starts soon.');
  assert.deepEqual(article.removed, [{ text: 'Bridge plan', reason: 'repeated-title' }]);
});

test('a text of nothing but boilerplate is a typed "no article text found" problem', () => {
  assert.throws(
    () => cleanArticle(raw('- Advertisement -\n\nLeave a Reply\n\nShare Photo')),
    (error: unknown) => isNoArticleTextError(error) && error.message === 'no article text found' && error.origin === 'test.txt',
  );
});

test('a stated publication date is normalized to ISO; an unreadable one is a diagnostic, not a crash', () => {
  assert.equal(cleanArticle(raw('Story text.', { publishedAt: 'September 30, 2023' })).publishedAt, '2023-09-30');
  const article = cleanArticle(raw('Story text.\n\n30.09.2023', { publishedAt: 'last week' }));
  assert.equal(article.publishedAt, '2023-09-30');
  assert.deepEqual(article.diagnostics.map((d) => d.ruleId), ['clean/unreadable-date']);
});
