// The option table and help of `analyze`, kept apart from its run function so that both stay in one place
// the parser and the help are made from (see CliOption).
import { MAX_STORY_ARTICLES, MAX_STORY_TEXT_CHARS } from '../analyze.js';
import type { CliCommand, CliOption } from './command.js';

/** The options of `analyze`: the parser and the help are both made from this table. */
export const ANALYZE_OPTIONS = [
  { name: 'format', short: 'f', value: 'md|json|html|csv', description: 'report format: Markdown, the JSON contract, one self-contained HTML page, or CSV rows of facts for a spreadsheet', default: 'md' },
  { name: 'out', short: 'o', value: 'FILE', description: 'write the report to FILE', defaultNote: 'standard output' },
  { name: 'summary-sentences', value: 'N', description: 'sentences in the cited summary, 1 to 1000', default: '8' },
  // No parser default: whether --max-articles was given decides whether the text limit applies too.
  {
    name: 'max-articles',
    value: 'N',
    description: 'most articles one dossier analyses, 1 to 1000000; the newest of each outlet are kept first',
    defaultNote: `${MAX_STORY_ARTICLES}, and at most ${MAX_STORY_TEXT_CHARS.toLocaleString('en-US')} characters of text unless --max-articles is given`,
  },
] as const satisfies readonly CliOption[];

/** Everything of the `analyze` command but its run function. */
export const ANALYZE_HELP = {
  name: 'analyze',
  summary: 'Turn files or folders of articles about one event into a dossier',
  arguments: '<files or folders...>',
  options: ANALYZE_OPTIONS,
  notes: [
    'Inputs: .txt, .html/.htm, .json, .jsonl and feed files (.rss, .atom, .xml, JSON Feed); folders are read recursively.',
    'A feed file counts as its items, read from the feed alone: analyze never fetches anything.',
    'One story per dossier: to sort a stream of many stories, use: triangulate ingest <files> --store FILE',
  ],
  examples: [
    'triangulate analyze coverage/',
    'triangulate analyze herald.html post.html wire.txt --format html --out dossier.html',
    'triangulate analyze feed.rss --format json > dossier.json',
  ],
} as const satisfies Omit<CliCommand, 'run'>;
