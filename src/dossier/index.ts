export { buildDossier, storyDate } from './build.js';
export type { DossierOptions } from './build.js';
export type * from './types.js';
export { articleLabel } from './labels.js';
