export type StoreErrorCode = 'newer-schema' | 'cannot-open' | 'no-such-story';

/** A problem the user can fix (wrong file, too new a database, unknown story): one line, no stack. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isStoreError(value: unknown): value is StoreError {
  return value instanceof StoreError;
}
