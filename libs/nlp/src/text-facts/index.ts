export { countWords, readingTimeMinutes, slugify } from './text-facts.js';
export { foldText, foldWord } from './fold.js';
export { tokenize } from './tokenize.js';
export type { Token } from './tokenize.js';
