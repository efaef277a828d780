import { parseArgs } from 'node:util';
import { analyze } from '../analyze.js';
import { teaserNotice } from '../clean/index.js';
import { render, REPORT_FORMATS, type ReportFormat } from '../report/index.js';
import { UsageError } from '../errors.js';
import type { CliCommand } from './command.js';
import { count } from './format.js';
import { checkOutputPath, writeOutput } from './paths.js';

export const analyzeCommand: CliCommand = {
  name: 'analyze',
  summary: 'Turn files or folders of articles about one event into a dossier',
  usage:
    'triangulate analyze <files or folders...> [--format md|json|html] [--out FILE] [--summary-sentences N]\n' +
    '    a feed file (.rss, .atom, .xml, JSON Feed) counts as its items, read from the feed alone (nothing is fetched)',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'md' },
        out: { type: 'string', short: 'o' },
        'summary-sentences': { type: 'string' },
      },
    });
    const format = values.format as ReportFormat;
    if (!REPORT_FORMATS.includes(format)) throw new UsageError(`unknown format "${values.format}" (use md, json or html)`);
    if (positionals.length === 0) throw new UsageError('give at least one file or folder to analyse');
    if (positionals.some((p) => /^https?:\/\//i.test(p))) throw new UsageError('analyze reads files and folders; fetch a feed URL with: triangulate ingest <URL> --store FILE');
    const sentences = values['summary-sentences'] === undefined ? undefined : Number(values['summary-sentences']);
    if (sentences !== undefined && !(Number.isInteger(sentences) && sentences > 0 && sentences <= 1000)) throw new UsageError('--summary-sentences takes a whole number from 1 to 1000');
    // Before the analysis, which can take minutes: a typo in the folder must not throw that work away.
    if (values.out !== undefined) checkOutputPath(values.out);

    const dossier = await analyze(positionals, {
      summarySentences: sentences,
      onProblem: (p) => io.stderr(`${p.origin}: ${p.reason}`),
    });
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
