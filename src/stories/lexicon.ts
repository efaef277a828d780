// Word lists the story signature uses. Data only: every group names the kind of text that motivated it.
import { deu, eng, fra, ita, nld, por, spa } from 'stopword';

/**
 * Words that say nothing about which event an article reports.
 * - the general English list from the `stopword` package;
 * - reporting verbs and attributions found in nearly every wire story ("said", "told", "according");
 * - calendar words: "Tuesday" or "January" appear in articles about unrelated events of the same week;
 * - page furniture that survives extraction in crawled news ("Read more", "Getty Images", "advertisement").
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...eng,
  'said', 'says', 'say', 'saying', 'told', 'tell', 'according', 'added', 'asked', 'report', 'reported', 'reports',
  'would', 'could', 'should', 'will', 'can', 'may', 'might', 'must', 'also', 'just', 'like', 'one', 'two', 'new',
  'us', 'it\'s', 'its', 'i', 'me', 'my', 'we', 'our', 'you', 'your', 'he', 'him', 'his', 'she', 'her', 'they', 'them', 'their',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'today', 'yesterday', 'tomorrow', 'week', 'year', 'years', 'day', 'days', 'time', 'last', 'first', 'now',
  'read', 'more', 'click', 'photo', 'image', 'images', 'getty', 'advertisement', 'video', 'share', 'copyright',
  'mr', 'mrs', 'ms', 'dr',
]);

/**
 * Lower-case words that may sit inside a multi-word name ("Bank of England", "Leonardo da Vinci")
 * without ending it.
 */
export const NAME_CONNECTORS: ReadonlySet<string> = new Set(['of', 'de', 'da', 'del', 'der', 'van', 'von', 'al', 'bin', 'la', 'le']);

/**
 * Names that do not tell one event from another: countries (by the last word of their name, since the
 * clusterer compares the last word of names, "New Zealand" -> "zealand"), continents and the peoples of both.
 * Short feed items of one outlet mention them constantly: in The Guardian's US feed, Lorde's Grammys advert and
 * a lawsuit over her cancelled Israel concert both named New Zealand, and a Theodore Roosevelt op-ed on public
 * lands shared only "America" and "Americans" with the State of the Union coverage. Words that are also common
 * personal names (Jordan, Chad, Georgia's "Martin" islands) are left out on purpose.
 */
