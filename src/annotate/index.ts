import type { Article } from '../clean/types.js';
import type { Doc } from './types.js';
import { splitSentences, splitSentencesWithDiagnostics } from './sentences.js';
import { recognizeMentions } from './entities/index.js';
import { findQuotes } from './quotes/index.js';
import { findQuantities } from './quantities/index.js';
import { resolveTimes, reanchorTimes } from './times/index.js';
import { findClaims } from './claims/index.js';

/** Article -> Doc: every annotation layer, each an offset range into the article's cleaned text. */
export function annotate(article: Article): Doc {
  const { text } = article;
  const split = splitSentencesWithDiagnostics(text);
  const { sentences } = split;
  const mentions = recognizeMentions(text, sentences);
  const quotes = findQuotes(text, sentences, mentions);
  const quantities = findQuantities(text, sentences);
  const times = resolveTimes(text, sentences, article.publishedAt);
  const diagnostics = [...article.diagnostics, ...split.diagnostics];
  for (const quote of quotes) {
    if (!quote.speakerName) diagnostics.push({ ruleId: 'quote/no-speaker', message: 'quote without an identifiable speaker', start: quote.start, end: quote.end });
  }
  for (const time of times) {
    if (!time.value && !time.vague && !time.range) diagnostics.push({ ruleId: 'time/unresolved', message: `time expression "${time.text}" could not be placed on the calendar`, start: time.start, end: time.end });
  }
  const claims = findClaims(text, sentences, mentions, quotes, quantities, times);
  return { article, sentences, mentions, quotes, quantities, times, claims, diagnostics };
}

/**
 * Relative dates in an article without its own publication date may be placed against a date the
 * story supplies (the other articles' publication dates); such values are marked anchor "story".
 */
export function anchorToStory(doc: Doc, storyDate: string | null): Doc {
  if (doc.article.publishedAt || !storyDate || !doc.times.some((t) => !t.value)) return doc;
  const times = reanchorTimes(doc.article.text, doc.sentences, doc.times, storyDate);
  return { ...doc, times };
}

export { splitSentences };
export type * from './types.js';
