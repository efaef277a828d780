// Word lists for quote attribution. Every group names the kind of news sentence that motivated it.

/** How a cue verb may attribute words to a speaker. */
export type CueKind =
  /** Reports speech or writing; frames quotes and indirect speech ("Kirby said", "Stoltenberg wrote Friday on X that"). */
  | 'speech'
  /** Frames a quoted fragment or a stance towards an object ("called the deployment \"...\"", "accused NATO of acting \"hypocritically\"", "denied allegations"). */
  | 'stance'
  /** A belief or intention, attributed only when a that-clause follows ("X believes that ..."). */
  | 'belief'
  /** Frames only a quote right next to it ('He continued, "..."', 'The ad reads, "..."', 'the protesters chanted "..."'). */
  | 'frame';

// Irregular forms; regular verbs get -s/-ed/-ing generated below.
const IRREGULAR: Record<string, string[]> = {
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  write: ['write', 'writes', 'wrote', 'writing', 'written'],
  think: ['think', 'thinks', 'thought', 'thinking'],
  speak: ['speak', 'speaks', 'spoke', 'speaking'],
  tweet: ['tweet', 'tweets', 'tweeted', 'tweeting'],
  post: ['post', 'posts', 'posted', 'posting'],
  deny: ['deny', 'denies', 'denied', 'denying'],
  reply: ['reply', 'replies', 'replied', 'replying'],
  testify: ['testify', 'testifies', 'testified', 'testifying'],
  criticize: ['criticize', 'criticizes', 'criticized', 'criticizing', 'criticise', 'criticises', 'criticised', 'criticising'],
  emphasize: ['emphasize', 'emphasizes', 'emphasized', 'emphasizing', 'emphasise', 'emphasises', 'emphasised', 'emphasising'],
  admit: ['admit', 'admits', 'admitted', 'admitting'],
  quip: ['quip', 'quips', 'quipped', 'quipping'],
  read: ['reads', 'read'],
  begin: ['began', 'begins'],
  shoot: ['shot', 'shoots'],
  cry: ['cried', 'cries'],
  sing: ['sang', 'sings'],
  snap: ['snapped', 'snaps'],
  slam: ['slam', 'slams', 'slammed', 'slamming'],
  refer: ['refer', 'refers', 'referred', 'referring'],
  hear: ['hear', 'hears', 'heard', 'hearing'],
  feel: ['feel', 'feels', 'felt', 'feeling'],
  know: ['know', 'knows', 'knew', 'knowing'],
  shout: ['shout', 'shouts', 'shouted', 'shouting'],
};

// Wire copy ("he said", "told reporters", "added", "wrote Friday on X", "warned", "insisted", "tweeted")
// and US political reporting (PolNeAR: "argued", "noted", "explained", "asked", "acknowledged", "recalled").
const SPEECH = [
  'say', 'tell', 'add', 'state', 'write', 'warn', 'claim', 'insist', 'urge', 'note', 'explain', 'argue', 'ask',
  'announce', 'tweet', 'post', 'declare', 'acknowledge', 'admit', 'suggest', 'recall', 'respond', 'reply', 'conclude',
  'confirm', 'report', 'predict', 'complain', 'observe', 'remark', 'testify', 'assert', 'contend', 'maintain', 'concede',
  'stress', 'emphasize', 'vow', 'promise', 'pledge', 'allege', 'quip', 'joke', 'boast', 'speak', 'shout',
  'exclaim', 'reveal', 'point', 'explain', 'caution', 'agree', 'counter', 'retort', 'repeat', 'insist', 'demand',
  'propose', 'announce', 'threaten', 'disclose', 'estimate', 'inform', 'mention', 'wonder', 'reiterate', 'underline',
];

// Words that frame a quoted fragment or an object rather than a clause:
// 'called the deployment "a very destabilizing development"', 'accused NATO and Kosovo of acting "hypocritically"',
// 'Vucic denied allegations', 'US officials have described it as an "unprecedented deployment"'.
const STANCE = [
  'call', 'describe', 'accuse', 'criticize', 'denounce', 'blast', 'slam', 'praise', 'dismiss', 'label', 'brand', 'term',
  'refer', 'decry', 'condemn', 'reject', 'welcome', 'deny', 'refute', 'defend', 'attack', 'endorse', 'question', 'mock',
  'characterize', 'dub', 'hail', 'cite', 'blame', 'applaud', 'lament', 'invoke', 'promise',
];

