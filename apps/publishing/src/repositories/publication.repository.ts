import { Injectable } from '@nestjs/common';
import { PermanentError } from '#messaging';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CanonicalArticle } from '#contracts';
import { subjectToken } from '#contracts';
import type { ArticleState } from '../database/entities/article.entity.js';
import type { TagRow } from '../services/automatic-tags.js';
import type { CurrentState } from '../services/revision-planner.js';

export interface ArticleWrite {
  document: CanonicalArticle;
  revision: number;
  status: ArticleState;
  correlationId: string;
  killReason?: string;
}

export interface RevisionWrite {
  articleId: string;
  revision: number;
  action: string;
  eventId: string;
  document: CanonicalArticle;
  note?: string;
  correlationId: string;
}

export interface OutboxWrite {
  subject: string;
  msgId: string;
  payload: string;
  correlationId: string;
}

export interface DueEmbargo {
  id: string;
  revision: number;
  document: CanonicalArticle;
  correlationId: string | null;
}

/** tsvector input is capped at 1 MB; the head of a very long body ranks the same. */
const MAX_INDEXED_BODY = 200_000;

/**
 * The write side of the publication store. Plain SQL on the hot path: one
 * transaction per event, no entity objects built and thrown away.
 */
@Injectable()
export class PublicationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: PublicationTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new PublicationTransaction(manager))).catch(rethrowDataErrors);
  }
}

/**
 * Postgres refusing the data itself (SQLSTATE class 22: bad encoding, value
 * out of range, …) fails the same way on every retry: dead-letter it at once.
 * Anything else (connection lost, deadlock, server down) stays transient.
 */
function rethrowDataErrors(error: unknown): never {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('22')) throw new PermanentError(`the database refused the article: ${(error as Error).message}`, { cause: error });
  throw error;
}

export class PublicationTransaction {
  constructor(private readonly manager: EntityManager) {}

  /** Records the event as applied; false when it already was (a redelivery). */
  async markProcessed(eventId: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `INSERT INTO processed_events (event_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING event_id`,
      [eventId],
    );
    return rows.length === 1;
  }

  /** The stored state of an article, without locking it. */
  async stateOf(id: string): Promise<ArticleState | undefined> {
    const rows: Array<{ status: ArticleState }> = await this.manager.query(`SELECT status FROM articles WHERE id = $1`, [id]);
    return rows[0]?.status;
  }

  async lockCurrent(id: string): Promise<CurrentState | undefined> {
    const rows: CurrentState[] = await this.manager.query(
      `SELECT id, revision, status, published_at AS "publishedAt", document FROM articles WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0];
  }

  /** Upserts the current row; published_at is set once, the first time the story becomes visible. */
  async saveArticle(a: ArticleWrite): Promise<void> {
    const d = a.document;
    await this.manager.query(
      `INSERT INTO articles (id, source, external_id, revision, status, language, section, section_key, headline, document,
                             published_at, updated_at, embargo_until, correlation_id, kill_reason, killed_at, search_config, search)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
               CASE WHEN $5 = 'published' THEN date_trunc('milliseconds', clock_timestamp()) END, now(), $11, $12, $13,
               CASE WHEN $5 = 'killed' THEN now() END, depeche_search_config($6),
               setweight(to_tsvector(depeche_search_config($6)::regconfig, $9), 'A')
                 || setweight(to_tsvector(depeche_search_config($6)::regconfig, $14), 'B')
                 || to_tsvector(depeche_search_config($6)::regconfig, $15))
       ON CONFLICT (id) DO UPDATE SET
         revision = EXCLUDED.revision, status = EXCLUDED.status, language = EXCLUDED.language, section = EXCLUDED.section,
         section_key = EXCLUDED.section_key, headline = EXCLUDED.headline, document = EXCLUDED.document,
         published_at = COALESCE(articles.published_at, EXCLUDED.published_at), updated_at = now(),
         embargo_until = EXCLUDED.embargo_until, correlation_id = EXCLUDED.correlation_id,
         kill_reason = EXCLUDED.kill_reason, killed_at = EXCLUDED.killed_at,
         search_config = EXCLUDED.search_config, search = EXCLUDED.search`,
      [
        d.id, d.source, d.externalId ?? null, a.revision, a.status, d.language ?? null, d.section ?? null, subjectToken(d.section, 'general'),
        d.headline, JSON.stringify(d), a.status === 'embargoed' ? d.embargo : null, a.correlationId, a.killReason ?? null,
        [d.subheadline, d.standfirst].filter(Boolean).join('\n'), d.bodyText.slice(0, MAX_INDEXED_BODY),
      ],
    );
  }

  /** Replaces the article's filter rows; a killed article keeps none, so no filter finds it. */
  async replaceTags(articleId: string, rows: TagRow[]): Promise<void> {
    await this.manager.query(`DELETE FROM article_tags WHERE article_id = $1`, [articleId]);
    if (!rows.length) return;
    await this.manager.query(
      `INSERT INTO article_tags (article_id, kind, code, name_key, published_at)
       SELECT $1, t.kind, t.code, t.name_key, (SELECT published_at FROM articles WHERE id = $1)
       FROM unnest($2::text[], $3::text[], $4::text[]) AS t(kind, code, name_key)`,
      [articleId, rows.map((r) => r.kind), rows.map((r) => r.code), rows.map((r) => r.nameKey)],
    );
  }

  async addRevision(r: RevisionWrite): Promise<void> {
    await this.manager.query(
      `INSERT INTO article_revisions (article_id, revision, action, event_id, document, note, correlation_id, tagger)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [r.articleId, r.revision, r.action, r.eventId, JSON.stringify(r.document), r.note ?? null, r.correlationId, r.document.facts?.tagger ?? null],
    );
  }

  async enqueue(messages: OutboxWrite[]): Promise<void> {
    if (!messages.length) return;
    const values = messages.map((_, i) => `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4})`).join(', ');
    await this.manager.query(
      `INSERT INTO outbox (subject, msg_id, payload, correlation_id) VALUES ${values} ON CONFLICT (msg_id) DO NOTHING`,
      messages.flatMap((m) => [m.subject, m.msgId, m.payload, m.correlationId]),
    );
  }

  /**
   * Locks the embargoes that are due. SKIP LOCKED: several publishing
   * instances release side by side, each story exactly once.
   */
  async lockDueEmbargoes(limit: number): Promise<DueEmbargo[]> {
    return this.manager.query(
      `SELECT id, revision, document, correlation_id AS "correlationId" FROM articles
       WHERE status = 'embargoed' AND embargo_until <= now()
       ORDER BY embargo_until LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  async markReleased(ids: string[]): Promise<void> {
    await this.manager.query(
      `UPDATE articles SET status = 'published', published_at = date_trunc('milliseconds', clock_timestamp()), updated_at = now()
       WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    await this.manager.query(
      `UPDATE article_tags t SET published_at = a.published_at FROM articles a WHERE a.id = t.article_id AND t.article_id = ANY($1::uuid[])`,
      [ids],
    );
  }
}
