import type { Doc } from '../annotate/types.js';
import type { Alignment } from '../align/index.js';
import { statementKey } from '../align/index.js';
import type { TimelineEntry } from './types.js';
import { contains } from './ranges.js';

/**
 * Dated events: every sentence with a placed time expression, one entry per (date, fact), so five
 * outlets reporting the Sept. 24 clash give one entry with five sources rather than five entries.
 */
export function buildTimeline(docs: Doc[], alignment: Alignment): TimelineEntry[] {
  const entries = new Map<string, TimelineEntry & { order: number }>();
  let order = 0;
  for (const doc of docs) {
    doc.sentences.forEach((sentence, sentenceIndex) => {
      for (const time of doc.times) {
        if (!time.value || !contains(sentence, time)) continue;
        const fact = alignment.factOf.get(statementKey(doc.article.id, sentenceIndex));
        const key = `${time.value}|${fact?.id ?? statementKey(doc.article.id, sentenceIndex)}`;
        const span = { articleId: doc.article.id, start: sentence.start, end: sentence.end };
        const entry = entries.get(key);
        if (entry) {
          if (!entry.sources.some((s) => s.articleId === span.articleId && s.start === span.start)) entry.sources.push(span);
          entry.storyAnchored = entry.storyAnchored && time.anchor === 'story';
          continue;
        }
        entries.set(key, {
          date: time.value,
          text: doc.article.text.slice(sentence.start, sentence.end),
          sources: [span],
          storyAnchored: time.anchor === 'story',
          order: order++,
        });
      }
    });
  }
  return [...entries.values()]
    .sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order)
    .map(({ order: _order, ...entry }) => entry);
}
