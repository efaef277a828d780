import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { seedsDir } from '../../../eval/data.js';
import { splitSentences } from '../sentences.js';
import type { Mention, QuoteAnnotation } from '../types.js';
import { findQuotes, findQuotedSpans } from './index.js';
import { recognizeMentions } from '../entities/index.js';

function quotesOf(text: string, mentions: Mention[] = []): QuoteAnnotation[] {
  return findQuotes(text, splitSentences(text), mentions);
}

/** The speaker of the quote whose words start with `words`. */
function speakerOf(quotes: QuoteAnnotation[], words: string): string | null | undefined {
  const found = quotes.find((q) => q.text.startsWith(words));
  assert.ok(found, `no quote starting with ${JSON.stringify(words)}; found ${JSON.stringify(quotes.map((q) => q.text.slice(0, 40)))}`);
  return found.speakerName;
}

test('curly and straight quote marks pair up, a quote left open runs to its paragraph end', () => {
  const text = 'He said “one thing” and "another."\n\n“Running on\n\n“Closed here.”';
  const spans = findQuotedSpans(text).map((s) => [text.slice(s.start, s.end), s.runsOn]);
  assert.deepEqual(spans, [['one thing', false], ['another.', false], ['Running on', true], ['Closed here.', false]]);
});

test('cue after the quote, with the speaker before or after the verb', () => {
  const text =
    'Serbian Defense Minister Milos Vucevic met reporters.\n\n' +
    '"The army never entered the territory," he said.\n\n' +
    '"We will keep the corridor open to everyone who needs it," said Vucevic on X.\n\n' +
    '"Talks must resume without any conditions next week," Kosovo Prime Minister Albin Kurti told reporters.';
  const quotes = quotesOf(text).filter((q) => q.direct !== false);
  assert.equal(speakerOf(quotes, 'The army never'), 'Milos Vucevic');
  assert.equal(speakerOf(quotes, 'We will keep'), 'Milos Vucevic');
  assert.equal(speakerOf(quotes, 'Talks must'), 'Albin Kurti');
  assert.equal(quotes.find((q) => q.text.startsWith('Talks'))?.cue, 'told');
  assert.ok(quotes.every((q) => !q.partial));
});

test('cue before the quote: "X wrote Friday on X that" and "X told reporters:"', () => {
  const text =
    'NATO Secretary-General Jens Stoltenberg wrote Friday on X that "Allies met today and expressed deep concern."\n\n' +
    'Stoltenberg told reporters: "We are ready to make further adjustments."';
  const quotes = quotesOf(text).filter((q) => q.direct !== false);
  assert.equal(speakerOf(quotes, 'Allies met'), 'Jens Stoltenberg');
  assert.equal(speakerOf(quotes, 'We are ready'), 'Jens Stoltenberg');
});

test('a quote-only paragraph continues the speaker of the quote in the paragraph before', () => {
  const text =
    '"We are monitoring a large deployment along the border," White House spokesman John Kirby told reporters on Friday.\n\n' +
    '"That includes an unprecedented staging of artillery and tanks. We believe this is destabilising."\n\n' +
    'The talks ended on Monday.\n\n' +
    '"Nobody expected a result from this round of talks anyway."';
  const quotes = quotesOf(text).filter((q) => q.direct !== false);
  assert.equal(speakerOf(quotes, 'That includes'), 'John Kirby');
  // A quote-only paragraph after a paragraph without any quote has no speaker to continue: it is not returned.
  assert.equal(quotes.some((q) => q.text.startsWith('Nobody expected')), false);
});

test('a lone quoted line with no cue is an artefact, not a quote; short cue-less scare quotes are skipped', () => {
  const text =
    'The United States urged Serbia to withdraw its forces from the border.\n\n' +
    '“I cannot reword.”\n\n' +
    'Mojsilovic was surprised by the concern about the presence of forces during the “security crisis.”';
  const quotes = quotesOf(text).filter((q) => q.direct !== false);
  assert.deepEqual(quotes.map((q) => q.text), []);
});

