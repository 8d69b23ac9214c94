import type { ArticleSummary, ListCursor } from '../repositories/article-read.repository.js';

export interface ArticlePage {
  items: Array<Omit<ArticleSummary, 'publishedAt'> & { publishedAt: string; url: string }>;
  /** Pass as ?cursor= to get the next page; absent on the last page. */
  next?: string;
}

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(`${cursor.publishedAt}|${cursor.id}`).toString('base64url');
}

export function decodeCursor(value: string): ListCursor | undefined {
  const [publishedAt, id] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  if (!publishedAt || !id || Number.isNaN(Date.parse(publishedAt)) || !/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return { publishedAt, id };
}
