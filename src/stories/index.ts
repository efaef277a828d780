export { articleSignature, dayNumber, DEFAULT_SIGNATURE_OPTIONS } from './signature.js';
export type { Signature, SignatureOptions } from './signature.js';
export { StoryClusterer, DEFAULT_CLUSTER_OPTIONS, reachableSince } from './clusterer.js';
export type { ClusterDecision, ClusterOptions, ClustererChanges, ClustererSnapshot, StoryState } from './types.js';
