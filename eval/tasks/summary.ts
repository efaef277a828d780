// Multi-document summaries on DUC 2004 Task 2 (public 35 clusters): our extractive summarizer in 100-word mode,
// scored with ROUGE-1/-2 recall under the SumRepo settings (eval/rouge.ts), against the 13 SumRepo systems.
// The same ROUGE code also re-scores the shipped system summaries, and the details show how closely that
// reproduces the published per-cluster ROUGE-1.5.5 numbers.
import { missingMessage } from '../data.js';
import type { EvalReport, EvalRow } from '../types.js';
import { DUC2004, ducDir, loadClusters, loadPublishedScores, loadSystemSummaries, type DucCluster } from '../duc2004.js';
import { meanRecall, rougeRecall, type RougeRecall } from '../rouge.js';
import { splitSentences } from '../../src/annotate/sentences.js';
import { summarize, type SummaryDocument, type SummarySentence } from '../../src/summarize/index.js';

const TITLE = 'Multi-document summary (DUC 2004)';
export const DUC_WORDS = 100;
/** The DUC mode of the summarizer: 100 words, whole sentences (trimming measured no better). */
export const DUC_OPTIONS = { maxWords: DUC_WORDS, maxSentences: 10, trim: false };

export function clusterDocuments(cluster: DucCluster): SummaryDocument[] {
  return cluster.docs.map((d) => ({
    id: d.docId,
    text: d.text,
    sentences: splitSentences(d.text).map(({ start, end }) => ({ start, end })),
    publishedAt: d.date,
  }));
}

/** Fails the evaluation when a summary sentence is not the verbatim text of a valid cited span. */
export function assertCited(docs: SummaryDocument[], summary: SummarySentence[], maxWords: number): void {
  const byId = new Map(docs.map((d) => [d.id, d]));
  let words = 0;
  for (const sentence of summary) {
    if (sentence.sources.length === 0) throw new Error(`uncited summary sentence: ${sentence.text}`);
    for (const span of sentence.sources) {
      const doc = byId.get(span.articleId);
      if (!doc || span.start < 0 || span.end > doc.text.length || span.start >= span.end) {
        throw new Error(`invalid source span ${JSON.stringify(span)} for: ${sentence.text}`);
      }
    }
    const first = sentence.sources[0];
    if (byId.get(first.articleId)!.text.slice(first.start, first.end) !== sentence.text) {
      throw new Error(`summary sentence differs from its source span: ${sentence.text}`);
    }
    words += sentence.text.trim().split(/\s+/).length;
  }
  if (words > maxWords) throw new Error(`summary of ${words} words exceeds ${maxWords}`);
}

export interface ClusterScore extends RougeRecall {
  clusterId: string;
}

/** Our summaries for the given clusters, checked for citations and scored. */
export function scoreOurs(clusters: DucCluster[]): ClusterScore[] {
  return clusters.map((cluster) => {
    const docs = clusterDocuments(cluster);
    const summary = summarize(docs, DUC_OPTIONS);
    assertCited(docs, summary, DUC_WORDS);
    return {
      clusterId: cluster.clusterId,
      ...rougeRecall(
        summary.map((s) => s.text),
        cluster.references.map((r) => r.sentences),
      ),
    };
  });
}

const pct = (x: number) => (x * 100).toFixed(2);

