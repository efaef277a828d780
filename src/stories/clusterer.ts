// Online (single-pass) story clustering. Each article is compared only with the stories that share
// its most distinctive features (an inverted index over the stories still inside the time window),
// never with every story, so the cost per article stays flat as the stream grows. Iteration follows
// insertion order and ties go to the older story, so the same input in the same order always gives
// the same stories, also across a restart from a saved snapshot.
import { GENERIC_NAMES } from './lexicon.js';
import type { Signature } from './signature.js';
import type { ClusterDecision, ClusterOptions, ClustererChanges, ClustererSnapshot, StoryState } from './types.js';

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  joinThreshold: 0.12,
  headlineShare: 0.2,
  mergeThreshold: 0.3,
  mergeLookup: true,
  windowDays: 30,
  // Crawled pages often carry the crawl date, not the publication date (a 2016 leak story dated late 2017):
  // a page that close to a story may still join it up to about a year and a half away, even when that
  // story is a single article so far (the misdated page may be the first one seen).
  lateWindowDays: 600,
  lateJoinThreshold: 0.45,
  lateMinSize: 1,
  dormantProfileSize: 40,
  dormantIndexedTerms: 8,
  sizePenalty: 0.2,
  // A short story silent for four weeks is usually over: a page that shares its company and a word or two
  // ("Apple" and "store": icicles on a Chicago store, then an app removed from the App Store) is a new event.
  quietDays: 28,
  quietPenalty: 0.5,
  queryTerms: 25,
  indexedTerms: 40,
  maxCandidates: 12,
  profileSize: 150,
  // Terms listed under more stories than this are too common to find candidates; a small bound keeps the
  // cost of one lookup flat as a long stream fills the index with dormant stories.
  maxPosting: 150,
  // Short items (feed summaries) must share names to join, two of them when one outlet wrote both: see
  // `evidenceFactor`. Chosen on one half of the Hamborg events (split by event id) and checked on the other
  // half and on WikiRef, where B-cubed F1 stays as it was; a stronger `unnamedPenalty` (1.5) split short
  // same-event briefs there.
  shortWords: 250,
  unnamedPenalty: 1,
  namedEvidence: 1,
  sameOutletNamedEvidence: 2,
  sameOutletPenalty: 0.5,
  commonNameShare: 0.2,
  nounCaseShare: 0.3,
};

const HEADLINE_PROFILE_SIZE = 40;

type Weighted = [string, number];

/**
 * Earliest last-article day of a story that an article at `clockDay` (or a little older) may still join:
 * stories that ended before it need not be loaded into memory.
 */
export function reachableSince(clockDay: number | null, options: Partial<ClusterOptions> = {}): number | null {
  const { windowDays, lateWindowDays } = { ...DEFAULT_CLUSTER_OPTIONS, ...options };
  return clockDay === null ? null : clockDay - windowDays - Math.max(windowDays, lateWindowDays);
}

/** Mean normalised feature weights of a group of articles (one article is a group of one). */
interface Profile {
  body: Map<string, number>;
  headline: Map<string, number>;
}

interface WeightedProfile {
  body: { squared: Map<string, number>; norm: number };
  headline: { squared: Map<string, number>; norm: number };
}

/** Publication days of an article or story; null when undated (judged on words alone). */
type Dates = { first: number; last: number } | null;

function datesOf(state: StoryState): Dates {
  return state.undated ? null : { first: state.firstDay, last: state.lastDay };
}

interface Match {
  story: LiveStory;
  similarity: number;
}

/** What is looked up: an article's (or a grown story's) profile, dates, length, outlet and named heads. */
interface Query {
  profile: Profile;
  when: Dates;
  /** Words of the article, or of the story's longest member; undefined when unknown (judged as long). */
  words: number | undefined;
  outlet: string | null | undefined;
  /** Named heads (see `namedHeads`), worked out only when a short pair needs them. */
  heads: Set<string> | null;
  /** See `Signature.capitalShare`; undefined for a grown story. */
  capitalShare: number | undefined;
}

