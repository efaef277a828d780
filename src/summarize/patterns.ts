// Heuristic patterns of the summarize stage, kept as data in one place.

/**
 * A sentence that opens with a quote mark is mostly somebody's words, not the reporter's account
 * (AP/NYT style: ``We will never accept it,'' the minister said.).
 */
export const OPENS_WITH_QUOTE = /^\s*(?:``|"|“|'|‘)/;

/** Questions ("What happens next?") and teasers are not statements of fact. */
export const QUESTION = /\?\s*(?:['"”’]|'')?\s*$/;

/** A real sentence ends in terminal punctuation, possibly followed by a closing quote; headlines and subheads do not. */
export const TERMINAL = /[.!?](?:\s*(?:['"”’)]|''))*\s*$/;

/** Wire datelines at the start of a story: "PHNOM PENH, Cambodia (AP) --", "WASHINGTON (Reuters) -". */
export const DATELINE = /^[A-Z][A-Z.'\- ]+(?:,\s*[A-Z][A-Za-z.\- ]+)?\s*(?:\([A-Za-z]+\))?\s*(?:--|—|–|-|_)\s*/;

/**
 * Leading phrases that can be dropped without changing the fact (when trimming is on): time adverbials and
 * connectives that point at an earlier sentence of the same article ("On Monday,", "In a statement,", "However,").
 */
export const LEADING_TRIM = [
  /^(?:On|Late|Early|Earlier|By|As of|Since|Until)\s+(?:[A-Z][a-z]+day|[A-Z][a-z]+\.?\s+\d{1,2}|last\s+\w+|this\s+\w+)[^,]{0,20},\s+/,
  /^(?:However|Meanwhile|Also|Still|Instead|Nevertheless|In addition|In a statement|In an interview|At the same time),\s+/,
];

/**
 * Trailing attribution clauses that can be dropped (when trimming is on): ", officials said Thursday." The kept
 * span then ends before the comma, so it stays a verbatim substring of the source.
 */
export const TRAILING_ATTRIBUTION =
  /,\s+(?:(?:he|she|they|officials?|police|the \w+(?: \w+)?|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}) (?:said|says|reported|added|told reporters)|according to [^,]{3,40})(?: (?:on )?\w+day)?\s*\.\s*$/;

/**
 * Openers that lean on an earlier sentence. A summary never starts with one (its first sentence must stand
 * alone); later in the summary they are allowed, and the chronological order keeps a sentence after its
 * predecessor in the same article. Each group names the real sentence that motivated it.
 */
export const DEPENDENT_OPENERS: { why: string; pattern: RegExp }[] = [
  {
    // "He explained that there was no combat readiness of the Serbian Armed Forces..." (seed 000);
    // "They have called for Serbia to immediately withdraw its forces..." (seed 002); "It was ..." (issue).
    why: 'personal or possessive pronoun',
    pattern: /^(?:He|She|It|They|We|You|His|Her|Its|Their|Our|My|Him|Them|I)(?=[\s,’']|$)/,
  },
  {
    // "This clash, one of the worst since Kosovo declared independence..." (seed 002); "These were among the
    // biggest issues that still separated the two sides..." (DUC d31031t); "This is what Newt Gingrich is
    // supposed to do well." (DUC d30024t). Not "This year, Voinovich ... is running again" (DUC d30050t).
    why: 'demonstrative',
    pattern:
      /^(?:This|That|These|Those)\b(?!\s+(?:year|week|month|morning|afternoon|evening|weekend|spring|summer|autumn|fall|winter|season|decade|century)\b)/,
  },
  {
    // "But Belgrade has never recognized Kosovo..." (seed 000); "However, ..." and "The move ..." (issue);
    // "Another challenged Mahathir for leadership of the ruling party, and lost." (DUC d30011t).
    why: 'discourse connective or comparative',
    pattern:
      /^(?:But|And|Or|Nor|So|Yet|Still|Also|Then|Thus|Hence|Therefore|Instead|Meanwhile|Moreover|Furthermore|Nevertheless|Nonetheless|However|Besides|Otherwise|Likewise|Similarly|Consequently|Accordingly|Indeed|Again|Even so|In addition|In response|In turn|In return|As a result|As well|At the same time|On the other hand|By contrast|In contrast|For (?:his|her|its|their) part|Another|Other|Others|Both|Either|Neither|Such|The two|The three|The same|The latter|The former|The other|The rest)\b/,
  },
  {
    // "One would require ..." refers to an option named before; "One of the ..." and "One police officer" stand alone.
    why: 'pronominal "one"',
    pattern: /^One\s+(?:would|could|can|may|might|is|was|has|had|will|should|must|of (?:them|those|these|the two))\b/,
  },
  {
    // "Earlier on Monday, Kosovo Prime Minister Kurti blamed Serbia..." (seed 000): earlier than what?
    why: 'time relative to an earlier sentence',
    pattern: /^(?:Earlier|Later|Previously|Afterwards|Afterward|Shortly after(?:wards)?|The (?:next|following|previous|same) (?:day|week|morning|evening|night)|(?:\w+|A few) (?:minutes|hours|days|weeks|months) (?:later|earlier))\b/,
  },
  {
    // A definite event or role noun as the whole subject points back: "The clashes have caused concerns about a
    // potential escalation." (seed 003); "The area has been the scene of unrest since April..." (seed 000);
    // "The violence - in which a Kosovo police officer and three Serb gunmen were killed - marked..." (seed 001).
    // With its own complement it stands alone: "The attack on the embassy killed 12 people."
    why: 'definite noun phrase referring back',
    pattern:
      /^The (?:move|decision|attack|attacks|incident|violence|clash|clashes|announcement|statement|remarks|comments|deal|agreement|plan|proposal|report|step|measure|development|news|call|request|event|episode|situation|area|region|group|man|woman|men|women|company|firm|pair|couple|bill|law|case|verdict|ruling|vote|visit|meeting|talks|letter|document|claim|claims|allegation|allegations|denial|accusation|accusations|operation|offensive|raid|strike|blast|explosion|crash|shooting|shootout|fire|storm|quake|earthquake|disaster|crisis|dispute|conflict|fighting|unrest|protest|protests|tension|tensions|escalation|occurrence|reduction|withdrawal|deployment|build-?up|official|officials|spokesman|spokeswoman|minister|leader|suspect|victim|victims)(?=\s*[,(\-—–]|\s+(?:[a-z]+ed|was|were|is|are|has|have|had|will|would|could|can|may|might|must|should|also|then|came|comes|left|led|drew|took|began|saw|sent|made|brought|marks|prompted|caused|said|says|told)\b)/,
  },
];

/** True when a sentence opens with one of the dependent openers. */
export function dependentOpener(text: string): string | null {
  const trimmed = text.trimStart();
  for (const { why, pattern } of DEPENDENT_OPENERS) if (pattern.test(trimmed)) return why;
  return null;
}

/**
 * Headline-style present-tense verbs. A standfirst (the deck under a headline) is an article's first sentence,
 * alone in its paragraph, that tells a past event in headline present: "Serbia's Vucic refutes false claims
 * regarding the highest level of combat readiness of forces, saying ..." (seed 001); "Serbia claims to have
 * decreased the number of troops near Kosovo." (seed 003). It restates the headline, so it never opens a summary.
 */
export const HEADLINE_VERB =
  /^(?:says|denies|refutes|rejects|claims|warns|urges|slams|vows|calls|accuses|blames|insists|admits|announces|confirms|reports|seeks|plans|faces|hits|kills|wins|backs|eyes|mulls|sees|launches|orders|pledges|threatens|agrees|approves|condemns|dismisses|demands|suspends|signs|takes|sends|moves|cuts|raises|boosts|slashes|hails|praises|rules|sets|gets|makes|leaves|quits|resigns|dies|opens|closes|ends|begins|starts|steps|reveals|unveils|lashes|fires|hikes|drops|rises|falls|stops|blocks|bans|lifts|names|picks|holds|pulls|withdraws|deploys|masses)$/;

/** Words that may stand before a standfirst's verb: names and titles ("Serbia's Vucic", "Finance minister Halvorsen"). */
export const STANDFIRST_SUBJECT =
  /^(?:[A-Z][\w.'’-]*|of|the|and|de|van|von|al|bin|(?:minister|president|premier|leader|chief|secretary|spokes(?:man|woman|person)|police|army|military|government|officials?)(?:['’]s)?)$/;

/**
 * Attribution and denial cues. A claim span is offered on its own only when the words of its sentence that it
 * leaves out carry none of these: "Serbia deployed sophisticated tanks and artillery on the frontier ..., the
 * White House warned." (seed 001) must not become the outlet's own "Serbia deployed sophisticated tanks".
 */
export const ATTRIBUTION_CUE =
  /\b(?:said|says|say|warned|warns|told|tells|added|adds|claimed|claims|alleged|alleges|allegedly|reported|reports|reportedly|stated|states|insisted|insists|denied|denies|deny|rejected|rejects|refuted|refutes|disputed|disputes|dismissed|accused|accuses|believes?|believed|according|announced|announces|argued|argues|suggested|suggests|noted|notes|wrote|writes|quoted|cited|confirmed|confirms|asserted|maintained)\b/i;

/** A leading phrase a claim span may leave out: a time or place adverbial closed by a comma ("Earlier on Monday, "). */
export const DROPPABLE_HEAD = /^[^,"“”‘’]{1,40},\s*$/;

/**
 * A sentence that reports a disagreement by itself: "Serbian Defense Minister Milos Vucevic rejected allegations by
 * the Kosovo prime minister of Belgrade's plans to annex ..." (seed 000); "... after detecting what it called an
 * "unprecedented" Serbian military build-up, a claim rejected by Serbian President Aleksandar Vucic." (seed 001).
 */
export const REPORTS_DISAGREEMENT = [
  /\b(?:denied|denies|deny|rejected|rejects|refuted|refutes|dismissed|dismisses|disputed|disputes|contested|contests|challenged|challenges)\s+(?:\w+\s+){0,6}?(?:allegations?|claims?|reports?|accusations?|charges?|assertions?|suggestions?|statements?|figures?|accounts?)\b/i,
  /\b(?:allegations?|claims?|reports?|accusations?|charges?|assertions?|figures?)\s+(?:(?:was|were|has been|have been)\s+)?(?:denied|rejected|refuted|dismissed|disputed|contested)\s+by\b/i,
  /\b(?:conflicting|contradictory|differing|disputed)\s+(?:reports?|accounts?|figures?|claims?|estimates?)\b/i,
];
