export type StoreErrorCode =
  | 'newer-schema'
  | 'cannot-open'
  | 'no-such-story'
  /** The file exists but is not a Triangulate store (not SQLite at all, or SQLite with other tables). */
  | 'not-a-store'
  /** Another process held the store's write lock for longer than the busy timeout. */
  | 'busy'
  /** SQLite found the file damaged. */
  | 'corrupt'
  /** The file or its folder cannot be written (permissions, read-only medium). */
  | 'read-only'
  /** The disk is full. */
  | 'disk-full';

/** A problem the user can fix (wrong file, too new a database, unknown story, busy store): one line, no stack. */
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
