// Learned attribution finding: candidates, features, the linear model and the PolNeAR reader it is trained on.
export { attributeLearned, selectCandidates, type ScoredCandidate } from './attribute.js';
export { findCandidates, type Candidate } from './candidates.js';
export {
  AttributionModelError, HashedWeights, attributionModelPath, bestScoring, deserializeAttributionModel, loadAttributionModel, scoreFeatures, serializeAttributionModel,
  type AttributionModel, type TrainedAttributionModel, type WeightLookup,
} from './model.js';
export { BinaryPerceptron, RankingPerceptron, type Example, type RankingExample } from './perceptron.js';
export { chooseSource, nounChunks, sourceCandidates, type SourceCandidate } from './sources.js';
export { contentMatches, overlapLength, readPolnear, type PolnearAttribution, type PolnearDoc } from './polnear.js';
