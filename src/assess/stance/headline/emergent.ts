// Reader for the Emergent claim/headline stance files in ../shared/eval/emergent (Ferreira & Vlachos 2016).
// Used by the training script, the evaluation task and the accuracy-floor test; the data is never copied
// into the repository.
import { readFileSync } from 'node:fs';
import type { HeadlineStance } from './types.js';

/** One Emergent pair: a rumoured claim, one article headline, and the headline's stance toward the claim. */
export interface EmergentPair {
  rowId: string;
  claimId: string;
  articleId: string;
  claim: string;
  headline: string;
  stance: HeadlineStance;
}

const STANCES = new Set<string>(['for', 'against', 'observing']);

/** Reads train.tsv / test.tsv: UTF-8, header row, tab-separated, no quoting (fields hold no tabs). */
export function readEmergent(file: string): EmergentPair[] {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines[0].split('\t');
  const col = (name: string): number => {
    const k = header.indexOf(name);
    if (k < 0) throw new Error(`${file}: no column "${name}"`);
    return k;
  };
  const [r, c, a, cl, h, s] = ['row_id', 'claim_id', 'article_id', 'claim', 'headline', 'stance'].map(col);
  return lines.slice(1).map((line, n) => {
    const f = line.split('\t');
    if (!STANCES.has(f[s])) throw new Error(`${file}:${n + 2}: unknown stance "${f[s]}"`);
    return { rowId: f[r], claimId: f[c], articleId: f[a], claim: f[cl], headline: f[h], stance: f[s] as HeadlineStance };
  });
}
