// Building one story's dossier from its articles: the analysis itself, loaded only by the processes and
// threads that build (piscina threads of the server, queue workers), never by a server's request thread.
import type { Article } from './clean/index.js';
import { analyzeArticles } from './analyze.js';
import { distinctIds, dossierStats, selectArticles, type DossierStats } from './story-dossier.js';

export interface BuiltDossier {
  json: string;
  stats: DossierStats;
  /** Articles the story held when the build read it. */
  storyArticles: number;
}

/**
 * Builds the dossier of one story from its articles (in story order). Over `maxArticles` only a selection
 * is analysed and the dossier says so in `problems`. Throws NothingToAnalyzeError for an empty story.
 */
export function buildStoryDossier(storyId: number, articles: Article[], maxArticles: number, storyArticles = articles.length): BuiltDossier {
  // Ids are made distinct over the whole story, before the selection, so an article has the same id in
  // every dossier of the story and in the story's article list (GET /api/stories/:id).
  const chosen = selectArticles(distinctIds(articles).map((article) => ({ article })), maxArticles).map((c) => c.article);
  const problems =
    chosen.length < storyArticles
      ? [
          {
            origin: `story ${storyId}`,
            reason: `this dossier analyses ${chosen.length} of the story's ${storyArticles} articles (the limit per dossier); the newest article of each outlet was taken first`,
          },
        ]
      : [];
  const dossier = analyzeArticles(chosen, problems);
  return { json: JSON.stringify(dossier), stats: dossierStats(dossier), storyArticles };
}
