export type { RawArticle, ReadProblem, SourceFormat, SourceHints } from './types.js';
export { readInputs } from './files.js';
export type { ReadResult } from './files.js';
export { readRecord, readRecords, readText, sniffFormat } from './records.js';
export { idFromOrigin, uniqueIds } from './ids.js';
export { ReadError, isReadError } from './errors/read-error.js';
export type { ReadErrorCode } from './errors/read-error.js';
export { MAX_INPUT_BYTES, READABLE_EXTENSIONS } from './limits.js';
