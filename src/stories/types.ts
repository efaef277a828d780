/** What the clusterer keeps about one story; serialisable, so a restarted process continues exactly where it stopped. */
export interface StoryState {
  id: number;
  /** Mean of the members' normalised feature weights, heaviest first, truncated to `profileSize` entries. */
  profile: [string, number][];
  /** Mean of the members' normalised headline features, heaviest first, truncated. */
  headline: [string, number][];
  size: number;
  /** Features under which the story is listed in the inverted index (kept so a reloaded index is identical). */
  indexed: string[];
  /** True once the story fell behind the window: its profile and index entries were cut to the late-join size. */
  dormant?: boolean;
  /**
   * True while no member has a publication date: the story is then judged on words alone, and its days
   * only record the stream clock when it last grew (so it still expires).
   */
  undated?: boolean;
  /** Publication days (days since 1970-01-01) of the earliest and latest member. */
  firstDay: number;
  lastDay: number;
  /** Words of the longest member; absent in stories saved before it was recorded (then judged as long). */
  words?: number;
  /** The one outlet all members come from; null once two outlets (or an unknown one) joined; absent when never known. */
  outlet?: string | null;
}

/** Where one article went. */
export interface ClusterDecision {
  storyId: number;
  /** True when the article started a new story. */
  created: boolean;
  /** Cosine similarity to the story it joined (0 for a new story). */
  similarity: number;
  /** Stories found to be the same event and folded into `storyId` by this step. */
  merged: number[];
}

/** Everything the clusterer learned since the last `drainChanges()`: what a store must save. */
export interface ClustererChanges {
  documents: number;
  nextStoryId: number;
  clockDay: number | null;
  /** Document frequencies that changed, with their new values. */
  documentFrequencies: [string, number][];
  stories: StoryState[];
  /** Stories absorbed into another; maps absorbed id -> surviving id. */
  mergedInto: [number, number][];
}

/** A saved clusterer, as loaded back from a store. */
export interface ClustererSnapshot {
  documents: number;
  nextStoryId: number;
  clockDay: number | null;
  documentFrequencies: Iterable<[string, number]>;
  /** Stories still inside the time window of `clockDay`. */
  stories: StoryState[];
}

export interface ClusterOptions {
  /** Cosine similarity (TF-IDF) an article needs with a story to join it. */
  joinThreshold: number;
  /** Share of the similarity that comes from headlines (the rest from the whole text). */
  headlineShare: number;
  /** The join threshold is multiplied by (1 + sizePenalty * ln(story size)): big stories must not swallow everything. */
  sizePenalty: number;
  /**
   * The join bar is multiplied by (1 + quietPenalty) when the article comes more than `quietDays` after a
   * story's last article and also after more days than the story has lasted so far.
   */
  quietDays: number;
  quietPenalty: number;
  /** Cosine similarity two stories need to be merged into one. */
  mergeThreshold: number;
  /**
   * When a story reaches 2, 4, 8, ... articles, also look up (in the inverted index) other stories close to
   * the grown story and merge them; otherwise only stories the joining article itself matched are considered.
   */
  mergeLookup: boolean;
  /** An article may join a story whose dates lie within this many days of its own. */
  windowDays: number;
  /**
   * Beyond the window and up to this many days, an article may still join a story it is very close to
   * (`lateJoinThreshold`): follow-ups months later ("UN welcomes release of the girls") and misdated pages.
   */
  lateWindowDays: number;
  lateJoinThreshold: number;
  /** Only stories with at least this many articles stay joinable late; singletons expire with the window. */
  lateMinSize: number;
  /**
   * Features kept (profile) and indexed for a dormant story, one that is only reachable by a late join.
   * A late join needs a high similarity, so the story's strongest features suffice; this keeps memory and
   * the cost per article flat as the number of dormant stories grows.
   */
  dormantProfileSize: number;
  dormantIndexedTerms: number;
  /** Features of an article used to look up candidate stories in the inverted index. */
  queryTerms: number;
  /** Features of a story listed in the inverted index. */
  indexedTerms: number;
  /** Candidate stories scored exactly per article. */
  maxCandidates: number;
  /** Features kept in a story profile. */
  profileSize: number;
  /** A feature listed for more stories than this is not used for candidate lookup (it would list nearly all). */
  maxPosting: number;
  /**
   * Below this many words (the shorter side of a pair: a feed summary is a title and a sentence or two), an
   * article and a story need shared names to join. The stricter bar fades in linearly from `shortWords` down
   * to `shortWords / 3`.
   */
  shortWords: number;
  /**
   * Extra join bar (a multiplier of 1 + this, at full shortness) for a pair that shares no specific name at
   * all; it falls linearly to nothing as the shared names add up to `namedEvidence`. Names are compared by
   * their last word; a name that more than `commonNameShare` of the stream's articles carry counts half, and
   * so does every name where nouns are capitalised (`nounCaseShare`); countries, continents and their
   * peoples do not count.
   */
  unnamedPenalty: number;
  namedEvidence: number;
  /**
   * The same for an article and a story of one outlet only: its unrelated items share its house vocabulary
   * and its recurring names (Lorde's Grammys advert vs a lawsuit over her Israel concert), so two are needed.
   */
  sameOutletNamedEvidence: number;
  /**
   * Join bar multiplier (at full shortness) when the article and every member of the story come from one
   * outlet: an outlet rarely writes twice about one event within days, while its unrelated items share its
   * house vocabulary.
   */
  sameOutletPenalty: number;
  /** Share of the stream's articles (counted over at least 100) above which a name counts half. */
  commonNameShare: number;
  /** Share of capitalised words inside sentences from which names count half (languages that capitalise nouns). */
  nounCaseShare: number;
}
