// Word lists for counted quantities in news text: data only, each group with the kind of example behind it.

/** Spelled-out numbers ("three Serb gunmen", "twenty-five people"). */
export const UNIT_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  dozen: 12,
};

/** Multipliers after a number ("two hundred", "$22 million", "2.5 billion"). */
export const SCALE_WORDS: Record<string, number> = {
  hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000, trillion: 1_000_000_000_000,
};

/**
 * Plural scale words used as vague amounts ("dozens of protesters", "thousands of troops"): no number to compare,
 * so they are not reported as quantities. "half the troops" is skipped for the same reason.
 */
export const VAGUE_AMOUNTS = new Set(['dozens', 'hundreds', 'thousands', 'millions', 'billions', 'scores', 'half', 'several', 'many']);

/** Hedges before a number, kept as the quantity's qualifier ("approximately 4,500 troops", "Over 90%"). */
export const QUALIFIERS = [
  'approximately', 'about', 'around', 'roughly', 'nearly', 'almost', 'some', 'over', 'more than', 'at least',
  'up to', 'as many as', 'fewer than', 'less than', 'under', 'close to', 'an estimated', 'estimated', 'just over',
  'just under', 'more than', 'upwards of', 'at most', 'only',
];

/** Words between a number and the counted noun that do not belong to `what` ("600 more soldiers"). */
export const SKIPPED_MODIFIERS = new Set(['more', 'additional', 'extra', 'other', 'further', 'fewer', 'less']);

/** Determiners that make "one" a pronoun ("the one", "another one", "no one"). */
export const PRONOUN_ONE_BEFORE = new Set(['the', 'this', 'that', 'no', 'any', 'every', 'each', 'another', 'which', 'someone', 'anyone', 'everyone']);

/** Words after "one" that make it a pronoun or an idiom ("one another", "one day", "one of the gravest"). */
export const PRONOUN_ONE_AFTER = new Set(['another', 'of', 'day', 'way', 'time', 'thing', 'side', 'hand', 'who', 'that', 'which']);

/** Nouns that name a count when the number stands alone ("the troop count had been decreased from 8,350 to 4,500"). */
export const COUNT_NOUNS = /\b((?:[a-z]+\s+){0,2}(?:count|toll|tally|total|strength|headcount|figure|number|numbers|size|population))\b(?:\s+of\s+((?:[a-z]+\s*){1,3}))?/gi;

/** Currency marks and words: the counted thing is money ("$22 million", "1.5 million euros"). */
export const CURRENCY_SYMBOLS: Record<string, string> = { $: 'dollars', '€': 'euros', '£': 'pounds', '¥': 'yen' };

/** Clock times and codes, not counts: "6 a.m.", "12:30", "F-16", "COVID-19", phone numbers. */
export const CLOCK_AFTER = /^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|:\d)/i;
export const CODE_AROUND = /[A-Za-z]-?$/;
export const PHONE_LIKE = /^\+?\d[\d().\s-]{6,}\d$/;

/**
 * Words that end the clause a number's event is looked for in (with punctuation and subordinating conjunctions):
 * "30 armed Serbs who had taken refuge" (the refuge is not what happened to the 30).
 */
export const CLAUSE_WORDS = new Set(['which', 'who', 'whom', 'whose', 'that', 'where', 'when', 'while', 'but', 'because', 'although', 'though', 'whereas', 'since', 'after', 'before', 'until', 'unless', 'if']);

/** Relative words stepped over between a counted phrase and its verb ("3 people who were killed"). */
export const RELATIVE_WORDS = new Set(['who', 'which', 'that']);

/** Determiners that make a number a set already known ("tensions between the two countries"), not a new count. */
export const DEFINITE_BEFORE = new Set(['the', 'these', 'those', 'both', 'all']);

/** Words right before a number that make it a label, not a count ("No. 5", "number 10", "#3"). */
export const NAME_NUMBER_BEFORE = new Set(['no.', 'no', 'number', '#', 'nr.', 'nos.']);

/** Events whose subject fields the counted thing: "NATO ... plans to send 600 more soldiers" (NATO's soldiers). */
export const FIELDING_EVENTS = new Set(['deploy', 'reduce', 'increase']);

/**
 * Verbs whose subject owns the number after them: "the existing KFOR peacekeeping force, which currently
 * consists of approximately 4,500 troops", "the mission has 3,700 soldiers".
 */
export const HOLDING_VERBS = new Set([
  'consist', 'consists', 'consisted', 'comprise', 'comprises', 'comprised', 'has', 'have', 'had', 'numbers', 'numbered',
  'totals', 'totalled', 'totaled', 'includes', 'included', 'fields', 'fielded', 'maintains', 'maintained', 'keeps', 'kept',
]);

/** Plural nouns that do modify a following noun ("arms dealer", "news agency"): they do not end a counted phrase. */
export const PLURAL_MODIFIERS = new Set(['arms', 'news', 'sports', 'goods', 'customs', 'savings', 'operations', 'communications']);

/** Words that end a counted noun read after "the number of" ("the number of counties to which the WFP has access"). */
export const FUNCTION_WORDS = new Set(['to', 'which', 'who', 'that', 'can', 'could', 'will', 'would', 'in', 'on', 'at', 'from', 'for', 'with', 'by', 'of', 'the', 'a', 'an', 'has', 'have', 'had', 'is', 'are', 'was', 'were', 'and', 'or']);

/**
 * Nouns that count people by what happened to them: "Nine other deaths had been reported" is nine people killed.
 * The kind is "person", the event the one named.
 */
export const EVENT_NOUN_COUNTS: Record<string, string> = { death: 'kill', fatality: 'kill', killing: 'kill', injury: 'injure', arrest: 'arrest', abduction: 'abduct' };
