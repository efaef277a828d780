import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleSignature, StoryClusterer, reachableSince, type ClustererChanges, type StoryState } from './index.js';

// Self-written fixture: two events in the same week, a near miss (same topic, another event months later),
// and unrelated filler so document frequencies look like a real stream.
const flood = (n: number, day: string) => ({
  title: `Flood in Valdoria: river Merin bursts banks ${n}`,
  text: `The river Merin burst its banks in Valdoria after days of rain, flooding the old town. Rescue teams evacuated residents of Valdoria by boat. The Merin flood damaged the Kessel bridge.`,
  publishedAt: day,
});
const strike = (n: number, day: string) => ({
  title: `Rail strike halts Ostmark trains ${n}`,
  text: `A rail strike by the Ostmark drivers union halted trains across Ostmark. Commuters were stranded as the union demanded higher wages from the Ostmark rail operator.`,
  publishedAt: day,
});
const fillers = Array.from({ length: 12 }, (_, i) => ({
  title: `Local council item ${i}`,
  text: `Council meeting number ${i} discussed budget line ${i * 7} and parking rule ${i * 13} for district ${String.fromCharCode(65 + i)}.`,
  publishedAt: `2023-03-0${1 + (i % 5)}`,
}));

function run(clusterer: StoryClusterer, articles: { title: string; text: string; publishedAt: string | null }[]): number[] {
  const renamed = new Map<number, number>();
  const ids = articles.map((a) => {
    const d = clusterer.add(articleSignature(a));
    for (const m of d.merged) renamed.set(m, d.storyId);
    return d.storyId;
  });
  return ids.map((id) => {
    while (renamed.has(id)) id = renamed.get(id)!;
    return id;
  });
}

const stream = [
  ...fillers.slice(0, 6),
  flood(1, '2023-03-02'),
  strike(1, '2023-03-02'),
  flood(2, '2023-03-03'),
  strike(2, '2023-03-03'),
  ...fillers.slice(6),
  flood(3, '2023-03-04'),
  strike(3, '2023-03-05'),
];

test('articles about one event join one story; another event in the same week gets its own', () => {
  const ids = run(new StoryClusterer(), stream);
  const floods = [6, 8, 16].map((i) => ids[i]);
  const strikes = [7, 9, 17].map((i) => ids[i]);
  assert.equal(new Set(floods).size, 1);
  assert.equal(new Set(strikes).size, 1);
  assert.notEqual(floods[0], strikes[0]);
  assert.ok(!ids.slice(0, 6).includes(floods[0]), 'filler did not join the flood story');
});

test('a same-topic article outside the time window starts a new story', () => {
  const clusterer = new StoryClusterer({ lateWindowDays: 0 });
  const ids = run(clusterer, [...stream, flood(4, '2023-09-01')]);
  assert.notEqual(ids[ids.length - 1], ids[6]);
});

test('reprocessing the same input gives the same stories', () => {
  assert.deepEqual(run(new StoryClusterer(), stream), run(new StoryClusterer(), stream));
});

test('a clusterer restored from its saved changes continues exactly like one that never stopped', () => {
  const continuous = run(new StoryClusterer(), stream);
  const first = new StoryClusterer();
  const head = run(first, stream.slice(0, 9));
  // What a store would hold after the first batch (accumulated drains, JSON round trip).
  const changes: ClustererChanges = JSON.parse(JSON.stringify(first.drainChanges()));
  const states: StoryState[] = changes.stories;
  const restored = new StoryClusterer({}, {
    documents: changes.documents,
    nextStoryId: changes.nextStoryId,
    clockDay: changes.clockDay,
    documentFrequencies: changes.documentFrequencies,
    stories: states.filter((s) => s.lastDay >= (reachableSince(changes.clockDay) ?? -Infinity)),
  });
  const tail = run(restored, stream.slice(9));
  assert.deepEqual([...head, ...tail], continuous);
});

test('two stories bridged by an article that matches both are merged into the older one', () => {
  const clusterer = new StoryClusterer({ joinThreshold: 0.2, mergeThreshold: 0.1, sizePenalty: 0 });
  const a = { title: 'Valdoria flood', text: 'River Merin flood Valdoria evacuation boats rescue.', publishedAt: '2023-03-02' };
  const b = { title: 'Kessel bridge damaged', text: 'Kessel bridge damaged closed engineers inspect Valdoria.', publishedAt: '2023-03-02' };
  const bridge = { title: 'Valdoria flood damages Kessel bridge', text: 'River Merin flood Valdoria evacuation boats rescue. Kessel bridge damaged closed engineers inspect.', publishedAt: '2023-03-03' };
  const ids = run(clusterer, [...fillers, a, b, bridge]);
  const [ia, ib, ibridge] = ids.slice(-3);
  assert.notEqual(run(new StoryClusterer({ joinThreshold: 0.2, mergeThreshold: 0.1, sizePenalty: 0 }), [...fillers, a, b]).at(-1), ia, 'a and b alone are two stories');
  assert.equal(ia, ib);
  assert.equal(ibridge, ia);
});

test('undated articles join their event even when newer stories moved the clock far ahead', () => {
  // Dated flood coverage in March, an unrelated strike two years later, then undated flood pages:
  // the undated pages must not be judged against the strike's date.
  const clusterer = new StoryClusterer();
  const undated = (n: number) => ({ ...flood(n, ''), publishedAt: null });
  const ids = run(clusterer, [...fillers, flood(1, '2023-03-02'), flood(2, '2023-03-03'), strike(1, '2025-06-01'), strike(2, '2025-06-02'), undated(3), undated(4)]);
  const floodStory = ids[fillers.length];
  assert.deepEqual(ids.slice(-2), [floodStory, floodStory]);
});

test('a story of undated articles keeps them together and is still joinable by dated coverage', () => {
  const clusterer = new StoryClusterer();
  const undated = (n: number) => ({ ...strike(n, ''), publishedAt: null });
  const ids = run(clusterer, [...fillers, undated(1), undated(2), strike(3, '2024-01-10')]);
  const [a, b, c] = ids.slice(-3);
  assert.equal(a, b);
  assert.equal(c, a);
});

test('a short story silent for four weeks needs a closer match than one still in the news', () => {
  // Icicles fall from a Kessel store (two days of coverage); weeks later the same company removes an app.
  const icicles = (n: number, day: string) => ({ title: `Icicles fall from Kessel store roof ${n}`, text: 'Icicles fell from the roof of the Kessel store in Valdoria. Kessel blamed its roof heating software and closed the entrance.', publishedAt: day });
  const app = (day: string) => ({ title: 'Kessel removes messaging app from its store', text: 'Kessel removed the Ostmark messaging app from its app store after complaints about content.', publishedAt: day });
  const head = [...fillers, icicles(1, '2023-03-06'), icicles(2, '2023-03-07')];
  const soon = new StoryClusterer({ sizePenalty: 0 });
  run(soon, head);
  const similarity = soon.add(articleSignature(app('2023-03-12'))).similarity;
  assert.ok(similarity > 0, 'the app article resembles the icicle story');
  // A join bar just under that similarity: met five days on, not once the story has been quiet for four weeks.
  const options = { sizePenalty: 0, joinThreshold: similarity * 0.8 };
  const story = run(new StoryClusterer(options), head).at(-1);
  assert.equal(run(new StoryClusterer(options), [...head, app('2023-03-12')]).at(-1), story);
  assert.notEqual(run(new StoryClusterer(options), [...head, app('2023-04-06')]).at(-1), story);
});
