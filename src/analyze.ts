import { readInputs, readRecord, isReadError, uniqueIds, type RawArticle, type ReadProblem } from './read/index.js';
import { cleanArticle, isNoArticleTextError, type Article } from './clean/index.js';
import { annotate } from './annotate/index.js';
import { buildDossier, type DossierOptions } from './dossier/index.js';
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

export interface AnalyzeOptions extends DossierOptions {
  /** Called once per input that could not be used (file and reason), as it happens. */
  onProblem?: (problem: ReadProblem) => void;
}

/** Turns inputs into cleaned articles; unusable inputs become problems, never exceptions. */
export async function collectArticles(inputs: AnalyzeInput[], onProblem?: (p: ReadProblem) => void): Promise<{ articles: Article[]; problems: ReadProblem[] }> {
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
  for (const raw of uniqueIds(raws)) {
    try {
      articles.push(cleanArticle(raw));
    } catch (error) {
      if (!isNoArticleTextError(error) && !isReadError(error)) throw error;
      report({ origin: raw.origin, reason: error.message });
    }
  }
  return { articles, problems };
}

/** Cleaned articles of one story -> dossier. Synchronous: no I/O. */
export function analyzeArticles(articles: Article[], problems: ReadProblem[] = [], options: DossierOptions = {}): Dossier {
  if (articles.length === 0) throw new NothingToAnalyzeError(problems);
  return buildDossier(articles.map(annotate), problems, options);
}

/**
 * Files, folders or records about one event -> the dossier. Bad inputs are reported through
 * `onProblem` and in `dossier.problems`; it throws NothingToAnalyzeError only when no input was usable.
 */
export async function analyze(inputs: AnalyzeInput[], options: AnalyzeOptions = {}): Promise<Dossier> {
  const { articles, problems } = await collectArticles(inputs, options.onProblem);
  return analyzeArticles(articles, problems, options);
}
