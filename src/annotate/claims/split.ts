// Clause splitting: one sentence (or one piece of reported content) -> clause pieces, each a list of token
// positions. A piece may have gaps ("holes") where an embedded clause sits ("The violence - in which ... were
// killed - marked ..."), so its range is contiguous text but its slots skip the embedded claim.
// Every split needs a verb on both sides: a bare prepositional phrase never becomes a claim.
import { classOf } from './predicates.js';
import { PREPOSITION_LIKE, RELATIVES, SUBORDINATORS, isReportingVerb } from './cues.js';
import { clauseVerbAt, firstFinite, hasVerb, isFinite, isGerund, isPunct, isSpacedDash, type Tok } from './tokens.js';

/** How a piece relates to the clause it was split from. */
export type PieceKind = 'main' | 'coordinate' | 'subordinate' | 'relative' | 'participle' | 'parenthetical' | 'apposition' | 'event';

/** A clause of a sentence: token indexes (into the article's tokens), in order, possibly with gaps. */
export interface Piece {
  idx: number[];
  kind: PieceKind;
  /** Tokens outside the piece whose mentions take part in it: the shared subject of "X broke away ... and declared ...". */
  carrySubject: number[];
  /** Tokens outside the piece whose times belong to it: "since April, when local ethnic Serbs boycotted elections". */
  carryTime: number[];
}

/** Splits deeper than this are not looked for: news sentences nest two or three clauses, not eight. */
const MAX_DEPTH = 8;

/** A piece made of the given token positions. */
export function piece(idx: number[], kind: PieceKind = 'main', carrySubject: number[] = [], carryTime: number[] = []): Piece {
  return { idx, kind, carrySubject, carryTime };
}

/** Splits a piece into clause pieces (itself when there is nothing to split). Linear in the piece's length per level. */
export function splitClauses(text: string, toks: Tok[], p: Piece, depth = 0): Piece[] {
  if (depth > MAX_DEPTH || p.idx.length < 4) return [p];
  const found = findSplit(text, toks, p);
  // A split that does not shrink the piece would repeat itself.
  if (!found || found.some((q) => q.idx.length >= p.idx.length)) return [p];
  return found.flatMap((q) => (q.idx.length ? splitClauses(text, toks, q, depth + 1) : []));
}

function inherit(parent: Piece, idx: number[], kind: PieceKind, extra: Partial<Piece> = {}): Piece {
  return { idx, kind, carrySubject: extra.carrySubject ?? parent.carrySubject, carryTime: extra.carryTime ?? parent.carryTime };
}

/** Token positions before the clause's first verb: its subject ("Kosovo" in "Kosovo broke away ... and declared ..."). */
function subjectOf(toks: Tok[], idx: number[]): number[] {
  const v = firstFinite(toks, idx);
  return v > 0 ? idx.slice(0, v) : [];
}

const NP_BACK = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PART']);

/** Start of the noun phrase that ends just before position j (the antecedent of ", which ..."). */
function antecedentStart(toks: Tok[], idx: number[], j: number): number {
  // A word-joining hyphen continues the phrase: "Albanian-majority Kosovo".
  const joined = (t: Tok, a: number) => t.text === '-' && a >= 2 && toks[idx[a - 2]].end === t.start;
  let a = j;
  // After a name the relative is about the name: "the independence of [Kosovo], which unilaterally seceded".
  const named = j > 0 && toks[idx[j - 1]].pos === 'PROPN';
  while (a > 0 && j - a < 8) {
    const t = toks[idx[a - 1]];
    if (named && t.lower === 'of') break;
    // "the existing KFOR peacekeeping force": wink tags some attributive "-ing" words VERB.
    const attributive = isGerund(t) && a >= 2 && toks[idx[a - 2]].pos === 'DET';
    if (!(NP_BACK.has(t.pos) || t.lower === 'of' || attributive || joined(t, a))) break;
    a--;
  }
  // Never start on "of": "the north of Kosovo" keeps its head.
  while (a < j && toks[idx[a]].lower === 'of') a++;
  return a;
}

function isComma(t: Tok | undefined): boolean {
  return !!t && (t.text === ',' || t.text === '،');
}

