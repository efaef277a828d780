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
import { firstNamesCompatible, acronymOf, NearIndex, textKey } from './names.js';

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

/** The entity that has `form` as its name or one of its aliases (asserting there is exactly one). */
function entityNamed(resolved: ReturnType<typeof resolveEntities>, form: string) {
  const hits = resolved.entities.filter((e) => e.name === form || e.aliases.includes(form));
  assert.equal(hits.length, 1, `one entity written "${form}", got ${hits.length}`);
  return hits[0];
}

test('diacritics and transliterations of one name are one person; different first names on one surname stay apart', () => {
  const resolved = resolveEntities([
    docOf('a', [['José Mujica', 'person'], ['Volodymyr Zelenskyy', 'person'], ['Aleksandar Vučić', 'person'], ['Andrej Vucic', 'person']]),
    docOf('b', [['Jose Mujica', 'person'], ['Zelensky', 'person'], ['Aleksandar Vucic', 'person'], ['Milos Vucevic', 'person']]),
    docOf('c', [['Volodymyr Zelenskiy', 'person'], ['Mujica', 'person']]),
  ]);
  assert.equal(entityNamed(resolved, 'José Mujica'), entityNamed(resolved, 'Jose Mujica'));
  assert.equal(entityNamed(resolved, 'José Mujica').mentions.length, 3);
  const zelensky = entityNamed(resolved, 'Volodymyr Zelenskyy');
  assert.equal(entityNamed(resolved, 'Zelensky'), zelensky);
  assert.equal(entityNamed(resolved, 'Volodymyr Zelenskiy'), zelensky);
  assert.equal(entityNamed(resolved, 'Aleksandar Vučić'), entityNamed(resolved, 'Aleksandar Vucic'));
  assert.notEqual(entityNamed(resolved, 'Andrej Vucic'), entityNamed(resolved, 'Aleksandar Vucic'), 'other first name, other person');
  assert.notEqual(entityNamed(resolved, 'Milos Vucevic'), entityNamed(resolved, 'Aleksandar Vucic'), 'Vucevic is not Vucic');
});

test('hyphen and space variants of a compound first name are one person, other compounds are not', () => {
  const resolved = resolveEntities([
    docOf('a', [['Jean-Luc Mélenchon', 'person'], ['Jean-Pierre Melenchon', 'person']]),
    docOf('b', [['Jean Luc Melenchon', 'person']]),
  ]);
  const jeanLuc = entityNamed(resolved, 'Jean-Luc Mélenchon');
  assert.equal(entityNamed(resolved, 'Jean Luc Melenchon'), jeanLuc);
  assert.notEqual(entityNamed(resolved, 'Jean-Pierre Melenchon'), jeanLuc);
});

test('a title plus surname joins the one person of the story with that surname', () => {
  const resolved = resolveEntities([
    docOf('a', [['Emmanuel Macron', 'person'], ['Aleksandar Vucic', 'person']]),
    docOf('b', [['President Macron', 'person'], ['Mr. Vucic', 'person'], ['Prime Minister Albin Kurti', 'person']]),
    docOf('c', [['Albin Kurti', 'person'], ['Mr Kurti', 'person']]),
  ]);
  const macron = entityNamed(resolved, 'Emmanuel Macron');
  assert.equal(macron.mentions.length, 2);
  assert.deepEqual(macron.aliases, ['Macron'], 'the title is not part of the name');
  assert.equal(entityNamed(resolved, 'Aleksandar Vucic').mentions.length, 2);
  const kurti = entityNamed(resolved, 'Albin Kurti');
  assert.equal(kurti.mentions.length, 3);
  assert.equal(resolved.entities.length, 3);
});

test('acronyms defined in a parenthesis join their long form, whichever is in the parenthesis', () => {
  /** A doc of one sentence whose mentions are the given names; a name inside a parenthesis is left untagged. */
  const tagged = (id: string, text: string, names: string[]): Doc => {
    const mentions: Mention[] = names.map((n) => {
      const start = text.indexOf(n);
      return { start, end: start + n.length, text: n, type: 'organization' };
    });
    return { article: article(id, text), sentences: [], mentions, quotes: [], quantities: [], times: [], claims: [], diagnostics: [] };
  };
  const resolved = resolveEntities([
    tagged('a', 'The Organisation for Economic Co-operation and Development (OECD) cut its forecast.', ['Organisation for Economic Co-operation and Development']),
    tagged('b', 'The OECD said growth would slow. The ICTY (International Criminal Tribunal for the former Yugoslavia) closed.', ['OECD', 'ICTY']),
    tagged('c', 'Judges of the International Criminal Tribunal for the former Yugoslavia met.', ['International Criminal Tribunal for the former Yugoslavia']),
    tagged('d', 'The NATO-led Kosovo Force (KFOR) and the Kosovo Security Force (KSF) patrolled.', ['NATO-led Kosovo Force', 'Kosovo Security Force']),
    tagged('e', 'KFOR said it would send more troops. The North Atlantic Treaty Organization agreed; NATO allies sent 200.', ['KFOR', 'North Atlantic Treaty Organization', 'NATO']),
  ]);
  assert.equal(entityNamed(resolved, 'OECD'), entityNamed(resolved, 'Organisation for Economic Co-operation and Development'));
  assert.equal(entityNamed(resolved, 'ICTY'), entityNamed(resolved, 'International Criminal Tribunal for the former Yugoslavia'));
  assert.notEqual(entityNamed(resolved, 'KFOR'), entityNamed(resolved, 'NATO-led Kosovo Force'), 'the acronym does not define "NATO-led"');
  assert.equal(entityNamed(resolved, 'North Atlantic Treaty Organization'), entityNamed(resolved, 'NATO'), 'initials found anywhere in the story');
});

