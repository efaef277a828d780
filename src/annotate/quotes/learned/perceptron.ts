// Averaged binary perceptron for training the attribution model (Collins 2002; lazy averaging keeps updates O(1)).
// Written here because the entity tagger's perceptron is multi-class over hashed features; this one keeps
// readable feature names, which the shipped JSON model and its inspection rely on.

interface Weight {
  value: number;
  total: number;
  stamp: number;
}

export interface Example {
  features: readonly string[];
  positive: boolean;
}

export class BinaryPerceptron {
  private readonly weights = new Map<string, Weight>();
  private clock = 0;

  private score(features: readonly string[]): number {
    let s = 0;
    for (const f of features) s += this.weights.get(f)?.value ?? 0;
    return s;
  }

  private update(features: readonly string[], delta: number): void {
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

  /** Trains for `epochs` passes in a fixed pseudo-random order; returns the mistakes per epoch. */
  train(examples: Example[], epochs: number): number[] {
    const order = examples.map((_, k) => k);
    const mistakes: number[] = [];
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let k = order.length - 1; k > 0; k--) {
        const j = (k * 2654435761 + epoch * 97) % (k + 1);
        [order[k], order[j]] = [order[j], order[k]];
      }
      let wrong = 0;
      for (const k of order) {
        const { features, positive } = examples[k];
        this.clock++;
        if (this.score(features) > 0 !== positive) {
          wrong++;
          this.update(features, positive ? 1 : -1);
        }
      }
      mistakes.push(wrong);
    }
    return mistakes;
  }

  /** Averaged weights, without those too small to matter. */
  averaged(minAbs = 0): Map<string, number> {
    const out = new Map<string, number>();
    const clock = Math.max(this.clock, 1);
    for (const [f, w] of this.weights) {
      const avg = (w.total + (this.clock - w.stamp) * w.value) / clock;
      if (Math.abs(avg) > minAbs) out.set(f, avg);
    }
    return out;
  }
}
