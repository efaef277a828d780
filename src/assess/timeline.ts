import type { Doc } from '../annotate/types.js';
import type { Alignment } from '../align/index.js';
import { citedRange, claimKey } from '../align/index.js';
import type { TimelineEntry } from './types.js';

/**
 * Dated events: every claim with a placed time expression, one entry per (date, fact), so five outlets
 * reporting the Sept. 24 clash give one entry with five sources rather than five entries. The entry's
 * text is the claim as written (the part of the sentence the date belongs to).
 */
export function buildTimeline(docs: Doc[], alignment: Alignment): TimelineEntry[] {
  const entries = new Map<string, TimelineEntry & { order: number }>();
  let order = 0;
  const docIndex = new Map(docs.map((d, i) => [d.article.id, i]));
  const claims = [...alignment.claims].sort((a, b) => docIndex.get(a.articleId)! - docIndex.get(b.articleId)! || a.ref.start - b.ref.start);
  for (const item of claims) {
    const fact = alignment.factOf.get(claimKey(item.ref));
    for (const t of item.claim.times) {
      const time = item.doc.times[t];
      if (!time?.value) continue;
      const key = `${time.value}|${fact?.id ?? claimKey(item.ref)}`;
      const range = citedRange(item);
      const span = { articleId: item.articleId, ...range };
      const entry = entries.get(key);
      if (entry) {
        if (!entry.sources.some((s) => s.articleId === span.articleId && s.start === span.start)) entry.sources.push(span);
        entry.storyAnchored = entry.storyAnchored && time.anchor === 'story';
        continue;
      }
      entries.set(key, { date: time.value, text: item.doc.article.text.slice(range.start, range.end), sources: [span], storyAnchored: time.anchor === 'story', order: order++ });
    }
  }
  // A time no claim holds ("The mayor said on Friday that ...": the attribution is not a claim) still places
  // its sentence on the timeline.
  for (const doc of docs) {
    const held = new Set(doc.claims.flatMap((c) => c.times));
    doc.times.forEach((time, t) => {
      if (!time.value || held.has(t)) return;
      const sentence = sentenceHolding(doc, time);
      if (!sentence) return;
      const key = `${time.value}|${doc.article.id}#${sentence.start}`;
      if (entries.has(key)) return;
      const span = { articleId: doc.article.id, start: sentence.start, end: sentence.end };
      entries.set(key, { date: time.value, text: doc.article.text.slice(sentence.start, sentence.end), sources: [span], storyAnchored: time.anchor === 'story', order: order++ });
    });
  }
  return [...entries.values()].sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order).map(({ order: _order, ...entry }) => entry);
}

/** The sentence wholly holding a range, by binary search over the article's sentences (they are in text order). */
function sentenceHolding(doc: Doc, range: { start: number; end: number }) {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = doc.sentences[mid];
    if (range.start < s.start) hi = mid - 1;
    else if (range.start >= s.end) lo = mid + 1;
    else return range.end <= s.end ? s : null;
  }
  return null;
}
