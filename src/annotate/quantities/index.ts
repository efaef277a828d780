export { findQuantities, MAX_WHAT_WORDS } from './find.js';
export { KIND_CLASSES, PERSON_KINDS, FIELDED_KINDS, kindsCompatible, kindOfWords } from './kinds.js';
export type { KindClass } from './kinds.js';
export { EVENT_TRIGGERS } from './events.js';
export type { EventTrigger } from './events.js';
