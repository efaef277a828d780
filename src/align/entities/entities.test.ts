import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { seedsDir } from '../../../eval/data.js';
import type { Article } from '../../clean/types.js';
import type { Doc, EntityType, Mention } from '../../annotate/types.js';
import { splitSentences } from '../../annotate/sentences.js';
import { recognizeMentions } from '../../annotate/entities/index.js';
import { resolveEntities } from './index.js';
import { firstNamesCompatible, acronymOf, textKey } from './names.js';

function article(id: string, text: string): Article {
  return { id, origin: id, url: null, outlet: null, title: null, publishedAt: null, byline: null, credits: [], text, removed: [], diagnostics: [] };
}

/** A Doc whose mentions are given as [text, type] in order; offsets are found in the built text. */
function docOf(id: string, names: [string, EntityType][]): Doc {
  const text = names.map(([n]) => n).join(' met ');
  let cursor = 0;
  const mentions: Mention[] = names.map(([n, type]) => {
    const start = text.indexOf(n, cursor);
    cursor = start + n.length;
    return { start, end: start + n.length, text: n, type };
  });
  return { article: article(id, text), sentences: [], mentions, quotes: [], quantities: [], times: [], claims: [], diagnostics: [] };
}

test('transliterated first names merge; different surnames never do', () => {
  const resolved = resolveEntities([
    docOf('a', [['Aleksandar Vucic', 'person'], ['Milos Vucevic', 'person'], ['Vucic', 'person']]),
    docOf('b', [['Alexander Vucic', 'person'], ['Vucevic', 'person'], ['Aleksandar Vucic', 'person']]),
  ]);
  const vucic = resolved.entities.find((e) => e.name === 'Aleksandar Vucic');
  assert.ok(vucic);
  assert.deepEqual(new Set(vucic.aliases), new Set(['Vucic', 'Alexander Vucic']));
  assert.equal(vucic.mentions.length, 4);
  const vucevic = resolved.entities.find((e) => e.name === 'Milos Vucevic');
  assert.deepEqual(vucevic?.aliases, ['Vucevic']);
  assert.notEqual(vucic.id, vucevic?.id);
});

test('same first name, different surnames stay apart; an ambiguous surname goes to the latest full name in its article', () => {
  const resolved = resolveEntities([
    docOf('a', [['Milan Mojsilovic', 'person'], ['Milan Radoicic', 'person'], ['Mojsilovic', 'person']]),
    docOf('b', [['Ana Kovac', 'person'], ['Ivan Kovac', 'person'], ['Kovac', 'person']]),
    docOf('c', [['Kovac', 'person']]),
  ]);
  const names = resolved.entities.map((e) => e.name);
  assert.ok(names.includes('Milan Mojsilovic') && names.includes('Milan Radoicic'));
  assert.equal(resolved.entities.find((e) => e.name === 'Milan Mojsilovic')?.mentions.length, 2);
  assert.equal(resolved.entities.find((e) => e.name === 'Ivan Kovac')?.mentions.length, 2, 'latest full name in the article');
  const bare = resolved.entities.find((e) => e.name === 'Kovac');
  assert.equal(bare?.mentions.length, 1, 'with no full name in its article, the surname stays on its own');
});

test('types by majority, ids by first appearance, acronyms join their long form, entityAt finds overlaps', () => {
  const docs = [
    docOf('a', [['NATO', 'organization'], ['Kosovo', 'place'], ['John Kirby', 'person']]),
    docOf('b', [['Kosovo', 'organization'], ['North Atlantic Treaty Organization', 'organization'], ['Kosovo', 'place'], ['Kirby', 'organization']]),
  ];
  const resolved = resolveEntities(docs);
  assert.deepEqual(resolved.entities.map((e) => e.id), ['e1', 'e2', 'e3']);
  const [nato, kosovo, kirby] = resolved.entities;
  assert.equal(nato.mentions.length, 2);
  assert.equal(kosovo.type, 'place');
  assert.equal(kosovo.mentions.length, 3);
  assert.equal(kirby.type, 'person');
  const kirbyMention = docs[1].mentions[3];
  assert.equal(resolved.entityAt('b', kirbyMention.start - 2, kirbyMention.start + 2)?.id, kirby.id);
  assert.equal(resolved.entityAt('b', 100000, 100001), null);
  assert.equal(resolved.entityAt('zz', 0, 5), null);
  assert.deepEqual(resolveEntities(docs).entities, resolved.entities, 'deterministic');
});

test('name helpers', () => {
  assert.ok(firstNamesCompatible('Aleksandar', 'Alexander'));
  assert.ok(firstNamesCompatible('A.', 'Antony'));
  assert.ok(!firstNamesCompatible('Milan', 'Milos'));
  assert.equal(textKey("Vučić's"), 'vucic');
  assert.equal(acronymOf('european union'), 'eu');
});

test('seed story: persons resolve across articles with their surnames; Vucic and Vucevic stay apart', { skip: existsSync(seedsDir) ? false : `seeds absent: ${seedsDir}` }, () => {
  const docs: Doc[] = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const text = readFileSync(path.join(seedsDir, f), 'utf8');
      const sentences = splitSentences(text);
      return { article: article(f, text), sentences, mentions: recognizeMentions(text, sentences), quotes: [], quantities: [], times: [], claims: [], diagnostics: [] };
    });
  const { entities } = resolveEntities(docs);
  const byAlias = (form: string) => entities.filter((e) => e.name === form || e.aliases.includes(form));
  for (const form of ['Vucic', 'Aleksandar Vucic', 'Alexander Vucic']) assert.equal(byAlias(form).length, 1, form);
  const vucic = byAlias('Vucic')[0];
  assert.equal(vucic.type, 'person');
  assert.equal(byAlias('Aleksandar Vucic')[0], vucic);
  assert.equal(byAlias('Alexander Vucic')[0], vucic);
  const vucevic = byAlias('Milos Vucevic')[0];
  assert.notEqual(vucevic, vucic);
  assert.ok(vucevic.aliases.includes('Vucevic'));
  for (const [full, surname] of [['Albin Kurti', 'Kurti'], ['Milan Mojsilovic', 'Mojsilovic'], ['John Kirby', 'Kirby'], ['Jens Stoltenberg', 'Stoltenberg']]) {
    const hits = byAlias(full);
    assert.equal(hits.length, 1, full);
    assert.equal(hits[0].type, 'person', full);
    assert.ok(hits[0].aliases.includes(surname) || hits[0].name === surname, `${surname} joins ${full}`);
  }
  assert.notEqual(byAlias('Milan Mojsilovic')[0], byAlias('Milan Radoicic')[0]);
  for (const place of ['Kosovo', 'Serbia', 'Belgrade']) assert.equal(byAlias(place)[0]?.type, 'place', place);
  for (const org of ['NATO', 'KFOR']) assert.equal(byAlias(org)[0]?.type, 'organization', org);
});
