// Commands beyond analyze, one module each.
export {};
export { command as ingest } from './ingest.js';
export { command as watch } from './watch.js';
export { command as stories } from './stories.js';
export { command as story } from './story.js';
export { command as serve } from './serve.js';
export { command as migrate } from './migrate.js';
export { command as worker } from './worker.js';
export { command as status } from './status.js';
