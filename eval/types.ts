/** One row of docs/evaluation.md. Scores are fractions in [0, 1] unless `unit` says otherwise. */
export interface EvalRow {
  dataset: string;
  metric: string;
  ours: number;
  /** Peers run side by side in the same harness run. */
  peers: { name: string; score: number }[];
  /** Published figures quoted from the dataset's README. */
  published: { name: string; score: number }[];
  unit?: string;
}

export interface EvalReport {
  /** Section title, e.g. "Entities (CoNLL-2003)". */
  title: string;
  rows: EvalRow[];
  /** Free markdown: worst cases, per-class tables, notes. */
  details?: string;
  /** Set when the dataset is absent: the report says so instead of scores. */
  skipped?: string;
}

/** Every file in eval/tasks/ exports `run` with this shape; eval/run.ts discovers them. */
export type EvalTask = () => Promise<EvalReport>;
