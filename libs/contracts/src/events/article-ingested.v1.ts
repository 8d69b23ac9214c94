import { Type, type Static } from 'typebox';
import { CanonicalArticle } from '../article/canonical-article.schema.js';

/** What an editor or a wire asked for. Every action travels the same path, so order per article holds. */
export const ArticleAction = Type.Union([
  Type.Literal('submit'),
  Type.Literal('update'),
  Type.Literal('correct'),
  Type.Literal('kill'),
  /** Run a stored article through the taggers again (after a tagger upgrade); publishing keeps it only if the tags changed. */
  Type.Literal('reenrich'),
]);
export type ArticleAction = Static<typeof ArticleAction>;

export const ArticleIngestedV1 = Type.Object({
  action: ArticleAction,
  article: CanonicalArticle,
  /** The visible correction note, for action "correct". */
  correction: Type.Optional(Type.String({ minLength: 1, maxLength: 5000 })),
  /** Why the story was withdrawn, for action "kill". */
  killReason: Type.Optional(Type.String({ minLength: 1, maxLength: 5000 })),
  receivedAt: Type.String({ format: 'date-time' }),
});
export type ArticleIngestedV1 = Static<typeof ArticleIngestedV1>;