/** The first split of the piece, as the pieces it becomes (unsplit further), or null. */
function findSplit(text: string, toks: Tok[], p: Piece): Piece[] | null {
  const idx = p.idx;
  const n = idx.length;
  const T = (j: number): Tok => toks[idx[j]];
  const left = (j: number) => {
    let e = j;
    while (e > 0 && isPunct(T(e - 1)) && T(e - 1).text !== ')') e--;
    return idx.slice(0, e);
  };

  for (let j = 0; j < n; j++) {
    const t = T(j);

    // "X happened; Y did Z."
    if (t.text === ';' && j > 0 && j < n - 1) return [inherit(p, idx.slice(0, j), p.kind), inherit(p, idx.slice(j + 1), 'coordinate')];

    // Dashes: a parenthetical "- in which a police officer and three gunmen were killed -", or a trailing
    // apposition "- a status Belgrade and Moscow have refused to recognise".
    if (isSpacedDash(text, t) && j > 0) {
      let j2 = -1;
      for (let k = j + 1; k < n; k++) if (isSpacedDash(text, T(k))) { j2 = k; break; }
      if (j2 > j + 2 && hasVerb(toks, idx, j + 1, j2)) {
        let s = j + 1;
        while (s < j2 && (T(s).pos === 'ADP' || RELATIVES.has(T(s).lower)) && s - j <= 2) s++;
        const inner = idx.slice(s, j2);
        const main = [...idx.slice(0, j), ...idx.slice(j2 + 1)];
        return [inherit(p, main, p.kind), inherit(p, inner, 'parenthetical')];
      }
      if (j2 < 0 && n - j > 3 && hasVerb(toks, idx, j + 1, n) && hasVerb(toks, idx, 0, j)) {
        return [inherit(p, idx.slice(0, j), p.kind), inherit(p, idx.slice(j + 1), 'apposition')];
      }
    }

    // Non-restrictive relative: "Kosovo, which declared independence in 2008, ..." -> "declared independence in 2008",
    // with Kosovo taking part.
    if (isComma(t) && j > 0 && j + 2 < n && RELATIVES.has(T(j + 1).lower)) {
      const a = antecedentStart(toks, idx, j);
      if (a < j) {
        const mainHasVerb = firstFinite(toks, idx, 0, a) >= 0;
        let end = n;
        let resume = n;
        if (!mainHasVerb) {
          // The main clause's verb comes after the relative: it ends at the comma before that verb.
          for (let k = j + 2; k < n - 1; k++) {
            // The main clause resumes with its verb ("Kosovo, which ..., is") or its subject and verb ("In the
            // north of Kosovo, where ..., KFOR has decided").
            if (isComma(T(k)) && (isFinite(toks, idx, k + 1) || (T(k + 1).pos === 'ADV' && k + 2 < n && isFinite(toks, idx, k + 2)) || clauseVerbAt(toks, idx, k + 1) >= 0)) {
              end = k;
              resume = k + 1;
              break;
            }
          }
        }
        // The relative clause without its pronoun; the antecedent takes part through carrySubject. Its range
        // stays apart from the main clause's, so two claims of one sentence do not share words ("The warehouse is
        // owned by Halden Grain Ltd" / "has operated at the harbour since 1998"). "whose" stays: "whose spokesman".
        const relative = idx.slice(T(j + 1).lower === 'whose' ? j + 1 : j + 2, end);
        const main = [...idx.slice(0, j), ...idx.slice(resume)];
        // The antecedent alone is not a claim: split only when the main clause keeps a verb.
        if (firstFinite(toks, main) >= 0) return [inherit(p, main, p.kind), inherit(p, relative, 'relative', { carrySubject: idx.slice(a, j) })];
      }
    }

    // A relative after a preposition states a fact of its own: "a gunfight near the village of Dorsk in which 3
    // gunmen were killed", "the clash, during which two officers were hurt".
    if (t.pos === 'ADP' && j > 0 && j + 2 < n && (T(j + 1).lower === 'which' || T(j + 1).lower === 'whom')) {
      const relative = idx.slice(j + 2);
      const main = idx.slice(0, isComma(T(j - 1)) ? j - 1 : j);
      if (firstFinite(toks, relative) >= 0 && firstFinite(toks, main) >= 0) return [inherit(p, main, p.kind), inherit(p, relative, 'relative')];
    }

    // ", when ..." after a time: "since April, when local ethnic Serbs boycotted elections" -> the time goes with it.
    // Subordinate clauses: "A shootout erupted after the group opened fire on police".
    if (SUBORDINATORS.has(t.lower) && (t.pos === 'SCONJ' || t.pos === 'ADP' || t.pos === 'ADV') && j > 0 && j + 2 < n) {
      const before = left(j);
      const verbAfter = clauseVerbAt(toks, idx, j + 1);
      const gerundAfter = (t.lower === 'after' || t.lower === 'before' || t.lower === 'while' || t.lower === 'since') && isGerund(T(j + 1)) && T(j + 1).pos === 'VERB';
      // "as" is mostly a preposition ("known as KFOR", "described as"): a clause only after a comma.
      const asClause = t.lower !== 'as' || isComma(T(j - 1));
      if (asClause && firstFinite(toks, before) >= 0 && (verbAfter >= 0 || gerundAfter)) {
        const sameTime = t.lower === 'when' || t.lower === 'as' || t.lower === 'while';
        return [inherit(p, before, p.kind), inherit(p, idx.slice(j + 1), 'subordinate', { carryTime: sameTime ? before : [] })];
      }
    }
    // Fronted subordinate clause: "As ethnic tensions escalate, Kosovo is requesting NATO's support."
    if (j === 0 && SUBORDINATORS.has(t.lower) && t.lower !== 'since') {
      for (let c = 2; c < n - 2; c++) {
        if (!isComma(T(c))) continue;
        if (firstFinite(toks, idx, 1, c) >= 0 && clauseVerbAt(toks, idx, c + 1) >= 0) {
          return [inherit(p, idx.slice(c + 1), p.kind), inherit(p, idx.slice(1, c), 'subordinate')];
        }
        break;
      }
    }

    // Coordinated clauses: "X happened, and Y did Z"; a shared subject is carried: "Kosovo broke away ... and declared ...".
    if ((t.lower === 'and' || t.lower === 'but' || (isComma(T(j - 1 < 0 ? 0 : j - 1)) && (t.lower === 'while' || t.lower === 'whereas'))) && j > 1 && n - j >= 3) {
      const before = left(j);
      // The "and" must follow a clause of the same level: in "said that [the defence minister and head of the
      // armed forces] had gone", it joins two subjects.
      let opener = -1;
      before.forEach((i, k) => {
        if ((toks[i].lower === 'that' && toks[i].pos === 'SCONJ' && k < before.length - 1) || (SUBORDINATORS.has(toks[i].lower) && toks[i].pos === 'SCONJ')) opener = k;
      });
      if (firstFinite(toks, before, opener + 1) >= 0) {
        const after = idx.slice(j + 1);
        if (clauseVerbAt(toks, idx, j + 1) >= 0 && n - j > 3) return [inherit(p, before, p.kind), inherit(p, after, 'coordinate')];
        let v = j + 1;
        while (v < n - 1 && T(v).pos === 'ADV') v++;
        // A shared subject: "X broke away ... and declared ...", "has raised ... and has been acquiring ...". Not
        // inside an infinitive: "called for Serbia to withdraw its forces and demilitarize the border area".
        const infinitive = before.some((i, k) => k > 0 && toks[before[k - 1]].lower === 'to' && toks[i].pos === 'VERB');
        if (isFinite(toks, idx, v) && (T(v).pos === 'AUX' || !infinitive || t.lower === 'but')) {
          return [inherit(p, before, p.kind), inherit(p, after, 'coordinate', { carrySubject: [...p.carrySubject, ...subjectOf(toks, before)] })];
        }
      }
    }

    // Participial adjunct: ", leaving one police officer dead", ", saying ...", and cue participles without a comma:
    // "has denied there had been a recent build-up rejecting claims that ...".
    if (isGerund(t) && t.pos === 'VERB' && j > 1 && !PREPOSITION_LIKE.has(t.lower) && n - j > 1) {
      const afterComma = isComma(T(j - 1));
      const cue = isReportingVerb(t.lemma);
      if ((afterComma || cue) && firstFinite(toks, left(j)) >= 0) {
        return [inherit(p, left(j), p.kind), inherit(p, idx.slice(j), 'participle', { carrySubject: [...p.carrySubject, ...subjectOf(toks, left(j))] })];
      }
    }

    // An event noun after a preposition holds its own fact: "peaked last week with the death of a policeman and 3
    // attackers" -> "the death of a policeman and 3 attackers".
    if ((t.lower === 'with' || t.lower === 'after' || t.lower === 'following' || t.lower === 'amid') && j > 0 && j + 2 < n) {
      let k = j + 1;
      if (T(k).pos === 'DET') k++;
      if (k + 1 < n && T(k).pos === 'NOUN' && classOf(T(k).lemma, T(k).lower) === 'kill' && T(k + 1).lower === 'of' && firstFinite(toks, idx, 0, j) >= 0) {
        let e = k + 2;
        while (e < n && !isComma(T(e)) && T(e).text !== ';') e++;
        return [inherit(p, [...idx.slice(0, j), ...idx.slice(e)], p.kind), inherit(p, idx.slice(j + 1, e), 'event')];
      }
    }
  }
  return null;
}
