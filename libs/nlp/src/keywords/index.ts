export { extractKeywords } from './keyword-extractor.js';
export type { Keyword, KeywordOptions } from './keyword-extractor.js';
export { stopwordsFor } from './stopwords.js';
