import { UsageError } from '../../errors.js';
import { analyzeArticles } from '../../analyze.js';
import { render, REPORT_FORMATS, type ReportFormat } from '../../report/index.js';
import type { Dossier } from '../../dossier/types.js';
import type { ArticleStore } from '../../store/index.js';
import type { CliCommand, CliOption } from '../command.js';
import { parseOptions } from '../options.js';
import { count } from '../format.js';
import { STORE_OPTION, checkOutputPath, withStore, writeOutput } from './shared.js';

/**
 * The dossier of a stored story: the cached one when the story has not changed since (same version),
 * otherwise built by `analyzeArticles` and cached. Resolves to null when there is no such story.
 */
export async function storyDossier(store: ArticleStore, id: number): Promise<{ dossier: Dossier; cached: boolean; storyId: number } | null> {
  // One snapshot: the version the dossier is cached under must be the one its articles were read at, even
  // when another process adds an article in between.
  const read = await store.readSnapshot(async () => {
    const story = await store.getStory(id);
    if (!story) return null;
    const cached = await store.getCachedDossier(story.id, story.version);
    return { story, cached, articles: cached ? [] : await store.storyArticles(story.id) };
  });
  if (!read) return null;
  const { story, cached } = read;
  if (cached) return { dossier: JSON.parse(cached) as Dossier, cached: true, storyId: story.id };
  const dossier = analyzeArticles(read.articles.map((s) => s.article));
  await store.putCachedDossier(story.id, story.version, JSON.stringify(dossier));
  return { dossier, cached: false, storyId: story.id };
}

const OPTIONS = [
  { name: 'format', short: 'f', value: 'md|json|html|csv', description: 'report format: Markdown, the JSON contract, one self-contained HTML page, or CSV rows of facts for a spreadsheet', default: 'md' },
  { name: 'out', short: 'o', value: 'FILE', description: 'write the report to FILE', defaultNote: 'standard output' },
  STORE_OPTION,
] as const satisfies readonly CliOption[];

export const command: CliCommand = {
  name: 'story',
  summary: 'The dossier of one stored story (rebuilt only when the story changed)',
  arguments: '<id>',
  options: OPTIONS,
  notes: ['Story ids are listed by: triangulate stories'],
  examples: ['triangulate story 12 --store news.db', 'triangulate story 12 --format html --out story-12.html'],
  async run(args, io) {
    const { values, positionals } = parseOptions(OPTIONS, args, { command: 'story' });
    const format = values.format as ReportFormat;
    if (!REPORT_FORMATS.includes(format)) throw new UsageError(`unknown format "${values.format}" (use md, json, html or csv)`);
    if (positionals.length !== 1) throw new UsageError('give one story id (see: triangulate stories)');
    const id = Number(positionals[0]);
    if (!/^\d+$/.test(positionals[0]) || !Number.isSafeInteger(id) || id <= 0) throw new UsageError(`story id should be a positive whole number, not "${positionals[0]}"`);
    // Before the dossier is built, which can take long for a big story.
    if (values.out !== undefined) checkOutputPath(values.out);
    return withStore(values.store, io, async (store) => {
      const result = await storyDossier(store, id);
      if (!result) {
        io.stderr(`no story ${id} in ${store.path}`);
        return 1;
      }
      if (result.storyId !== id) io.stderr(`story ${id} was merged into story ${result.storyId}`);
      const output = render(result.dossier, format);
      if (values.out) {
        await writeOutput(values.out, output);
        io.stderr(`wrote ${values.out} (story ${result.storyId}, ${count(result.dossier.articles.length, 'article')}${result.cached ? ', cached' : ''})`);
      } else io.stdout(output);
      return 0;
    }, { mustExist: true });
  },
};
