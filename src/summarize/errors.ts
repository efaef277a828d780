/** A summarize() input that cannot be right, e.g. a sentence range outside its article's text. */
export class SummarizeInputError extends Error {
  override name = 'SummarizeInputError';
}

export function isSummarizeInputError(error: unknown): error is SummarizeInputError {
  return error instanceof SummarizeInputError;
}
