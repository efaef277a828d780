// Word lists and patterns for time expressions in news text: data only, each group with the kind of example behind it.

/** Month names as written in news, with abbreviations with and without the dot ("Sept. 24", "Sept 24"). */
export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};

/**
 * Month names that are also everyday words: "May" the modal ("Moscow may attempt"), "March" the verb
 * ("protesters march"). Alone (no day or year beside them) they count only after a word that introduces a time.
 */
export const AMBIGUOUS_MONTHS = new Set(['may', 'march', 'mar', 'jan', 'jun', 'dec', 'sep', 'oct', 'nov', 'aug', 'apr', 'feb', 'jul']);

/** Words that introduce a lone month ("in May", "since April", "late September", "last March"). */
export const MONTH_CUE = /\b(?:in|since|until|till|by|from|to|through|during|before|after|of|early|late|mid|mid-|last|next|this|past|each|every|between|and|or|around|about|until|end|beginning|start|middle)\s*$/i;

/**
 * Capitalized words that turn a weekday into a name or a named day: "Bloody Sunday", "Black Monday",
 * "Super Tuesday", "Good Friday" — none of them is "the most recent Sunday".
 */
export const NAMED_DAY_PREFIX = new Set([
  'bloody', 'black', 'good', 'easter', 'palm', 'ash', 'super', 'cyber', 'holy', 'maundy', 'shrove', 'blue', 'red', 'green', 'white',
]);

/** Words after a weekday that still belong to time ("Friday night", "Monday's meeting" is handled by the apostrophe). */
export const WEEKDAY_TIME_FOLLOWERS = new Set(['morning', 'afternoon', 'evening', 'night', 'noon', 'midnight']);

/**
 * Cues, in the words just before an expression, that it refers forward ("will meet on Friday", "talks are
 * scheduled for Monday", "could come as early as Tuesday"). News mostly reports the past, so without such a cue
 * a lone weekday or month is the most recent one.
 */
export const FUTURE_CUE = /\b(?:will|won't|shall|'ll|would|is to|are to|plans? to|planned|planning|intends? to|hopes? to|scheduled|expects? to|expected to|to be [a-z]+ed|is due|are due|set to|upcoming|is going to|are going to|to be held|to hold|to meet|to vote|to begin|to start|to resume|to visit|to travel|to leave|to arrive|to return|as early as|as soon as|no later than|deadline)\b[^.;]*$/i;

/** Deadline words right before a date ("payable Dec. 15", "extended to Nov. 20", "by February", "until mid-November"). */
export const DEADLINE_BEFORE = /(?:\b(?:payable|of record|expires?|effective|due|extended to|postponed to|delayed to|by|until|till|through)\s+(?:on\s+)?)$/i;
/** "up until Thursday", "from ... through": a deadline word that still looks back. */
export const NOT_DEADLINE_BEFORE = /\b(?:up until|up to|up till)\s+$/i;

/** How far back the forward cues are looked for (characters before the expression, within its sentence). */
export const CUE_WINDOW = 80;

/** A relative expression counted from another event, not from the anchor ("10 days before the murder", "the day after"). */
export const COUNTED_FROM_EVENT = /\b(?:before|after|earlier|later|prior)$/i;

/**
 * Except whole years: "up 15% from a year earlier" compares with the same period a year before publication, so the
 * year (not the day) is placed against the anchor.
 */
export const YEARS_EARLIER = /^(?:a|one|two|three|four|five|\d+)\s+years?\s+(?:earlier|before)$/i;

/** A reporting verb right before the expression anchors it in the past ("said Friday", "announced on Monday"). */
export const PAST_REPORT_BEFORE = /\b(?:ended|since|as of|said|told|announced|reported|added|wrote|posted|stated|declared|confirmed|denied|warned|urged|met|called|claimed)\s+(?:on\s+)?$/i;

/** Words that make a lone weekday or month look forward or back, when written inside the expression. */
export const NEXT_WORD = /^(?:next|coming|this coming)\b/i;
export const LAST_WORD = /^(?:last|past|previous|this past)\b/i;

/** Modifiers that may precede a month or year and belong to the expression ("late September", "early 2008", "mid-March"). */
export const PART_PREFIX = /\b(?:early|late|mid|mid-|the end of|the beginning of|the start of|the middle of|the first half of|the second half of|earlier|later)[\s-]*$/i;

