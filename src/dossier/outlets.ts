// Who published an article, as a reader would name it. Pure and free of pipeline imports, so the
// reports and the web bundle can name articles of older stored dossiers (which carry no label) the
// same way the dossier builder does.

/** Where an article's display name came from, strongest first. */
export type LabelSource = 'outlet' | 'credit' | 'domain' | 'file';

export interface ArticleName {
  /** "BBC", "AP", "bbc.co.uk", "kosovo-serbia rferl": never a path. */
  label: string;
  labelSource: LabelSource;
}

/** The article fields the name is derived from (DossierArticle and the clean stage's Article both fit). */
export interface NameableArticle {
  outlet: string | null;
  credits: string[];
  url: string | null;
  origin: string;
}

/** Host prefixes that say nothing about the publisher ("www.bbc.co.uk", "m.dw.com", "amp.theguardian.com"). */
const HOST_PREFIXES = /^(www\d*|m|mobile|amp)\./i;
/** File extensions the readers accept; a name without them reads as a name. */
const KNOWN_EXTENSIONS = /\.(txt|text|md|html?|xhtml|jsonl?|ndjson|xml|rss|atom)$/i;
/**
 * Content hashes in generated file names ("000_9ed602697b51ae3c.txt" in the seeds): long runs of hex
 * digits with at least one digit, which no reader recognises and which are left out of the name.
 */
const HASH_TOKEN = /^(?=[a-f]*\d)[0-9a-f]{8,}$/i;

/**
 * The article's display name, by the first rule that applies: the outlet from the metadata; else the
 * credit of a wire story ("AP", "AP / Reuters"); else the domain of its URL ("bbc.co.uk"); else a
 * readable form of its file name ("kosovo-serbia_rferl.txt" -> "kosovo-serbia rferl"), never a path.
 */
export function articleName(article: NameableArticle): ArticleName {
  const outlet = article.outlet?.replace(/\s+/g, ' ').trim();
  if (outlet) return { label: outlet, labelSource: 'outlet' };
  const credits = [...new Set(article.credits.map((c) => c.replace(/\s+/g, ' ').trim()).filter(Boolean))];
  if (credits.length) return { label: credits.join(' / '), labelSource: 'credit' };
  const domain = domainOf(article.url) ?? (/^https?:\/\//i.test(article.origin) ? domainOf(article.origin) : null);
  if (domain) return { label: domain, labelSource: 'domain' };
  return { label: fileLabel(article.origin), labelSource: 'file' };
}

/** The label a dossier article carries, or the one derived for an older dossier that carries none. */
export function labelOf(article: NameableArticle & { label?: string }): string {
  return article.label ?? articleName(article).label;
}

/** The label's source as carried, or derived for an older dossier. */
export function labelSourceOf(article: NameableArticle & { labelSource?: LabelSource }): LabelSource {
  return article.labelSource ?? articleName(article).labelSource;
}

/** "https://www.bbc.co.uk/news/x" -> "bbc.co.uk"; null for anything that is not an http(s) URL. */
export function domainOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    const host = parsed.hostname.toLowerCase().replace(HOST_PREFIXES, '');
    return host || null;
  } catch {
    return null;
  }
}

/**
 * The last path segment of an origin, with the record suffix of a JSONL line kept ("feed.jsonl#3"):
 * what a report may show of where an article came from.
 */
export function originName(origin: string): string {
  const hash = origin.lastIndexOf('#');
  const [path, record] = hash > 0 ? [origin.slice(0, hash), origin.slice(hash)] : [origin, ''];
  if (/^https?:\/\//i.test(path)) return origin;
  const base = path.replace(/^file:\/\//i, '').split(/[\\/]/).filter(Boolean).pop() ?? path;
  return base + record;
}

/** True for a path that names a place on this machine ("/home/ana/x.txt", "C:\\x.txt", "~/x", "file:///x"). */
export function isAbsoluteOrigin(origin: string): boolean {
  return /^(\/|~|\\\\|[A-Za-z]:[\\/]|file:)/i.test(origin);
}

/**
 * The origin a dossier may carry: what the user typed when it is relative ("../seeds/a.txt") or a web
 * address, but only the file name when it is an absolute local path, so a shared dossier never tells
 * where files sit on the machine that built it.
 */
export function publicOrigin(origin: string): string {
  return isAbsoluteOrigin(origin) ? originName(origin) : origin;
}

/** A readable name from a file origin: no directory, no extension, no content hash, underscores as spaces. */
export function fileLabel(origin: string): string {
  const name = originName(origin);
  const hash = name.lastIndexOf('#');
  const [file, record] = hash > 0 ? [name.slice(0, hash), ` #${name.slice(hash + 1)}`] : [name, ''];
  const stem = file.replace(KNOWN_EXTENSIONS, '') || file;
  const words = stem.split(/[_\s]+/).filter((t) => t && !HASH_TOKEN.test(t));
  // Only an index left ("000" of "000_9ed602697b51ae3c"): the file name as given is what the user knows.
  const readable = words.some((w) => /\p{L}/u.test(w)) ? words.join(' ') : stem;
  return readable + record;
}
