// Cue words for stance toward a claim, shared by the headline (Emergent) and body (FNC-1) stance models.
// Lists are lowercased surface words (not stems) so that each file that uses them can decide how to match
// (whole word, stem, phrase). Append to them; do not reorder: a trained model stores feature names, not
// positions, so adding a word only changes what a retrained model can learn.
//
// Origin: the refuting and hedging lists start from Ferreira & Vlachos, "Emergent: a novel data-set for stance
// classification" (NAACL-HLT 2016), section 4, and were extended from headlines seen while building this module
// (the motivating headline is in the comment of each group).

/**
 * Words that deny or debunk a claim (Ferreira & Vlachos 2016's "refuting" list, extended).
 * "Apple denies it is shutting down Beats Music", "The video of a bird pooping on Putin is a hoax",
 * "Spiderman squished: Perth experts debunk spider burrowing claims".
 */
export const REFUTING_WORDS: string[] = [
  'fake', 'fakes', 'faked', 'fraud', 'fraudulent', 'hoax', 'hoaxes', 'false', 'falsely', 'deny', 'denies', 'denied', 'denial',
  'refute', 'refutes', 'refuted', 'nope', 'doubt', 'doubts', 'doubtful', 'bogus', 'debunk', 'debunks', 'debunked',
  'prank', 'pranks', 'pranked', 'retract', 'retracts', 'retracted', 'rumour-mill', 'untrue', 'myth', 'lie', 'lies', 'lied', 'liar',
  'wrong', 'wrongly', 'erroneous', 'erroneously', 'misleading', 'fabricated', 'fabrication', 'made-up', 'satire', 'satirical',
  'parody', 'scam', 'rejects', 'reject', 'rejected', 'dismiss', 'dismisses', 'dismissed', 'rebuff', 'rebuffs', 'rebuffed',
  'dispute', 'disputes', 'disputed', 'rebut', 'rebuts', 'rebutted', 'fiction', 'fictional', 'duped', 'dupe', 'fooled', 'fool',
  'busted', 'bust', 'phony', 'phoney', 'sham', 'spoof', 'joke', 'unfounded', 'baseless', 'nonsense', 'categorically',
  'misreported', 'misquoted', 'clarifies', 'clarified', 'correction', 'photoshopped', 'doctored', 'staged',
];

/**
 * Words that report a claim without vouching for it (Ferreira & Vlachos 2016's "hedging" list, extended).
 * "HP reportedly plans to split PC and printer business", "Alleged audio of Michael Brown shooting has surfaced",
 * "Apple could be eyeing purchase of social networking app Path", "British Jihadi Killed In US Airstrike - Reports".
 */
export const HEDGING_WORDS: string[] = [
  'alleged', 'allegedly', 'allegation', 'allegations', 'apparently', 'appear', 'appears', 'appeared', 'claim', 'claims', 'claimed',
  'could', 'evidently', 'largely', 'likely', 'unlikely', 'mainly', 'may', 'maybe', 'might', 'mostly', 'perhaps', 'possibly',
  'possible', 'presumably', 'probably', 'purported', 'purportedly', 'reported', 'reportedly', 'report', 'reports', 'rumor',
  'rumors', 'rumour', 'rumours', 'rumored', 'rumoured', 'says', 'said', 'say', 'seem', 'seems', 'seemingly', 'somewhat',
  'supposedly', 'unconfirmed', 'unverified', 'suggest', 'suggests', 'suggesting', 'speculation', 'speculate', 'speculates',
  'believed', 'thought', 'suspected', 'expected', 'predicts', 'predicted', 'forecast', 'forecasts', 'analyst', 'analysts',
  'sources', 'source', 'insider', 'insiders', 'tipped', 'tips', 'leak', 'leaks', 'leaked', 'hints', 'hint', 'hinted', 'plans',
  'planning', 'considering', 'mulls', 'mulling', 'eyeing', 'eyes', 'weighs', 'would', 'if', 'whether',
];

/** Multi-word hedges, matched on the lowercased text: "…, according to developers", "is it true?". */
export const HEDGING_PHRASES: string[] = [
  'according to', 'report says', 'reports say', 'sources say', 'is said to', 'are said to', 'set to', 'said to be',
  'real or', 'or not', 'is it true', 'is it real', 'are they real', 'is this real', 'for real', 'what we know',
  'not confirmed', 'no confirmation', 'refuses to confirm', 'neither confirm', 'confirm or deny', 'no comment',
];

/** Multi-word refutations: "Apple Reportedly Planning to Shut Down Beats Music Update: Not True". */
export const REFUTING_PHRASES: string[] = [
  'not true', 'not real', 'no evidence', 'no proof', 'made it up', 'made up', 'too good to be true', 'fell for',
  'falls for', 'turns out', 'not what', 'nothing to', 'no truth', 'is a lie', 'isn\'t real', 'isn\'t true', 'wasn\'t real',
  'never happened', 'did not happen', 'didn\'t happen', 'has not been', 'hasn\'t been', 'not been',
];

/**
 * Words that assert or confirm (the `for` side): "YPG Confirms: …", "April Launch Confirmed", "Police say…"
 * does not belong here (that is attribution, a hedge).
 */
export const SUPPORTING_WORDS: string[] = [
  'confirm', 'confirms', 'confirmed', 'confirmation', 'official', 'officially', 'announces', 'announced', 'announce', 'reveals',
  'revealed', 'proves', 'proof', 'proven', 'indeed', 'actually', 'true', 'truth', 'verified', 'verifies', 'admits', 'admitted',
  'acknowledges', 'acknowledged',
];

/**
 * Negation words, for the "negation mismatch" feature (claim and statement differ in polarity): "there was no
 * combat readiness" vs "Vucic has raised the combat readiness". Apostrophe contractions are matched by the
 * `n't` ending in the code, not listed here.
 */
export const NEGATION_WORDS: string[] = [
  'not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'nowhere', 'without', 'cannot', 'nt',
  'isnt', 'arent', 'wasnt', 'werent', 'dont', 'doesnt', 'didnt', 'wont', 'wouldnt', 'cant', 'couldnt', 'hasnt',
  'havent', 'hadnt', 'shouldnt', 'aint',
];

/** Question words at the head of a headline ("Did Banksy post…?", "Was the video … all a hoax?"). */
export const QUESTION_WORDS: string[] = ['what', 'who', 'why', 'how', 'did', 'does', 'do', 'is', 'are', 'was', 'were', 'can', 'could', 'will', 'has', 'have', 'should'];