/** Words that tell a four-digit number is a year even when it sits before a noun ("since 1389", "in 2008", "fiscal 1990"). */
export const YEAR_CUE = /\b(?:in|since|until|till|by|from|to|through|during|before|after|of|year|fiscal|early|late|mid|around|circa|between|and|spring|summer|autumn|fall|winter|'s)\s*-?\s*$/i;

/** The cues strong enough to make a number before a plural noun a year ("in 2008 elections" but "and 2000 soldiers"). */
export const STRONG_YEAR_CUE = /\b(?:in|since|until|till|during|before|after|fiscal|early|late|mid)\s*-?\s*$/i;

/** Numbers a four-digit "year" must not be next to: money and percentages ("$2000", "1998 percent" is rare but "2000%" is not). */
export const NOT_YEAR_BEFORE = /[$€£¥#]\s*$|\d[.,]$|[.,]\d*$/;
export const NOT_YEAR_AFTER = /^(?:[.,]\d|\d|\s*(?:%|percent|per cent|-odd|km|kilometers|kilometres|miles|meters|metres|feet|tons|tonnes|hectares)\b)/i;

/** Numbers of words used as counts in relative expressions ("three weeks ago"). */
export const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, several: NaN, few: NaN, 'a few': NaN,
};

/**
 * Expressions that place an event in time without naming a calendar period (TimeML's PRESENT_REF, PAST_REF,
 * FUTURE_REF): "in recent months", "now", "the future". They are kept (value null, vague) so that nothing
 * pretends to a date, and so the timeline knows the sentence speaks of time.
 */
export const VAGUE = [
  /\b(?:right )?now\b/gi,
  /\b(?:currently|nowadays|at present|these days)\b/gi,
  /\b(?:more |most |until |only )?recently\b/gi,
  /\b(?:the )?(?:recent|past|last|coming|next) (?:few |several |couple of )?(?:days|weeks|months|years|decades)\b/gi,
  /\b(?:the )?(?:near |distant |foreseeable )?future\b/gi,
  /\bthe past\b(?! (?:few|several|\d|one|two|three|four|five|six|seven|eight|nine|ten|week|month|year|day|decade))/gi,
];

export const SEASONS: Record<string, { first: number; last: number }> = {
  spring: { first: 3, last: 5 }, summer: { first: 6, last: 8 }, fall: { first: 9, last: 11 }, autumn: { first: 9, last: 11 }, winter: { first: 12, last: 2 },
};

export const ORDINAL_QUARTERS: Record<string, number> = {
  first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4,
};

export const DECADE_WORDS: Record<string, number> = {
  twenties: 20, thirties: 30, forties: 40, fifties: 50, sixties: 60, seventies: 70, eighties: 80, nineties: 90,
};

/**
 * chrono readings that are not calendar dates in news: stock-price fractions ("rose 7/8 to $25"), clock units
 * ("in the sec"), durations and spans ("for two days", "within a week", "in a year").
 */
export const NOT_A_DATE = [/^\d{1,2}\/\d{1,2}$/, /\b(?:sec|secs|second|seconds|min|mins|minutes?|hours?|hrs?)\b/i, /^(?:for|within|in|over)\s/i];

/**
 * An infinitive forward cue governed by a past verb that already happened: "residents were allowed to return home
 * on Sunday", "he was forced to leave on Friday", "they managed to escape on Monday" report the past, unlike
 * "were expected to return" (those verbs are left out).
 */
export const PAST_BEFORE_INFINITIVE = /\b(?:(?:was|were|had been)\s+(?:\w+ly\s+)?(?:allowed|permitted|forced|ordered|told|asked|able|made|obliged|compelled|invited|called|sent)|managed|tried|attempted|failed|refused|began|started|rushed|voted|agreed|decided|chose|declined)\s+to\s+[a-z]+\b[^.;]*$/i;

/**
 * The verb of the clause just before the expression is in the past: "stopped production on Sept. 5", "were moved
 * out on Friday", "had been blocked on Jan. 3". A regular "-ed" form or a common irregular past.
 */
export const PAST_VERB_BEFORE = /\b(?:was|were|had|did|[a-z]{2,}ed|began|broke|came|went|took|made|gave|held|left|met|won|lost|fell|rose|saw|said|told|found|became|brought|built|sold|bought|ran|shut|hit|struck|fought|kept|sent|spent|stood|threw|wrote|spoke|drove|flew|froze|led|paid|put|set up|shot|stole|swore|tore|withdrew|woke|wore|forbade|overtook|undertook)\s+(?:[a-z]+\s+){0,4}(?:on\s+|as of\s+|by\s+)?$/;

/** Words ending in "-ed" that are not past verbs before a date ("scheduled", "planned" and "expected" look forward). */
export const NOT_PAST_ED = /\b(?:scheduled|planned|expected|slated|intended|proposed|needed|indeed|embed|speed|seed|need|feed|bed|red|shed|hundred|united)\s+(?:[a-z]+\s+){0,4}(?:on\s+|as of\s+|by\s+)?$/;

/** Present-tense verbs of a timetable right before a date: "the hearing begins Sept. 24", "the offer expires Friday". */
export const SCHEDULE_PRESENT_BEFORE = /\b(?:begins?|starts?|opens?|resumes?|ends|closes|expires?|runs|kicks? off|takes? effect|takes? place|comes into force|is due|are due)\s+(?:on\s+)?$/i;

/** A past verb right after the expression, before any other word: "the court on Monday rejected the appeal". */
export const PAST_VERB_AFTER = /^,?\s+(?:[a-z]+ly\s+)?([a-z]{2,}ed|said|told|met|held|made|took|gave|began|won|lost|left|sent|found|brought|fell|rose|struck|hit|ruled|broke)\b/;

/** Kinds of work whose name may be a number ("the film 1917", "his novel 1984"): the number is then a title. */
export const TITLE_NOUN_BEFORE = /\b(?:film|movie|novel|book|album|song|single|play|musical|documentary|series|show|opera|symphony|painting|game)\s+[“"‘']?$/i;

/** Days named by their place in an event, not the calendar: "the last day of the drill", "on the first day". */
export const EVENT_DAY = /^(?:last|first|final|next|same|second|third|opening|closing)\s+day$/i;
