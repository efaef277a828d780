// Dispute titles cut from a sentence: quotation marks and brackets are closed, or cut with a stub after them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { balancedTitle } from './titles.js';

test('a quotation or parenthesis left open by the cut is closed', () => {
  assert.equal(balancedTitle('The mayor has promised a "complete overhaul of the water network'), 'The mayor has promised a "complete overhaul of the water network"');
  assert.equal(balancedTitle('The mayor has promised a “complete overhaul of the water network,'), 'The mayor has promised a “complete overhaul of the water network”');
  assert.equal(balancedTitle('The council posted the plan on X (formerly Twitter'), 'The council posted the plan on X (formerly Twitter)');
});

test('an opener with almost nothing after it is cut, with what follows it', () => {
  assert.equal(balancedTitle('The mayor told reporters: "We'), 'The mayor told reporters');
  assert.equal(balancedTitle('The mayor said “'), 'The mayor said');
});

test('a closing mark whose opener was cut off gets one at the start', () => {
  assert.equal(balancedTitle('the pipes are older than the town,” the engineer said'), '“the pipes are older than the town,” the engineer said');
});

test('balanced titles and apostrophes are left as they are', () => {
  for (const title of ['The “overhaul” begins in May', 'The council’s plan (the second) was approved', "Serbia's army said \"no\" twice"]) assert.equal(balancedTitle(title), title);
});
