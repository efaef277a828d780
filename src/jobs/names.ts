// The jobs Triangulate runs through the PostgreSQL queue, and what each carries. Payloads are small: the
// work itself (raw article text, cleaned articles) lives in the intake tables, so a job is a pointer.

/** Queue names (pg-boss queues; one per kind of work). */
export const QUEUES = {
  /** Fetch and read one feed; its new items become an intake batch (payload FeedPollJob). */
  feedPoll: 'feed-poll',
  /**
   * Prepare intake items: fetch the page of an item that has only a link or a teaser, then clean it
   * (payload PrepareJob). Runs on any worker, in parallel.
   */
  prepare: 'article-prepare',
  /** Build a story's dossier and save it under the story's version (payload DossierJob). */
  dossier: 'dossier-rebuild',
  /** Jobs that failed every retry are copied here, with their last error, for an operator to read. */
  dead: 'dead-letter',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface FeedPollJob {
  url: string;
}

export interface PrepareJob {
  /** Intake sequence numbers to prepare (rows of the intake table). */
  seqs: number[];
}

export interface DossierJob {
  storyId: number;
}
