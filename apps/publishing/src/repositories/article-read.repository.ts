import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { CanonicalArticle } from '#contracts';
import type { ArticleState } from '../database/entities/article.entity.js';

export interface StoredArticle {
  id: string;
  revision: number;
  status: ArticleState;
  document: CanonicalArticle;
  publishedAt: Date | null;
  updatedAt: Date;
  killReason: string | null;
}

export interface ArticleSummary {
  id: string;
  headline: string;
  standfirst: string | null;
  language: string | null;
  section: string | null;
  revision: number;
  publishedAt: Date;
  updatedAt: Date;
  /** Search rank, with `q` only. */
  score?: number;
  document?: CanonicalArticle;
}

export interface StoredRevision {
  revision: number;
  action: string;
  eventId: string;
  note: string | null;
  correlationId: string | null;
  tagger: string | null;
  createdAt: Date;
  document: CanonicalArticle;
}

/** Keyset position: after this story in date order, or, for ranked search results, after this score too. */
export type ListCursor = { publishedAt: string; id: string; score?: number };

export interface ArticleFilter {
  sectionKey?: string;
  language?: string;
  topic?: string;
  entity?: { code: string; nameKey: string };
  since?: string;
  until?: string;
  q?: string;
}

export interface ListRequest {
  filter: ArticleFilter;
  limit: number;
  cursor?: ListCursor;
  withDocument?: boolean;
}

/** Full-text match in each article's own language; each arm can use the articles_search GIN index. */
const SEARCH_MATCH = `((a.search_config = 'depeche_fr' AND a.search @@ websearch_to_tsquery('depeche_fr', $Q))
  OR (a.search_config = 'depeche_en' AND a.search @@ websearch_to_tsquery('depeche_en', $Q))
  OR (a.search_config = 'depeche_simple' AND a.search @@ websearch_to_tsquery('depeche_simple', $Q)))`;
const SEARCH_RANK = `ts_rank_cd(a.search, websearch_to_tsquery(a.search_config::regconfig, $Q))`;

/** Builds the WHERE clause and its parameters from the filters; every value is a bind parameter. */
class Conditions {
  readonly params: unknown[] = [];
  readonly clauses: string[] = [`a.status = 'published'`];
  /** The placeholder of the search text, when there is one. */
  query?: string;

  bind(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  add(clause: string): void {
    this.clauses.push(clause);
  }

  static of(filter: ArticleFilter): Conditions {
    const c = new Conditions();
    if (filter.sectionKey) c.add(`a.section_key = ${c.bind(filter.sectionKey)}`);
    if (filter.language) c.add(`a.language = ${c.bind(filter.language)}`);
    if (filter.since) c.add(`a.published_at >= ${c.bind(filter.since)}::timestamptz`);
    if (filter.until) c.add(`a.published_at < ${c.bind(filter.until)}::timestamptz`);
    if (filter.topic) {
      c.add(`a.id IN (SELECT t.article_id FROM article_tags t WHERE t.kind = 'subject' AND t.code = ${c.bind(filter.topic)})`);
    }
    if (filter.entity) {
      const code = c.bind(filter.entity.code);
      const name = c.bind(filter.entity.nameKey);
      c.add(`a.id IN (SELECT t.article_id FROM article_tags t
        WHERE t.kind IN ('person', 'organisation', 'place') AND (t.code = ${code} OR t.name_key = ${name}))`);
    }
    if (filter.q !== undefined) {
      c.query = c.bind(filter.q);
      c.add(SEARCH_MATCH.replaceAll('$Q', () => c.query!));
    }
    return c;
  }
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

  async revisions(id: string): Promise<StoredRevision[]> {
    return this.dataSource.query(
      `SELECT revision, action, event_id AS "eventId", note, correlation_id AS "correlationId", tagger, created_at AS "createdAt", document
       FROM article_revisions WHERE article_id = $1 ORDER BY revision`,
      [id],
    );
  }

  /** Newest first with keyset pagination on (published_at, id); when searching, ranked by relevance with the score first in the keyset. */
  async list(request: ListRequest): Promise<ArticleSummary[]> {
    const { sql, params } = this.listQuery(request);
    return this.dataSource.query(sql, params);
  }

  /** The SQL of a listing, exposed so tests can EXPLAIN exactly what the API runs. */
  listQuery({ filter, limit, cursor, withDocument }: ListRequest): { sql: string; params: unknown[] } {
    const c = Conditions.of(filter);
    const rank = c.query ? SEARCH_RANK.replaceAll('$Q', () => c.query!) : undefined;
    if (cursor) {
      const after = `${c.bind(cursor.publishedAt)}::timestamptz, ${c.bind(cursor.id)}::uuid`;
      // ts_rank_cd is a real: the score the previous page printed reads back as the same value.
      if (rank && cursor.score !== undefined) c.add(`(${rank}, a.published_at, a.id) < (${c.bind(cursor.score)}::real, ${after})`);
      else c.add(`(a.published_at, a.id) < (${after})`);
    }
    const columns = [
      `a.id, a.headline, a.document->>'standfirst' AS standfirst, a.language, a.section, a.revision`,
      `a.published_at AS "publishedAt", a.updated_at AS "updatedAt"`,
      ...(rank ? [`${rank} AS score`] : []),
      ...(withDocument ? ['a.document'] : []),
    ];
    const order = rank ? `score DESC, a.published_at DESC, a.id DESC` : `a.published_at DESC, a.id DESC`;
    const sql = `SELECT ${columns.join(', ')} FROM articles a WHERE ${c.clauses.join(' AND ')} ORDER BY ${order} LIMIT ${c.bind(limit)}`;
    return { sql, params: c.params };
  }

  async ping(): Promise<boolean> {
    await this.dataSource.query('SELECT 1');
    return true;
  }
}
