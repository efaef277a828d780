// Story clustering on two public sets, fed as a stream in publication order:
// Hamborg's news_cluster set (fine-grained real events, with near misses) and WikiRef (coarse topics).
// Peer in the same run: TF-IDF + agglomerative clustering from scikit-learn, offline over all articles
// at once, with its threshold tuned on the same data (an upper-bound-ish peer; ours uses one fixed setting).
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { datasetDir, missingMessage } from '../data.js';
import type { EvalReport, EvalRow } from '../types.js';
import { clusterInOrder, type ClusterOptions, type SignatureOptions } from '../../src/stories/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface LabelledArticle {
  id: string;
  label: string;
  title: string;
  text: string;
  publishedAt: string | null;
}

export function loadHamborg(dir: string): LabelledArticle[] {
  return readJsonl(path.join(dir, 'articles.jsonl.gz')).map((r) => ({
    id: String(r.dId),
    label: String(r.event_id),
    title: String(r.title ?? ''),
    text: String(r.text ?? ''),
    publishedAt: (r.date_publish as string | null) ?? null,
  }));
}

export function loadWikiRef(dir: string): LabelledArticle[] {
  return readJsonl(path.join(dir, 'articles.jsonl.gz')).map((r) => {
    const title = String(r.title ?? '');
    // The text repeats the headline on its first line.
    const text = String(r.text ?? '').replace(/\r\n?/g, '\n');
    const body = text.startsWith(title) ? text.slice(title.length).trim() : text;
    return { id: String(r.id), label: String(r.topic), title, text: body, publishedAt: null };
  });
}

