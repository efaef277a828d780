import type { Doc, Mention, Range } from '../annotate/types.js';
import { stemmer } from 'stemmer';
import { contains } from './ranges.js';

/** What the assess stage needs from story-level entity resolution. */
export interface EntityLookup {
  entityAt(articleId: string, start: number, end: number): { id: string; name: string } | null;
}

export interface Actor {
  id: string | null;
  name: string;
}

const ACTOR_TYPES = new Set(['person', 'organization', 'place']);

function actorOf(doc: Doc, mention: Mention, entities: EntityLookup): Actor {
  const entity = entities.entityAt(doc.article.id, mention.start, mention.end);
  return entity ? { id: entity.id, name: entity.name } : { id: null, name: mention.text };
}

/**
 * Who makes the statement in a sentence: the speaker of a quote in it, "according to X", the agent
 * after "by" in a passive ("a claim rejected by X"), or the first named actor before the cue word.
 */
export function actorOfSentence(doc: Doc, sentence: Range, cueAt: number | null, entities: EntityLookup): Actor | null {
  const text = doc.article.text;
  const mentions = doc.mentions.filter((m) => contains(sentence, m) && ACTOR_TYPES.has(m.type));
  if (cueAt !== null) {
    // Passive: "a claim rejected by Serbian President Aleksandar Vucic".
    const passive = /^\S+\s+by\s+/.exec(text.slice(cueAt, sentence.end));
    if (passive) {
      const agentStart = cueAt + passive[0].length;
      const agent = mentions.find((m) => m.start >= agentStart && m.start <= agentStart + 40);
      if (agent) return actorOf(doc, agent, entities);
    }
    const subject = mentions.filter((m) => m.end <= cueAt).pop();
    if (subject && !isObjectOfPreposition(text, subject)) return actorOf(doc, subject, entities);
  }
  const quote = doc.quotes.find((q) => q.speakerName && q.start < sentence.end && q.end > sentence.start);
  if (quote?.speakerName) {
    const entity = quote.speakerMention ? entities.entityAt(doc.article.id, quote.speakerMention.start, quote.speakerMention.end) : null;
    return entity ? { id: entity.id, name: entity.name } : { id: null, name: quote.speakerName };
  }
  const sentenceText = text.slice(sentence.start, sentence.end);
  const according = /according to (the )?/i.exec(sentenceText);
  if (according) {
    const at = sentence.start + according.index + according[0].length;
    const source = mentions.find((m) => m.start >= at && m.start <= at + 30);
    if (source) return actorOf(doc, source, entities);
  }
  return mentions.length && cueAt === null ? actorOf(doc, mentions[0], entities) : null;
}

// "in Belgrade", "with Kosovo police": a name after a preposition is a place or partner, not the subject.
function isObjectOfPreposition(text: string, mention: Range): boolean {
  const before = text.slice(Math.max(0, mention.start - 12), mention.start).toLowerCase();
  return /\b(in|at|with|from|to|into|on|near|of|against|toward|towards)\s+(the\s+)?$/.test(before);
}

/** Offsets of words in a range whose Porter stem is in `stems`. */
export function findCue(text: string, range: Range, stems: Set<string>): { start: number; end: number } | null {
  const pattern = /[\p{L}]+/gu;
  pattern.lastIndex = range.start;
  for (let m = pattern.exec(text); m && m.index < range.end; m = pattern.exec(text)) {
    if (stems.has(stemmer(m[0].toLowerCase()))) return { start: m.index, end: m.index + m[0].length };
  }
  return null;
}
