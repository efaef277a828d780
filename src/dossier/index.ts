export { buildDossier, storyDate } from './build.js';
export type { DossierOptions } from './build.js';
export type * from './types.js';
export { articleLabel } from './labels.js';
export { selectArticles } from './select.js';
export type { SelectableArticle, SelectionLimits } from './select.js';
