// Averaged perceptron used by the training script (Collins 2002; the lazy-averaging trick keeps updates O(1)).
import { FeatureIndex } from '../hashing.js';
import type { Scorer } from './tagger.js';

export class AveragedPerceptron implements Scorer {
  /** Feature hash -> feature number; its weights are at feature number x tagCount. */
  private readonly index = new FeatureIndex(1 << 20);
  private weights = new Float64Array(0);
  private totals = new Float64Array(0);
  private stamps = new Float64Array(0);
  private clock = 0;
  /** When set, addScores uses these (averaged) weights instead of the live ones. */
  private frozen: Float64Array | null = null;

  constructor(private readonly tagCount: number) {}

  get size(): number {
    return this.index.size;
  }

  /** Feature hashes in feature-number order (the rows of `averaged()`). */
  featureHashes(): Int32Array {
    return this.index.hashes();
  }

  addScores(features: Int32Array, count: number, scores: Float64Array): void {
    const w = this.frozen ?? this.weights;
    const n = this.tagCount;
    for (let k = 0; k < count; k++) {
      const feature = this.index.get(features[k]);
      if (feature < 0) continue;
      const row = feature * n;
      for (let t = 0; t < n; t++) scores[t] += w[row + t];
    }
  }

  /** One training step counts as one tick of the averaging clock. */
  tick(): void {
    this.clock++;
  }

  update(features: Int32Array, count: number, gold: number, predicted: number): void {
    for (let k = 0; k < count; k++) {
      const row = this.rowOf(features[k]);
      this.bump(row + gold, 1);
      this.bump(row + predicted, -1);
    }
  }

  /** Averaged weights (a copy); pass to `freeze` to decode with them. */
  averaged(): Float64Array {
    const avg = new Float64Array(this.weights.length);
    const clock = Math.max(this.clock, 1);
    for (let k = 0; k < avg.length; k++) {
      avg[k] = (this.totals[k] + (this.clock - this.stamps[k]) * this.weights[k]) / clock;
    }
    return avg;
  }

  freeze(weights: Float64Array | null): void {
    this.frozen = weights;
  }

  private bump(k: number, delta: number): void {
    this.totals[k] += (this.clock - this.stamps[k]) * this.weights[k];
    this.stamps[k] = this.clock;
    this.weights[k] += delta;
  }

  private rowOf(feature: number): number {
    const row = this.index.getOrAdd(feature) * this.tagCount;
    if (row + this.tagCount > this.weights.length) this.grow();
    return row;
  }

  private grow(): void {
    const size = Math.max(1 << 16, this.weights.length * 2);
    const enlarge = (a: Float64Array): Float64Array<ArrayBuffer> => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    };
    this.weights = enlarge(this.weights);
    this.totals = enlarge(this.totals);
    this.stamps = enlarge(this.stamps);
  }
}