function readJsonl(file: string): Record<string, unknown>[] {
  return gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Publication order; undated articles keep their file order (stable sort). */
export function streamOrder(articles: LabelledArticle[]): LabelledArticle[] {
  return articles
    .map((a, i) => ({ a, i }))
    .sort((x, y) => (x.a.publishedAt ?? '').localeCompare(y.a.publishedAt ?? '') || x.i - y.i)
    .map(({ a }) => a);
}

/** Story id per article (same order as the input) from our streaming clusterer. */
export function clusterStream(
  articles: LabelledArticle[],
  options: Partial<ClusterOptions> = {},
  signatureOptions: Partial<SignatureOptions> = {},
): number[] {
  return clusterInOrder(articles, options, signatureOptions);
}

export interface ClusterScores {
  precision: number;
  recall: number;
  f1: number;
  ari: number;
  clusters: number;
}

/** B-cubed precision/recall/F1 (Amigó et al. 2009) and the adjusted Rand index. */
export function scoreClustering(gold: string[], predicted: (string | number)[]): ClusterScores {
  const n = gold.length;
  const pairCount = new Map<string, number>();
  const goldCount = new Map<string, number>();
  const predCount = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const g = gold[i];
    const p = String(predicted[i]);
    goldCount.set(g, (goldCount.get(g) ?? 0) + 1);
    predCount.set(p, (predCount.get(p) ?? 0) + 1);
    const key = `${g}\u0000${p}`;
    pairCount.set(key, (pairCount.get(key) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (let i = 0; i < n; i++) {
    const g = gold[i];
    const p = String(predicted[i]);
    const both = pairCount.get(`${g}\u0000${p}`)!;
    precision += both / predCount.get(p)!;
    recall += both / goldCount.get(g)!;
  }
  precision /= n;
  recall /= n;
  const choose2 = (k: number) => (k * (k - 1)) / 2;
  let index = 0;
  for (const c of pairCount.values()) index += choose2(c);
  let goldPairs = 0;
  for (const c of goldCount.values()) goldPairs += choose2(c);
  let predPairs = 0;
  for (const c of predCount.values()) predPairs += choose2(c);
  const expected = (goldPairs * predPairs) / choose2(n);
  const max = (goldPairs + predPairs) / 2;
  const ari = max === expected ? 1 : (index - expected) / (max - expected);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, ari, clusters: predCount.size };
}

interface PeerResult {
  labels: number[];
  threshold: number;
  seconds: number;
}

/** A Python interpreter that has scikit-learn, or null. Debian's package lives under /usr/bin/python3. */
export function pythonWithSklearn(): string | null {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    const probe = spawnSync(candidate, ['-c', 'import sklearn'], { stdio: 'ignore' });
    if (probe.status === 0) return candidate;
  }
  return null;
}

/**
 * Runs the scikit-learn peer. With `gold`, it tries a grid of distance thresholds and keeps the best
 * B-cubed F1 (tuned on the same data); with `threshold`, it uses that one.
 */
export function runSklearnPeer(python: string, articles: LabelledArticle[], gold?: string[], threshold?: number): PeerResult {
  const input = JSON.stringify({
    texts: articles.map((a) => `${a.title}\n${a.text}`),
    gold: gold ?? null,
    threshold: threshold ?? null,
  });
  const result = spawnSync(python, [path.join(here, '..', 'peers', 'sklearn_agglomerative.py')], {
    input,
    maxBuffer: 1 << 28,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`scikit-learn peer failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as PeerResult;
}

function rows(dataset: string, ours: ClusterScores, peer: ClusterScores | null): EvalRow[] {
  const peers = (score: (s: ClusterScores) => number) => (peer ? [{ name: 'sklearn TF-IDF+agglomerative (tuned)', score: score(peer) }] : []);
  return [
    { dataset, metric: 'B-cubed precision', ours: ours.precision, peers: peers((s) => s.precision), published: [] },
    { dataset, metric: 'B-cubed recall', ours: ours.recall, peers: peers((s) => s.recall), published: [] },
    { dataset, metric: 'B-cubed F1', ours: ours.f1, peers: peers((s) => s.f1), published: [] },
    { dataset, metric: 'ARI', ours: ours.ari, peers: peers((s) => s.ari), published: [] },
  ];
}

export async function run(): Promise<EvalReport> {
  const title = 'Story clustering (streaming, publication order)';
  const hamborgDir = datasetDir('news-event-clusters-hamborg');
  const wikiDir = datasetDir('wikiref220-clustering');
  if (!hamborgDir && !wikiDir) return { title, rows: [], skipped: missingMessage('news-event-clusters-hamborg') };
  const python = pythonWithSklearn();
  const out: EvalRow[] = [];
  const notes: string[] = [];
  if (!python) notes.push('scikit-learn peer skipped: no python3 with sklearn (install Debian `python3-sklearn`).');
  const sets: [string, string | null, (dir: string) => LabelledArticle[]][] = [
    ['Hamborg news_cluster (events)', hamborgDir, loadHamborg],
    ['WikiRef220 public part (topics)', wikiDir, loadWikiRef],
  ];
  for (const [name, dir, load] of sets) {
    if (!dir || !existsSync(path.join(dir, 'articles.jsonl.gz'))) {
      notes.push(`${name}: ${missingMessage(path.basename(dir ?? name))}`);
      continue;
    }
    const articles = streamOrder(load(dir));
    const gold = articles.map((a) => a.label);
    const started = performance.now();
    const ours = scoreClustering(gold, clusterStream(articles));
    const oursMs = performance.now() - started;
    let peer: ClusterScores | null = null;
    if (python) {
      const result = runSklearnPeer(python, articles, gold);
      peer = scoreClustering(gold, result.labels);
      notes.push(`${name}: sklearn best distance threshold ${result.threshold} (tuned on this set), ${peer.clusters} clusters, ${result.seconds.toFixed(2)} s.`);
    }
    const singletons = scoreClustering(gold, articles.map((_, i) => i));
    const oneCluster = scoreClustering(gold, articles.map(() => 0));
    notes.push(
      `${name}: ${articles.length} articles, ${new Set(gold).size} gold clusters; ours ${ours.clusters} stories in ${oursMs.toFixed(0)} ms; ` +
        `floors: all-singletons B-cubed F1 ${singletons.f1.toFixed(3)}, one-cluster ${oneCluster.f1.toFixed(3)}.`,
    );
    out.push(...rows(name, ours, peer));
  }
  return { title, rows: out, details: notes.map((n) => `- ${n}`).join('\n') };
}
