import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ArticleState } from '../database/entities/article.entity.js';

export interface CurrentArticle {
  id: string;
  revision: number;
  status: ArticleState;
}

export interface ArticleWrite {
  id: string;
  source: string;
  externalId: string | null;
  revision: number;
  status: ArticleState;
  language: string | null;
  section: string | null;
  headline: string;
  document: unknown;
  killReason?: string;
}

export interface RevisionWrite {
  articleId: string;
  revision: number;
  action: string;
  eventId: string;
  document: unknown;
  note?: string;
}

export interface OutboxWrite {
  subject: string;
  msgId: string;
  payload: string;
  correlationId: string;
}

/**
 * The write side of the publication store. Plain SQL on the hot path: one
 * transaction per event, no entity objects built and thrown away.
 */
@Injectable()
export class PublicationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: PublicationTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new PublicationTransaction(manager)));
  }
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

  async lockCurrent(id: string): Promise<CurrentArticle | undefined> {
    const rows: CurrentArticle[] = await this.manager.query(`SELECT id, revision, status FROM articles WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0];
  }

  async saveArticle(a: ArticleWrite): Promise<void> {
    await this.manager.query(
      `INSERT INTO articles (id, source, external_id, revision, status, language, section, headline, document, published_at, updated_at, kill_reason, killed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, date_trunc('milliseconds', clock_timestamp()), now(), $10, CASE WHEN $5 = 'killed' THEN now() END)
       ON CONFLICT (id) DO UPDATE SET
         revision = EXCLUDED.revision, status = EXCLUDED.status, language = EXCLUDED.language, section = EXCLUDED.section,
         headline = EXCLUDED.headline, document = EXCLUDED.document, updated_at = now(),
         kill_reason = EXCLUDED.kill_reason, killed_at = EXCLUDED.killed_at`,
      [a.id, a.source, a.externalId, a.revision, a.status, a.language, a.section, a.headline, JSON.stringify(a.document), a.killReason ?? null],
    );
  }

  async addRevision(r: RevisionWrite): Promise<void> {
    await this.manager.query(
      `INSERT INTO article_revisions (article_id, revision, action, event_id, document, note) VALUES ($1, $2, $3, $4, $5, $6)`,
      [r.articleId, r.revision, r.action, r.eventId, JSON.stringify(r.document), r.note ?? null],
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
}