// "X believes that ...", "Republicans fear that ..." (PolNeAR annotates beliefs as attributions).
const BELIEF = ['think', 'believe', 'fear', 'hope', 'expect', 'feel', 'know', 'worry', 'doubt', 'suspect', 'hear', 'assume', 'indicate', 'show', 'find'];

// 'He continued, "..."', 'At the bottom it reads, "..."', 'the protesters chanted "..."', 'Hillary shot back, "..."'.
const FRAME = ['continue', 'read', 'chant', 'answer', 'interrupt', 'begin', 'scream', 'yell', 'cry', 'sing', 'quote', 'muse', 'tease', 'snap', 'shoot', 'fire', 'laugh', 'sigh', 'wonder'];

function regularForms(lemma: string): string[] {
  const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  const third = /(s|sh|ch|x|z)$/.test(lemma) ? `${lemma}es` : `${lemma}s`;
  return [lemma, third, `${stem}ed`, `${stem}ing`];
}

function formsOf(lemma: string): string[] {
  return IRREGULAR[lemma] ?? regularForms(lemma);
}

function table(): Map<string, { lemma: string; kind: CueKind }> {
  const out = new Map<string, { lemma: string; kind: CueKind }>();
  // Later groups do not override earlier ones: speech wins over stance for verbs in both.
  const groups: [string[], CueKind][] = [[SPEECH, 'speech'], [STANCE, 'stance'], [BELIEF, 'belief'], [FRAME, 'frame']];
  for (const [lemmas, kind] of groups) {
    for (const lemma of lemmas) for (const form of formsOf(lemma)) if (!out.has(form)) out.set(form, { lemma, kind });
  }
  return out;
}

/** Lower-cased verb form -> its lemma and kind. */
export const CUE_VERBS = table();

/** Cues that introduce the source after them: "according to the US National Security Council". */
export const SOURCE_FIRST_PREPOSITIONS = [['according', 'to'], ['quoting'], ['citing']] as const;

/** Verbs whose object is the addressee, not the content: "told reporters", "told CNN that", "urged Belgrade to". */
export const ADDRESSEE_VERBS = new Set(['tell', 'ask', 'urge', 'warn', 'inform', 'remind', 'assure', 'caution']);

/** Verbs with a particle that belongs to the cue: "pointed out", "called for", "called on". */
export const CUE_PARTICLES: Record<string, string[]> = { point: ['out'], call: ['for', 'on'], refer: ['to'], shoot: ['back'], fire: ['back'] };
/** Verbs that are cues only with their particle ("pointed out", "shot back"). */
export const PARTICLE_REQUIRED = new Set(['point', 'refer', 'shoot', 'fire']);

/** Words skipped between a subject and its cue: "Kirby also said", "Vucic later denied", "has repeatedly said". */
export const SKIPPABLE_BEFORE_CUE = new Set(['also', 'later', 'then', 'further', 'previously', 'earlier', 'again', 'repeatedly', 'publicly', 'has', 'have', 'had', 'was', 'were', 'is', 'are', 'would', 'will', 'could', 'did', 'does', 'do', 'not', 'never', 'reportedly', 'once', 'simply', 'flatly', 'firmly', 'quickly', 'recently', 'often', 'had', 'may', 'might', 'must', 'should', 'can', 'just', 'already', 'even', 'still', 'subsequently', 'separately', 'directly', 'specifically', 'explicitly', 'emphatically', 'angrily', 'bluntly', 'openly', 'privately', 'told', 'being']);

/** Personal pronouns that stand for a person speaker. */
export const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her', 'i', 'we', 'you']);
/** Pronouns that may stand for an organization or a group ("it called", "they said"). */
export const GROUP_PRONOUNS = new Set(['it', 'they', 'them']);
export const RELATIVE_PRONOUNS = new Set(['who', 'which', 'that', 'whom']);

