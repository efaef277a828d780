// Fault class 12: stories over-merged on a real feed. One outlet's feed summaries (a title and a sentence or
// two) on unrelated events share the outlet's vocabulary ("families", "home", "research", "study") and its
// recurring names; they must stay apart, while short items that do report one event (a story and its video,
// one wire copy carried by two outlets, two outlets' briefs naming the same place) must still join.
// First a self-written fixture, then the real case C15 from ../shared/cases/realworld (skipped when absent).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleSignature, StoryClusterer } from './index.js';
import { openStore } from '../store/index.js';
import { ingestSources } from '../ingest/index.js';

const HERALD = 'The Valdoria Herald';

interface Item {
  key: string;
  title: string;
  text: string;
  outlet: string;
  url: string;
  publishedAt: string;
}

const item = (key: string, outlet: string, publishedAt: string, title: string, text: string): Item => ({
  key,
  title,
  text,
  outlet,
  url: `https://${outlet.toLowerCase().replace(/[^a-z]+/g, '-')}.example/${key}`,
  publishedAt,
});

// Two days of one outlet's feed, plus two items from other outlets.
const FEED: Item[] = [
  // Unrelated events sharing vocabulary (the Missouri deportation vs Mosul returnees pattern).
  item('deported', HERALD, '2024-05-06T09:00:00Z', 'A family in Kessel had a life for 12 years. Then they were torn apart',
    'Ana Morel moved from Lindra with her parents at age six. Her parents worked hard until they were forced to leave their home. Over months of interviews, the family told the story of the life they left behind in the city.'),
  item('returnees', HERALD, '2024-05-07T07:30:00Z', "'I still see his face': Ostmark residents return home – to what?",
    'After the militia was driven out of Ostmark, families slowly returned to their homes in the old city. Over two months of interviews, they told the stories of the life they left behind and the future they now face.'),
  // Same field, different studies (the orcas vs mosquito nets pattern).
  item('dolphins', HERALD, '2024-05-07T00:01:00Z', 'Dolphins can imitate human words, research reveals',
    'Bottlenose dolphins are able to copy words such as hello, as well as sounds from other animals, the first study of its kind shows. More research is needed, say the scientists, but the animals learned at the first attempt.'),
  item('nets', HERALD, '2024-05-07T19:00:00Z', "Use of anti-malaria nets for fishing 'endangering humans and wildlife'",
    'The first global study warns that nets used to catch fish may reduce people’s protection and harm animals and fish stocks. More research is urgently needed to assess the impacts, say the scientists.'),
  // One recurring name, two events (Lorde's Grammys advert vs a lawsuit over her Israel concert).
  item('advert', HERALD, '2024-05-07T02:45:00Z', 'Mira Sol takes out newspaper advert in wake of awards snub to women',
    'After being overlooked at the Golden Lyre awards, the singer Mira Sol thanked supporters in a full-page newspaper advert for believing in female musicians.'),
  item('lawsuit', HERALD, '2024-05-07T11:35:00Z', 'Mira Sol: fans sue activists over tour cancellation',
    'Three teenage fans of the singer Mira Sol have filed a lawsuit claiming damages against two activists for allegedly convincing her to cancel a concert in Port Ardent.'),
  // One event, twice from the same outlet: the report and its video.
  item('vote', HERALD, '2024-05-07T18:10:00Z', 'Valdoria prime minister Jonas Brenner ousted in no-confidence vote',
    'Jonas Brenner lost a no-confidence vote in the Valdoria parliament on Tuesday after the Green party withdrew its support from his coalition.'),
  item('vote-video', HERALD, '2024-05-07T20:40:00Z', 'Moment Jonas Brenner loses no-confidence vote – video',
    'Footage shows the Valdoria parliament applauding as the prime minister, Jonas Brenner, lost the no-confidence vote after the Green party withdrew its support.'),
  // One wire copy carried by two outlets (the second retitled and one sentence longer, as outlets do; an exact
  // copy would be stored once as a duplicate).
  item('strike-herald', HERALD, '2024-05-06T12:00:00Z', 'Rail strike halts trains across Ostmark',
    'A rail strike by the Ostmark drivers union halted trains across the country on Monday. Commuters were stranded as the union demanded higher wages from the state rail operator.'),
  item('strike-courier', 'Ostmark Courier', '2024-05-06T12:20:00Z', 'Ostmark rail strike strands commuters',
    'A rail strike by the Ostmark drivers union halted trains across the country on Monday. Commuters were stranded as the union demanded higher wages from the state rail operator. The union said more strikes would follow.'),
  // Two outlets' briefs on one earthquake, sharing one place name.
  item('quake-herald', HERALD, '2024-05-06T04:00:00Z', 'Earthquake shakes Lindra old town',
    'An earthquake of magnitude 6.1 shook Lindra before dawn, damaging buildings in the old town and cutting power to thousands of homes.'),
  item('quake-gazette', 'Lindra Gazette', '2024-05-06T05:15:00Z', 'Magnitude 6.1 earthquake damages buildings in Lindra',
    'Buildings in the old town of Lindra were damaged when a magnitude 6.1 earthquake struck before dawn; thousands of homes lost power.'),
];

