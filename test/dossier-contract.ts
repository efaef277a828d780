// Checks shared by the dossier tests: the JSON Schema and "every span points at real source text".
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import type { Dossier } from '../src/dossier/types.js';
import type { Span } from '../src/annotate/types.js';

const schemaPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../schema/dossier.schema.json');
const ajv = new Ajv2020.default({ allErrors: true, strict: false });
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

/** Schema errors of a dossier after a JSON round trip, as readable lines (empty when valid). */
export function schemaErrors(dossier: Dossier): string[] {
  const ok = validate(JSON.parse(JSON.stringify(dossier)));
  return ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** Every span in the dossier, with where it was found. */
export function allSpans(d: Dossier): { where: string; span: Span }[] {
  const out: { where: string; span: Span }[] = [];
  d.entities.forEach((e) => e.mentions.forEach((span) => out.push({ where: `entity ${e.name}`, span })));
  d.quotes.forEach((q) => out.push({ where: 'quote', span: q.span }));
  d.quantities.forEach((q) => out.push({ where: 'quantity', span: q.span }));
  d.numberChanges.forEach((c) => c.values.forEach((v) => out.push({ where: 'number change', span: v.span })));
  d.timeline.forEach((t) => t.sources.forEach((span) => out.push({ where: `timeline ${t.date}`, span })));
  d.facts.forEach((f) => f.sources.forEach((span) => out.push({ where: `fact ${f.id}`, span })));
  d.disputes.forEach((x) => x.sides.forEach((s) => s.sources.forEach((span) => out.push({ where: `dispute ${x.about}`, span }))));
  d.summary.forEach((s) => s.sources.forEach((span) => out.push({ where: 'summary', span })));
  return out;
}

/** Spans that fall outside their article or are empty. */
export function invalidSpans(d: Dossier): string[] {
  const texts = new Map(d.articles.map((a) => [a.id, a.text]));
  return allSpans(d)
    .filter(({ span }) => {
      const text = texts.get(span.articleId);
      return text === undefined || span.start < 0 || span.end > text.length || span.start >= span.end;
    })
    .map(({ where, span }) => `${where}: ${JSON.stringify(span)}`);
}

/** Text fields that must be verbatim source text: their first source's slice equals them. */
export function unquotedTexts(d: Dossier): string[] {
  const texts = new Map(d.articles.map((a) => [a.id, a.text]));
  const slice = (s: Span) => texts.get(s.articleId)?.slice(s.start, s.end);
  const problems: string[] = [];
  for (const f of d.facts) if (!f.sources.some((s) => slice(s) === f.text)) problems.push(`fact ${f.id}: ${f.text}`);
  for (const s of d.summary) if (slice(s.sources[0]) !== s.text) problems.push(`summary: ${s.text}`);
  for (const x of d.disputes) for (const side of x.sides) if (!side.sources.some((s) => slice(s) === side.text)) problems.push(`dispute side: ${side.text}`);
  for (const t of d.timeline) if (!t.sources.some((s) => slice(s) === t.text)) problems.push(`timeline: ${t.text}`);
  return problems;
}
