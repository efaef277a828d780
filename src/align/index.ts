export { alignStory, statementKey, ALIGN_DEFAULTS } from './facts.js';
export type { Alignment, AlignOptions, Statement } from './facts.js';
export type { FactGroup, SentenceRef } from './types.js';
export { SentenceIndex } from './sentence-index.js';
export { contentTerms, cosine, vectorize } from './similarity.js';
export type { TermVector, TermStats } from './similarity.js';
