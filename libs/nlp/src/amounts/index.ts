export { extractAmounts } from './amount-extractor.js';
export type { Amount } from './amount-extractor.js';
export { parseNumber } from './numbers.js';
