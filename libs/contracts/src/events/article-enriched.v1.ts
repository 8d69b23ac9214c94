import { type Static } from 'typebox';
import { ArticleIngestedV1 } from './article-ingested.v1.js';

/** Same shape as ingested; the article now carries automatic tags and `facts`. */
export const ArticleEnrichedV1 = ArticleIngestedV1;
export type ArticleEnrichedV1 = Static<typeof ArticleEnrichedV1>;