// Titles and roles written before or instead of a name: "Serbian Defense Minister Milos Vucevic",
// "White House National Security Council spokesman John Kirby", "NATO Secretary-General Jens Stoltenberg",
// "the spokesman", "the minister", "a NATO official", "Mr. Trump".
export const ROLE_WORDS = new Set([
  'president', 'minister', 'premier', 'chancellor', 'secretary', 'secretary-general', 'general', 'spokesman',
  'spokeswoman', 'spokesperson', 'official', 'officials', 'chief', 'leader', 'head', 'director', 'ambassador', 'envoy',
  'governor', 'senator', 'sen.', 'rep.', 'representative', 'congressman', 'congresswoman', 'mayor', 'judge', 'justice',
  'commander', 'coordinator', 'adviser', 'advisor', 'aide', 'chairman', 'chairwoman', 'chair', 'ceo', 'king', 'queen',
  'prince', 'pope', 'lawyer', 'attorney', 'candidate', 'nominee', 'speaker', 'diplomat', 'analyst', 'professor',
  'dr.', 'mr.', 'mrs.', 'ms.', 'gen.', 'col.', 'lt.', 'gov.', 'pres.', 'colonel', 'lieutenant', 'captain', 'admiral',
  'sheriff', 'prosecutor', 'manager', 'strategist', 'founder', 'executive', 'staff', 'deputy', 'vice', 'foreign',
  'defense', 'defence', 'interior', 'prime', 'state', 'campaign', 'press', 'communications', 'spokesmen', 'expert',
  'experts', 'source', 'sources', 'author', 'economist', 'researcher', 'reporter', 'correspondent', 'member',
]);

/** Honorifics that fix a person's gender (for he/she resolution): "Mr. Trump", "Mrs. Clinton". */
export const MALE_HONORIFICS = new Set(['mr.', 'mr', 'sir', 'king', 'prince', 'spokesman', 'congressman', 'chairman']);
export const FEMALE_HONORIFICS = new Set(['mrs.', 'mrs', 'ms.', 'ms', 'madam', 'queen', 'princess', 'spokeswoman', 'congresswoman', 'chairwoman']);

// Frequent female first names in international and US political news (Clinton, Merkel, Barbock, Warren, Pelosi...),
// so that "she" does not resolve to the nearest man. A name missing here only loses the gender check.
export const FEMALE_FIRST_NAMES = new Set([
  'hillary', 'angela', 'annalena', 'elizabeth', 'nancy', 'theresa', 'ursula', 'kamala', 'sarah', 'carly', 'marine',
  'kellyanne', 'michelle', 'melania', 'ivanka', 'huma', 'donna', 'debbie', 'jill', 'nikki', 'susan', 'samantha',
  'condoleezza', 'madeleine', 'federica', 'kaja', 'jacinda', 'giorgia', 'liz', 'mary', 'maria', 'anna', 'ana', 'hope',
  'katie', 'megyn', 'kate', 'amy', 'karen', 'patricia', 'jennifer', 'linda', 'barbara', 'margaret', 'lisa', 'nicola',
  'catherine', 'christine', 'jane', 'emily', 'rachel', 'laura', 'julia', 'claire', 'helen', 'diane', 'dianne', 'tulsi',
  'loretta', 'janet', 'sheila', 'maxine', 'marsha', 'kirsten', 'tammy', 'heidi', 'claire', 'joni', 'lisa', 'kelly',
  'sheryl', 'oprah', 'ayanna', 'ilhan', 'alexandria', 'gina', 'sally', 'valerie', 'jen', 'dana', 'sanna', 'kristalina',
  'roberta', 'victoria', 'olena', 'vjosa', 'ana', 'tatiana', 'natalia', 'svetlana', 'marina', 'irina', 'olga', 'yulia',
]);

/** Words that mark a capitalised phrase as an organization: "the White House", "Kosovo Police", "National Security Council". */
export const ORGANIZATION_WORDS = new Set([
  'house', 'council', 'ministry', 'department', 'government', 'police', 'army', 'party', 'committee', 'office',
  'agency', 'commission', 'union', 'nato', 'kfor', 'un', 'eu', 'court', 'congress', 'senate', 'parliament', 'campaign',
  'administration', 'kremlin', 'pentagon', 'network', 'news', 'times', 'post', 'journal', 'press', 'reuters', 'cnn',
  'bbc', 'afp', 'ap', 'group', 'association', 'institute', 'foundation', 'bank', 'company', 'corp', 'inc', 'forces',
  'alliance', 'organization', 'organisation', 'board', 'bureau', 'service', 'university', 'center', 'centre',
]);

/** Quote marks: opening and closing double quotes (straight marks are decided by context). */
export const OPENING_MARKS = new Set(['“', '„', '«']);
export const CLOSING_MARKS = new Set(['”', '»']);
export const STRAIGHT_MARK = '"';

/** A quoted phrase this short with no speech cue in its sentence is a scare quote or a title ("security crisis"). */
export const SCARE_QUOTE_MAX_WORDS = 5;
/** Most words allowed between a cue and the quote it introduces: 'wrote Friday on X that "..."'. */
export const MAX_WORDS_CUE_TO_QUOTE = 8;
