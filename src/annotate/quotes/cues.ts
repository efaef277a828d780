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
  | 'frame'
  /** An aim or wish, with a to-infinitive or an object ("Clinton wants to make tuition free", "Rubio had sought to ..."). */
  | 'intention'
  /** What a poll, study or document shows or finds ("a new CNN/ORC poll shows Clinton and Sanders in a dead heat"). */
  | 'evidence'
  /** An impression with no named holder; the clause with its subject is the content ("The speaker appeared closer to ..."). */
  | 'appearance';

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
  know: ['know', 'knows', 'knew', 'knowing', 'known'],
  see: ['see', 'sees', 'saw', 'seeing'],
  seek: ['seek', 'seeks', 'sought', 'seeking'],
  find: ['find', 'finds', 'found', 'finding'],
  understand: ['understand', 'understands', 'understood', 'understanding'],
  fight: ['fight', 'fights', 'fought', 'fighting'],
  try: ['try', 'tries', 'tried', 'trying'],
  plan: ['plan', 'plans', 'planned', 'planning'],
  prefer: ['prefer', 'prefers', 'preferred', 'preferring'],
  forget: ['forget', 'forgets', 'forgot', 'forgetting'],
  worry: ['worry', 'worries', 'worried', 'worrying'],
  bet: ['bet', 'bets', 'betting'],
  champion: ['champion', 'champions', 'championed', 'championing'],
  echo: ['echo', 'echoes', 'echoed', 'echoing'],
  favor: ['favor', 'favors', 'favored', 'favoring', 'favour', 'favours', 'favoured', 'favouring'],
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
  // Support and opposition with an object (PolNeAR: "44 percent would back Trump", "Pate supported Charlie Crist",
  // "Trump supports more of my views", "Federal labor organizations have long campaigned against having ...",
  // "Trump highlighted his message that ...", "he discussed conspiracy theories", "He has championed lesbian and gay rights").
  'support', 'back', 'oppose', 'favor', 'tout', 'champion', 'echo', 'challenge', 'highlight', 'discuss', 'target',
  'thank', 'congratulate', 'embrace', 'push', 'fight', 'campaign', 'focus', 'talk', 'comment', 'vote', 'express',
  'compare', 'ridicule', 'fault', 'chide', 'scold', 'rebuke', 'lambaste', 'assail', 'tout',
  'contest', 'dispute', 'protest', 'celebrate', 'acclaim', 'commend', 'salute', 'thank', 'urge', 'advocate', 'favour',
];

// "X believes that ...", "Republicans fear that ...", "I know your tax returns are being audited", "black voters saw that
// Obama could actually win" (PolNeAR annotates beliefs as attributions): a that-, wh- or bare clause follows; "hope"
// and "expect" also take a to-infinitive ("The Brujas hope ...", "Clinton expects to win").
const BELIEF = [
  'think', 'believe', 'fear', 'hope', 'expect', 'feel', 'know', 'worry', 'doubt', 'suspect', 'hear', 'assume', 'see',
  'understand', 'realize', 'realise', 'recognize', 'recognise', 'consider', 'imagine', 'learn', 'remember', 'forget',
  'trust', 'regret', 'sense', 'guess', 'bet', 'reckon', 'notice', 'discover', 'decide', 'figure', 'anticipate',
];

// Aims and wishes: "Hillary Clinton wants to make in-state tuition ... free", "Rubio had sought to present himself",
// "declined to rule out any of the three candidates", "Supporters ... plan to protest", "Many of her closest advisers want
// to humiliate Mr. Trump", "those who want a continuation of Obama's policies" (a to-infinitive or an object).
const INTENTION = [
  'want', 'plan', 'seek', 'intend', 'aim', 'decline', 'refuse', 'prefer', 'wish', 'attempt', 'prepare', 'offer',
  'choose', 'opt', 'strive', 'hesitate', 'desire', 'mean', 'tend', 'resolve', 'volunteer', 'struggle', 'expect',
];

// Polls, studies and documents as sources: "a new CNN/ORC poll shows Hillary Clinton and the Vermont senator in a dead
// heat", "The April survey found Clinton leading Sanders", "her medical records, which showed she was fit for duty".
const EVIDENCE = ['show', 'find', 'indicate', 'demonstrate', 'project', 'reveal', 'suggest', 'estimate', 'confirm', 'document', 'detail'];

