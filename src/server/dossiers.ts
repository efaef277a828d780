// Dossiers of stored stories, built by `analyzeArticles` only when a story changed (cache keyed by the
// story's version, in the store) and kept as serialised JSON so the hot path sends bytes without parsing.
import { analyzeArticles } from '../analyze.js';
import type { Dossier } from '../dossier/types.js';
import type { ArticleStore } from '../store/index.js';

/** Counts the story list shows, taken from a story's dossier. */
export interface DossierStats {
  facts: number;
  corroborated: number;
  singleSource: number;
  disputes: number;
  quotes: number;
}

export interface StoredDossier {
  storyId: number;
  version: number;
  json: string;
  /** `json` encoded once as UTF-8, so sending it again costs no re-encoding. */
  bytes: Buffer;
  stats: DossierStats;
}

export function dossierStats(dossier: Dossier): DossierStats {
  return {
    facts: dossier.facts.length,
    corroborated: dossier.facts.filter((f) => f.independentSources > 1).length,
    singleSource: dossier.singleSource.length,
    disputes: dossier.disputes.length,
    quotes: dossier.quotes.length,
  };
}

export class DossierService {
  /** Latest dossier held in memory per story (the store keeps them too; this spares re-reading). */
  private readonly recent = new Map<number, StoredDossier>();
  private readonly stats = new Map<number, { version: number; stats: DossierStats }>();
  private readonly maxRecent: number;

  constructor(
    private readonly store: ArticleStore,
    options: { maxRecent?: number } = {},
  ) {
    this.maxRecent = options.maxRecent ?? 64;
  }

  /** Stats for the story at this version, when its dossier has been built; null while it has not. */
  statsOf(storyId: number, version: number): DossierStats | null {
    const known = this.stats.get(storyId);
    return known && known.version === version ? known.stats : null;
  }

  /** Whether get() would have to run the analysis (callers may want to say "analysing..."). */
  isCached(storyId: number): boolean {
    const story = this.store.getStory(storyId);
    if (!story) return true;
    return this.recent.get(story.id)?.version === story.version || this.store.getCachedDossier(story.id, story.version) !== null;
  }

  /** The dossier of a story (a merged-away id gives the story it went into); null when there is none. */
  get(storyId: number): StoredDossier | null {
    const story = this.store.getStory(storyId);
    if (!story) return null;
    const held = this.recent.get(story.id);
    if (held && held.version === story.version) return held;
    let json = this.store.getCachedDossier(story.id, story.version);
    let stats: DossierStats;
    if (json === null) {
      const dossier = analyzeArticles(this.store.storyArticles(story.id).map((s) => s.article));
      json = JSON.stringify(dossier);
      this.store.putCachedDossier(story.id, story.version, json);
      stats = dossierStats(dossier);
    } else stats = dossierStats(JSON.parse(json) as Dossier);
    const result: StoredDossier = { storyId: story.id, version: story.version, json, bytes: Buffer.from(json, 'utf8'), stats };
    this.remember(result);
    return result;
  }

  private remember(entry: StoredDossier): void {
    this.stats.set(entry.storyId, { version: entry.version, stats: entry.stats });
    this.recent.delete(entry.storyId);
    this.recent.set(entry.storyId, entry);
    if (this.recent.size > this.maxRecent) this.recent.delete(this.recent.keys().next().value as number);
  }
}
