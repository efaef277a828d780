// Online (single-pass) story clustering. Each article is compared only with the stories that share
// its most distinctive features (an inverted index over the stories still inside the time window),
// never with every story, so the cost per article stays flat as the stream grows. Iteration follows
// insertion order and ties go to the older story, so the same input in the same order always gives
// the same stories, also across a restart from a saved snapshot.
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

interface LiveStory {
  state: StoryState;
  profile: Profile;
  indexed: string[];
  /** Cached norms of the IDF-weighted profile; recomputed when the profile changes (IDF drift is slow). */
  norms: { body: number; headline: number } | null;
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
    const [best, ...others] = this.matches(profile, when, null, this.options.joinThreshold);
    let decision: ClusterDecision;
    if (best) {
      this.absorb(best.story, profile, 1, when);
      decision = { storyId: best.story.state.id, created: false, similarity: round(best.similarity), merged: [] };
      this.mergeLookalikes(best.story, others, decision);
    } else {
      const day = signature.day ?? this.clockDay ?? 0;
      const state: StoryState = { id: this.nextStoryId++, profile: [], headline: [], size: 0, indexed: [], firstDay: day, lastDay: day };
      if (when === null) state.undated = true;
      this.absorb(this.addLive(state), profile, 1, when);
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
   * have gone quiet for longer than they were ever covered, and for late joins.
   */
  private joinBar(threshold: number, when: Dates, state: StoryState): number {
    const gap = this.gap(when, state);
    let bar = threshold * (1 + this.options.sizePenalty * Math.log(state.size));
    if (gap > Math.max(this.options.quietDays, state.lastDay - state.firstDay)) bar *= 1 + this.options.quietPenalty;
    return gap > this.options.windowDays ? Math.max(bar, this.options.lateJoinThreshold) : bar;
  }

  /**
   * Reachable stories above the threshold (a stricter one for late joins), most similar first
   * (ties: older story first). Candidates come from the inverted index only.
   */
  private matches(profile: Profile, when: Dates, exclude: number | null, threshold: number | null): Match[] {
    const query: Weighted[] = [];
    for (const [term, share] of profile.body) query.push([term, share * this.idf(term)]);
    query.sort(heaviestFirst);
    const lookup = query.slice(0, this.options.queryTerms).map(([term]) => term);
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
      if (threshold === null || similarity >= this.joinBar(threshold, when, story.state)) found.push({ story, similarity });
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

  /** Adds `count` members with mean profile `added` to a story and refreshes its index entries. */
  private absorb(story: LiveStory, added: Profile, count: number, when: Dates): void {
    const state = story.state;
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
    if (this.options.mergeLookup && size >= 2 && (size & (size - 1)) === 0) {
      for (const { story: other } of this.matches(story.profile, datesOf(story.state), story.state.id, null)) candidates.set(other.state.id, other);
    }
    for (const id of [...candidates.keys()].sort((x, y) => x - y)) {
      const other = candidates.get(id)!;
      if (!this.stories.has(id) || other === story) continue;
      const when = datesOf(story.state);
      if (!this.reachable(when, other.state) && !this.reachable(datesOf(other.state), story.state)) continue;
      const similarity = this.similarity(this.weighted(story.profile), other);
      const late = this.gap(when, other.state) > this.options.windowDays;
      if (similarity < (late ? Math.max(this.options.mergeThreshold, this.options.lateJoinThreshold) : this.options.mergeThreshold)) continue;
      // The older story keeps its id, so links to it stay valid.
      const [survivor, absorbed] = other.state.id < story.state.id ? [other, story] : [story, other];
      this.absorb(survivor, absorbed.profile, absorbed.state.size, datesOf(absorbed.state));
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

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
