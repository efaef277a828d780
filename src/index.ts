// Public library entry: every export is listed explicitly.
export { analyze, analyzeArticles, collectArticles } from './analyze.js';
export type { AnalyzeInput, AnalyzeOptions, ArticleRecord } from './analyze.js';
export { NothingToAnalyzeError, isNothingToAnalyzeError, UsageError, isUsageError } from './errors.js';
export { readInputs, readRecord, readText, ReadError, isReadError } from './read/index.js';
export type { RawArticle, ReadProblem, SourceFormat, SourceHints } from './read/index.js';
export { cleanArticle, NoArticleTextError, isNoArticleTextError } from './clean/index.js';
export type { Article, RemovedPiece } from './clean/index.js';
export { annotate } from './annotate/index.js';
export type {
  Doc, Span, Range, Sentence, Mention, EntityType, QuoteAnnotation, QuoteCueKind, QuantityAnnotation, TimeAnnotation, ClaimAnnotation, ClaimPolarity, ClaimModality,
} from './annotate/types.js';
export { alignStory } from './align/index.js';
export type { Alignment, AlignOptions, ClaimItem, FactGroup, Relation, Conflict } from './align/index.js';
export { prepareSide, scorePair, PAIR_THRESHOLD } from './align/pairs/index.js';
export type { PairSide, PreparedSide, PairScore } from './align/pairs/index.js';
export { headlineStance } from './assess/stance/headline/index.js';
export type { HeadlineStance } from './assess/stance/headline/index.js';
export { bodyStance } from './assess/stance/body/index.js';
export type { BodyStance } from './assess/stance/body/index.js';
export { buildDossier } from './dossier/index.js';
export type { DossierOptions } from './dossier/index.js';
export type {
  Dossier,
  DossierArticle,
  DossierEntity,
  DossierQuote,
  DossierQuantity,
  TimelineEntry,
  Fact,
  Dispute,
  DisputeSide,
  NumberChange,
  Provenance,
  SummarySentence,
  MatchEvidence,
  SourceGroup,
} from './dossier/types.js';
export { render, renderHtml, renderJson, renderMarkdown, escapeHtml, REPORT_FORMATS } from './report/index.js';
export type { ReportFormat } from './report/index.js';
export type { Diagnostic } from './diagnostics.js';