interface LiveStory {
  state: StoryState;
  profile: Profile;
  indexed: string[];
  /** Cached norms of the IDF-weighted profile; recomputed when the profile changes (IDF drift is slow). */
  norms: { body: number; headline: number } | null;
  /** Cached named heads of the profile (see `namedHeads`); null when the profile changed. */
  heads: Set<string> | null;
}

export class StoryClusterer {
  readonly options: ClusterOptions;
  private documents: number;
  private nextStoryId: number;
  private clockDay: number | null;
  private readonly df = new Map<string, number>();
  private readonly stories = new Map<number, LiveStory>();
  private readonly postings = new Map<string, Set<number>>();
  private readonly dirtyTerms = new Set<string>();
  private readonly dirtyStories = new Set<number>();
  private mergedInto: [number, number][] = [];

  constructor(options: Partial<ClusterOptions> = {}, snapshot?: ClustererSnapshot) {
    this.options = { ...DEFAULT_CLUSTER_OPTIONS, ...options };
    this.documents = snapshot?.documents ?? 0;
    this.nextStoryId = snapshot?.nextStoryId ?? 1;
    this.clockDay = snapshot?.clockDay ?? null;
    if (snapshot) {
      for (const [term, count] of snapshot.documentFrequencies) this.df.set(term, count);
      const ordered = [...snapshot.stories].sort((a, b) => a.id - b.id);
      for (const state of ordered) this.addLive(state);
    }
  }

  /** Number of stories currently held in memory (those that can still be joined). */
  get activeStories(): number {
    return this.stories.size;
  }


  /** Places one article: joins the most similar story it can reach, or starts a new one. */
  add(signature: Signature): ClusterDecision {
    if (signature.day !== null && (this.clockDay === null || signature.day > this.clockDay)) {
      this.clockDay = signature.day;
      // Tied to the stream's clock (not to a count of calls), so a restarted process settles at the same moments.
      this.settle();
    }
    this.documents++;
    const seen = new Set([...signature.terms.keys(), ...signature.headline.keys()]);
    for (const term of seen) {
      this.df.set(term, (this.df.get(term) ?? 0) + 1);
      this.dirtyTerms.add(term);
    }
    const profile: Profile = { body: normalisedShares(signature.terms), headline: normalisedShares(signature.headline) };
    // An undated article has no place in time: it is judged on its words alone, never against the stream's clock.
    const when: Dates = signature.day === null ? null : { first: signature.day, last: signature.day };
    const query: Query = { profile, when, words: signature.words, outlet: signature.outlet, heads: null, capitalShare: signature.capitalShare };
    const [best, ...others] = this.matches(query, null, this.options.joinThreshold);
    let decision: ClusterDecision;
    if (best) {
      this.absorb(best.story, profile, 1, when, signature.words, signature.outlet);
      decision = { storyId: best.story.state.id, created: false, similarity: round(best.similarity), merged: [] };
      this.mergeLookalikes(best.story, others, decision);
    } else {
      const day = signature.day ?? this.clockDay ?? 0;
      const state: StoryState = { id: this.nextStoryId++, profile: [], headline: [], size: 0, indexed: [], firstDay: day, lastDay: day };
      if (when === null) state.undated = true;
      this.absorb(this.addLive(state), profile, 1, when, signature.words, signature.outlet);
      decision = { storyId: state.id, created: true, similarity: 0, merged: [] };
    }
    return decision;
  }

  /** What changed since the last call; the caller saves it in the same transaction as the articles. */
  drainChanges(): ClustererChanges {
    const changes: ClustererChanges = {
      documents: this.documents,
      nextStoryId: this.nextStoryId,
      clockDay: this.clockDay,
      documentFrequencies: [...this.dirtyTerms].map((term) => [term, this.df.get(term) ?? 0]),
      stories: [...this.dirtyStories].flatMap((id) => {
        const live = this.stories.get(id);
        return live ? [structuredClone(live.state)] : [];
      }),
      mergedInto: this.mergedInto,
    };
    this.dirtyTerms.clear();
    this.dirtyStories.clear();
    this.mergedInto = [];
    return changes;
  }

