// Checks that a dossier's citations support what they are cited for: every source span of a fact names the
// entities, numbers and event the fact was matched on, and every number side of a dispute states its value.
import type { Span } from '../src/annotate/types.js';
import type { Dossier, MatchEvidence } from '../src/dossier/types.js';
import { lemmaTokens } from '../src/annotate/nlp.js';
import { classOf, phraseAt } from '../src/annotate/claims/predicates.js';

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** Ways a value can be written: "4500", "4,500", "three"; "a"/"an" for 1 ("a policeman"). */
function writtenForms(value: number): RegExp {
  const forms = [String(value), value.toLocaleString('en-US')];
  if (Number.isInteger(value) && value < NUMBER_WORDS.length) forms.push(NUMBER_WORDS[value]);
  if (value === 1) forms.push('an?', 'another');
  return new RegExp(`(^|[^\\p{L}\\p{N}])(${forms.map((f) => f.replace(/[.]/g, '\\.')).join('|')})($|[^\\p{L}\\p{N}])`, 'iu');
}

/** Whether a text has a word whose lemma, or whose predicate class, is `lemma` ("took" -> take, "lost their lives" -> kill). */
function saysPredicate(text: string, lemma: string): boolean {
  const tokens = lemmaTokens(text);
  const lemmas = tokens.map((t) => t.lemma);
  return tokens.some((t, i) => t.lemma === lemma || classOf(t.lemma, t.text.toLowerCase()) === lemma || phraseAt(lemmas, i, lemmas.length)?.lemma === lemma);
}

/**
 * Problems with the citations of a dossier, one line each (empty when every citation holds):
 * - a fact source span that lacks a shared entity (no mention of it inside the span), a shared number
 *   (value not written inside the span) or the shared event (no word of its predicate class);
 * - a number dispute side whose spans do not state the side's value.
 */
export function unsupportedCitations(dossier: Dossier): string[] {
  const problems: string[] = [];
  const text = new Map(dossier.articles.map((a) => [a.id, a.text]));
  const slice = (s: Span) => text.get(s.articleId)!.slice(s.start, s.end);
  const entityByName = new Map(dossier.entities.map((e) => [e.name, e]));
  const mentions = (name: string, span: Span) =>
    entityByName.get(name)?.mentions.some((m) => m.articleId === span.articleId && m.start >= span.start && m.end <= span.end) ?? false;
  const check = (label: string, why: MatchEvidence | undefined, spans: Span[]) => {
    if (!why) return;
    for (const span of spans) {
      const cited = slice(span);
      for (const name of why.sharedEntities) if (!mentions(name, span)) problems.push(`${label}: "${cited}" does not name ${name}`);
      for (const number of why.sharedNumbers) {
        const value = Number(number.split(' ')[0]);
        if (!writtenForms(value).test(cited)) problems.push(`${label}: "${cited}" does not state ${number}`);
      }
      for (const lemma of why.sharedPredicates) if (!saysPredicate(cited, lemma)) problems.push(`${label}: "${cited}" does not say ${lemma}`);
    }
  };
  for (const fact of dossier.facts) check(`fact ${fact.id}`, fact.why, fact.sources);
  dossier.disputes.forEach((dispute, i) => {
    for (const side of dispute.sides) {
      if (dispute.kind !== 'number' || !side.value) continue;
      const forms = writtenForms(Number(side.value));
      for (const span of side.sources) if (!forms.test(slice(span))) problems.push(`dispute ${i + 1}: "${slice(span)}" does not state ${side.value}`);
    }
  });
  return problems;
}
