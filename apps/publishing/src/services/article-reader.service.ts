import { Injectable } from '@nestjs/common';
import { ProblemException } from '#runtime';
import { encodeCursor, type ArticlePage } from '../dtos/article-page.dto.js';
import type { ParsedArticleQuery } from '../dtos/article-query.dto.js';
import { ArticleReadRepository, type ArticleSummary, type StoredArticle } from '../repositories/article-read.repository.js';
import { articleUri } from '#wire/writers';

/** The read paths' shared rules: what a reader may see, and how pages are cut. */
@Injectable()
export class ArticleReaderService {
  constructor(private readonly articles: ArticleReadRepository) {}

  /** The article if readers may see it: 404 when unknown or still under embargo (it must not leak), 410 once killed. */
  async visible(id: string): Promise<StoredArticle> {
    const stored = await this.articles.findById(id);
    if (!stored || stored.status === 'embargoed') throw ProblemException.of(404, 'not-found', 'Not found', `No article ${id}.`);
    if (stored.status === 'killed') {
      throw ProblemException.of(410, 'killed', 'Gone', `Article ${id} was withdrawn: ${stored.killReason ?? 'killed'}.`, {
        reason: stored.killReason ?? 'killed',
      });
    }
    return stored;
  }

  async page(query: ParsedArticleQuery): Promise<ArticlePage> {
    const rows = await this.articles.list({ filter: query.filter, limit: query.limit + 1, cursor: query.cursor });
    const items = rows.slice(0, query.limit).map(summaryOf);
    const last = rows.length > query.limit ? rows[query.limit - 1] : undefined;
    if (!last) return { items };
    const score = query.filter.q !== undefined ? { score: Number(last.score) } : {};
    return { items, next: encodeCursor({ publishedAt: last.publishedAt.toISOString(), id: last.id, ...score }) };
  }
}

function summaryOf(row: ArticleSummary): Record<string, unknown> {
  return {
    id: row.id,
    uri: articleUri(row.id),
    headline: row.headline,
    ...(row.standfirst ? { standfirst: row.standfirst } : {}),
    ...(row.language ? { language: row.language } : {}),
    ...(row.section ? { section: row.section } : {}),
    revision: row.revision,
    publishedAt: row.publishedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...(row.score !== undefined ? { score: Number(row.score) } : {}),
    url: `/v1/articles/${row.id}`,
  };
}
