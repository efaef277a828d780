export type { Article, RemovedPiece } from './types.js';
export { cleanArticle } from './clean-article.js';
export { NoArticleTextError, isNoArticleTextError } from './errors/no-article-text-error.js';
export { BOILERPLATE_RULES } from './patterns.js';
export type { BoilerplateRule } from './patterns.js';
export { teaserNotice, TEASER_ONLY_RULE } from './html/teaser.js';