export async function run(): Promise<EvalReport> {
  const dir = ducDir();
  if (!dir) return { title: TITLE, rows: [], skipped: missingMessage(DUC2004) };
  const clusters = loadClusters(dir);
  const byId = new Map(clusters.map((c) => [c.clusterId, c]));
  const systemSummaries = loadSystemSummaries(dir);
  const published = loadPublishedScores(dir).filter((p) => byId.has(p.clusterId));

  // Re-score every shipped system summary with our ROUGE and compare with the published per-cluster numbers.
  const systems = [...new Set(published.map((p) => p.system))].sort();
  const rescored = new Map<string, ClusterScore[]>();
  const deviation = new Map<string, { max1: number; mean1: number; max2: number; mean2: number; n: number }>();
  for (const system of systems) {
    const rows = published.filter((p) => p.system === system);
    const scores: ClusterScore[] = [];
    let max1 = 0, max2 = 0, sum1 = 0, sum2 = 0;
    for (const p of rows) {
      const text = systemSummaries.get(p.clusterId)?.get(system);
      if (text === undefined) continue;
      const r = rougeRecall(text, byId.get(p.clusterId)!.references.map((ref) => ref.sentences));
      scores.push({ clusterId: p.clusterId, ...r });
      const d1 = Math.abs(r.rouge1 - p.rouge1);
      const d2 = Math.abs(r.rouge2 - p.rouge2);
      max1 = Math.max(max1, d1);
      max2 = Math.max(max2, d2);
      sum1 += d1;
      sum2 += d2;
    }
    rescored.set(system, scores);
    deviation.set(system, { max1, mean1: sum1 / scores.length, max2, mean2: sum2 / scores.length, n: scores.length });
  }

  const ours = scoreOurs(clusters);
  const ourMean = meanRecall(ours);
  const publishedMean = (system: string): RougeRecall =>
    meanRecall(published.filter((p) => p.system === system).map((p) => ({ rouge1: p.rouge1, rouge2: p.rouge2 })));
  const sameRunPeers = ['DPP', 'ICSISumm', 'RegSum', 'LexRank', 'Lead'].filter((s) => rescored.has(s));
  const row = (metric: 'rouge1' | 'rouge2', label: string): EvalRow => ({
    dataset: `DUC 2004 task 2 (${clusters.length} public clusters)`,
    metric: `${label} recall (100 words, stemmed, stopwords kept)`,
    ours: ourMean[metric],
    peers: sameRunPeers.map((name) => ({ name: `${name} (rescored)`, score: meanRecall(rescored.get(name)!)[metric] })),
    published: [...systems]
      .map((name) => ({ name, score: publishedMean(name)[metric] }))
      .sort((a, b) => b.score - a.score),
  });

  const best = (metric: 'rouge1' | 'rouge2') =>
    systems.map((s) => ({ s, v: publishedMean(s)[metric] })).sort((a, b) => b.v - a.v)[0];
  const best1 = best('rouge1');
  const best2 = best('rouge2');
  const lines: string[] = [];
  lines.push(
    `Ours: R-1 ${pct(ourMean.rouge1)}, R-2 ${pct(ourMean.rouge2)} (x100). Best published on these clusters: ` +
      `R-1 ${best1.s} ${pct(best1.v)}, R-2 ${best2.s} ${pct(best2.v)}. ` +
      `Goal (above every published system on both): ${ourMean.rouge1 > best1.v && ourMean.rouge2 > best2.v ? 'met' : 'not met'}. ` +
      'Every summary sentence was checked to be the verbatim text of its first cited span, within 100 words.',
  );
  lines.push('', '**ROUGE reproduction** (our eval/rouge.ts on the shipped SumRepo summaries vs the published ROUGE-1.5.5 per-cluster recall):', '');
  lines.push('| system | clusters | R-1 max dev | R-1 mean dev | R-2 max dev | R-2 mean dev |', '|---|---|---|---|---|---|');
  let worst = 0;
  for (const system of systems) {
    const d = deviation.get(system)!;
    worst = Math.max(worst, d.max1, d.max2);
    lines.push(`| ${system} | ${d.n} | ${d.max1.toFixed(5)} | ${d.mean1.toFixed(5)} | ${d.max2.toFixed(5)} | ${d.mean2.toFixed(5)} |`);
  }
  const within = systems.filter((s) => Math.max(deviation.get(s)!.max1, deviation.get(s)!.max2) <= 0.005);
  lines.push('', `${within.length} of ${systems.length} systems reproduce within 0.005 on every cluster; largest deviation ${worst.toFixed(5)}.`);

  const bestPerCluster = new Map<string, { system: string; rouge2: number }>();
  for (const p of published) {
    const cur = bestPerCluster.get(p.clusterId);
    if (!cur || p.rouge2 > cur.rouge2) bestPerCluster.set(p.clusterId, { system: p.system, rouge2: p.rouge2 });
  }
  lines.push('', '**Worst 5 clusters for us** (by R-2):', '', '| cluster | ours R-1 | ours R-2 | best published R-2 |', '|---|---|---|---|');
  for (const s of [...ours].sort((a, b) => a.rouge2 - b.rouge2 || a.clusterId.localeCompare(b.clusterId)).slice(0, 5)) {
    const b = bestPerCluster.get(s.clusterId);
    lines.push(`| ${s.clusterId} | ${pct(s.rouge1)} | ${pct(s.rouge2)} | ${b ? `${b.system} ${pct(b.rouge2)}` : '—'} |`);
  }

  return { title: TITLE, rows: [row('rouge1', 'ROUGE-1'), row('rouge2', 'ROUGE-2')], details: lines.join('\n') };
}