  private idf(term: string): number {
    // Smoothed IDF as in scikit-learn: rare features weigh more, and no feature weighs zero.
    return Math.log((this.documents + 1) / ((this.df.get(term) ?? 0) + 1)) + 1;
  }

  /** Days between two date ranges (0 when they overlap, or when either side has no date). */
  private gap(when: Dates, state: StoryState): number {
    const other = datesOf(state);
    if (when === null || other === null) return 0;
    return Math.max(0, when.first - other.last, other.first - when.last);
  }

  private reachable(when: Dates, state: StoryState): boolean {
    const gap = this.gap(when, state);
    return gap <= this.options.windowDays || (gap <= this.options.lateWindowDays && state.size >= this.options.lateMinSize);
  }

  /**
   * The similarity a story needs to be joined: higher for big stories (broad profiles), for stories that
   * have gone quiet for longer than they were ever covered, and for late joins. `evidence` (see
   * `evidenceFactor`) scales the bar before the late-join floor, which already asks for a close match.
   */
  private joinBar(threshold: number, when: Dates, state: StoryState, evidence = 1): number {
    const gap = this.gap(when, state);
    let bar = threshold * evidence * (1 + this.options.sizePenalty * Math.log(state.size));
    if (gap > Math.max(this.options.quietDays, state.lastDay - state.firstDay)) bar *= 1 + this.options.quietPenalty;
    return gap > this.options.windowDays ? Math.max(bar, this.options.lateJoinThreshold) : bar;
  }

  /**
   * How much harder a short pair must be to join (a factor on the join bar, 1 = no change). Feed summaries of
   * one outlet share its house vocabulary: in The Guardian's US feed "A family in Missouri had a life for 15
   * years" (a deportation) joined "Mosul residents return home" (Iraq) on "families", "home", "left", "city"
   * and "stories", and "Orcas can imitate human speech" joined "mosquito nets for fishing" on "research" and
   * "study". Articles on one event name the same people, places and organisations; these pairs share none
   * (Missouri vs Mosul), or one recurring name (Trump's golf partner vs Trump's property-tax suit, Lorde's
   * Grammys advert vs a lawsuit over her Israel concert). So when the shorter side is short, the bar rises
   * unless the two share enough specific names, and rises again when both come from one outlet only.
   * Long articles are unaffected: their cosine already rests on many features.
   */
  private evidenceFactor(query: Query, story: LiveStory): number {
    const shorter = query.words === undefined || story.state.words === undefined ? undefined : Math.min(query.words, story.state.words);
    if (shorter === undefined) return 1;
    const { shortWords } = this.options;
    const shortness = Math.min(1, Math.max(0, (shortWords - shorter) / (shortWords - shortWords / 3)));
    if (shortness === 0) return 1;
    story.heads ??= namedHeads(story.profile.body);
    query.heads ??= namedHeads(query.profile.body);
    let evidence = 0;
    const common = this.options.commonNameShare * Math.max(this.documents, 100);
    // Where every noun is capitalised (German: heise's "Open-Source-Projekte" and "Open-Source-Organisation"
    // joined SourceForge's sale and Apache's new logo), a capitalised word is no sign of a name.
    const nounCase = (query.capitalShare ?? 0) >= this.options.nounCaseShare ? 0.5 : 1;
    for (const head of query.heads) {
      if (!story.heads.has(head)) continue;
      // A name carried by many articles of the stream ("Trump" in a US feed) says little about which event.
      evidence += nounCase * ((this.df.get(`@${head}`) ?? 0) > common ? 0.5 : 1);
    }
    const sameOutlet = typeof query.outlet === 'string' && story.state.outlet === query.outlet;
    const missing = Math.max(0, 1 - evidence / (sameOutlet ? this.options.sameOutletNamedEvidence : this.options.namedEvidence));
    let factor = 1 + shortness * this.options.unnamedPenalty * missing;
    if (sameOutlet) factor *= 1 + shortness * this.options.sameOutletPenalty;
    return factor;
  }

