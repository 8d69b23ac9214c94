import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ArticleState } from '../database/entities/article.entity.js';

export interface StoredArticle {
  id: string;
  revision: number;
  status: ArticleState;
  document: Record<string, unknown>;
  publishedAt: Date;
  updatedAt: Date;
  killReason: string | null;
}

export interface ArticleSummary {
  id: string;
  headline: string;
  language: string | null;
  section: string | null;
  revision: number;
  publishedAt: Date;
}

export interface ListCursor {
  publishedAt: string;
  id: string;
}

@Injectable()
export class ArticleReadRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<StoredArticle | undefined> {
    const rows: StoredArticle[] = await this.dataSource.query(
      `SELECT id, revision, status, document, published_at AS "publishedAt", updated_at AS "updatedAt", kill_reason AS "killReason"
       FROM articles WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  /** Newest first; keyset pagination on (published_at, id), served by the articles_listing index. */
  async list(limit: number, after?: ListCursor): Promise<ArticleSummary[]> {
    const params: unknown[] = [limit];
    let where = `status = 'published'`;
    if (after) {
      params.push(after.publishedAt, after.id);
      where += ` AND (published_at, id) < ($2::timestamptz, $3::uuid)`;
    }
    return this.dataSource.query(
      `SELECT id, headline, language, section, revision, published_at AS "publishedAt"
       FROM articles WHERE ${where} ORDER BY published_at DESC, id DESC LIMIT $1`,
      params,
    );
  }

  async ping(): Promise<boolean> {
    await this.dataSource.query('SELECT 1');
    return true;
  }
}
