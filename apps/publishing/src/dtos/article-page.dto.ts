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
  const parts = [cursor.publishedAt, cursor.id, ...(cursor.score !== undefined ? [String(cursor.score)] : [])];
  return Buffer.from(parts.join('|')).toString('base64url');
}

export function decodeCursor(value: string): ListCursor | undefined {
  const [publishedAt, id, score, ...rest] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  if (!publishedAt || !id || rest.length || Number.isNaN(Date.parse(publishedAt)) || !/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  if (score === undefined) return { publishedAt, id };
  return Number.isFinite(Number(score)) && score.trim() !== '' ? { publishedAt, id, score: Number(score) } : undefined;
}
