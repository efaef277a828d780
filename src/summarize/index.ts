export { summarize } from './summarize.js';
export type { SummaryDispute, SummaryDisputeSide, SummaryDocument, SummaryOptions, SummarySentence, SupportGroup } from './types.js';
export { SummarizeInputError, isSummarizeInputError } from './errors.js';
