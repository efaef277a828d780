// Whole-line date recognition for metadata lines. chrono-node finds dates inside prose (the annotate stage
// uses it); here the question is different: is this LINE only a date stamp? That needs exact spans and strict
// formats, so the few formats news pages print are matched directly.

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const TIME = '(?:[ T,]+(?:at\\s+)?(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?(?:\\.\\d+)?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?\\s*(z|utc|gmt|[+-]\\d{2}:?\\d{2})?)?';

const ISO = new RegExp(`\\b(\\d{4})-(\\d{2})-(\\d{2})${TIME}`, 'gi');
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}`, 'gi');
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})${TIME}`, 'gi');
const DOTTED = new RegExp(`\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})${TIME}`, 'gi');
const WEEKDAY = /\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|sday|nesday|rsday|urday)?\b\.?/gi;

export interface DateMatch {
  iso: string;
  start: number;
  end: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function toIso(year: number, month: number, day: number, time: string[]): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2100) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCDate() !== day) return null; // 31 February
  const date = `${year}-${pad(month)}-${pad(day)}`;
  const [h, m, s, meridiem, zone] = time;
  if (h === undefined || m === undefined) return date;
  let hour = Number(h);
  const lower = meridiem?.toLowerCase().replace(/\./g, '');
  if (lower === 'pm' && hour < 12) hour += 12;
  if (lower === 'am' && hour === 12) hour = 0;
  if (hour > 23 || Number(m) > 59) return date;
  let offset = '';
  if (zone) {
    const z = zone.toLowerCase();
    offset = z === 'z' || z === 'utc' || z === 'gmt' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  }
  return `${date}T${pad(hour)}:${m}:${s ?? '00'}${offset}`;
}