// An impression without a holder: "The speaker appeared closer to offering ...", "The two both seemed to be well-known",
// "All three candidates are expected to speak" (passive "expected", decided in cue-frames).
const APPEARANCE = ['seem', 'appear', 'look', 'sound'];

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
  const groups: [string[], CueKind][] = [
    [SPEECH, 'speech'], [STANCE, 'stance'], [BELIEF, 'belief'], [INTENTION, 'intention'], [EVIDENCE, 'evidence'],
    [APPEARANCE, 'appearance'], [FRAME, 'frame'],
  ];
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
export const CUE_PARTICLES: Record<string, string[]> = {
  point: ['out', 'to'], call: ['for', 'on'], refer: ['to'], shoot: ['back'], fire: ['back'],
  // "pushed for a vote", "fought against the deal", "campaigned on", "focus on", "talking about", "commented on",
  // "voted for Trump", "look to", "looking for".
  push: ['for', 'back'], fight: ['for', 'against'], campaign: ['for', 'against', 'on'], focus: ['on'],
  talk: ['about'], comment: ['on'], vote: ['for', 'against'], advocate: ['for'], look: ['to', 'for', 'like'],
};
/** Verbs that are cues only with their particle ("pointed out", "shot back", "talking about"). */
export const PARTICLE_REQUIRED = new Set(['point', 'refer', 'shoot', 'fire', 'look', 'push', 'fight', 'campaign', 'focus', 'talk', 'comment', 'vote']);

/** Holders that are studies or documents, not people ("a new CNN/ORC poll", "The April survey", "exit polls"). */
export const EVIDENCE_NOUNS = new Set([
  'poll', 'polls', 'survey', 'surveys', 'study', 'studies', 'data', 'report', 'reports', 'analysis', 'research', 'figures',
  'numbers', 'records', 'documents', 'document', 'results', 'estimates', 'review', 'investigation', 'examination', 'audit',
  'video', 'footage', 'memo', 'emails', 'email', 'filing', 'filings', 'post', 'ad', 'statement', 'letter', 'interview',
  'speech', 'op-ed', 'book', 'tweet', 'tweets', 'transcript', 'returns', 'census', 'model', 'forecast', 'projections',
]);

// Nouns of saying and believing with a that-clause: "Trump's most famously false contention ... the notion that Obama
// wasn't born on American soil", "the claim that", "his argument that", "fears that the party would split".
export const CLAIM_NOUNS = new Set([
  'claim', 'claims', 'notion', 'idea', 'belief', 'beliefs', 'argument', 'assertion', 'allegation', 'allegations', 'fear',
  'fears', 'hope', 'hopes', 'concern', 'concerns', 'view', 'suggestion', 'assurance', 'assurances', 'warning', 'message',
  'news', 'evidence', 'rumor', 'rumors', 'speculation', 'conviction', 'insistence', 'charge', 'charges', 'accusation',
  'accusations', 'theory', 'impression', 'perception', 'expectation', 'expectations', 'feeling', 'admission', 'statement',
  'sign', 'signs', 'confidence', 'doubt', 'doubts', 'worry', 'worries', 'contention', 'promise', 'pledge', 'position',
  'premise', 'point', 'reports', 'report', 'indication', 'indications', 'sense', 'acknowledgment', 'recognition', 'thesis',
  'complaint', 'complaints', 'prediction', 'predictions', 'announcement', 'confirmation', 'denial', 'estimate', 'finding',
  'findings', 'revelation', 'revelations', 'proof', 'suspicion', 'suspicions', 'opinion', 'consensus', 'answer',
]);

// Nouns of aim with a to-infinitive: "Mrs. Clinton's proposals to increase taxes", "his decision to run", "a bid to win",
// "her plan to make college free", "calls to release his tax returns".
export const INTENTION_NOUNS = new Set([
  'plan', 'plans', 'proposal', 'proposals', 'decision', 'promise', 'promises', 'pledge', 'vow', 'bid',
  'attempt', 'attempts', 'refusal', 'call', 'calls', 'push', 'threat', 'threats', 'desire', 'willingness', 'commitment',
  'intention', 'intent', 'offer', 'request', 'demand', 'demands', 'campaign', 'move', 'determination', 'eagerness',
  'reluctance', 'unwillingness', 'readiness', 'vote', 'order', 'agreement', 'ambition', 'goal', 'aim', 'wish', 'urge',
]);

