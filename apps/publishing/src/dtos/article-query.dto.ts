import { Type, type Static } from 'typebox';
import { subjectToken, validatorFor } from '#contracts';
import { assertDatesInRange, invalidRequest, PRINTABLE } from '#runtime';
import { nameKey } from '../services/automatic-tags.js';
import type { ArticleFilter, ListCursor } from '../repositories/article-read.repository.js';
import { decodeCursor } from './article-page.dto.js';

export const MAX_PAGE = 100;

/** Query parameters of GET /v1/articles, as they arrive (strings). */
export const ArticleQueryDto = Type.Object(
  {
    section: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: PRINTABLE, description: 'Section name or slug ("Économie" or "economie").' })),
    language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$', description: 'ISO 639-1 code, e.g. "fr".' })),
    topic: Type.Optional(
      Type.String({
        pattern: '^(medtop:)?\\d{8}$|^[a-z]+:[^\\s\\u0000-\\u001f\\u007f]+$',
        description: 'IPTC Media Topic code: "medtop:04000000" or "04000000".',
      }),
    ),
    entity: Type.Optional(
      Type.String({ minLength: 1, maxLength: 500, pattern: PRINTABLE, description: 'Entity identifier ("Q380") or name ("Meta", accents and case ignored).' }),
    ),
    since: Type.Optional(Type.String({ format: 'date-time', description: 'Published at or after (ISO 8601).' })),
    until: Type.Optional(Type.String({ format: 'date-time', description: 'Published before (ISO 8601).' })),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 500,
        pattern: PRINTABLE,
        description: "Full-text search in each article's language, accent-insensitive; results ranked.",
      }),
    ),
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$', description: `Page size, 1 to ${MAX_PAGE} (default 20).` })),
    cursor: Type.Optional(Type.String({ maxLength: 500, description: 'The `next` value of the previous page.' })),
  },
  { additionalProperties: false },
);
export type ArticleQueryDto = Static<typeof ArticleQueryDto>;
const queries = validatorFor('query', ArticleQueryDto);

export interface ParsedArticleQuery {
  filter: ArticleFilter;
  limit: number;
  cursor?: ListCursor;
}

/** Validates the query string (400 problem+json naming each bad parameter) and turns it into a filter. */
export function parseArticleQuery(raw: unknown): ParsedArticleQuery {
  const issues = queries.issues(raw ?? {});
  if (issues.length) throw invalidRequest(issues, 'The query has invalid parameters.');
  const query = queries.parse(raw ?? {});
  assertDatesInRange(query, ['since', 'until']);
  const limit = query.limit === undefined ? 20 : Number(query.limit);
  if (limit < 1 || limit > MAX_PAGE) throw invalidRequest([{ field: 'limit', reason: `must be an integer from 1 to ${MAX_PAGE}` }]);
  const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (query.cursor !== undefined && !cursor) throw invalidRequest([{ field: 'cursor', reason: 'is not a cursor this API gave out' }]);
  const filter = filterOf(query);
  if (cursor && (cursor.score !== undefined) !== (filter.q !== undefined)) {
    throw invalidRequest([{ field: 'cursor', reason: filter.q === undefined ? 'belongs to a search (q)' : 'belongs to a listing without q' }]);
  }
  return { filter, limit, ...(cursor ? { cursor } : {}) };
}

function filterOf(query: ArticleQueryDto): ArticleFilter {
  return {
    ...(query.section ? { sectionKey: subjectToken(query.section, 'general') } : {}),
    ...(query.language ? { language: query.language } : {}),
    ...(query.topic ? { topic: /^\d{8}$/.test(query.topic) ? `medtop:${query.topic}` : query.topic } : {}),
    ...(query.entity ? { entity: { code: query.entity, nameKey: nameKey(query.entity) } } : {}),
    ...(query.since ? { since: query.since } : {}),
    ...(query.until ? { until: query.until } : {}),
    ...(query.q ? { q: query.q } : {}),
  };
}
