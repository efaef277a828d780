// Who published an article: the label rule (outlet > wire credit > URL domain > file name) and the
// origins a shared dossier may carry (never an absolute local path).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleName, domainOf, fileLabel, labelOf, labelSourceOf, originName, publicOrigin } from './outlets.js';

const article = (over: Partial<{ outlet: string | null; credits: string[]; url: string | null; origin: string }> = {}) => ({
  outlet: null,
  credits: [],
  url: null,
  origin: '/home/ana/news/kosovo-serbia_rferl.txt',
  ...over,
});

test('the label comes from the outlet, else the wire credit, else the URL domain, else the file name', () => {
  const all = { outlet: 'Radio Free Europe', credits: ['AP'], url: 'https://www.bbc.co.uk/news/world-66963741' };
  assert.deepEqual(articleName(article(all)), { label: 'Radio Free Europe', labelSource: 'outlet' });
  assert.deepEqual(articleName(article({ ...all, outlet: null })), { label: 'AP', labelSource: 'credit' });
  assert.deepEqual(articleName(article({ ...all, outlet: '  ', credits: [] })), { label: 'bbc.co.uk', labelSource: 'domain' });
  assert.deepEqual(articleName(article()), { label: 'kosovo-serbia rferl', labelSource: 'file' });
});

test('several credits read as one label, each once', () => {
  assert.equal(articleName(article({ credits: ['AP', 'Reuters', 'AP'] })).label, 'AP / Reuters');
});

test('a domain drops the host prefixes that do not name the publisher; anything but http(s) has none', () => {
  assert.equal(domainOf('https://www.bbc.co.uk/news/x'), 'bbc.co.uk');
  assert.equal(domainOf('http://m.dw.com/en/a'), 'dw.com');
  assert.equal(domainOf('https://amp.theguardian.com/world'), 'theguardian.com');
  assert.equal(domainOf('not a url'), null);
  assert.equal(domainOf('file:///tmp/a.html'), null);
  assert.equal(domainOf(null), null);
  // A page fetched by address and stored without a url field: the origin is the address.
  assert.deepEqual(articleName(article({ origin: 'https://www.rferl.org/a/kosovo/1.html' })), { label: 'rferl.org', labelSource: 'domain' });
});

test('a file name becomes a readable label: no directory, extension or content hash, ever a path', () => {
  assert.equal(fileLabel('/home/ana/news/kosovo-serbia_rferl.txt'), 'kosovo-serbia rferl');
  assert.equal(fileLabel('C:\\Users\\ana\\news\\serbia_troops_bbc.html'), 'serbia troops bbc');
  assert.equal(fileLabel('../shared/seeds/003_dd217a7356c263fc.txt'), '003_dd217a7356c263fc'); // only an index is left: the name as given
  assert.equal(fileLabel('story_9ed602697b51ae3c.txt'), 'story');
  assert.equal(fileLabel('/data/feeds/balkans.jsonl#3'), 'balkans #3');
  for (const origin of ['/home/ana/a.txt', 'C:\\x\\b.txt', 'file:///tmp/c.html', '~/d.md', '\\\\server\\share\\e.txt']) {
    const { label } = articleName(article({ origin }));
    assert.ok(!/[\\/]/.test(label), `${origin} -> ${label}`);
  }
});

test('an origin keeps what the user typed when relative, and only the file name when absolute', () => {
  assert.equal(publicOrigin('../shared/seeds/000_9ed602697b51ae3c.txt'), '../shared/seeds/000_9ed602697b51ae3c.txt');
  assert.equal(publicOrigin('/home/ana/news/a.txt'), 'a.txt');
  assert.equal(publicOrigin('C:\\Users\\ana\\b.html'), 'b.html');
  assert.equal(publicOrigin('file:///tmp/c.html'), 'c.html');
  assert.equal(publicOrigin('~/news/d.txt'), 'd.txt');
  assert.equal(publicOrigin('/data/feeds/balkans.jsonl#3'), 'balkans.jsonl#3');
  assert.equal(publicOrigin('https://www.bbc.co.uk/news/x'), 'https://www.bbc.co.uk/news/x');
  assert.equal(originName('https://www.bbc.co.uk/news/x'), 'https://www.bbc.co.uk/news/x');
});

test('a carried label wins; an older dossier without one gets the derived label', () => {
  const carried = { ...article(), label: 'RFE/RL', labelSource: 'outlet' as const };
  assert.equal(labelOf(carried), 'RFE/RL');
  assert.equal(labelSourceOf(carried), 'outlet');
  assert.equal(labelOf(article()), 'kosovo-serbia rferl');
  assert.equal(labelSourceOf(article()), 'file');
});
