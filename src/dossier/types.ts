// The dossier JSON contract, schemaVersion "1". Fields may be added; the named ones are never renamed.
// schema/dossier.schema.json describes the same shape and a test validates real output against it.
import type { EntityType, Span } from '../annotate/types.js';
import type { RemovedPiece } from '../clean/types.js';
import type { Dispute, NumberChange, Provenance, TimelineEntry } from '../assess/types.js';

export type { Dispute, DisputeSide, NumberChange, Provenance, TimelineEntry } from '../assess/types.js';

export interface DossierArticle {
  id: string;
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
  what: string;
  span: Span;
}

export interface Fact {
  id: string;
  text: string;
  sources: Span[];
  independentSources: number;
  /** Outlets (or origins when the outlet is unknown) of the articles that report it. */
  reportedBy: string[];
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
  /** Ids of facts reported by a single independent source. */
  singleSource: string[];
  disputes: Dispute[];
  provenance: Provenance[];
  summary: SummarySentence[];
  /** Input problems that did not stop the analysis (file and reason). */
  problems: { origin: string; reason: string }[];
}
