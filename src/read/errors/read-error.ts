/** Why an input could not be read; stable codes callers can switch on. */
export type ReadErrorCode =
  | 'missing'
  | 'empty'
  | 'binary'
  | 'encoding'
  | 'too-large'
  | 'invalid-json'
  | 'invalid-record'
  | 'not-a-feed'
  | 'nothing-readable'
  /** A device, FIFO or socket: reading one could hang or never end. */
  | 'not-a-regular-file'
  /** A symbolic link whose target is missing, or a chain of links that loops. */
  | 'bad-link'
  | 'unreadable';

/** A user mistake with one input (bad path, wrong encoding, broken JSON): one line, no stack trace needed. */
export class ReadError extends Error {
  override readonly name = 'ReadError';
  constructor(
    readonly code: ReadErrorCode,
    readonly origin: string,
    reason: string,
  ) {
    super(reason);
  }
}

export function isReadError(value: unknown): value is ReadError {
  return value instanceof ReadError;
}
