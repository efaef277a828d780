export { articleSignature, dayNumber, DEFAULT_SIGNATURE_OPTIONS } from './signature.js';
export { signatureToJson, signatureFromJson } from './signature.js';
export type { Signature, SignatureJson, SignatureOptions } from './signature.js';
export { StoryClusterer, DEFAULT_CLUSTER_OPTIONS, reachableSince } from './clusterer.js';
export { storyPartition, clusterInOrder, publicationOrder } from './partition.js';
export type { ClusterDecision, ClusterOptions, ClustererChanges, ClustererSnapshot, StoryState } from './types.js';