test('KFOR and the Kosovo Force are one body even where no text defines the acronym', () => {
  const resolved = resolveEntities([docOf('a', [['Kosovo Force', 'organization']]), docOf('b', [['KFOR', 'organization']])]);
  assert.equal(resolved.entities.length, 1);
});

test('standard names of countries and bodies are one entity', () => {
  const resolved = resolveEntities([
    docOf('a', [['U.S.', 'place'], ['UAE', 'place'], ['E.U.', 'organization'], ['Britain', 'place'], ['U.N.', 'organization']]),
    docOf('b', [['United States', 'place'], ['United Arab Emirates', 'place'], ['European Union', 'organization'], ['UK', 'place'], ['United Nations', 'organization']]),
    docOf('c', [['USA', 'place'], ['America', 'place'], ['EU', 'organization'], ['United Kingdom', 'place'], ['UN', 'organization'], ['Latin America', 'place']]),
    docOf('d', [['U.K.', 'place'], ['US', 'organization']]),
  ]);
  const us = entityNamed(resolved, 'United States');
  for (const form of ['U.S.', 'US', 'USA', 'America']) assert.equal(entityNamed(resolved, form), us, form);
  assert.equal(us.type, 'place', 'majority type');
  assert.notEqual(entityNamed(resolved, 'Latin America'), us);
  assert.equal(entityNamed(resolved, 'UAE'), entityNamed(resolved, 'United Arab Emirates'));
  for (const form of ['E.U.', 'EU']) assert.equal(entityNamed(resolved, form), entityNamed(resolved, 'European Union'), form);
  for (const form of ['Britain', 'UK', 'U.K.']) assert.equal(entityNamed(resolved, form), entityNamed(resolved, 'United Kingdom'), form);
  for (const form of ['U.N.', 'UN']) assert.equal(entityNamed(resolved, form), entityNamed(resolved, 'United Nations'), form);
  assert.equal(resolved.entities.length, 6);
});

test('a rare surname misspelt by one letter is one person when the first name agrees or is absent, never otherwise', () => {
  const resolved = resolveEntities([
    docOf('a', [['Milan Radoicic', 'person'], ['Milan Vucevic', 'person'], ['Aleksandar Vucic', 'person']]),
    docOf('b', [['Milan Radojicic', 'person'], ['Radojicic', 'person'], ['Andrej Vucic', 'person']]),
    docOf('c', [['Ivan Stojanovic', 'person'], ['Marko Stojanovix', 'person'], ['Stojanovics', 'person']]),
  ]);
  const radoicic = entityNamed(resolved, 'Milan Radoicic');
  assert.equal(entityNamed(resolved, 'Milan Radojicic'), radoicic);
  assert.equal(entityNamed(resolved, 'Radojicic'), radoicic);
  assert.notEqual(entityNamed(resolved, 'Milan Vucevic'), radoicic, 'same first name, other surname');
  assert.notEqual(entityNamed(resolved, 'Andrej Vucic'), entityNamed(resolved, 'Aleksandar Vucic'), 'same surname, other first name');
  assert.notEqual(entityNamed(resolved, 'Ivan Stojanovic'), entityNamed(resolved, 'Marko Stojanovix'), 'near surname, other first name');
  assert.equal(entityNamed(resolved, 'Stojanovics').mentions.length, 1, 'a bare surname near two people stays apart');
});

test('the near-surname index finds one-letter edits without comparing all pairs', () => {
  const index = new NearIndex<string>();
  for (const name of ['radoicic', 'mojsilovic', 'vucevic']) index.add(name, name);
  assert.deepEqual(index.near('radojicic'), ['radoicic'], 'insertion');
  assert.deepEqual(index.near('radoicc'), ['radoicic'], 'deletion');
  assert.deepEqual(index.near('mojsilovac'), ['mojsilovic'], 'substitution');
  assert.deepEqual(index.near('mojsilovic'), [], 'the key itself is not near');
  assert.deepEqual(index.near('vucic'), [], 'two letters off');
  assert.deepEqual(index.near('rdaoicic'), [], 'a transposition is two edits');
});
