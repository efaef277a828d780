// Averaged perceptrons for training the attribution models (Collins 2002; lazy averaging keeps updates O(1)).
// Written here because the entity tagger's perceptron is multi-class over hashed features; these keep readable
// feature names, which the shipped JSON model and its inspection rely on.

interface Weight {
  value: number;
  total: number;
  stamp: number;
}

/** Weights with lazily accumulated totals, so that the averaged weights cost nothing per update. */
class AveragedWeights {
  private readonly weights = new Map<string, Weight>();
  clock = 0;

  score(features: readonly string[]): number {
    let s = 0;
    for (const f of features) s += this.weights.get(f)?.value ?? 0;
    return s;
  }

  update(features: readonly string[], delta: number): void {
    for (const f of features) {
      let w = this.weights.get(f);
      if (!w) {
        w = { value: 0, total: 0, stamp: this.clock };
        this.weights.set(f, w);
      }
      w.total += (this.clock - w.stamp) * w.value;
      w.stamp = this.clock;
      w.value += delta;
    }
  }

  /** Averaged weights, without those too small to matter. */
  averaged(minAbs: number): Map<string, number> {
    const out = new Map<string, number>();
    const clock = Math.max(this.clock, 1);
    for (const [f, w] of this.weights) {
      const avg = (w.total + (this.clock - w.stamp) * w.value) / clock;
      if (Math.abs(avg) > minAbs) out.set(f, avg);
    }
    return out;
  }
}

/**
 * Runs `epochs` passes over examples 0..n-1 in a fixed pseudo-random order per epoch (reproducible training),
 * advancing the averaging clock per example; `step` returns true when it made a mistake. Returns mistakes per epoch.
 */
function trainEpochs(weights: AveragedWeights, n: number, epochs: number, step: (k: number) => boolean): number[] {
  const order = Array.from({ length: n }, (_, k) => k);
  const mistakes: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let k = order.length - 1; k > 0; k--) {
      const j = (k * 2654435761 + epoch * 97) % (k + 1);
      [order[k], order[j]] = [order[j], order[k]];
    }
    let wrong = 0;
    for (const k of order) {
      weights.clock++;
      if (step(k)) wrong++;
    }
    mistakes.push(wrong);
  }
  return mistakes;
}

export interface Example {
  features: readonly string[];
  positive: boolean;
}

export class BinaryPerceptron {
  private readonly weights = new AveragedWeights();

  /** Trains for `epochs` passes; returns the mistakes per epoch. */
  train(examples: Example[], epochs: number): number[] {
    return trainEpochs(this.weights, examples.length, epochs, (k) => {
      const { features, positive } = examples[k];
      if (this.weights.score(features) > 0 === positive) return false;
      this.weights.update(features, positive ? 1 : -1);
      return true;
    });
  }

  averaged(minAbs = 0): Map<string, number> {
    return this.weights.averaged(minAbs);
  }
}

/** One choice among candidates; any of the `correct` ones is right ("Minyon Moore" or "a senior adviser" in one source). */
export interface RankingExample {
  candidates: readonly (readonly string[])[];
  correct: readonly number[];
}

/** Scores each candidate; on a wrong pick, moves towards the best-scoring right one and away from the pick. */
export class RankingPerceptron {
  private readonly weights = new AveragedWeights();

  /** Trains for `epochs` passes; returns the mistakes per epoch. */
  train(examples: RankingExample[], epochs: number): number[] {
    return trainEpochs(this.weights, examples.length, epochs, (k) => {
      const { candidates, correct } = examples[k];
      const scores = candidates.map((c) => this.weights.score(c));
      let pick = 0;
      for (let c = 1; c < scores.length; c++) if (scores[c] > scores[pick]) pick = c;
      if (correct.includes(pick)) return false;
      let target = correct[0];
      for (const c of correct) if (scores[c] > scores[target]) target = c;
      this.weights.update(candidates[target], 1);
      this.weights.update(candidates[pick], -1);
      return true;
    });
  }

  averaged(minAbs = 0): Map<string, number> {
    return this.weights.averaged(minAbs);
  }
}