export const GENERIC_NAMES: ReadonlySet<string> = new Set([
  // continents, regions, unions
  'africa', 'america', 'americas', 'asia', 'europe', 'oceania', 'antarctica', 'arctic', 'caribbean', 'balkans', 'scandinavia',
  'us', 'usa', 'uk', 'eu', 'un', 'states', 'kingdom', 'republic', 'emirates', 'britain', 'england', 'scotland', 'wales',
  // countries
  'afghanistan', 'albania', 'algeria', 'andorra', 'angola', 'argentina', 'armenia', 'australia', 'austria', 'azerbaijan',
  'bahamas', 'bahrain', 'bangladesh', 'barbados', 'belarus', 'belgium', 'belize', 'benin', 'bhutan', 'bolivia', 'bosnia',
  'botswana', 'brazil', 'brunei', 'bulgaria', 'burundi', 'cambodia', 'cameroon', 'canada', 'chile', 'china', 'colombia',
  'congo', 'croatia', 'cuba', 'cyprus', 'czechia', 'denmark', 'djibouti', 'ecuador', 'egypt', 'eritrea', 'estonia',
  'ethiopia', 'fiji', 'finland', 'france', 'gabon', 'gambia', 'germany', 'ghana', 'greece', 'greenland', 'guatemala',
  'guinea', 'guyana', 'haiti', 'honduras', 'hungary', 'iceland', 'india', 'indonesia', 'iran', 'iraq', 'ireland', 'israel',
  'italy', 'jamaica', 'japan', 'kazakhstan', 'kenya', 'korea', 'kosovo', 'kuwait', 'kyrgyzstan', 'lanka', 'laos', 'latvia',
  'lebanon', 'lesotho', 'liberia', 'libya', 'liechtenstein', 'lithuania', 'luxembourg', 'macedonia', 'madagascar', 'malawi',
  'malaysia', 'maldives', 'mali', 'malta', 'mauritania', 'mauritius', 'mexico', 'moldova', 'monaco', 'mongolia',
  'montenegro', 'morocco', 'mozambique', 'myanmar', 'namibia', 'nepal', 'netherlands', 'nicaragua', 'niger', 'nigeria',
  'norway', 'oman', 'pakistan', 'palestine', 'panama', 'paraguay', 'peru', 'philippines', 'poland', 'portugal', 'qatar',
  'romania', 'russia', 'rwanda', 'arabia', 'senegal', 'serbia', 'singapore', 'slovakia', 'slovenia', 'somalia', 'spain',
  'sudan', 'sweden', 'switzerland', 'syria', 'taiwan', 'tajikistan', 'tanzania', 'thailand', 'togo', 'tunisia', 'turkey',
  'turkmenistan', 'uganda', 'ukraine', 'uruguay', 'uzbekistan', 'venezuela', 'vietnam', 'yemen', 'zambia', 'zealand',
  'zimbabwe', 'rica', 'rico', 'salvador', 'leone',
  // peoples
  'american', 'americans', 'african', 'africans', 'asian', 'asians', 'european', 'europeans', 'british', 'briton', 'britons',
  'english', 'scottish', 'welsh', 'irish', 'french', 'german', 'germans', 'italian', 'italians', 'spanish', 'russian',
  'russians', 'ukrainian', 'ukrainians', 'chinese', 'japanese', 'korean', 'koreans', 'indian', 'indians', 'pakistani',
  'pakistanis', 'afghan', 'afghans', 'iranian', 'iranians', 'iraqi', 'iraqis', 'syrian', 'syrians', 'israeli', 'israelis',
  'palestinian', 'palestinians', 'arab', 'arabs', 'saudi', 'turkish', 'egyptian', 'egyptians', 'mexican', 'mexicans',
  'canadian', 'canadians', 'australian', 'australians', 'brazilian', 'brazilians', 'polish', 'greek', 'dutch', 'swedish',
  // the most reported countries as other languages' feeds name them (Jornal de Notícias: "Estados Unidos", "EUA")
  'unidos', 'unido', 'eua', 'eeuu', 'coreia', 'rússia', 'frança', 'alemanha', 'espanha', 'itália', 'brasil', 'méxico',
  'deutschland', 'frankreich', 'russland', 'spanien', 'italien', 'österreich', 'schweiz', 'europa', 'áfrica', 'ásia',
  // offices, not office-holders: "O Presidente dos Estados Unidos, Donald Trump" opened three unrelated JN items
  'president', 'presidente', 'président', 'präsident', 'minister', 'ministro', 'ministre', 'government', 'governo',
  'gobierno', 'gouvernement', 'regierung', 'king', 'queen', 'pope', 'papa', 'chancellor', 'governor', 'mayor',
]);

/**
 * Function words of the other languages news feeds come in, used only for an article written in that language:
 * in Portuguese feeds "o", "de", "que" were counted as shared terms, so three unrelated items that named Trump
 * joined one story (Jornal de Notícias). Applied to English text these lists would drop real words ("war" and
 * "die" are German function words), hence the language check in `stopWordsFor`.
 */
const OTHER_LANGUAGES: readonly ReadonlySet<string>[] = [por, spa, fra, ita, deu, nld].map((list) => new Set(list));
const ENGLISH: ReadonlySet<string> = new Set(eng);
/** Words sampled to tell the language; a share of function words is a standard, cheap language signal. */
const LANGUAGE_SAMPLE_WORDS = 200;
/** Share of the sample a language's function words must reach (English text gives 0.35–0.5 for English). */
const MIN_FUNCTION_SHARE = 0.2;
const stopWordsByLanguage = new Map<ReadonlySet<string>, ReadonlySet<string>>();

/**
 * STOP_WORDS, plus the function words of the text's language when the text is clearly in another language
 * than English (judged by the share of each language's function words among its first 200 words).
 */
export function stopWordsFor(text: string): ReadonlySet<string> {
  const words = (text.slice(0, 4000).toLowerCase().match(/\p{L}+/gu) ?? []).slice(0, LANGUAGE_SAMPLE_WORDS);
  if (words.length === 0) return STOP_WORDS;
  const share = (list: ReadonlySet<string>) => words.filter((w) => list.has(w)).length / words.length;
  const english = share(ENGLISH);
  let best: ReadonlySet<string> | null = null;
  let bestShare = Math.max(english, MIN_FUNCTION_SHARE);
  for (const list of OTHER_LANGUAGES) {
    const value = share(list);
    if (value > bestShare) {
      best = list;
      bestShare = value;
    }
  }
  if (!best) return STOP_WORDS;
  let merged = stopWordsByLanguage.get(best);
  if (!merged) {
    merged = new Set([...STOP_WORDS, ...best]);
    stopWordsByLanguage.set(best, merged);
  }
  return merged;
}
