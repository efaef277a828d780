export interface CliIO {
  stdout(text: string): void;
  /** One line for the user; a newline is added. */
  stderr(line: string): void;
}

/**
 * One option of a command. The table of these is the only description of a command's options: both the
 * parser configuration (`parseOptions`) and the help text (`commandHelp`) are made from it, so the help can
 * never list an option the parser refuses, nor miss one it accepts, nor state a default it does not apply.
 */
export interface CliOption {
  /** Long name without the dashes ("format" for --format). */
  readonly name: string;
  /** One-letter alias without the dash ("f" for -f). */
  readonly short?: string;
  /** Placeholder of the value in the help ("FILE", "N", "md|json|html"); absent for a flag that takes none. */
  readonly value?: string;
  /** One line: what the option does. */
  readonly description: string;
  /** The value used when the option is not given; applied by the parser and shown in the help. */
  readonly default?: string;
  /**
   * Help-only words about the default: after `default` ("in the current folder, or $TRIANGULATE_STORE"), or
   * instead of it when the default is worked out at run time ("one per CPU core less one").
   */
  readonly defaultNote?: string;
  /** The option may be given more than once; its values are collected in order. */
  readonly multiple?: boolean;
}

export interface CliCommand {
  name: string;
  /** One line: what the command is for. */
  summary: string;
  /** The positional arguments, as the synopsis shows them ("<files or folders...>"); '' for none. */
  arguments: string;
  options: readonly CliOption[];
  /** Whole command lines a user can copy; at least one. */
  examples: readonly [string, ...string[]];
  /** Further lines of the help: what the inputs may be, how options combine. */
  notes?: readonly string[];
  run(args: string[], io: CliIO): Promise<number>;
}

