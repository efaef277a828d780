import { pathToFileURL } from 'node:url';
import { realpathSync } from 'node:fs';
import { isNothingToAnalyzeError, isUsageError } from '../errors.js';
// The error module alone, not the store: analyze starts without loading SQLite.
import { isStoreError } from '../store/errors/store-error.js';
import { analyzeCommand } from './analyze-command.js';
import type { CliCommand, CliIO } from './command.js';
import { commandHelp, overviewHelp } from './options.js';
import { closestName } from './suggest.js';
import { terminalSafe } from './format.js';

// The other commands pull in the store, feeds and the web server; analyze, the common case, starts
// without loading them.
async function allCommands(): Promise<CliCommand[]> {
  const extra = (await import('./commands/index.js')) as Record<string, CliCommand>;
  return [analyzeCommand, ...Object.values(extra)];
}

const defaultIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (line) => process.stderr.write(`${terminalSafe(line)}\n`),
};

// Errors a user can fix get one line; anything else is a bug and keeps its stack.
function isUserMistake(error: unknown): error is Error {
  if (isUsageError(error) || isNothingToAnalyzeError(error) || isStoreError(error)) return true;
  const code = (error as { code?: string } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/** "unknown command 'anaylze' (did you mean 'analyze'?)", or the list of commands when none is close. */
function unknownCommand(name: string, commands: CliCommand[]): string {
  const names = commands.map((c) => c.name);
  // "triangulate --fromat md x": an option before any command.
  if (name.startsWith('-')) return `triangulate: unknown option ${name} (give a command first: ${names.join(', ')}; see: triangulate --help)`;
  const guess = closestName(name, names);
  return `triangulate: unknown command '${name}' (${guess ? `did you mean '${guess}'?` : `commands: ${names.join(', ')}`})`;
}

/** Runs the CLI; returns the exit code (0 ok, 1 nothing could be done, 2 usage mistake). */
export async function main(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || (name === 'help' && (args.length === 0 || args[0].startsWith('-')))) {
    io.stdout(overviewHelp(await allCommands()));
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.stdout('0.1.0\n');
    return 0;
  }
  // "triangulate help analyze" is "triangulate analyze --help".
  const wanted = name === 'help' ? args[0] : name;
  const commands = wanted === analyzeCommand.name ? [analyzeCommand] : await allCommands();
  const command = commands.find((c) => c.name === wanted);
  if (!command) {
    io.stderr(unknownCommand(wanted, commands));
    return 2;
  }
  // Before parsing, so "--help" works even next to a mistyped option; after "--" it is a file name.
  const beforeTerminator = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (name === 'help' || beforeTerminator.includes('--help') || beforeTerminator.includes('-h')) {
    io.stdout(commandHelp(command));
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
