import { Type, type Static } from 'typebox';
import { CanonicalArticle } from '../article/canonical-article.schema.js';

/** Published, updated and corrected events carry the whole current article. */
export const ArticlePublishedV1 = Type.Object({
  article: CanonicalArticle,
  revision: Type.Integer({ minimum: 1 }),
  publishedAt: Type.String({ format: 'date-time' }),
  correction: Type.Optional(Type.String()),
});
export type ArticlePublishedV1 = Static<typeof ArticlePublishedV1>;

/** A kill carries no copy: consumers must take the story down. */
export const ArticleKilledV1 = Type.Object({
  articleId: Type.String({ format: 'uuid' }),
  language: Type.Optional(Type.String()),
  section: Type.Optional(Type.String()),
  reason: Type.String({ minLength: 1 }),
  revision: Type.Integer({ minimum: 1 }),
  killedAt: Type.String({ format: 'date-time' }),
});
export type ArticleKilledV1 = Static<typeof ArticleKilledV1>;
