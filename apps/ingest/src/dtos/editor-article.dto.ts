import { Type, type Static } from 'typebox';
import { validatorFor } from '#contracts';

const TagTypeDto = Type.Union([Type.Literal('subject'), Type.Literal('person'), Type.Literal('organisation'), Type.Literal('place'), Type.Literal('keyword')]);

/** One tag as an editor names it: a subject by its code ("medtop:04000000"), an entity by name (and id when known), a keyword by itself. */
export const EditorTagDto = Type.Object(
  {
    type: TagTypeDto,
    name: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }),
    id: Type.Optional(Type.String({ minLength: 1, maxLength: 300, pattern: '^\\S+$' })),
  },
  { additionalProperties: false },
);
export type EditorTagDto = Static<typeof EditorTagDto>;

/** The editor's tags of this version: `add` become editor tags, `remove` are locked out of enrichment. */
export const EditorTagsDto = Type.Object(
  {
    add: Type.Optional(Type.Array(EditorTagDto, { maxItems: 500 })),
    remove: Type.Optional(Type.Array(EditorTagDto, { maxItems: 500 })),
  },
  { additionalProperties: false },
);
export type EditorTagsDto = Static<typeof EditorTagsDto>;

/** What an editor sends to POST /v1/articles. The body may be plain text (paragraphs on lines) or HTML. */
export const EditorArticleDto = Type.Object(
  {
    headline: Type.String({ minLength: 1, maxLength: 1000, pattern: '\\S' }),
    body: Type.String({ minLength: 1, maxLength: 1_000_000, pattern: '\\S' }),
    standfirst: Type.Optional(Type.String({ maxLength: 5000 })),
    section: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    byline: Type.Optional(Type.String({ maxLength: 500 })),
    language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' })),
    /** Who the copy comes from; "editor" unless told. */
    source: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '^[^\\s]+$' })),
    /** The source's own id: the same source + externalId is always the same article. */
    externalId: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    /** Held back until then: stored, but invisible and unannounced until publishing releases it. */
    embargo: Type.Optional(Type.String({ format: 'date-time', description: 'ISO 8601 time before which the story must not appear' })),
    /** Editor tags travel with the version they belong to: an update sends them again, as it sends the copy. */
    tags: Type.Optional(EditorTagsDto),
  },
  { additionalProperties: false },
);
export type EditorArticleDto = Static<typeof EditorArticleDto>;

export const editorArticles = validatorFor('article', EditorArticleDto);
