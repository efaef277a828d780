// The five seed articles report one attack (Banjska, Kosovo, Sept. 2023) in different words. Their casualty and
// troop numbers must come out as comparable quantities: one kind for "gunmen", "assailants", "rebels",
// "attackers"; one event for "were killed", "lost their lives", "the death of"; KFOR's 4,500 apart from Serbia's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { seedsDir } from '../../../eval/data.js';
import { readText } from '../../read/index.js';
import { cleanArticle } from '../../clean/index.js';
import { splitSentences } from '../sentences.js';
import { findQuantities } from './index.js';

const present = existsSync(seedsDir);
const skip = present ? false : `seed articles absent (${seedsDir})`;

/** Rows "value kind event owner" (owner as written, "-" when absent) of one seed's informative quantities. */
function seedRows(prefix: string): string[] {
  const file = readdirSync(seedsDir).find((f) => f.startsWith(prefix));
  assert.ok(file, `seed ${prefix} missing`);
  const { text } = cleanArticle(readText(readFileSync(path.join(seedsDir, file), 'utf8'), file));
  return findQuantities(text, splitSentences(text))
    .filter((q) => q.informative !== false)
    .map((q) => `${q.value} ${q.kind ?? '-'} ${q.event ?? '-'} ${q.owner ? text.slice(q.owner.start, q.owner.end) : '-'}`);
}

test('seeds: the casualties of Banjska are one police officer and three attackers killed, in every wording', { skip }, () => {
  assert.ok(seedRows('000_').includes('1 police officer kill -'));
  assert.ok(seedRows('000_').includes('1 police officer injure -'));
  for (const prefix of ['001_', '003_', '004_']) {
    const rows = seedRows(prefix);
    assert.ok(rows.some((r) => /^1 police officer kill /.test(r)), `${prefix}: ${rows.join('; ')}`);
    assert.ok(rows.includes('3 attacker kill -'), `${prefix}: ${rows.join('; ')}`);
  }
  assert.deepEqual(seedRows('002_'), ['3 attacker kill -']);
});

test('seeds: troop numbers carry their event and owner', { skip }, () => {
  const rows = seedRows('003_');
  assert.ok(rows.includes('8350 soldier reduce Serbia'), rows.join('; '));
  assert.ok(rows.includes('4500 soldier reduce Serbia'), rows.join('; '));
  assert.ok(rows.includes('600 soldier deploy NATO'), rows.join('; '));
  assert.ok(rows.includes('4500 soldier - KFOR'), rows.join('; '));
  // "tensions between the two countries" is not a count
  assert.ok(!rows.some((r) => r.startsWith('2 country')), rows.join('; '));
});

test('seeds: every quantity has a kind, and every informative person count an event', { skip }, () => {
  for (const prefix of ['000_', '001_', '002_', '003_', '004_']) {
    for (const row of seedRows(prefix)) {
      const [, kind, event] = row.split(' ');
      assert.notEqual(kind, '-', `${prefix}: ${row}`);
      if (/^(?:attacker|police)$/.test(kind)) assert.notEqual(event, '-', `${prefix}: ${row}`);
    }
  }
});
