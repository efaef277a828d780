// The five seed articles are real copies of web pages with the junk such copies carry. These tests check that
// the junk goes (with its reason), that every other line of the story stays, and the metadata found in them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { seedsDir } from '../../eval/data.js';
import { readText } from '../read/index.js';
import { cleanArticle } from './index.js';
import type { Article } from './index.js';

const present = existsSync(seedsDir);
const skip = present ? false : `seed articles absent (${seedsDir})`;

function seed(prefix: string): { article: Article; lines: string[] } {
  const file = readdirSync(seedsDir).find((f) => f.startsWith(prefix));
  assert.ok(file, `seed ${prefix} missing`);
  const content = readFileSync(path.join(seedsDir, file), 'utf8');
  const lines = content.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  return { article: cleanArticle(readText(content, file)), lines };
}

const reasons = (article: Article) => article.removed.map((r) => r.reason).sort();

/** Every line of the seed is the title, one paragraph of the text, or a removed piece: nothing is lost. */
function assertNothingLost(article: Article, lines: string[]): void {
  const paragraphs = article.text.split('\n\n');
  const removed = article.removed.map((r) => r.text);
  const kept = lines.filter((line) => !removed.includes(line) && line !== article.title);
  assert.deepEqual(paragraphs, kept);
}

function assertNormalized(article: Article): void {
  assert.equal(article.text, article.text.trim());
  assert.doesNotMatch(article.text, /\n{3,}|[ \t]{2,}| \n|\n | \u00a0/);
}

test('seed 000: a clean story stays whole; its first line is a sentence, not a title', { skip }, () => {
  const { article, lines } = seed('000_');
  assert.equal(article.title, null);
  assert.deepEqual(article.removed, []);
  assertNothingLost(article, lines);
  assert.equal(article.outlet, null);
});

test('seed 001: date lines become publishedAt, the caption and the related link go, subheads stay', { skip }, () => {
  const { article, lines } = seed('001_');
  assert.equal(article.publishedAt, '2023-09-30');
  assert.match(article.title ?? '', /^Belgrade denies/);
  assert.deepEqual(reasons(article), ['caption', 'metadata', 'metadata', 'related-link']);
  assert.match(article.removed.find((r) => r.reason === 'caption')?.text ?? '', /\/ Photo: AA$/);
  assertNothingLost(article, lines);
  // Subheads are story structure: kept as their own short paragraphs.
  assert.ok(article.text.split('\n\n').some((p) => p.split(' ').length <= 3 && !/[.!?"]$/.test(p)));
  assertNormalized(article);
});

test('seed 002: tagline, ads, "Leave a Reply" and the cookie banner go; every story paragraph stays', { skip }, () => {
  const { article, lines } = seed('002_');
  assert.deepEqual(reasons(article), ['advertisement', 'advertisement', 'comments', 'cookie-banner', 'tagline']);
  assert.ok(article.title && article.title.length > 40);
  assertNothingLost(article, lines);
  assert.doesNotMatch(article.text, /Advertisement|cookies|Leave a Reply/);
  assertNormalized(article);
});

test('seed 003: the leaked "I cannot reword." and the JavaScript notice go; wire credits are read', { skip }, () => {
  const { article, lines } = seed('003_');
  assert.deepEqual(reasons(article), ['credit', 'rewrite-artefact', 'video-player']);
  assert.deepEqual(article.credits, ['AP', 'AFP', 'dpa', 'Reuters']);
  assert.doesNotMatch(article.text, /reword|JavaScript/);
  assertNothingLost(article, lines);
});

test('seed 004: comment warning, share widgets and the repeated headline go; credit BBC and the timestamp are read', { skip }, () => {
  const { article, lines } = seed('004_');
  assert.deepEqual(reasons(article), ['comments', 'credit', 'metadata', 'repeated-title', 'share-widget', 'share-widget']);
  assert.deepEqual(article.credits, ['BBC']);
  assert.equal(article.publishedAt, '2023-09-30T12:01:51');
  assert.match(article.title ?? '', /: US$/);
  assertNothingLost(article, lines);
  assertNormalized(article);
});
