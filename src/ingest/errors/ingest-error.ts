export type IngestErrorCode = 'private-address' | 'fetch-failed' | 'http-status' | 'not-a-feed' | 'too-large' | 'bad-url';

/** A problem with one source (feed URL, OPML file): reported on one line; other sources go on. */
export class IngestError extends Error {
  override readonly name = 'IngestError';
  constructor(
    readonly code: IngestErrorCode,
    readonly source: string,
    message: string,
  ) {
    super(message);
  }
}

export function isIngestError(value: unknown): value is IngestError {
  return value instanceof IngestError;
}
