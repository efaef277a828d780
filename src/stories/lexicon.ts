// Word lists the story signature uses. Data only: every group names the kind of text that motivated it.
import { eng } from 'stopword';

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
