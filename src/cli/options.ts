// Parsing and help for a command, both made from the command's option table (see CliOption), so the two
// cannot drift apart. The parser refuses what Node's parseArgs would refuse, but says it in the user's terms:
// "unknown option --fromat (did you mean --format?)" rather than "To specify a positional argument starting
// with a '-', place it at the end of the command after '--'".
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors.js';
import type { CliCommand, CliOption } from './command.js';
import { closestName } from './suggest.js';
import { isPostgresUrl, redactUrl } from '../store/target.js';

/** The parsed value of one option: a flag is a boolean; a value option is a string (or strings) when given or defaulted. */
type OptionValue<O extends CliOption> = O extends { readonly value: string }
  ? O extends { readonly multiple: true }
    ? string[] | undefined
    : O extends { readonly default: string }
      ? string
      : string | undefined
  : boolean;

/** The values `parseOptions` returns for an option table declared `as const`, keyed by long name. */
export type OptionValues<T extends readonly CliOption[]> = { [O in T[number] as O['name']]: OptionValue<O> };

/** The help option every command takes; handled by main before a command runs. */
export const HELP_OPTION = { name: 'help', short: 'h', description: 'show this help and exit' } as const satisfies CliOption;

function parserConfig(options: readonly CliOption[]): NonNullable<ParseArgsConfig['options']> {
  const config: NonNullable<ParseArgsConfig['options']> = {};
  for (const option of [...options, HELP_OPTION] as CliOption[]) {
    config[option.name] = option.value === undefined
      ? { type: 'boolean', default: false, ...(option.short ? { short: option.short } : {}) }
      : {
          type: 'string',
          ...(option.short ? { short: option.short } : {}),
          ...(option.multiple ? { multiple: true } : {}),
          ...(option.default !== undefined ? { default: option.multiple ? [option.default] : option.default } : {}),
        };
  }
  return config;
}

function unknownOption(raw: string, options: readonly CliOption[], command: string): UsageError {
  // "-format" (one dash) and "--Format" are slips for a long name too.
  const guess = closestName(raw.replace(/^-+/, ''), options.map((o) => o.name));
  return new UsageError(`unknown option ${raw} (${guess ? `did you mean --${guess}?` : `see: triangulate ${command} --help`})`);
}

/**
 * Parses `args` against an option table (declared `as const satisfies readonly CliOption[]` so the values
 * are typed). Every mistake is a one-line UsageError: an unknown option with the closest known one
 * suggested, a value option given no value, a flag given one, or an argument to a command that takes none
 * (`positionals` false). Defaults from the table are applied; flags default to false.
 */
export function parseOptions<const T extends readonly CliOption[]>(
  options: T,
  args: string[],
  { positionals: allowPositionals = true, command = '<command>' }: { positionals?: boolean; command?: string } = {},
): { values: OptionValues<T>; positionals: string[] } {
  const config = parserConfig(options);
  // A lenient pass first: it tokenises without throwing, so each mistake can be named in our words.
  const { tokens } = parseArgs({ args, options: config, strict: false, allowPositionals: true, tokens: true });
  const byName = new Map<string, CliOption>([...options, HELP_OPTION].map((o) => [o.name, o]));
  for (const token of tokens) {
    if (token.kind === 'positional') {
      if (!allowPositionals) throw new UsageError(`unexpected argument "${token.value}" (${command} takes options only; see: triangulate ${command} --help)`);
      continue;
    }
    if (token.kind !== 'option') continue;
    const option = byName.get(token.name);
    // "-every 5m" tokenises as -e -v -e -r -y, or "-format md" as -f with the value "ormat": a long name
    // given one dash is named whole, so the suggestion can be --every or --format.
    const arg = args[token.index];
    const whole = /^-[^-]/.test(arg) && arg.length > 2 ? arg.split('=')[0] : token.rawName;
    if (!option) throw unknownOption(whole, options, command);
    if (whole !== token.rawName && token.inlineValue && closestName(whole.slice(1), options.map((o) => o.name))) {
      throw unknownOption(whole, options, command);
    }
    const shown = token.rawName;
    if (option.value === undefined) {
      if (token.value !== undefined) throw new UsageError(`${shown} takes no value (given "${token.value}")`);
    } else if (token.value === undefined) {
      throw new UsageError(`${shown} needs a value: ${shown} ${option.value}`);
    } else if (!token.inlineValue && token.value.startsWith('-') && token.value !== '-') {
      // "--out --format json": the user forgot the value, and the next option would silently become it.
      throw new UsageError(`${shown} needs a value before ${token.value} (write ${shown}=${token.value} for a value that starts with "-")`);
    }
  }
  const parsed = parseArgs({ args, options: config, strict: true, allowPositionals });
  return { values: parsed.values as OptionValues<T>, positionals: parsed.positionals };
}

/** "-f, --format md|json|html" as the help's left column. */
function optionLabel(option: CliOption): string {
  const long = `--${option.name}${option.value ? ` ${option.value}` : ''}`;
  return option.short ? `-${option.short}, ${long}` : `    ${long}`;
}

/** The description with its default, e.g. "report format (default: md)". */
function optionText(option: CliOption): string {
  const repeat = option.multiple ? '; may be repeated' : '';
  // A default from the environment may be a database URL with its password ($TRIANGULATE_STORE): never shown.
  const shown = option.default !== undefined && isPostgresUrl(option.default) ? redactUrl(option.default) : option.default;
  if (shown !== undefined) return `${option.description}${repeat} (default: ${shown}${option.defaultNote ? ` ${option.defaultNote}` : ''})`;
  if (option.defaultNote) return `${option.description}${repeat} (default: ${option.defaultNote})`;
  return `${option.description}${repeat}`;
}

/** The option table as aligned lines, indented by `indent`, with --help last. */
export function optionLines(options: readonly CliOption[], indent = '  '): string[] {
  const all = [...options, HELP_OPTION];
  const width = Math.max(...all.map((o) => optionLabel(o).length));
  return all.map((o) => `${indent}${optionLabel(o).padEnd(width)}  ${optionText(o)}`);
}

/** "triangulate analyze <files or folders...> [options]". */
export function synopsis(command: CliCommand): string {
  return `triangulate ${command.name}${command.arguments ? ` ${command.arguments}` : ''} [options]`;
}

/** The full help of one command: synopsis, every option with its default, notes and examples. */
export function commandHelp(command: CliCommand): string {
  return [
    `triangulate ${command.name}: ${command.summary}`,
    '',
    `Usage: ${synopsis(command)}`,
    '',
    'Options:',
    ...optionLines(command.options),
    ...(command.notes?.length ? ['', ...command.notes] : []),
    '',
    command.examples.length === 1 ? 'Example:' : 'Examples:',
    ...command.examples.map((e) => `  ${e}`),
    '',
  ].join('\n');
}

/** The help of `triangulate --help`: every command with its options and an example. */
export function overviewHelp(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'triangulate: cross-source analysis of news articles',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    ...commands.flatMap((c) => ['', `${synopsis(c)}`, ...optionLines(c.options, '    '), `  Example: ${c.examples[0]}`]),
    '',
    'More on one command (inputs, notes, examples): triangulate help <command>',
    '',
  ].join('\n');
}
