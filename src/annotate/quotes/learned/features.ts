// What the attribution model sees of a candidate: the cue word in its sentence, the content it would take and
// the source it would name. Plain strings, so that training and use share one definition.
import { stemmer } from 'stemmer';
import type { Mention } from '../../types.js';
import { CUE_VERBS } from '../cues.js';
import { isQuoteMark, type Phrase, type Token } from '../phrases.js';

export interface FeatureContext {
  tokens: Token[];
  mentions: Mention[];
}

/** Bounds of the frame a token sits in, for features that must not look across sentences. */
export interface Bounds {
  lo: number;
  hi: number;
}

const bucket = (n: number): number => (n <= 2 ? n : n <= 4 ? 4 : n <= 8 ? 8 : n <= 16 ? 16 : 32);

/** The cue word, its neighbours and the shape of the clause around it. */
export function cueFeatures({ tokens }: FeatureContext, i: number, { lo, hi }: Bounds): string[] {
  const t = tokens[i];
  const word = (k: number): string => (k < lo ? '<s>' : k >= hi ? '</s>' : tokens[k].lower);
  const pos = (k: number): string => (k < lo ? '<s>' : k >= hi ? '</s>' : tokens[k].pos);
  const stem = stemmer(t.lower);
  const f = [
    'w=' + t.lower, 's=' + stem, 'p=' + t.pos, 'sp=' + stem + '|' + t.pos, 'suf3=' + t.lower.slice(-3),
    'w-1=' + word(i - 1), 'w+1=' + word(i + 1), 'w-2=' + word(i - 2), 'w+2=' + word(i + 2),
    'p-1=' + pos(i - 1), 'p+1=' + pos(i + 1), 'p-2=' + pos(i - 2), 'p+2=' + pos(i + 2), 'p-1p+1=' + pos(i - 1) + '|' + pos(i + 1),
    'sw-1=' + stem + '|' + word(i - 1), 'sw+1=' + stem + '|' + word(i + 1), 'sw+2=' + stem + '|' + word(i + 2),
    'sp-1=' + stem + '|' + pos(i - 1), 'sp+1=' + stem + '|' + pos(i + 1),
    'at=' + Math.min(i - lo, 6), 'rest=' + Math.min(hi - i, 6), 'cap=' + (/^\p{Lu}/u.test(t.text) ? 1 : 0),
  ];
  const known = CUE_VERBS.get(t.lower);
  if (known) f.push('kind=' + known.kind, 'kindp=' + known.kind + '|' + t.pos);
  for (let k = i + 1; k < Math.min(hi, i + 6); k++) {
    if (isQuoteMark(tokens[k])) {
      f.push('quote-right', 'quote-right|' + stem);
      break;
    }
  }
  for (let k = i - 1; k >= Math.max(lo, i - 6); k--) {
    if (isQuoteMark(tokens[k])) {
      f.push('quote-left', 'quote-left|' + stem);
      break;
    }
  }
  let subject = 'none';
  for (let k = i - 1; k >= Math.max(lo, i - 4); k--) {
    if (tokens[k].pos === 'PROPN' || tokens[k].pos === 'PRON' || tokens[k].pos === 'NOUN') {
      subject = tokens[k].pos;
      break;
    }
  }
  f.push('subject=' + subject, 'subject|s=' + subject + '|' + stem);
  return f;
}

/** The first mention that overlaps a phrase. */
export function overlappingMention(mentions: readonly Mention[], p: Phrase): Mention | undefined {
  return mentions.find((m) => m.start < p.end && m.end > p.start);
}

/** Who the source phrase is: a recognised person/organization/place, a pronoun, another noun phrase, or nobody. */
function sourceType({ tokens, mentions }: FeatureContext, source: Phrase | null): string {
  if (!source) return 'none';
  const mention = overlappingMention(mentions, source);
  if (mention) return mention.type;
  const head = tokens[source.to - 1];
  return head.pos === 'PRON' ? 'pron:' + head.lower : 'np';
}