test('partial quotes inside reported speech keep the speaker of the cue', () => {
  const text =
    'Serbian President Aleksandar Vucic accused NATO and Kosovo of acting "hypocritically".\n\n' +
    'The last week has seen a "large Serbian military deployment along the border," according to the US National Security Council.';
  const quotes = quotesOf(text).filter((q) => q.direct !== false);
  const hypocritically = quotes.find((q) => q.text === 'hypocritically');
  assert.equal(hypocritically?.speakerName, 'Aleksandar Vucic');
  assert.equal(hypocritically?.partial, true);
  assert.equal(speakerOf(quotes, 'large Serbian'), 'US National Security Council');
});

test('pronouns resolve to the subject of the previous sentence, not the last name in it', () => {
  const text =
    'Vucevic denied allegations made by Kosovo Prime Minister Albin Kurti during a press conference with General Milan Mojsilovic.\n\n' +
    '"The Serbian army never entered the territory of Kosovo," he said.\n\n' +
    'German Foreign Minister Annalena Baerbock met him later. "We need calm on both sides of the border," she said.';
  const quotes = quotesOf(text).filter((q) => q.direct !== false);
  assert.equal(speakerOf(quotes, 'The Serbian army'), 'Vucevic');
  assert.equal(speakerOf(quotes, 'We need calm'), 'Annalena Baerbock');
});

test('a title alone resolves to the named person holding it; surnames resolve to the full name', () => {
  const mentions: Mention[] = [];
  const text =
    'Defense Minister Milos Vucevic visited the border.\n\n' +
    '"Our troops are where they always were," the minister said.\n\n' +
    '"There is no build-up at all," Vucevic added.';
  const at = (words: string): number => text.indexOf(words);
  mentions.push({ start: at('Milos'), end: at('Milos') + 'Milos Vucevic'.length, text: 'Milos Vucevic', type: 'person', role: 'Defense Minister' });
  mentions.push({ start: at('Vucevic added'), end: at('Vucevic added') + 7, text: 'Vucevic', type: 'person' });
  const quotes = quotesOf(text, mentions);
  assert.equal(speakerOf(quotes, 'Our troops'), 'Milos Vucevic');
  assert.equal(speakerOf(quotes, 'There is no'), 'Milos Vucevic');
});

test('organizations speak: "the White House warned", reported speech is flagged direct: false', () => {
  const text = 'Serbia deployed tanks and artillery on the frontier, the White House warned.\n\nThe ministry said that the troops would stay.';
  const reported = quotesOf(text).filter((q) => q.direct === false);
  assert.deepEqual(
    reported.map((q) => [q.text, q.speakerName]),
    [['Serbia deployed tanks and artillery on the frontier', 'White House'], ['the troops would stay', 'The ministry']],
  );
});

test('quotes spanning sentences and interrupted by the cue', () => {
  const text = '"We will not move. We have no reason to," the president said, "and nobody has asked us to."';
  const quotes = quotesOf(text).filter((q) => q.direct !== false);
  assert.equal(quotes.length, 2);
  assert.ok(quotes.every((q) => q.speakerName === 'the president' && q.cue === 'said'));
});

const seeds = existsSync(seedsDir) ? readdirSync(seedsDir).filter((f) => f.endsWith('.txt')) : [];
function seed(prefix: string): string {
  const file = seeds.find((f) => f.startsWith(prefix));
  assert.ok(file, `seed ${prefix} missing`);
  return readFileSync(path.join(seedsDir, file), 'utf8');
}

/** Quotes of a seed with the entity recognizer's mentions, as the pipeline runs them. */
function seedQuotes(prefix: string): QuoteAnnotation[] {
  const text = seed(prefix);
  const sentences = splitSentences(text);
  return findQuotes(text, sentences, recognizeMentions(text, sentences));
}

