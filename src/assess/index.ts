export { detectProvenance, PROVENANCE_DEFAULTS } from './provenance.js';
export type { ProvenanceOptions } from './provenance.js';
export { independenceGroups } from './independence.js';
export { findDenialDisputes, DISPUTE_DEFAULTS } from './disputes.js';
export type { DisputeOptions } from './disputes.js';
export { numberChangesAndDisputes, dateDisputes, countedKey } from './numbers.js';
export { buildTimeline } from './timeline.js';
export type { EntityLookup, Actor } from './actors.js';
export type * from './types.js';
