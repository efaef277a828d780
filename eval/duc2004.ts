// Reader for the DUC 2004 Task 2 folder in ../shared/eval/duc2004-mds (format in its README).
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { datasetDir } from './data.js';

export const DUC2004 = 'duc2004-mds';

export interface DucDocument {
  docId: string;
  source: string;
  date: string | null;
  text: string;
}

export interface DucReference {
  annotator: string;
  /** One sentence per entry, as ROUGE reads the reference file. */
  sentences: string[];
}

export interface DucCluster {
  clusterId: string;
  docs: DucDocument[];
  references: DucReference[];
}

export interface PublishedScore {
  clusterId: string;
  system: string;
  rouge1: number;
  rouge2: number;
}

function readJsonLines(file: string): unknown[] {
  return gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}

/** The dataset folder, or null when the shared evaluation data is absent. */
export function ducDir(): string | null {
  const dir = datasetDir(DUC2004);
  return dir && existsSync(path.join(dir, 'clusters.jsonl.gz')) ? dir : null;
}

export function loadClusters(dir: string): DucCluster[] {
  return readJsonLines(path.join(dir, 'clusters.jsonl.gz')).map((value) => {
    const raw = value as {
      cluster_id: string;
      docs: { doc_id: string; source: string; date: string | null; text: string }[];
      references: { annotator: string; sentences: string[] }[];
    };
    return {
      clusterId: raw.cluster_id,
      docs: raw.docs.map((d) => ({ docId: d.doc_id, source: d.source, date: d.date, text: d.text })),
      references: raw.references.map((r) => ({ annotator: r.annotator, sentences: r.sentences })),
    };
  });
}

/** SumRepo system summaries by cluster id, then system name. */
export function loadSystemSummaries(dir: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const value of readJsonLines(path.join(dir, 'sumrepo-system-summaries.jsonl.gz'))) {
    const raw = value as { cluster_id: string; system: string; summary: string };
    let bySystem = out.get(raw.cluster_id);
    if (!bySystem) out.set(raw.cluster_id, (bySystem = new Map()));
    bySystem.set(raw.system, raw.summary);
  }
  return out;
}

/** Published per-cluster ROUGE-1.5.5 recalls (sumrepo-rouge-per-cluster.tsv). */
export function loadPublishedScores(dir: string): PublishedScore[] {
  const rows = readFileSync(path.join(dir, 'sumrepo-rouge-per-cluster.tsv'), 'utf8').split('\n').slice(1);
  return rows
    .filter((row) => row.trim() !== '')
    .map((row) => {
      const [clusterId, system, r1, r2] = row.split('\t');
      return { clusterId, system, rouge1: Number(r1), rouge2: Number(r2) };
    });
}
