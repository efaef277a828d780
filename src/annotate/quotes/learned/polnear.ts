// Reader for PolNeAR (political news attribution relations, JSON lines), used to train the attribution model and
// to score it. Offsets in the file are Python code points; they are mapped to JavaScript UTF-16 offsets here.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Range } from '../../types.js';

export interface PolnearAttribution {
  content: Range[];
  source: Range[] | null;
  sourceText: string;
  cue: Range[];
  cueText: string;
  /** The content starts with a quote mark. */
  direct: boolean;
}

export interface PolnearDoc {
  id: string;
  /** PolNeAR's own split (by month): the model trains on "train" only. */
  split: 'train' | 'dev' | 'test';
  text: string;
  /** The first annotator's attributions. */
  gold: PolnearAttribution[];
}

interface RawPart {
  spans: [number, number][];
  text: string;
}

interface RawDoc {
  filename: string;
  official_split: 'train' | 'dev' | 'test';
  text: string;
  annotations: { attributions: { content?: RawPart; source?: RawPart; cue?: RawPart }[] }[];
}

/** Python code-point offsets -> JavaScript UTF-16 offsets (they differ after any character outside the BMP). */
function offsetMapper(text: string): (cp: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (cp) => cp;
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return (cp) => map[Math.min(cp, map.length - 1)];
}

export function readPolnear(file: string, limit = Infinity): PolnearDoc[] {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter(Boolean);
  return lines.slice(0, Math.min(lines.length, limit)).map((line) => {
    const raw = JSON.parse(line) as RawDoc;
    const toUtf16 = offsetMapper(raw.text);
    const ranges = (part: RawPart | undefined): Range[] => (part?.spans ?? []).map(([s, e]) => ({ start: toUtf16(s), end: toUtf16(e) }));
    const gold: PolnearAttribution[] = [];
    for (const a of raw.annotations[0]?.attributions ?? []) {
      if (!a.content?.spans?.length) continue;
      gold.push({
        content: ranges(a.content),
        source: a.source?.spans?.length ? ranges(a.source) : null,
        sourceText: a.source?.text ?? '',
        cue: ranges(a.cue),
        cueText: (a.cue?.text ?? '').toLowerCase(),
        direct: /^\s*["“”]/.test(a.content.text),
      });
    }
    return { id: raw.filename, split: raw.official_split, text: raw.text, gold };
  });
}

export function overlapLength(a: Range, bs: readonly Range[]): number {
  let n = 0;
  for (const b of bs) n += Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  return n;
}

/**
 * The matching rule for attribution contents: a predicted range and a gold content (possibly discontinuous) match
 * when their overlap covers at least half of the shorter of the two.
 */
export function contentMatches(p: Range, g: readonly Range[]): boolean {
  const goldLength = g.reduce((n, r) => n + (r.end - r.start), 0);
  const shorter = Math.min(p.end - p.start, goldLength);
  return shorter > 0 && overlapLength(p, g) >= 0.5 * shorter;
}
