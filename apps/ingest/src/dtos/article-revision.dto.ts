import { Type, type Static } from 'typebox';
import { validatorFor } from '#contracts';
import { EditorArticleDto } from './editor-article.dto.js';

/**
 * PUT /v1/articles/:id: the whole new version (a replacement, not a patch), as
 * for POST. Source and external id belong to the story: they may be sent, and
 * must then be the ones the article was received with.
 */
export const ArticleUpdateDto = Type.Object({ ...EditorArticleDto.properties }, { additionalProperties: false });
export type ArticleUpdateDto = Static<typeof ArticleUpdateDto>;
export const articleUpdates = validatorFor('article', ArticleUpdateDto);

/** POST /v1/articles/:id/corrections: the corrected version, and the note readers will see. */
export const ArticleCorrectionDto = Type.Object(
  {
    ...Type.Omit(EditorArticleDto, ['source', 'externalId']).properties,
    note: Type.String({ minLength: 1, maxLength: 5000, pattern: '\\S', description: 'The visible correction note ("An earlier version misspelt …")' }),
  },
  { additionalProperties: false },
);
export type ArticleCorrectionDto = Static<typeof ArticleCorrectionDto>;
export const articleCorrections = validatorFor('correction', ArticleCorrectionDto);

/** POST /v1/articles/:id/kill. */
export const ArticleKillDto = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 5000, pattern: '\\S', description: 'Why the story is withdrawn; sent to every consumer' }) },
  { additionalProperties: false },
);
export type ArticleKillDto = Static<typeof ArticleKillDto>;
export const articleKills = validatorFor('kill', ArticleKillDto);
