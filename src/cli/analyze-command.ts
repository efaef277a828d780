import { analyze, MAX_STORY_ARTICLES, MAX_STORY_TEXT_CHARS } from '../analyze.js';
import type { ReadProblem } from '../read/index.js';
import type { Dossier } from '../dossier/index.js';
import { teaserNotice } from '../clean/index.js';
import { render, REPORT_FORMATS, type ReportFormat } from '../report/index.js';
import { UsageError } from '../errors.js';
import { ANALYZE_HELP, ANALYZE_OPTIONS } from './analyze-options.js';
import type { CliCommand } from './command.js';
import { count, terminalSafe } from './format.js';
import { parseOptions } from './options.js';
import { stageProgress } from './progress.js';
import { checkOutputPath, writeOutput } from './paths.js';

/** `triangulate analyze`: its options and help are the table in analyze-options.ts. */
export const analyzeCommand: CliCommand = {
  ...ANALYZE_HELP,
  async run(args, io) {
    const { values, positionals } = parseOptions(ANALYZE_OPTIONS, args, { command: 'analyze' });
    const format = values.format as ReportFormat;
    if (!REPORT_FORMATS.includes(format)) throw new UsageError(`unknown format "${values.format}" (use md, json, html or csv)`);
    if (positionals.length === 0) throw new UsageError('give at least one file or folder to analyse');
    if (positionals.some((p) => /^https?:\/\//i.test(p))) throw new UsageError('analyze reads files and folders; fetch a feed URL with: triangulate ingest <URL> --store FILE');
    const sentences = values['summary-sentences'] === undefined ? undefined : Number(values['summary-sentences']);
    if (sentences !== undefined && !(Number.isInteger(sentences) && sentences > 0 && sentences <= 1000)) throw new UsageError('--summary-sentences takes a whole number from 1 to 1000');
    const maxArticles = values['max-articles'] === undefined ? undefined : Number(values['max-articles']);
    if (maxArticles !== undefined && !(Number.isInteger(maxArticles) && maxArticles > 0 && maxArticles <= 1_000_000)) throw new UsageError('--max-articles takes a whole number from 1 to 1000000');
    // Before the analysis, which can take minutes: a typo in the folder must not throw that work away.
    if (values.out !== undefined) checkOutputPath(values.out);

    // The bar is wiped before each line written meanwhile and drawn again on the next step.
    const progress = stageProgress();
    const problemLines = new ProblemLines((line) => {
      progress.stop();
      io.stderr(line);
    });
    let dossier: Dossier;
    try {
      dossier = await analyze(positionals, {
        summarySentences: sentences,
        maxArticles,
        // An explicit --max-articles is the user's own budget: the default text budget no longer applies.
        maxTextChars: maxArticles === undefined ? undefined : Number.POSITIVE_INFINITY,
        onProblem: (p) => problemLines.report(p),
        onProgress: (step) => progress.update(step),
        onTrimmed: ({ given, kept, givenChars }) => {
          problemLines.end(true);
          progress.stop();
          const budget = maxArticles ?? MAX_STORY_ARTICLES;
          const limit = kept < budget ? `${digits(MAX_STORY_TEXT_CHARS)} characters of text` : count(budget, 'article');
          io.stderr(
            `analyze is for one story: ${count(given, 'article')} (${digits(givenChars)} characters) given, the dossier keeps ${kept} ` +
              `(limit: ${limit}), the newest article of each outlet first. ` +
              'Raise with --max-articles N, or sort a stream into stories with: triangulate ingest <files> --store FILE',
          );
        },
        onSeveralStories: (stories) => {
          problemLines.end(true);
          progress.stop();
          const shown = stories.slice(0, 3).map((s) => `${count(s.articles, 'article')}: "${terminalSafe(s.title).replace(/\s+/g, ' ').slice(0, 60)}"`);
          if (stories.length > 3) shown.push(`${stories.length - 3} more`);
          io.stderr(
            `analyze is for one story, and these articles look like ${stories.length} (${shown.join('; ')}); the dossier mixes them. ` +
              'Sort them into stories with: triangulate ingest <files> --store FILE, then triangulate stories',
          );
        },
      });
    } catch (error) {
      progress.stop();
      // Nothing usable: the problems not shown are in no dossier either, but their count still is told.
      problemLines.end(false);
      throw error;
    }
    progress.stop();
    problemLines.end(true);
    // Paywalled pages are analysed from their teaser; say so, as a read problem would be said.
    for (const article of dossier.articles) {
      const notice = teaserNotice(article.diagnostics);
      if (notice) io.stderr(`${article.origin}: ${notice}`);
    }
    const output = render(dossier, format);
    if (values.out) {
      await writeOutput(values.out, output);
      io.stderr(`wrote ${values.out} (${count(dossier.articles.length, 'article')}, ${count(dossier.facts.length, 'fact')}, ${count(dossier.disputes.length, 'dispute')})`);
    } else io.stdout(output);
    return 0;
  },
};

/** "3,000,000": counts of characters, readable at any size. */
function digits(n: number): string {
  return n.toLocaleString('en-US');
}

/** Problem lines shown per file before the rest of that file's problems are only counted. */
const PROBLEM_LINES_PER_FILE = 20;

/**
 * Problem lines for stderr, at most PROBLEM_LINES_PER_FILE per file: a 100,000-line JSONL file of bad
 * records must not bury the one line that matters under 100,000 others. The rest of a file's problems are
 * summed up in one line by `end` (every problem is still listed in the dossier's `problems`).
 */
class ProblemLines {
  private readonly perFile = new Map<string, number>();

  constructor(private readonly write: (line: string) => void) {}

  /** Writes the problem's line, or counts it when its file already had its share of lines. */
  report(problem: ReadProblem): void {
    // Records and feed items are "<file>#<n>": they count against their file.
    const file = problem.origin.replace(/#\d+$/, '');
    const seen = (this.perFile.get(file) ?? 0) + 1;
    this.perFile.set(file, seen);
    if (seen <= PROBLEM_LINES_PER_FILE) this.write(`${problem.origin}: ${problem.reason}`);
  }

  /** One line per file whose problems were not all shown (`inDossier`: the dossier lists them all); idempotent. */
  end(inDossier: boolean): void {
    for (const [file, seen] of this.perFile) {
      if (seen <= PROBLEM_LINES_PER_FILE) continue;
      this.write(`${file}: ${count(seen - PROBLEM_LINES_PER_FILE, 'more problem')} not shown${inDossier ? " (all listed in the dossier's problems)" : ''}`);
    }
    this.perFile.clear();
  }
}
