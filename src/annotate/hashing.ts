// 32-bit feature hashing, shared by the entity tagger and the attribution model. In the tagger a feature is a
// template id mixed with the hashes of its values, so the tagger never builds feature strings. Values are hashed
// once per token (FNV-1a over UTF-16 code units) and reused by every feature of the context window that mentions
// them; mixing uses MurmurHash3's block and final steps. The attribution model hashes whole feature names.
// Two different features may share a hash; with ~10^5 kept features in 2^32 values an unseen feature hits a
// kept one about once in 40,000 lookups, which is noise next to the model's own errors.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** MurmurHash3 finaliser: spreads every input bit over the whole word. */
export function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** One MurmurHash3 block step: folds `value` into the running hash `h`. */
export function mix(h: number, value: number): number {
  let k = Math.imul(value, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** FNV-1a state before any character. */
export const STRING_START = FNV_OFFSET | 0;

/** Adds one UTF-16 code unit to an FNV-1a state. */
export function addChar(state: number, code: number): number {
  return Math.imul(state ^ code, FNV_PRIME);
}

/** Hash of a whole string (a value hash, ready to mix into features). */
export function hashString(text: string): number {
  let state = STRING_START;
  for (let i = 0; i < text.length; i++) state = addChar(state, text.charCodeAt(i));
  return finish(state);
}

/** Starting hash of a feature template (template ids are small integers, see features.ts). */
export function templateSeed(template: number): number {
  return finish(mix(0x5bd1e995, template));
}

/** Hash of a feature with no value ("bias", "first"). */
export function feature0(seed: number): number {
  return finish(mix(seed, 0));
}

/** Hash of a feature with one value hash. */
export function feature1(seed: number, a: number): number {
  return finish(mix(seed, a));
}

/** Hash of a feature with two value hashes (conjunctions such as previous word + shape). */
export function feature2(seed: number, a: number, b: number): number {
  return finish(mix(mix(seed, a), b));
}

/** Hash of a feature with three value hashes. */
export function feature3(seed: number, a: number, b: number, c: number): number {
  return finish(mix(mix(mix(seed, a), b), c));
}

const EMPTY = -1;

/**
 * Open-addressing table from feature hash to row number (linear probing, at most half full). Used both by the
 * shipped model (built once from the file) and by training (grown as features appear). Hash and row sit
 * side by side in one array, so a probe touches one cache line rather than two.
 */
export class FeatureIndex {
  /** slots[2k]: feature hash, slots[2k + 1]: its row, or EMPTY. */
  private slots: Int32Array;
  private mask: number;
  private count = 0;

  constructor(expected = 1 << 16) {
    let size = 1 << 4;
    while (size < expected * 2) size <<= 1;
    this.slots = FeatureIndex.emptySlots(size);
    this.mask = size - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Row of a feature hash, or -1. */
  get(hash: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let slot = hash & mask;
    for (;;) {
      const row = slots[2 * slot + 1];
      if (row === EMPTY || slots[2 * slot] === hash) return row;
      slot = (slot + 1) & mask;
    }
  }

  /** Row of a feature hash, given the next free row number when it is new. */
  getOrAdd(hash: number): number {
    const found = this.get(hash);
    if (found !== EMPTY) return found;
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    this.place(hash, this.count);
    return this.count++;
  }

  /** Feature hashes in row order. */
  hashes(): Int32Array {
    const out = new Int32Array(this.count);
    for (let slot = 0; slot <= this.mask; slot++) {
      const row = this.slots[2 * slot + 1];
      if (row !== EMPTY) out[row] = this.slots[2 * slot];
    }
    return out;
  }

  private static emptySlots(size: number): Int32Array {
    const slots = new Int32Array(2 * size);
    for (let slot = 0; slot < size; slot++) slots[2 * slot + 1] = EMPTY;
    return slots;
  }

  private place(hash: number, row: number): void {
    let slot = hash & this.mask;
    while (this.slots[2 * slot + 1] !== EMPTY) slot = (slot + 1) & this.mask;
    this.slots[2 * slot] = hash;
    this.slots[2 * slot + 1] = row;
  }

  private grow(): void {
    const old = this.slots;
    const size = 2 * (this.mask + 1);
    this.slots = FeatureIndex.emptySlots(size);
    this.mask = size - 1;
    for (let k = 0; k < old.length; k += 2) if (old[k + 1] !== EMPTY) this.place(old[k], old[k + 1]);
  }
}