test('seed articles: every direct quote gets its speaker', { skip: seeds.length === 0 && `skipped: ${seedsDir} is absent` }, () => {
  const s0 = seedQuotes('000');
  assert.equal(speakerOf(s0, 'The Serbian army never entered'), 'Milos Vucevic');
  assert.equal(speakerOf(s0, 'Based on confiscated documentation'), 'Albin Kurti');
  assert.equal(speakerOf(s0, 'NATO Allies met today'), 'Jens Stoltenberg');
  assert.equal(speakerOf(s0, 'large Serbian military deployment'), 'US National Security Council');
  assert.equal(speakerOf(s0, 'A campaign of lies'), 'Vucic');
  assert.equal(speakerOf(s0, 'They have lied a lot'), 'Vucic');

  const s1 = seedQuotes('001');
  assert.equal(speakerOf(s1, 'We are monitoring'), 'John Kirby');
  assert.equal(speakerOf(s1, 'That includes an unprecedented'), 'John Kirby');
  assert.equal(speakerOf(s1, 'immediate deescalation'), 'John Kirby');
  assert.equal(speakerOf(s1, 'I have denied untruths'), 'Aleksandar Vucic');
  assert.equal(speakerOf(s1, "We don't even have half"), 'Aleksandar Vucic');
  assert.equal(speakerOf(s1, 'I simply did not sign'), 'Aleksandar Vucic');
  assert.equal(speakerOf(s1, 'increase its presence and activity'), 'a NATO official');
  assert.equal(speakerOf(s1, 'further adjustments'), 'a NATO official');

  const s3 = seedQuotes('003');
  assert.equal(s3.some((q) => q.text.includes('I cannot reword')), false);

  const s4 = seedQuotes('004');
  assert.equal(speakerOf(s4, 'Kill us all'), 'Alexander Vucic');
  assert.equal(speakerOf(s4, "NATO's KFOR mission"), 'Jens Stoltenberg');
  assert.equal(speakerOf(s4, 'Since May, we have strengthened'), 'Jens Stoltenberg');
  assert.equal(speakerOf(s4, 'We call on Serbia'), 'John Kirby');
  assert.equal(speakerOf(s4, 'hypocritically'), 'Alexander Vucic');
});

test('beliefs, intentions and evidence are attributed with their kind; speech keeps kind speech', () => {
  const text =
    'Senator Jane Morrow wants to cut the state budget by a tenth.\n\n' +
    'A new statewide poll shows Morrow leading her rival by six points.\n\n' +
    'Morrow said the cuts would spare schools.\n\n' +
    'Her opponents fear that the cuts will close rural hospitals.';
  const quotes = quotesOf(text);
  const kindOf = (words: string): string | undefined => quotes.find((q) => q.text.startsWith(words))?.cueKind;
  assert.equal(kindOf('to cut the state budget'), 'intention');
  assert.equal(kindOf('Morrow leading her rival'), 'evidence');
  assert.equal(kindOf('the cuts would spare'), 'speech');
  assert.equal(kindOf('the cuts will close'), 'belief');
  assert.equal(speakerOf(quotes, 'to cut the state budget'), 'Jane Morrow');
});

test('readers\' quotes signed with a dash and a name, and transcript turns, get their speakers', () => {
  const signed = '“He represents our greatest shame.” ― Sonya Herridge\n“He is ignorant of our culture.”― Edwin G. Monroy\n\nThe debate ran late.';
  const quotes = findQuotes(signed, splitSentences(signed), []);
  assert.deepEqual(quotes.filter((q) => q.direct).map((q) => q.speakerName), ['Sonya Herridge', 'Edwin G. Monroy']);

  const transcript = 'Partial transcript:\n\n"WALLACE: Let\'s start with the debate.\n\n"PENCE: Flowers will not attend.\n\n"WALLACE: Do you see those two as equivalent?';
  const turns = findQuotes(transcript, splitSentences(transcript), []);
  assert.deepEqual(turns.map((q) => [q.text, q.speakerName]), [
    ["Let's start with the debate.", 'WALLACE'],
    ['Flowers will not attend.', 'PENCE'],
    ['Do you see those two as equivalent?', 'WALLACE'],
  ]);
  // One capitalised label is a heading, not a transcript.
  const heading = 'UPDATE: The vote was moved to Friday.\n\nThe senator said nothing.';
  assert.equal(findQuotes(heading, splitSentences(heading), []).filter((q) => q.cue === ':').length, 0);
});
