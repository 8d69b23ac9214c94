import { Type } from 'typebox';
import type { ListCursor } from '../repositories/article-read.repository.js';

/** One line of a listing: enough to show it, `url` to fetch the ninjs document. */
export const ArticleSummaryDto = Type.Object({
  id: Type.String({ format: 'uuid' }),
  uri: Type.String(),
  headline: Type.String(),
  standfirst: Type.Optional(Type.String()),
  language: Type.Optional(Type.String()),
  section: Type.Optional(Type.String()),
  revision: Type.Integer(),
  publishedAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  score: Type.Optional(Type.Number({ description: 'Search rank (with q).' })),
  url: Type.String(),
});

export const ArticlePageDto = Type.Object({
  items: Type.Array(ArticleSummaryDto),
  next: Type.Optional(Type.String({ description: 'Pass as ?cursor= to get the next page; absent on the last page.' })),
});

export interface ArticlePage {
  items: Array<Record<string, unknown>>;
  next?: string;
}

export function encodeCursor(cursor: ListCursor): string {
  const text = 'offset' in cursor ? `o|${cursor.offset}` : `${cursor.publishedAt}|${cursor.id}`;
  return Buffer.from(text).toString('base64url');
}

export function decodeCursor(value: string): ListCursor | undefined {
  const [first, second] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  if (first === 'o' && second && /^\d{1,6}$/.test(second)) return { offset: Number(second) };
  if (!first || !second || Number.isNaN(Date.parse(first)) || !/^[0-9a-f-]{36}$/i.test(second)) return undefined;
  return { publishedAt: first, id: second };
}
