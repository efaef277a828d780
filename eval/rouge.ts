// ROUGE-N recall as ROUGE-1.5.5 computes it with the DUC 2004 / SumRepo flags
// `-n 4 -x -m -l 100 -p 0.5 -c 95 -r 1000 -f A -t 0 -a`.
// Written by hand because the npm ROUGE ports (and Google's rouge-score) tokenize and truncate differently
// from the Perl script, which moves DUC scores by more than the differences between published systems.
// What is copied from ROUGE-1.5.5 (readText / createNGram / computeNGramScore):
// - a summary is a list of lines (one sentence per line, empty lines ignored), lower-cased;
// - `-l 100`: whitespace-separated words are counted on the raw lines and the text is cut after the 100th,
//   for the system summary AND each reference;
// - then "-" becomes " - ", every other non-alphanumeric character a space; tokens not starting with
//   [a-z0-9] (the lone "-") are dropped; stopwords are kept (no `-s`);
// - `-m`: tokens longer than 3 characters are stemmed (shorter ones are left alone) as ROUGE does it: WordNet
//   irregular forms first, then ROUGE's variant of Porter (eval/rouge-stem.ts);
// - `-f A`: hits (clipped counts) and reference n-gram totals are summed over the references, recall = hits / total
//   (no jackknifing: ROUGE 1.4 removed it);
// - `-t 0`: the reported average is the mean of the per-summary recalls, each rounded to 5 decimals.
// Approximated: ROUGE's WordNet 2.0 irregular-form table is replaced by WordNet 3.0's (wink-lexicon); the
// reproduction check in eval/tasks/summary.ts measures what that costs against the published per-cluster scores.
import { rougeStem } from './rouge-stem.js';

export interface RougeOptions {
  /** Word limit applied to the system summary and to each reference (ROUGE `-l`); 0 = none. Default 100. */
  maxWords?: number;
  /** Porter stemming of tokens longer than 3 characters (ROUGE `-m`). Default true. */
  stem?: boolean;
}

export interface RougeCounts {
  /** Clipped n-gram matches summed over the references. */
  hits: number;
  /** N-gram count summed over the references. */
  total: number;
  /** hits / total, rounded to 5 decimals as ROUGE prints it. */
  recall: number;
}

/** A summary as ROUGE reads it: one sentence per line. A string is split on line breaks. */
export type SummaryText = string | readonly string[];

function lines(summary: SummaryText): string[] {
  const all = typeof summary === 'string' ? summary.split('\n') : [...summary];
  // Perl's chomp leaves a carriage return; it becomes a space later, so only empty lines matter here.
  return all.filter((line) => line.length > 0);
}

/** Perl's split(/\s+/, $s): a leading separator yields one empty field, trailing ones yield none. */
function perlSplitWhitespace(text: string): string[] {
  const fields = text.split(/\s+/);
  while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
  return fields;
}

/** ROUGE-1.5.5 readText: lower-case, cut to the word limit, strip punctuation. */
export function rougeText(summary: SummaryText, maxWords = 100): string {
  const sentences = lines(summary).map((line) => line.toLowerCase());
  let text = '';
  if (maxWords <= 0) {
    text = sentences.join(' ');
  } else {
    let count = 0;
    for (const sentence of sentences) {
      const words = perlSplitWhitespace(sentence);
      if (count + words.length < maxWords) {
        text += (count !== 0 ? ' ' : '') + sentence;
        count += words.length;
      } else {
        if (count > 0) text += ' ';
        text += words.slice(0, maxWords - count).join(' ');
        break;
      }
    }
  }
  return text
    .replace(/-/g, ' - ')
    .replace(/[^A-Za-z0-9-]/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** ROUGE-1.5.5 createNGram token stream: alphanumeric-initial tokens, stemmed when longer than 3 characters. */
export function rougeTokens(summary: SummaryText, options: RougeOptions = {}): string[] {
  const text = rougeText(summary, options.maxWords ?? 100);
  const stem = options.stem ?? true;
  const tokens: string[] = [];
  for (const token of text.split(' ')) {
    if (!/^[a-z0-9$]/.test(token)) continue;
    tokens.push(stem && token.length > 3 ? rougeStem(token) : token);
  }
  return tokens;
}

function ngramCounts(tokens: readonly string[], n: number): { grams: Map<string, number>; count: number } {
  const grams = new Map<string, number>();
  let count = 0;
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join(' ');
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
    count++;
  }
  return { grams, count };
}

function round5(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

/** ROUGE-N recall of one system summary against several references, model-average (`-f A`). */
export function rougeN(peer: SummaryText, references: readonly SummaryText[], n: number, options: RougeOptions = {}): RougeCounts {
  const peerGrams = ngramCounts(rougeTokens(peer, options), n).grams;
  let hits = 0;
  let total = 0;
  for (const reference of references) {
    const model = ngramCounts(rougeTokens(reference, options), n);
    for (const [gram, count] of model.grams) hits += Math.min(count, peerGrams.get(gram) ?? 0);
    total += model.count;
  }
  return { hits, total, recall: total > 0 ? round5(hits / total) : 0 };
}

export interface RougeRecall {
  rouge1: number;
  rouge2: number;
}

/** ROUGE-1 and ROUGE-2 recall with the DUC 2004 settings. */
export function rougeRecall(peer: SummaryText, references: readonly SummaryText[], options: RougeOptions = {}): RougeRecall {
  return { rouge1: rougeN(peer, references, 1, options).recall, rouge2: rougeN(peer, references, 2, options).recall };
}

/** Mean of per-summary scores, as ROUGE reports Average_R with `-t 0`. */
export function meanRecall(scores: readonly RougeRecall[]): RougeRecall {
  if (scores.length === 0) return { rouge1: 0, rouge2: 0 };
  const sum = scores.reduce((acc, s) => ({ rouge1: acc.rouge1 + s.rouge1, rouge2: acc.rouge2 + s.rouge2 }), { rouge1: 0, rouge2: 0 });
  return { rouge1: sum.rouge1 / scores.length, rouge2: sum.rouge2 / scores.length };
}
