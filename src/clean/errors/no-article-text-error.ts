/** The input holds no story text (a page of links, a login wall, only boilerplate). A user-facing, one-line problem. */
export class NoArticleTextError extends Error {
  override readonly name = 'NoArticleTextError';
  constructor(readonly origin: string) {
    super('no article text found');
  }
}

export function isNoArticleTextError(value: unknown): value is NoArticleTextError {
  return value instanceof NoArticleTextError;
}
