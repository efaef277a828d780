// The dossier JSON contract, schemaVersion "1". Fields may be added; the named ones are never renamed.
// schema/dossier.schema.json describes the same shape and a test validates real output against it.
import type { EntityType, Span } from '../annotate/types.js';
import type { RemovedPiece } from '../clean/types.js';
import type { LabelSource } from './outlets.js';
import type { Dispute, MatchEvidence, NumberChange, Provenance, SourceGroup, TimelineEntry } from '../assess/types.js';

export type { Dispute, DisputeSide, MatchEvidence, NumberChange, Provenance, SourceGroup, TimelineEntry } from '../assess/types.js';

export interface DossierArticle {
  id: string;
  /**
   * Where the article came from: a web address, or the path as the user typed it when relative; an
   * absolute local path is reduced to its file name (see publicOrigin in outlets.ts), so a shared
   * dossier never tells where files sit on the machine that built it.
   */
  origin: string;
  outlet: string | null;
  title: string | null;
  publishedAt: string | null;
  credits: string[];
  text: string;
  removed: RemovedPiece[];
  url: string | null;
  byline: string | null;
  diagnostics: { ruleId: string; message: string; start?: number; end?: number }[];
  /**
   * Who published it, as a reader names it ("BBC", "AP", "bbc.co.uk", "kosovo-serbia rferl"); see
   * articleName in outlets.ts. Absent in dossiers written before it existed.
   */
  label?: string;
  /** Which rule gave the label: metadata outlet, wire credit, URL domain, or the file name. */
  labelSource?: LabelSource;
}

export interface DossierEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: Span[];
}

export interface DossierQuote {
  text: string;
  speaker: string | null;
  speakerName: string | null;
  span: Span;
  /** false for reported speech without quote marks. */
  direct: boolean;
}

export interface DossierQuantity {
  value: number;
  /** What is counted, as first written ("3 Serb gunmen" -> "serb gunmen"). */
  what: string;
  /** The first report's number as written. */
  span: Span;
  /** Normalised kind of thing counted ("attacker", "soldier"), when known; equal kinds compare across articles. */
  kind?: string;
  /** What happened to what is counted, as a lemma ("kill", "deploy"), when stated. */
  event?: string;
  /** Who owns or fields the counted thing ("KFOR"), when stated. */
  owner?: string;
  /** Every report of this same value of this same thing, one span per report (first = span). */
  sources?: Span[];
  /** Distinct independent origins among the sources (see Dossier.sourceGroups). */
  independentSources?: number;
  /** Outlets (or origins) of the sources. */
  reportedBy?: string[];
}

export interface Fact {
  id: string;
  /** The claim as written: a minimal span of the representative sentence (never invented words). */
  text: string;
  sources: Span[];
  independentSources: number;
  /** Outlets (or origins when the outlet is unknown) of the articles that report it. */
  reportedBy: string[];
  /** Why the sources were matched. */
  why?: MatchEvidence;
  /** Who asserts the claim, when it is somebody's statement rather than the outlets' own voice. */
  claimedBy?: string[];
  /**
   * Which articles attribute the fact to whom: one entry per name of `claimedBy`, with the ids of the articles
   * whose sentence gives it that speaker. The fact's other articles state it in their own voice.
   */
  attributions?: { speaker: string; articleIds: string[] }[];
  /** How the claim is put ("asserted", "reported", "alleged", "planned", "future", "hedged"). */
  modality?: string;
  /**
   * Ids of Dossier.sourceGroups the sources fall in; when sources.length > independentSources the report
   * explains the collapse with those groups' reasons.
   */
  sourceGroups?: string[];
}

export interface SummarySentence {
  text: string;
  sources: Span[];
}

export interface Dossier {
  schemaVersion: '1';
  generatedAt: string;
  articles: DossierArticle[];
  entities: DossierEntity[];
  quotes: DossierQuote[];
  quantities: DossierQuantity[];
  numberChanges: NumberChange[];
  timeline: TimelineEntry[];
  facts: Fact[];
  /** Articles grouped into independent sources, with the reasons they were joined. */
  sourceGroups?: SourceGroup[];
  /** Ids of facts reported by a single independent source. */
  singleSource: string[];
  disputes: Dispute[];
  provenance: Provenance[];
  summary: SummarySentence[];
  /** Input problems that did not stop the analysis (file and reason). */
  problems: { origin: string; reason: string }[];
}
