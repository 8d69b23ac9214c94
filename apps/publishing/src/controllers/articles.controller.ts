import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ProblemException, invalidRequest } from '#runtime';
import { decodeCursor, encodeCursor, type ArticlePage } from '../dtos/article-page.dto.js';
import { ArticleReadRepository } from '../repositories/article-read.repository.js';

const MAX_PAGE = 100;

@Controller('v1/articles')
export class ArticlesController {
  constructor(private readonly articles: ArticleReadRepository) {}

  @Get()
  async list(@Query('limit') limitParam?: string, @Query('cursor') cursorParam?: string): Promise<ArticlePage> {
    const limit = limitParam === undefined ? 20 : Number(limitParam);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw invalidRequest([{ field: 'limit', reason: `must be an integer from 1 to ${MAX_PAGE}` }]);
    const cursor = cursorParam === undefined ? undefined : decodeCursor(cursorParam);
    if (cursorParam !== undefined && !cursor) throw invalidRequest([{ field: 'cursor', reason: 'is not a cursor this API gave out' }]);
    const rows = await this.articles.list(limit + 1, cursor);
    const items = rows.slice(0, limit).map((row) => ({ ...row, publishedAt: row.publishedAt.toISOString(), url: `/v1/articles/${row.id}` }));
    const last = items.at(-1);
    return rows.length > limit && last ? { items, next: encodeCursor({ publishedAt: last.publishedAt, id: last.id }) } : { items };
  }

  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe()) id: string) {
    const stored = await this.articles.findById(id);
    if (!stored) throw ProblemException.of(404, 'not-found', 'Not found', `No article ${id}.`);
    if (stored.status === 'killed') throw ProblemException.of(410, 'killed', 'Gone', `Article ${id} was withdrawn: ${stored.killReason ?? 'killed'}.`);
    return { ...stored.document, revision: stored.revision, publishedAt: stored.publishedAt.toISOString(), updatedAt: stored.updatedAt.toISOString() };
  }
}