/** Every date stamp in a short string, left to right, with ISO values ("2023-09-30" or "2023-09-30T12:01:51"). */
export function findDates(line: string): DateMatch[] {
  const found: DateMatch[] = [];
  const add = (match: RegExpMatchArray, iso: string | null) => {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (iso && !found.some((f) => start < f.end && end > f.start)) found.push({ iso, start, end });
  };
  for (const m of line.matchAll(ISO)) add(m, toIso(+m[1], +m[2], +m[3], m.slice(4, 9)));
  for (const m of line.matchAll(MONTH_DAY_YEAR)) add(m, toIso(+m[3], MONTHS[m[1].toLowerCase().slice(0, 3)], +m[2], m.slice(4, 9)));
  for (const m of line.matchAll(DAY_MONTH_YEAR)) add(m, toIso(+m[3], MONTHS[m[2].toLowerCase().slice(0, 3)], +m[1], m.slice(4, 9)));
  for (const m of line.matchAll(DOTTED)) add(m, toIso(+m[3], +m[2], +m[1], m.slice(4, 9)));
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Labels that say a date is when the story was changed, not when it came out ("Updated: 6 Mar 2024", "Last
 * modified", German "Aktualisiert", French "Mis à jour", Spanish "Actualizado", Portuguese "Atualizado",
 * Italian "Aggiornato").
 */
export const UPDATED_LABEL = /(?<!\p{L})(?:updated?|modified|edited|revised|changed|last update|aktualisiert|geändert|mis à jour|mise à jour|actualizado|atualizado|aggiornato)(?!\p{L})/iu;
/** Labels that say a date is the publication ("Published:", "First published", "Posted", "Veröffentlicht", "Publié"). */
export const PUBLISHED_LABEL = /(?<!\p{L})(?:published|publish date|posted|created|released|veröffentlicht|erschienen|publié|publicado|pubblicato)(?!\p{L})/iu;
/** The label before a date is looked for in at most this many characters before it. */
const MAX_LABEL_DISTANCE = 40;

/** What the words just before a date say it is: the last label between the previous date (or the start) and it. */
function dateLabel(line: string, dates: DateMatch[], index: number): 'published' | 'updated' | null {
  const from = Math.max(index > 0 ? dates[index - 1].end : 0, dates[index].start - MAX_LABEL_DISTANCE);
  const before = line.slice(from, dates[index].start);
  const updated = lastIndex(before, UPDATED_LABEL);
  const published = lastIndex(before, PUBLISHED_LABEL);
  if (updated < 0 && published < 0) return null;
  return published > updated ? 'published' : 'updated';
}

/** Where the last match of a pattern starts in a text, -1 when none. */
function lastIndex(text: string, pattern: RegExp): number {
  let at = -1;
  for (const m of text.matchAll(new RegExp(pattern.source, 'giu'))) at = m.index ?? at;
  return at;
}

/**
 * The publication date among the dates of a stamp line ("Updated: 6 Mar 2024; Published: 1 Mar 2024" -> 1 Mar):
 * the first one labelled published, else the first one not labelled as an update, else the first. Pages print the
 * update first as often as last, so the order says nothing; the labels do.
 */
export function publishedDate(line: string, dates: DateMatch[] = findDates(line)): DateMatch | undefined {
  if (dates.length < 2) return dates[0];
  const labels = dates.map((_, i) => dateLabel(line, dates, i));
  const at = labels.indexOf('published');
  if (at >= 0) return dates[at];
  const unlabelled = labels.findIndex((label) => label !== 'updated');
  return dates[unlabelled >= 0 ? unlabelled : 0];
}

/**
 * Whether every date of a stamp line is labelled as an update ("Updated: 6 Mar 2024", "Last modified 6 March"):
 * such a line dates the story only when no line or box gives its publication.
 */
export function isUpdateStamp(line: string, dates: DateMatch[] = findDates(line)): boolean {
  return dates.length > 0 && dates.every((_, i) => dateLabel(line, dates, i) === 'updated');
}

/**
 * Month and weekday names of other languages, mapped to the English ones findDates() reads. Only used on a
 * value that is already known to be a date stamp (a meta value, a feed pubDate, a short date element), never on
 * prose, so short words such as "mar", "set" or "ago" cannot be mistaken for a month in running text.
 * - Portuguese: UOL Notícias feed pubDate "Seg, 24 Set 2018 19:42:40 -0300"; Folha "19 de junho de 2018".
 * - Spanish: El País "19 jun 2018 - 05:50 CEST", "19 de junio de 2018".
 * - German: Rhein-Neckar-Zeitung/Spiegel "19. Juni 2018", "Di, 19. Jun 2018".
 * - French and Italian: Le Monde "19 juin 2018", Corriere "19 giugno 2018".
 */
const FOREIGN_MONTHS: Record<string, string> = {
  // Portuguese
  janeiro: 'jan', fevereiro: 'feb', fev: 'feb', 'março': 'mar', marco: 'mar', abril: 'apr', abr: 'apr', maio: 'may', mai: 'may', junho: 'jun', julho: 'jul', agosto: 'aug', ago: 'aug', setembro: 'sep', set: 'sep', outubro: 'oct', out: 'oct', novembro: 'nov', dezembro: 'dec', dez: 'dec',
  // Spanish
  enero: 'jan', ene: 'jan', febrero: 'feb', marzo: 'mar', mayo: 'may', junio: 'jun', julio: 'jul', septiembre: 'sep', setiembre: 'sep', octubre: 'oct', noviembre: 'nov', diciembre: 'dec', dic: 'dec',
  // German
  januar: 'jan', 'jänner': 'jan', februar: 'feb', 'märz': 'mar', 'mär': 'mar', juni: 'jun', juli: 'jul', oktober: 'oct', okt: 'oct', dezember: 'dec',
  // French
  janvier: 'jan', janv: 'jan', 'février': 'feb', fevrier: 'feb', 'févr': 'feb', mars: 'mar', avril: 'apr', avr: 'apr', juin: 'jun', juillet: 'jul', juil: 'jul', 'août': 'aug', aout: 'aug', septembre: 'sep', octobre: 'oct', novembre: 'nov', 'décembre': 'dec', decembre: 'dec', 'déc': 'dec',
  // Italian
  gennaio: 'jan', gen: 'jan', febbraio: 'feb', aprile: 'apr', maggio: 'may', mag: 'may', giugno: 'jun', giu: 'jun', luglio: 'jul', lug: 'jul', settembre: 'sep', ottobre: 'oct', ott: 'oct', dicembre: 'dec',
};
// Weekdays and joining words dropped before reading ("Seg,", "Di.", "19 de junio de 2018", "le 19 juin").
const FOREIGN_FILLER = new Set([
  'seg', 'ter', 'qua', 'qui', 'sex', 'sáb', 'sab', 'dom', 'segunda', 'terça', 'quarta', 'quinta', 'sexta', 'sábado', 'domingo', 'feira',
  'lun', 'mar.', 'mié', 'mie', 'jue', 'vie', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes',
  'mo', 'di', 'mi', 'do', 'fr', 'sa', 'so', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag',
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'le',
  'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica',
  'de', 'del', 'em', 'am', 'um', 'à', 'às', 'as', 'a', 'las', 'ore', 'uhr', 'h',
]);

/** A date stamp written in another language, rewritten with English month names ("24 Set 2018" -> "24 sep 2018"). */
export function translateDate(value: string): string {
  return value
    .split(/(\s+)/)
    .map((token) => {
      const bare = token.toLowerCase().replace(/^[,(]+|[.,)]+$/g, '');
      if (FOREIGN_MONTHS[bare]) return FOREIGN_MONTHS[bare];
      if (FOREIGN_FILLER.has(bare) || FOREIGN_FILLER.has(token.toLowerCase())) return ' ';
      return token;
    })
    .join('')
    .replace(/\s+/g, ' ');
}

// Compact ISO 8601, the "basic format" without separators: "20180619T055000+0900" (Asahi Shimbun/Nikkei meta
// tags), "20180619" (some CMS "date" metas). Only a whole value is read, never digits inside a longer string.
const COMPACT_ISO = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(?:[.,]\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

function compactIso(value: string): string | null {
  const m = COMPACT_ISO.exec(value);
  if (!m) return null;
  const zone = m[7] && /^[+-]\d{2}$/.test(m[7]) ? `${m[7]}00` : m[7];
  return toIso(+m[1], +m[2], +m[3], [m[4], m[5], m[6], undefined as unknown as string, zone]);
}

/** Normalizes a machine-readable date (meta tags, JSON-LD, <time datetime>) to the same ISO shape. */
export function normalizeDate(value: string): string | null {
  const trimmed = value.trim();
  const compact = compactIso(trimmed);
  if (compact) return compact;
  const first = findDates(trimmed)[0] ?? findDates(translateDate(trimmed))[0];
  if (first) return first.iso;
  // RFC 2822 and similar ("Tue, 19 Nov 2019 13:00:00 GMT"); V8 guesses wildly on other strings, so a year is required.
  if (!/\b(19|20)\d\d\b/.test(value)) return null;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().replace('.000Z', 'Z');
}

// Pieces of a date stamp that are not a full date: "9:41 AM", "Nov 19", "1 day ago", "20th".
const TIME_OF_DAY = /\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?/gi;
const MONTH_DAY = new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}`, 'gi');
const RELATIVE = /\b(?:\d+|an?|one)\s+(?:second|minute|min|hour|hr|day|week|month|year)s?\s+ago\b|\b(?:just now|yesterday|today)\b/gi;

/** The line with date fragments that are not full dates blanked out; `found` tells whether there were any. */
export function stripDateFragments(line: string): { rest: string; found: boolean } {
  let found = false;
  const rest = [WEEKDAY, TIME_OF_DAY, MONTH_DAY, RELATIVE].reduce(
    (text, pattern) =>
      text.replace(pattern, () => {
        found = true;
        return ' ';
      }),
    line,
  );
  return { rest, found };
}
