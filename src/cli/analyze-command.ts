import { parseArgs } from 'node:util';
import { writeFile } from 'node:fs/promises';
import { analyze } from '../analyze.js';
import { render, REPORT_FORMATS, type ReportFormat } from '../report/index.js';
import { UsageError } from '../errors.js';
import type { CliCommand } from './command.js';

export const analyzeCommand: CliCommand = {
  name: 'analyze',
  summary: 'Turn files or folders of articles about one event into a dossier',
  usage: 'triangulate analyze <files or folders...> [--format md|json|html] [--out FILE] [--summary-sentences N]',
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
    const sentences = values['summary-sentences'] === undefined ? undefined : Number(values['summary-sentences']);
    if (sentences !== undefined && !(Number.isInteger(sentences) && sentences > 0)) throw new UsageError('--summary-sentences takes a positive whole number');

    const dossier = await analyze(positionals, {
      summarySentences: sentences,
      onProblem: (p) => io.stderr(`${p.origin}: ${p.reason}`),
    });
    const output = render(dossier, format);
    if (values.out) {
      await writeFile(values.out, output);
      io.stderr(`wrote ${values.out} (${dossier.articles.length} articles, ${dossier.facts.length} facts, ${dossier.disputes.length} disputes)`);
    } else io.stdout(output);
    return 0;
  },
};