// "In the poll, Clinton's support has steadily risen", "Trump entered the debate with a growing lead in the latest NBC
// News/Wall Street Journal poll", "in a statement", "In his view", "Only European immigrants are 'safe' in his eyes".
export const SOURCE_IN_NOUNS = new Set([
  'poll', 'polls', 'survey', 'surveys', 'study', 'report', 'statement', 'interview', 'letter', 'op-ed', 'memo', 'speech',
  'email', 'filing', 'view', 'eyes', 'opinion', 'estimation', 'words', 'telling', 'mind', 'analysis', 'tweet', 'post',
  'essay', 'column', 'editorial', 'book', 'memoir', 'ad', 'video', 'documents', 'testimony', 'lawsuit', 'complaint',
]);

/** Group nouns that hold views ("voters want", "Republicans fear", "supporters plan", "critics argue"). */
export const HOLDER_NOUNS = new Set([
  'voters', 'republicans', 'democrats', 'supporters', 'critics', 'officials', 'americans', 'people', 'members',
  'delegates', 'donors', 'advisers', 'advisors', 'aides', 'analysts', 'experts', 'economists', 'strategists', 'leaders',
  'lawmakers', 'activists', 'conservatives', 'liberals', 'progressives', 'candidates', 'campaign', 'party', 'percent',
  'majority', 'most', 'many', 'some', 'others', 'who', 'everyone', 'nobody', 'one', 'protesters', 'residents', 'women',
  'men', 'independents', 'evangelicals', 'workers', 'investors', 'fans', 'students', 'parents', 'respondents', 'those',
]);

/** Words skipped between a subject and its cue: "Kirby also said", "Vucic later denied", "has repeatedly said". */
export const SKIPPABLE_BEFORE_CUE = new Set(['also', 'later', 'then', 'further', 'previously', 'earlier', 'again', 'repeatedly', 'publicly', 'has', 'have', 'had', 'was', 'were', 'is', 'are', 'would', 'will', 'could', 'did', 'does', 'do', 'not', 'never', 'reportedly', 'once', 'simply', 'flatly', 'firmly', 'quickly', 'recently', 'often', 'had', 'may', 'might', 'must', 'should', 'can', 'just', 'already', 'even', 'still', 'subsequently', 'separately', 'directly', 'specifically', 'explicitly', 'emphatically', 'angrily', 'bluntly', 'openly', 'privately', 'told', 'being']);

/** Personal pronouns that stand for a person speaker. */
// Headline labels before a colon that name no speaker: "Editor's note: ...", "Correction: ...", "Spoiler alert: ...".
export const LABEL_HEADS = new Set(['note', 'correction', 'update', 'alert', 'clarification', 'disclaimer', 'disclosure', 'related', 'watch', 'read', 'photo', 'video', 'editor', 'ps', 'p.s.']);

// Time phrases after a cue that belong to the cue, not to what was said: "told The Washington Post earlier this week",
// "Vox reported last year".
export const TIME_DETERMINERS = new Set(['this', 'last', 'next', 'earlier', 'later']);
export const TIME_NOUNS = new Set(['week', 'month', 'year', 'morning', 'afternoon', 'evening', 'night', 'weekend', 'spring', 'summer', 'fall', 'autumn', 'winter', 'day']);

// Verbs of speaking that take no reported content of their own, only a that- or wh-clause: "spoke on the condition of
// anonymity", "did not respond to requests for comment".
export const CONTENTLESS_SPEECH = new Set(['speak', 'respond']);

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

// Titles of works in quote marks are names, not quotes (Reuters on the SAG awards: 'Brad Pitt picked up another trophy
// for his supporting role ... in “Once Upon A Time in Hollywood,” while Laura Dern was named best supporting actress
// for playing a ruthless divorce lawyer in Netflix domestic drama “Marriage Story.”'). A title-case quoted phrase
// right after one of these nouns, or after one of the words below, names a work.
/** Kinds of works named before their title: "domestic drama “Marriage Story”", "the film “Parasite”". */
export const TITLE_NOUNS = new Set([
  'film', 'films', 'movie', 'movies', 'drama', 'comedy', 'thriller', 'documentary', 'biopic', 'musical', 'series',
  'miniseries', 'show', 'sitcom', 'episode', 'season', 'franchise', 'sequel', 'remake', 'feature', 'blockbuster', 'hit',
  'book', 'books', 'novel', 'memoir', 'biography', 'bestseller', 'play', 'opera', 'ballet', 'song', 'songs', 'single',
  'album', 'track', 'ep', 'record', 'anthem', 'ballad', 'podcast', 'program', 'programme', 'exhibition', 'painting',
  'poem', 'essay', 'column', 'game', 'video', 'trilogy', 'saga', 'animation', 'cartoon', 'special', 'tour', 'titled',
  'entitled', 'starring', 'star', 'stars', 'director', 'directed', 'producer', 'author', 'winner', 'nominee', 'contender',
]);
/**
 * Words before a title-case quoted phrase that make it a title rather than words said: "star in “Joker”", "won for
 * “Joker”", "the director of “Parasite”", "Bong Joon Ho's “Parasite”". ("on" is left out: 'on “Day One”'.)
 */