/** The source's last word: its head ("spokesman", "he"), or PROPN for a name. */
function sourceHead(tokens: Token[], source: Phrase | null): string {
  if (!source) return 'none';
  const head = tokens[source.to - 1];
  return head.pos === 'PROPN' ? 'PROPN' : head.lower;
}

/** Prefix counts of verbs and quote marks, built once per token list (each candidate used to rescan its content). */
const prefixes = new WeakMap<Token[], { verbs: Int32Array; quotes: Int32Array }>();

function prefixCounts(tokens: Token[]): { verbs: Int32Array; quotes: Int32Array } {
  let p = prefixes.get(tokens);
  if (!p) {
    p = { verbs: new Int32Array(tokens.length + 1), quotes: new Int32Array(tokens.length + 1) };
    for (let k = 0; k < tokens.length; k++) {
      p.verbs[k + 1] = p.verbs[k] + (tokens[k].pos === 'VERB' ? 1 : 0);
      p.quotes[k + 1] = p.quotes[k] + (isQuoteMark(tokens[k]) ? 1 : 0);
    }
    prefixes.set(tokens, p);
  }
  return p;
}

function countIn(prefix: Int32Array, from: number, to: number): number {
  return to <= from ? 0 : prefix[Math.min(to, prefix.length - 1)] - prefix[Math.max(0, from)];
}

export interface ContentShape {
  variant: 'after' | 'after-comma' | 'before';
  /** Token range [from, to) of the content. */
  from: number;
  to: number;
  /** Words between cue and content were skipped as adverbials or an addressee ("told reporters on Friday"). */
  gap: boolean;
  hasThat: boolean;
}

/** Cue features conjoined with the content's direction, plus the content's edges and length and the source. */
export function candidateFeatures(ctx: FeatureContext, i: number, cue: string[], content: ContentShape, source: Phrase | null, firstInFrame: boolean): string[] {
  const { tokens } = ctx;
  const counts = prefixCounts(tokens);
  // Both "after" shapes share the cue's weights; the comma cut has features of its own.
  const v = content.variant === 'before' ? 'before' : 'after';
  const cut = content.variant === 'after-comma';
  const stem = stemmer(tokens[i].lower);
  const first = tokens[content.from];
  const src = 'src=' + sourceType(ctx, source);
  const head = sourceHead(tokens, source);
  const f = cue.map((x) => v + '|' + x);
  f.push(
    'bias', 'v=' + v, v + '|' + src, v + '|s|' + src + '|' + stem, v + '|s=' + stem,
    v + '|first=' + first.lower, v + '|firstp=' + first.pos, v + '|first2=' + first.lower + '|' + (tokens[content.from + 1]?.lower ?? ''),
    v + '|last=' + tokens[content.to - 1].lower, v + '|len=' + bucket(content.to - content.from), v + '|p|len=' + tokens[i].pos + '|' + bucket(content.to - content.from),
    v + '|gap=' + content.gap, v + '|that=' + content.hasThat,
    v + '|clause=' + tokens.slice(content.from, Math.min(content.to, content.from + 5)).some((x) => x.pos === 'VERB' || x.pos === 'AUX'),
    v + '|srcw=' + (source ? tokens[source.from].lower : 'none'),
    v + '|frame-first=' + firstInFrame + '|' + stem,
    v + '|prev|s=' + (tokens[i - 1]?.lower ?? '') + '|' + stem,
    v + '|srch=' + head, v + '|srch|s=' + head + '|' + stem,
    v + '|cverbs=' + Math.min(countIn(counts.verbs, content.from, content.to), 3),
    v + '|cquote=' + (countIn(counts.quotes, content.from, content.to) > 0),
    v + '|first|s=' + first.lower + '|' + stem, v + '|firstp|s=' + first.pos + '|' + stem,
    'cut=' + cut, 'cut|s=' + cut + '|' + stem, 'cut|last=' + cut + '|' + tokens[content.to - 1].lower, 'cut|next=' + cut + '|' + (tokens[content.to + 1]?.lower ?? '</s>'),
    'cut|src=' + cut + '|' + src, 'cut|prev=' + cut + '|' + (tokens[i - 1]?.lower ?? ''),
  );
  return f;
}
