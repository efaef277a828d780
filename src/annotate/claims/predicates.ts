// Predicate synonym classes: different words outlets use for one event, normalised to one lemma so that claims
// from different outlets compare equal ("were killed" = "lost their lives" = "the death of" -> "kill").
// Rules are data: each class names the example that motivated it.

/** One class of words for one kind of event. */
export interface PredicateClass {
  /** The lemma every member normalises to. */
  lemma: string;
  /** Single words, matched on wink's lemma or on the lowercase word as written. */
  words: string[];
  /**
   * Multiword members as lemma sequences; "*" stands for any one token (a possessive: "lost [their] lives").
   * Matched before single words, so "lost their lives" is "kill" and not "lose".
   */
  phrases?: string[][];
  /** Why the class exists: the sentences that made it necessary. */
  example: string;
}

export const PREDICATE_CLASSES: PredicateClass[] = [
  {
    lemma: 'kill',
    words: ['kill', 'killed', 'killing', 'die', 'died', 'dead', 'death', 'deaths', 'slay', 'slain', 'fatality', 'fatalities', 'perish'],
    phrases: [['lose', '*', 'life'], ['lose', '*', 'lives'], ['lost', '*', 'lives']],
    example: '"leaving one police officer dead" / "a Kosovo police officer and three Serb gunmen were killed" / "one Kosovo police officer and three of the assailants lost their lives" / "the death of a policeman and 3 attackers"',
  },
  {
    lemma: 'injure',
    words: ['injure', 'injured', 'wound', 'wounded', 'hurt'],
    example: '"leaving one police officer dead and another injured" vs "wounded"',
  },
  {
    lemma: 'deploy',
    words: ['deploy', 'deployed', 'deployment', 'send', 'sent', 'station', 'stationed', 'mass', 'massing', 'dispatch', 'dispatched', 'buildup', 'build-up', 'mobilise', 'mobilize', 'mobilisation', 'mobilization', 'reinforce', 'staging'],
    phrases: [['build', '-', 'up'], ['build', 'up']],
    example: '"Serbia deployed sophisticated tanks" / "Serbia massing troops on border" / "an unprecedented military build-up" / "NATO plans to send 600 more soldiers" / "security forces were dispatched"',
  },
  {
    lemma: 'withdraw',
    words: ['withdraw', 'withdrawal', 'withdrew', 'reduce', 'reduction', 'decrease', 'decreased', 'cut', 'demilitarize', 'demilitarise'],
    phrases: [['pull', 'back'], ['pull', '*', 'back'], ['pull', '*', '*', 'back'], ['pull', 'out'], ['scale', 'back']],
    example: '"Serbia claims to have decreased the number of troops" / "announced the withdrawal of a portion of its forces" / "urged Belgrade to pull its forces back" / "a potential reduction in military presence"',
  },
  {
    lemma: 'alert',
    words: ['alert', 'readiness'],
    example: '"his country\'s forces were on alert" / "the highest level of combat readiness" / "there was no combat readiness"',
  },
  {
    lemma: 'secede',
    words: ['secede', 'seceded', 'seceeded', 'secession', 'independence'],
    // "broke away ... in 1998-99" names the war, not the 2008 declaration: kept out so the two dates never dispute.
    phrases: [['declare', 'independence']],
    example: '"Kosovo declared independence in 2008" / "Kosovo, which unilaterally seceeded in 2008" (misspelt in the source)',
  },
  {
    lemma: 'recognize',
    words: ['recognize', 'recognise', 'recognition', 'acknowledge'],
    example: '"Serbia will never recognize the independence" / "Serbia does not formally acknowledge the independence of ... Kosovo"',
  },
  {
    lemma: 'attack',
    words: ['attack', 'storm', 'stormed', 'assault', 'raid', 'shootout', 'gunfight', 'clash', 'clashes', 'shooting', 'firefight', 'skirmish'],
    phrases: [['open', 'fire'], ['opened', 'fire'], ['exchange', 'of', 'fire']],
    example: '"the group opened fire on police" / "Serb gunmen stormed a village" / "engaged in a gunfight" / "a shootout erupted"',
  },
  {
    lemma: 'boycott',
    words: ['boycott', 'boycotted'],
    example: '"local ethnic Serbs boycotted elections" / "after Serbs boycotted local elections in May"',
  },
  {
    lemma: 'raise',
    words: ['raise', 'increase', 'boost', 'strengthen', 'bolster'],
    example: '"President Vucic has previously raised the combat readiness" / "ready to boost the force" / "plans to strengthen its peacekeeping force" / "increase its presence"',
  },
  {
    lemma: 'annex',
    words: ['annex', 'annexation', 'incorporate'],
    example: '"Belgrade\'s plans to annex Kosovo\'s northern territories" / "aiming to incorporate the northern region of Kosovo"',
  },
  {
    lemma: 'train',
    words: ['train', 'trained', 'training'],
    example: '"Serbia ... trained a group of individuals" / "Serbian assailants undergoing training"',
  },
];

/**
 * Verbs that carry little meaning of their own and hand the event to their complement: "leaving one police officer
 * [dead]", "had made an unprecedented military [build-up]", "there was no combat [readiness]", "has seen a large
 * [deployment]". When the complement holds a class word, that word is the predicate.
 */
export const LIGHT_VERBS = new Set(['be', 'have', 'make', 'take', 'leave', 'see', 'give', 'get', 'carry', 'hold', 'remain', 'become', 'announce', 'conduct', 'undergo', 'engage', 'do']);

/**
 * Verbs whose "to"-complement carries the event ("plans to send", "was ready to boost", "has decided to increase",
 * "attempt to stir up"): the predicate is the infinitive, and the verb sets the modality (see polarity.ts).
 */
export const CONTROL_VERBS = new Set([
  'plan', 'intend', 'want', 'aim', 'decide', 'attempt', 'try', 'seek', 'continue', 'begin', 'start', 'threaten', 'agree',
  'refuse', 'fail', 'hope', 'expect', 'prepare', 'ready', 'set', 'need', 'have', 'go', 'able', 'seem', 'appear', 'claim',
]);

const BY_WORD = new Map<string, string>();
for (const cls of PREDICATE_CLASSES) for (const word of cls.words) BY_WORD.set(word, cls.lemma);

/** The class lemma of a single word (by its lemma or its lowercase surface form), or undefined. */
export function classOf(lemma: string, lower: string): string | undefined {
  return BY_WORD.get(lemma) ?? BY_WORD.get(lower);
}

/** A multiword class member starting at token i: its class lemma and how many tokens it covers. */
export function phraseAt(lemmas: string[], i: number, end: number): { lemma: string; length: number } | undefined {
  for (const cls of PREDICATE_CLASSES) {
    for (const phrase of cls.phrases ?? []) {
      if (i + phrase.length > end) continue;
      if (phrase.every((p, k) => p === '*' || p === lemmas[i + k])) return { lemma: cls.lemma, length: phrase.length };
    }
  }
  return undefined;
}
