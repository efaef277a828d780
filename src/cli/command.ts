export interface CliIO {
  stdout(text: string): void;
  /** One line for the user; a newline is added. */
  stderr(line: string): void;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}
