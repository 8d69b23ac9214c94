export { extractDates } from './date-extractor.js';
export type { DateFound } from './date-extractor.js';
