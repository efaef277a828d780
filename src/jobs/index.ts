// The job system of a PostgreSQL store: queue, workers, queued ingest and feed polls, queued dossier builds,
// and the operator's view of it all.
export { QUEUES } from './names.js';
export type { QueueName, FeedPollJob, PrepareJob, DossierJob } from './names.js';
export { JobQueue, DEFAULT_POLICIES, QUEUE_SCHEMA } from './queue.js';
export type { JobQueueOptions, QueuePolicy } from './queue.js';
export { Worker } from './worker.js';
export type { WorkerOptions } from './worker.js';
export { Assigner, ASSIGNER_LOCK_KEY, INTAKE_KEEP_DAYS } from './assigner.js';
export type { AssignerOptions } from './assigner.js';
export { enqueueIntake, runProgress, PREPARE_CHUNK } from './intake.js';
export type { IntakeItem, RunProgress } from './intake.js';
export { ingestThroughQueue } from './client.js';
export type { QueuedIngestOptions } from './client.js';
export { scheduleFeedPolls, feedRunId } from './feeds.js';
export { scheduleWatch } from './watch.js';
export type { ScheduleWatchOptions } from './watch.js';
export { requestDossier, QueuedDossierBuilds, DEFAULT_REMOTE_BUILD_TIMEOUT_MS } from './dossiers.js';
export { queueStatus, queueSummary } from './status.js';
export type { QueueStatus, QueueDepth, FailedJob, QueueSummary } from './status.js';
export { listWorkers, liveWorkerCount, HEARTBEAT_SECONDS, WORKER_STALE_SECONDS } from './registry.js';
export type { WorkerRow } from './registry.js';
