import type { ReadProblem } from './read/types.js';

/** No input could be analysed: every path was missing, empty, unreadable or held no article. */
export class NothingToAnalyzeError extends Error {
  override readonly name = 'NothingToAnalyzeError';
  constructor(readonly problems: ReadProblem[]) {
    super(problems.length ? `nothing could be analysed (${problems.length} input problem${problems.length > 1 ? 's' : ''})` : 'nothing to analyse: no inputs given');
  }
}

export function isNothingToAnalyzeError(value: unknown): value is NothingToAnalyzeError {
  return value instanceof NothingToAnalyzeError;
}

/** A mistake in how the command was called (unknown option, bad format). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function isUsageError(value: unknown): value is UsageError {
  return value instanceof UsageError;
}
