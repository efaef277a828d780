export { findQuantities, MAX_WHAT_WORDS } from './find.js';