  /**
   * Reachable stories above the threshold (a stricter one for late joins), most similar first
   * (ties: older story first). Candidates come from the inverted index only.
   */
  private matches(query: Query, exclude: number | null, threshold: number | null): Match[] {
    const { profile, when } = query;
    const lookupTerms: Weighted[] = [];
    for (const [term, share] of profile.body) lookupTerms.push([term, share * this.idf(term)]);
    lookupTerms.sort(heaviestFirst);
    const lookup = lookupTerms.slice(0, this.options.queryTerms).map(([term]) => term);
    for (const term of profile.headline.keys()) if (!lookup.includes(term)) lookup.push(term);
    const votes = new Map<number, number>();
    for (const term of lookup) {
      const posting = this.postings.get(term);
      if (!posting || posting.size > this.options.maxPosting) continue;
      const weight = this.idf(term);
      for (const id of posting) votes.set(id, (votes.get(id) ?? 0) + weight);
    }
    // Reachability is checked before ranking, so which stories happen to be in memory never changes the outcome.
    const candidates = [...votes]
      .filter(([id]) => {
        if (id === exclude) return false;
        const state = this.stories.get(id)?.state;
        return state !== undefined && this.reachable(when, state);
      })
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, this.options.maxCandidates);
    if (candidates.length === 0) return [];
    const weighted = this.weighted(profile);
    const found: Match[] = [];
    for (const [id] of candidates) {
      const story = this.stories.get(id)!;
      const similarity = this.similarity(weighted, story);
      // Large stories have broad profiles that attract unrelated articles; the bar rises slowly with size.
      if (threshold === null) {
        found.push({ story, similarity });
        continue;
      }
      // The evidence check runs only for pairs that pass the plain bar (most candidates do not).
      if (similarity >= this.joinBar(threshold, when, story.state) && similarity >= this.joinBar(threshold, when, story.state, this.evidenceFactor(query, story))) {
        found.push({ story, similarity });
      }
    }
    return found.sort((a, b) => b.similarity - a.similarity || a.story.state.id - b.story.state.id);
  }

  /** Profile with IDF applied once (share * idf^2 for dot products) and its norms. */
  private weighted(profile: Profile): WeightedProfile {
    const side = (shares: Map<string, number>) => {
      const squared = new Map<string, number>();
      let sum = 0;
      for (const [term, share] of shares) {
        const idf = this.idf(term);
        squared.set(term, share * idf * idf);
        sum += share * share * idf * idf;
      }
      return { squared, norm: Math.sqrt(sum) };
    };
    return { body: side(profile.body), headline: side(profile.headline) };
  }

  private norm(shares: Map<string, number>): number {
    let sum = 0;
    for (const [term, share] of shares) {
      const w = share * this.idf(term);
      sum += w * w;
    }
    return Math.sqrt(sum);
  }

  /** TF-IDF cosine of the whole texts, blended with the cosine of the headlines when both have one. */
  private similarity(query: WeightedProfile, story: LiveStory): number {
    story.norms ??= { body: this.norm(story.profile.body), headline: this.norm(story.profile.headline) };
    const dot = (squared: Map<string, number>, shares: Map<string, number>) => {
      let sum = 0;
      for (const [term, share] of shares) {
        const w = squared.get(term);
        if (w !== undefined) sum += w * share;
      }
      return sum;
    };
    const body = query.body.norm && story.norms.body ? dot(query.body.squared, story.profile.body) / (query.body.norm * story.norms.body) : 0;
    if (!query.headline.norm || !story.norms.headline) return body;
    const headline = dot(query.headline.squared, story.profile.headline) / (query.headline.norm * story.norms.headline);
    const share = this.options.headlineShare;
    return (1 - share) * body + share * headline;
  }

  /**
   * Adds `count` members with mean profile `added` to a story and refreshes its index entries; `words` is the
   * longest added member's length and `outlet` their one outlet (null: several or unknown).
   */
  private absorb(story: LiveStory, added: Profile, count: number, when: Dates, words: number | undefined, outlet: string | null | undefined): void {
    const state = story.state;
    if (state.size === 0) {
      if (words !== undefined) state.words = words;
      if (typeof outlet === 'string') state.outlet = outlet;
    } else {
      state.words = state.words === undefined || words === undefined ? undefined : Math.max(state.words, words);
      if (state.words === undefined) delete state.words;
      if (typeof state.outlet === 'string' && outlet !== state.outlet) state.outlet = null;
    }
    const total = state.size + count;
    const body = this.blend(state.profile, state.size, added.body, count, this.options.profileSize);
    state.headline = this.blend(state.headline, state.size, added.headline, count, HEADLINE_PROFILE_SIZE);
    state.profile = body;
    state.size = total;
    state.dormant = false;
    if (when !== null && state.undated) {
      // The first dated member places a story of undated articles in time.
      delete state.undated;
      state.firstDay = when.first;
      state.lastDay = when.last;
    } else if (when !== null) {
      state.firstDay = Math.min(state.firstDay, when.first);
      state.lastDay = Math.max(state.lastDay, when.last);
    } else if (state.undated && this.clockDay !== null) {
      // An all-undated story stays in memory while undated articles keep joining it.
      state.lastDay = Math.max(state.lastDay, this.clockDay);
    }
    story.profile = { body: new Map(state.profile), headline: new Map(state.headline) };
    story.norms = null;
    story.heads = null;
    const indexed = body.slice(0, this.options.indexedTerms).map(([term]) => term);
    for (const [term] of state.headline) if (!indexed.includes(term)) indexed.push(term);
    this.reindex(story, indexed);
    this.dirtyStories.add(state.id);
  }

  /** Size-weighted mean of two profiles, ranked by TF-IDF weight and truncated. */
  private blend(current: Weighted[], size: number, added: Map<string, number>, count: number, keep: number): Weighted[] {
    const total = size + count;
    const merged = new Map<string, number>();
    for (const [term, share] of current) merged.set(term, (share * size) / total);
    for (const [term, share] of added) merged.set(term, (merged.get(term) ?? 0) + (share * count) / total);
    const ranked = [...merged].map(([term, share]): [string, number, number] => [term, share, share * this.idf(term)]);
    ranked.sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return ranked.slice(0, keep).map(([term, share]) => [term, share]);
  }

  /**
   * Stories that turn out to be one event must merge. After an article joined a story, the story's new
   * profile is looked up in the inverted index like an article would be (a second chance for stories that
   * started apart, e.g. a misdated early page and the main coverage), together with the other stories the
   * article itself matched; each one similar enough to the grown story is merged in. Only indexed
   * candidates are checked, which keeps merging as cheap as joining.
   */
  private mergeLookalikes(story: LiveStory, others: Match[], decision: ClusterDecision): void {
    const candidates = new Map<number, LiveStory>();
    for (const { story: other } of others) candidates.set(other.state.id, other);
    // Each time a story doubles in size its profile has changed enough to deserve a fresh look; checking
    // only then keeps the lookups per story logarithmic in its size, so merging stays cheap.
    const size = story.state.size;
    const asQuery = (live: LiveStory): Query => ({
      profile: live.profile,
      when: datesOf(live.state),
      words: live.state.words,
      outlet: live.state.outlet,
      heads: live.heads,
      capitalShare: undefined,
    });
    if (this.options.mergeLookup && size >= 2 && (size & (size - 1)) === 0) {
      for (const { story: other } of this.matches(asQuery(story), story.state.id, null)) candidates.set(other.state.id, other);
    }
    for (const id of [...candidates.keys()].sort((x, y) => x - y)) {
      const other = candidates.get(id)!;
      if (!this.stories.has(id) || other === story) continue;
      const when = datesOf(story.state);
      if (!this.reachable(when, other.state) && !this.reachable(datesOf(other.state), story.state)) continue;
      const similarity = this.similarity(this.weighted(story.profile), other);
      const late = this.gap(when, other.state) > this.options.windowDays;
      const { mergeThreshold, lateJoinThreshold } = this.options;
      if (similarity < (late ? Math.max(mergeThreshold, lateJoinThreshold) : mergeThreshold)) continue;
      const bar = mergeThreshold * this.evidenceFactor(asQuery(story), other);
      if (similarity < (late ? Math.max(bar, lateJoinThreshold) : bar)) continue;
      // The older story keeps its id, so links to it stay valid.
      const [survivor, absorbed] = other.state.id < story.state.id ? [other, story] : [story, other];
      this.absorb(survivor, absorbed.profile, absorbed.state.size, datesOf(absorbed.state), absorbed.state.words, absorbed.state.outlet);
      this.removeLive(absorbed.state.id);
      this.mergedInto.push([absorbed.state.id, survivor.state.id]);
      decision.merged.push(absorbed.state.id);
      decision.storyId = survivor.state.id;
      story = survivor;
    }
  }

  private addLive(state: StoryState): LiveStory {
    const live: LiveStory = {
      state,
      profile: { body: new Map(state.profile), headline: new Map(state.headline) },
      indexed: [],
      norms: null,
      heads: null,
    };
    this.stories.set(state.id, live);
    this.reindex(live, state.indexed);
    return live;
  }

  private removeLive(id: number): void {
    const live = this.stories.get(id);
    if (!live) return;
    this.reindex(live, []);
    this.stories.delete(id);
    this.dirtyStories.delete(id);
  }

  private reindex(story: LiveStory, terms: string[]): void {
    const id = story.state.id;
    for (const term of story.indexed) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      posting.delete(id);
      if (posting.size === 0) this.postings.delete(term);
    }
    for (const term of terms) {
      let posting = this.postings.get(term);
      if (!posting) this.postings.set(term, (posting = new Set()));
      posting.add(id);
    }
    story.indexed = terms;
    story.state.indexed = terms;
  }

  /**
   * When the clock moves on: stories no article could join any more are dropped from memory (they stay
   * in the store), and stories that fell behind the window become dormant (cut to their strongest features).
   */
  private settle(): void {
    if (this.clockDay === null) return;
    const earliest = this.clockDay - this.options.windowDays;
    for (const [id, live] of this.stories) {
      // By the stored days even for an all-undated story (they record when it last grew), so it expires too.
      const behind = earliest - live.state.lastDay;
      const joinable = behind <= this.options.windowDays || (behind <= this.options.lateWindowDays && live.state.size >= this.options.lateMinSize);
      if (!joinable) {
        if (!this.dirtyStories.has(id)) this.removeLive(id);
      } else if (!live.state.dormant && behind > this.options.windowDays) {
        this.makeDormant(live);
      }
    }
  }

  private makeDormant(live: LiveStory): void {
    const state = live.state;
    state.dormant = true;
    state.profile = state.profile.slice(0, this.options.dormantProfileSize);
    state.headline = state.headline.slice(0, Math.min(state.headline.length, this.options.dormantIndexedTerms));
    live.profile = { body: new Map(state.profile), headline: new Map(state.headline) };
    live.norms = null;
    live.heads = null;
    this.reindex(live, state.profile.slice(0, this.options.dormantIndexedTerms).map(([term]) => term));
    this.dirtyStories.add(state.id);
  }
}

function heaviestFirst(a: Weighted, b: Weighted): number {
  return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

/** Sub-linear term frequency, normalised to sum 1 so long articles do not outweigh short ones in a story profile. */
function normalisedShares(terms: Map<string, number>): Map<string, number> {
  let total = 0;
  const out = new Map<string, number>();
  for (const [term, count] of terms) {
    const weight = 1 + Math.log(count);
    out.set(term, weight);
    total += weight;
  }
  for (const [term, weight] of out) out.set(term, weight / total);
  return out;
}

/**
 * The last word of every name feature ("@donald trump" -> "trump", "@stormy daniels" -> "daniels"), so a full
 * name and a later surname match; countries, continents and their peoples are left out (an event in Mosul and
 * one in Missouri both mention America or the US).
 */
function namedHeads(body: Map<string, number>): Set<string> {
  const heads = new Set<string>();
  for (const term of body.keys()) {
    if (term.charCodeAt(0) !== 64) continue;
    const head = term.slice(term.lastIndexOf(' ') + 1).replace(/^@/, '');
    // Two-letter heads are mostly function words that open a sentence in other languages ("Os", "Em", "No").
    if (head.length > 2 && !GENERIC_NAMES.has(head)) heads.add(head);
  }
  return heads;
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