const TOGETHER = [['vote', 'vote-video'], ['strike-herald', 'strike-courier'], ['quake-herald', 'quake-gazette']];
const APART = [['deported', 'returnees'], ['dolphins', 'nets'], ['advert', 'lawsuit']];

/** Story id per item key, fed in publication order the way the ingest orders a batch. */
function cluster(items: Item[]): Map<string, number> {
  const clusterer = new StoryClusterer();
  const renamed = new Map<number, number>();
  const storyOf = new Map<string, number>();
  for (const it of [...items].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt))) {
    const decision = clusterer.add(articleSignature(it));
    for (const absorbed of decision.merged) renamed.set(absorbed, decision.storyId);
    storyOf.set(it.key, decision.storyId);
  }
  for (const [key, id] of storyOf) {
    let current = id;
    while (renamed.has(current)) current = renamed.get(current)!;
    storyOf.set(key, current);
  }
  return storyOf;
}

test('short items of one outlet on different events stay apart; short items on one event still join', () => {
  const storyOf = cluster(FEED);
  for (const [a, b] of APART) assert.notEqual(storyOf.get(a), storyOf.get(b), `${a} and ${b} are different events`);
  for (const [a, b] of TOGETHER) assert.equal(storyOf.get(a), storyOf.get(b), `${a} and ${b} report one event`);
  // Nothing else is merged: 12 items, three pairs.
  assert.equal(new Set(storyOf.values()).size, FEED.length - TOGETHER.length);
});

const work = mkdtempSync(path.join(tmpdir(), 'stories-overmerge-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** Ingests a JSONL file the way `triangulate ingest` does and returns the stories a user would list. */
async function storiesAfterIngest(file: string): Promise<{ count: number; groups: string[][] }> {
  const store = await openStore(path.join(work, `${path.basename(file)}.db`));
  try {
    await ingestSources(store, [file], { fetchPages: false });
    const byStory = new Map<number, string[]>();
    const count = await store.articleCount();
    for (let id = 1; id <= count; id++) {
      const stored = await store.getArticle(id);
      if (!stored || stored.storyId === null || stored.storyId === undefined) continue;
      const storyId = (await store.getStory(stored.storyId))!.id;
      byStory.set(storyId, [...(byStory.get(storyId) ?? []), stored.article.title ?? '']);
    }
    return { count: (await store.listStories()).length, groups: [...byStory.values()].map((titles) => titles.sort()) };
  } finally {
    await store.close();
  }
}

test('through the ingest, the fixture feed lists the three real pairs and nothing else merged', async () => {
  const file = path.join(work, 'feed.jsonl');
  writeFileSync(file, FEED.map(({ key: _key, ...record }) => JSON.stringify(record)).join('\n'));
  const { count, groups } = await storiesAfterIngest(file);
  assert.equal(count, FEED.length - TOGETHER.length, JSON.stringify(groups));
  const titleOf = (key: string) => FEED.find((it) => it.key === key)!.title;
  const multi = groups.filter((g) => g.length > 1).map((g) => JSON.stringify(g)).sort();
  const expected = TOGETHER.map((pair) => JSON.stringify(pair.map(titleOf).sort())).sort();
  assert.deepEqual(multi, expected);
});

// The real case: 7 items of The Guardian US feed (2018-01-29..31) that merged a Missouri deportation with
// Mosul returnees. Expected: 7 stories of 1 article each.
const casesDir = process.env.TRIANGULATE_CASES_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/cases/realworld');
const caseDir = path.join(casesDir, 'C15-stories-overmerge');

test('real case C15: seven Guardian feed items give seven stories of one article', { skip: existsSync(caseDir) ? false : `skipped: ${caseDir} is absent (the shared cases live beside the checkout in ../shared/cases/realworld)` }, async () => {
  const spec = JSON.parse(readFileSync(path.join(caseDir, 'expected.json'), 'utf8')) as { expected: { stories: string } };
  const want = Number(/^(\d+) stories/.exec(spec.expected.stories)?.[1]);
  const { count, groups } = await storiesAfterIngest(path.join(caseDir, 'input.jsonl'));
  assert.equal(count, want, JSON.stringify(groups));
  assert.ok(groups.every((g) => g.length === 1), JSON.stringify(groups.filter((g) => g.length > 1)));
});
