// Words that frame a claim rather than state one: attribution, denial and allegation cues, the nouns that name a
// claim ("allegations that ..."), and the markers of negation and modality. Data only; the rules live in frames.ts
// and polarity.ts.

/** Verbs (lemmas) whose content a source denies: "Vucic denied that ...", "rejected claims that ...", "dismissed reports of ...". */
export const DENIAL_VERBS = new Set(['deny', 'reject', 'refute', 'dismiss', 'rebut', 'denounce', 'disprove']);

/** Verbs (lemmas) that put their content as an allegation: "Kurti accused Serbia of ...", "alleged that ...". */
export const ALLEGATION_VERBS = new Set(['accuse', 'allege', 'claim', 'blame', 'charge']);

/**
 * Verbs (lemmas) that report what a source says or believes: their content is a claim made by the source
 * ("the White House warned", "Kirby said", "he explained that"). Requests ("urged Serbia to", "called on") are not
 * here: the request is the outlet's claim, not the source's.
 */
export const SPEECH_VERBS = new Set([
  'say', 'tell', 'state', 'add', 'explain', 'insist', 'warn', 'confirm', 'announce', 'write', 'note', 'report',
  'argue', 'suggest', 'believe', 'think', 'declare', 'stress', 'assert', 'admit', 'reveal', 'indicate', 'show',
  'maintain', 'acknowledge', 'tweet', 'post', 'post', 'observe', 'describe', 'call', 'according', 'accord', 'estimate',
  'predict', 'fear', 'hope', 'recall', 'emphasize', 'emphasise', 'reiterate', 'say', 'contend', 'testify', 'mention',
]);

/** Whether a verb lemma reports, denies or alleges what a source says (any of the three lists above). */
export function isReportingVerb(lemma: string): boolean {
  return SPEECH_VERBS.has(lemma) || DENIAL_VERBS.has(lemma) || ALLEGATION_VERBS.has(lemma);
}

/** Nouns that name a claim and introduce its content: "allegations that ...", "reports of ...", "untruths where they talk about ...". */
export const CLAIM_NOUNS = new Set([
  'allegation', 'allegations', 'claim', 'claims', 'report', 'reports', 'accusation', 'accusations', 'untruth', 'untruths',
  'rumour', 'rumours', 'rumor', 'rumors', 'lie', 'lies', 'suggestion', 'suggestions', 'charge', 'charges', 'assertion',
  'assertions', 'story', 'stories', 'statement', 'statements', 'speculation', 'suspicion', 'suspicions',
]);

/** Claim nouns that make their content an allegation rather than a plain report. */
export const ALLEGATION_NOUNS = new Set(['allegation', 'allegations', 'accusation', 'accusations', 'charge', 'charges', 'claim', 'claims', 'untruth', 'untruths', 'lie', 'lies', 'rumour', 'rumours', 'rumor', 'rumors']);

/**
 * Words after a claim noun that introduce its content: "claims [that] ...", "reports [of] ...", "claims [regarding] ...",
 * "untruths where they talk [about] ...". The content must still carry a predicate, so "Chief [of] the General Staff"
 * is not taken for content.
 */
export const CONTENT_LINKS = new Set(['that', 'of', 'regarding', 'about', 'concerning', 'over', 'on']);

/** Negation words scoped to the predicate they precede: "did not", "never entered", "there was no combat readiness". */
export const NEGATIONS = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'nobody', 'none', 'nothing']);

/** Verbs whose "to"-complement did not happen: "Belgrade and Moscow have refused to recognise". */
export const NEGATING_VERBS = new Set(['refuse', 'fail', 'decline']);

/** Modal auxiliaries and adverbs that hedge a claim: "Moscow may attempt", "reportedly". */
export const HEDGES = new Set(['may', 'might', 'could', 'reportedly', 'possibly', 'perhaps', 'apparently', 'probably', 'likely', 'supposedly', 'seemingly']);

/** Adverbs and adjectives that make a claim alleged: "allegedly", "alleged plans to annex". */
export const ALLEGED_MARKERS = new Set(['allegedly', 'alleged', 'purportedly', 'purported']);

/** Future markers before the predicate: "NATO will send", "would follow", "is to". */
export const FUTURE_MARKERS = new Set(['will', 'would', 'shall', "'ll", 'wo']);

/** Words (lemmas) that put the predicate after them as a plan: "plans to send", "intends to", "wants to", "aiming to incorporate". */
export const PLAN_WORDS = new Set(['plan', 'plans', 'intend', 'want', 'aim', 'prepare', 'ready', 'seek', 'decide', 'intention', 'threaten', 'attempt', 'propose']);

/**
 * Words written "-ing" after a comma that open a prepositional phrase, not a clause: ", following a deadly exchange",
 * ", including a group of", ", according to".
 */
export const PREPOSITION_LIKE = new Set(['following', 'including', 'according', 'regarding', 'concerning', 'involving', 'excluding', 'during', 'pending', 'notwithstanding', 'considering', 'amid']);

/** Conjunctions that open a subordinate clause carrying its own fact: "..., after Serb gunmen stormed a village". */
export const SUBORDINATORS = new Set(['after', 'when', 'as', 'because', 'before', 'while', 'although', 'though', 'until', 'once', 'since', 'whereas']);

/** Relative pronouns that open a non-restrictive relative after a comma ("Kosovo, which declared independence ..."). */
export const RELATIVES = new Set(['which', 'who', 'whose', 'where', 'whom']);
