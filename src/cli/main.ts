import { pathToFileURL } from 'node:url';
import { realpathSync } from 'node:fs';
import { isNothingToAnalyzeError, isUsageError } from '../errors.js';
// The error module alone, not the store: analyze starts without loading SQLite.
import { isStoreError } from '../store/errors/store-error.js';
import { analyzeCommand } from './analyze-command.js';
import type { CliCommand, CliIO } from './command.js';

// The other commands pull in the store, feeds and the web server; analyze, the common case, starts
// without loading them.
async function allCommands(): Promise<CliCommand[]> {
  const extra = (await import('./commands/index.js')) as Record<string, CliCommand>;
  return [analyzeCommand, ...Object.values(extra)];
}

const defaultIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

function help(COMMANDS: CliCommand[]): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'triangulate: cross-source analysis of news articles',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Usage:',
    ...COMMANDS.map((c) => `  ${c.usage}`),
    '',
  ].join('\n');
}

// Errors a user can fix get one line; anything else is a bug and keeps its stack.
function isUserMistake(error: unknown): error is Error {
  if (isUsageError(error) || isNothingToAnalyzeError(error) || isStoreError(error)) return true;
  const code = (error as { code?: string } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/** Runs the CLI; returns the exit code (0 ok, 1 nothing could be done, 2 usage mistake). */
export async function main(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help(await allCommands()));
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.stdout('0.1.0\n');
    return 0;
  }
  const commands = name === analyzeCommand.name ? [analyzeCommand] : await allCommands();
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`triangulate: unknown command "${name}" (try: ${commands.map((c) => c.name).join(', ')})`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${command.summary}\n\nUsage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (!isUserMistake(error)) throw error;
    io.stderr(`triangulate ${name}: ${error.message}`);
    return isNothingToAnalyzeError(error) || isStoreError(error) ? 1 : 2;
  }
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
