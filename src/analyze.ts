import { readInputs, readRecord, isReadError, uniqueIds, type RawArticle, type ReadProblem } from './read/index.js';
import { cleanArticle, isNoArticleTextError, type Article } from './clean/index.js';
import { annotate } from './annotate/index.js';
import { buildDossier, selectArticles, type DossierOptions } from './dossier/index.js';
import { storyPartition } from './stories/index.js';
import type { Dossier } from './dossier/types.js';
import { NothingToAnalyzeError } from './errors.js';

/** A record as a library user may pass it: the same fields a JSON/JSONL input file holds. */
export interface ArticleRecord {
  title?: string;
  text?: string;
  html?: string;
  url?: string;
  outlet?: string;
  publishedAt?: string;
}

/** A file or folder path, or an article record. */
export type AnalyzeInput = string | ArticleRecord;

/**
 * Articles one dossier analyses by default. A dossier is about one story, and every stage after reading
 * costs time and memory per article (annotation dominates: ~0.5 ms and ~8 KB for a one-line record): 5,000
 * is five times the largest story the design budgets for, and still a dossier in seconds when the articles
 * are short. A stream of unrelated records (a 100,000-line JSONL dump) belongs in `ingest`, which stores and
 * clusters it into stories.
 */
export const MAX_STORY_ARTICLES = 5000;

/**
 * Characters of article text one dossier analyses by default. Long articles cost by their length (~36 ms
 * and ~350 KB of memory for a 2,000-character, 14-sentence article): 3,000,000 characters is about 1,500
 * such articles, a minute and well under a gigabyte, where 5,000 of them would take three minutes and ~2 GB.
 */
export const MAX_STORY_TEXT_CHARS = 3_000_000;

/** How far a long analysis is: the stage, and how many of its articles are done. */
export interface AnalyzeProgress {
  stage: 'cleaning' | 'annotating' | 'building the dossier';
  done: number;
  total: number;
}

export interface AnalyzeOptions extends DossierOptions {
  /** Called after each article is cleaned and annotated, and once before the dossier is built (for a progress bar). */
  onProgress?: (step: AnalyzeProgress) => void;
  /** Called once per input that could not be used (file and reason), as it happens. */
  onProblem?: (problem: ReadProblem) => void;
  /** Most articles the dossier analyses (default MAX_STORY_ARTICLES); which ones: see `selectArticles`. */
  maxArticles?: number;
  /** Most characters of article text the dossier analyses (default MAX_STORY_TEXT_CHARS; Infinity for none). */
  maxTextChars?: number;
  /**
   * Called once when the usable articles were over `maxArticles` or `maxTextChars`, before the (long)
   * analysis starts: how many were given, how many are kept, and the characters of text given.
   */
  onTrimmed?: (trim: { given: number; kept: number; givenChars: number }) => void;
  /**
   * Called once, before the analysis, when the articles look like several stories to the story clusterer
   * (the one `ingest` uses): each story's article count and the title (or origin) of its first article,
   * largest first. The dossier still covers every article; `dossier.problems` says so too.
   */
  onSeveralStories?: (stories: { articles: number; title: string }[]) => void;
}

/** Turns inputs into cleaned articles; unusable inputs become problems, never exceptions. */
export async function collectArticles(
  inputs: AnalyzeInput[],
  onProblem?: (p: ReadProblem) => void,
  onProgress?: (step: AnalyzeProgress) => void,
): Promise<{ articles: Article[]; problems: ReadProblem[] }> {
  const problems: ReadProblem[] = [];
  const report = (problem: ReadProblem) => {
    problems.push(problem);
    onProblem?.(problem);
  };
  const raws: RawArticle[] = [];
  const paths = inputs.filter((i): i is string => typeof i === 'string');
  if (paths.length) {
    const read = await readInputs(paths);
    raws.push(...read.articles);
    read.problems.forEach(report);
  }
  inputs.forEach((input, i) => {
    if (typeof input === 'string') return;
    try {
      raws.push(readRecord(input, `record #${i + 1}`));
    } catch (error) {
      if (!isReadError(error)) throw error;
      report({ origin: error.origin, reason: error.message });
    }
  });
  const articles: Article[] = [];
  // Records get ids from their position, files from their names: the two may collide.
  const unique = uniqueIds(raws);
  for (const [i, raw] of unique.entries()) {
    try {
      articles.push(cleanArticle(raw));
    } catch (error) {
      if (!isNoArticleTextError(error) && !isReadError(error)) throw error;
      report({ origin: raw.origin, reason: error.message });
    }
    onProgress?.({ stage: 'cleaning', done: i + 1, total: unique.length });
  }
  return { articles, problems };
}

/** Cleaned articles of one story -> dossier. Synchronous: no I/O. */
export function analyzeArticles(articles: Article[], problems: ReadProblem[] = [], options: DossierOptions & Pick<AnalyzeOptions, 'onProgress'> = {}): Dossier {
  if (articles.length === 0) throw new NothingToAnalyzeError(problems);
  const { onProgress } = options;
  const docs = articles.map((article, i) => {
    const doc = annotate(article);
    onProgress?.({ stage: 'annotating', done: i + 1, total: articles.length });
    return doc;
  });
  onProgress?.({ stage: 'building the dossier', done: articles.length, total: articles.length });
  return buildDossier(docs, problems, options);
}

/**
 * Files, folders or records about one event -> the dossier. Bad inputs are reported through
 * `onProblem` and in `dossier.problems`; it throws NothingToAnalyzeError only when no input was usable.
 * At most `maxArticles` articles holding `maxTextChars` characters are analysed, newest of each outlet first
 * (see `selectArticles`); when others are left out, `onTrimmed` is called and `dossier.problems` says so.
 */
export async function analyze(inputs: AnalyzeInput[], options: AnalyzeOptions = {}): Promise<Dossier> {
  // Checked before reading, which can take a while.
  const max = options.maxArticles ?? MAX_STORY_ARTICLES;
  if (!(Number.isInteger(max) && max > 0)) throw new RangeError(`maxArticles must be a whole number above 0, not ${max}`);
  const maxChars = options.maxTextChars ?? MAX_STORY_TEXT_CHARS;
  if (!(maxChars > 0)) throw new RangeError(`maxTextChars must be above 0, not ${maxChars}`);
  const { articles, problems } = await collectArticles(inputs, options.onProblem, options.onProgress);
  const kept = selectArticles(articles, { articles: max, chars: maxChars }, (article) => article);
  if (kept.length < articles.length) {
    options.onTrimmed?.({ given: articles.length, kept: kept.length, givenChars: articles.reduce((sum, a) => sum + a.text.length, 0) });
    // In the dossier too, so a reader of the JSON or the report knows it is not the whole input.
    problems.push({
      origin: 'analyze',
      reason: `this dossier analyses ${kept.length} of the ${articles.length} articles given (the limit per dossier); the newest article of each outlet was taken first`,
    });
  }
  const stories = kept.length > 1 ? storyPartition(kept) : [];
  if (stories.length > 1) {
    const listed = stories.map((group) => ({ articles: group.length, title: kept[group[0]].title?.trim() || kept[group[0]].origin }));
    options.onSeveralStories?.(listed);
    problems.push({
      origin: 'analyze',
      reason: `these ${kept.length} articles look like ${stories.length} separate stories (${listed.map((s) => `${s.articles}: "${s.title.slice(0, 80)}"`).join('; ')}); the dossier mixes them`,
    });
  }
  return analyzeArticles(kept, problems, options);
}