export const TITLE_LEAD_WORDS = new Set(['in', 'for', 'of', "'s", '’s']);
/**
 * Nouns of shouting and calling whose "of" introduces words said, not a title: 'chants of “Trump! Trump!”',
 * 'cries of “Bitch!”'. ("from" is no lead word either: 'jobs from “Buffalo to Albany.”' is a partial quote.)
 */
export const SPEECH_OF_NOUNS = new Set([
  'chant', 'chants', 'chanting', 'cry', 'cries', 'shout', 'shouts', 'shouting', 'call', 'calls', 'cheers', 'chorus',
  'refrain', 'words', 'slogan', 'slogans', 'message', 'mantra', 'promise', 'pledge', 'echoes', 'sound', 'sounds',
]);
// Prizes go to works: 'The jury gave its prize to “A Long Way Home,” a drama by Ana Lima', 'the Golden Bear went to
// “Salt Roads”', 'won best picture with “Quiet Rivers”'. "to" and "with" name a title only with one of these nouns a few
// words before them ('told reporters to “Stay Calm”' is no title).
/** Prizes and honours whose "to", "with" or "for" introduces the work that won them. */
export const AWARD_NOUNS = new Set([
  'prize', 'prizes', 'award', 'awards', 'trophy', 'honour', 'honours', 'honor', 'honors', 'medal', 'nod', 'nomination',
  'nominations', 'oscar', 'oscars', 'emmy', 'emmys', 'grammy', 'grammys', 'bafta', 'baftas', 'palme', 'lion', 'bear',
  'globe', 'globes', 'laurel', 'accolade', 'picture',
]);
/** Prepositions that take the prize-winning work when an award noun comes shortly before them. */
export const AWARD_PREPOSITIONS = new Set(['to', 'with']);
/** How many words before the preposition an award noun may stand: "gave its top prize to", "Golden Lion went to". */
export const AWARD_NOUN_REACH = 5;
/**
 * Verbs whose object right after them is a work when it is written as a title: 'Critics voted “Paper Boats” the best
 * film', 'the academy named “Quiet Rivers” best picture', '“Salt Roads” was nominated', 'won “Best Song”'.
 */
export const TITLE_OBJECT_VERBS = new Set([
  'voted', 'named', 'crowned', 'won', 'wins', 'awarded', 'nominated', 'shortlisted', 'honoured', 'honored', 'screened',
  'premiered', 'released', 'published', 'directed', 'starred', 'starring', 'co-starred', 'produced', 'staged', 'streamed',
]);
/**
 * Participles that open an apposition about a work right after its title: '“A Long Way Home,” directed by Ana Lima',
 * '“Glass Orchard,” starring Ana Ruiz', '“Salt Roads,” released in May'. ("shot" and "recorded" are left out: 'shot
 * back the mayor', 'recorded in a video message' follow words said.)
 */
export const WORK_PARTICIPLES = new Set([
  'directed', 'co-directed', 'written', 'co-written', 'produced', 'composed', 'narrated', 'adapted', 'illustrated',
  'choreographed', 'animated', 'released', 'published', 'premiered', 'screened', 'staged', 'starring', 'featuring',
  'streaming', 'filmed',
]);
/** Short words written in lower case inside title-case titles ("Once Upon A Time in Hollywood", "Meet the Press"). */
export const TITLE_MINOR_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'nor', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'from', 'by', 'as', 'vs',
  'vs.', 'v.', 'into', 'upon', 'over', 'de', 'la', 'le', 'du', 'von', 'van', 'y', 'del',
]);
/** A title in quote marks has at most this many words. */
export const TITLE_MAX_WORDS = 10;
