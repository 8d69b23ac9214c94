import { Injectable } from '@nestjs/common';
import { PermanentError } from '#messaging';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CanonicalArticle } from '#contracts';
import { subjectToken } from '#contracts';
import type { ArticleState } from '../database/entities/article.entity.js';
import type { OutboxWrite } from './outbox.repository.js';
import type { TagRow } from '../services/automatic-tags.js';
import type { CurrentState } from '../services/revision-planner.js';

export interface ArticleWrite {
  document: CanonicalArticle;
  revision: number;
  status: ArticleState;
  correlationId: string;
  killReason?: string;
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

export interface RevisionWrite {
  article: ArticleWrite;
  /** The article's filter rows after this revision. */
  tags: TagRow[];
  action: string;
  eventId: string;
  note?: string;
  /** The events this revision owes consumers, relayed after the commit. */
  outbox: OutboxWrite[];
}

export class PublicationTransaction {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Records the event as applied and locks the article's current row, in one
   * round trip. `fresh` is false when the event already was applied (a redelivery).
   */
  async markAndLock(eventId: string, articleId: string): Promise<{ fresh: boolean; current?: CurrentState }> {
    const rows: Array<Partial<CurrentState> & { fresh: number }> = await this.manager.query(
      `WITH marked AS (INSERT INTO processed_events (event_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING event_id),
            locked AS (SELECT id, revision, status, published_at, document FROM articles WHERE id = $2 FOR UPDATE)
       SELECT (SELECT count(*) FROM marked)::int AS fresh, l.id, l.revision, l.status, l.published_at AS "publishedAt", l.document
       FROM (SELECT 1) AS one LEFT JOIN locked AS l ON true`,
      [eventId, articleId],
    );
    const { fresh, ...current } = rows[0]!;
    return { fresh: fresh === 1, current: current.id ? (current as CurrentState) : undefined };
  }

  /**
   * Writes a revision in one statement: the current row (published_at set once,
   * the first time the story becomes visible), its filter tags (a killed article
   * keeps none, so no filter finds it), the immutable revision and the outbox rows.
   * The document travels once and is stored twice (current row and revision).
   */
  async writeRevision(w: RevisionWrite): Promise<void> {
    const { article: a, tags, outbox } = w;
    const d = a.document;
    await this.manager.query(
      `WITH article AS (
         INSERT INTO articles (id, source, external_id, revision, status, language, section, section_key, headline, document,
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
           search_config = EXCLUDED.search_config, search = EXCLUDED.search
         RETURNING id, published_at),
       stale_tags AS (
         DELETE FROM article_tags WHERE article_id = $1 AND (kind, code) NOT IN (SELECT * FROM unnest($16::text[], $17::text[]))),
       tags AS (
         INSERT INTO article_tags (article_id, kind, code, name_key, published_at)
         SELECT article.id, t.kind, t.code, t.name_key, article.published_at
         FROM article, unnest($16::text[], $17::text[], $18::text[]) AS t(kind, code, name_key)
         ON CONFLICT (article_id, kind, code) DO UPDATE SET name_key = EXCLUDED.name_key, published_at = EXCLUDED.published_at),
       revision AS (
         INSERT INTO article_revisions (article_id, revision, action, event_id, document, note, correlation_id, tagger)
         VALUES ($1, $4, $19, $20, $10, $21, $12, $22)),
       outbox AS (
         INSERT INTO outbox (subject, msg_id, payload, correlation_id)
         SELECT * FROM unnest($23::text[], $24::text[], $25::text[], $26::text[])
         ON CONFLICT (msg_id) DO NOTHING)
       SELECT 1`,
      [
        d.id, d.source, d.externalId ?? null, a.revision, a.status, d.language ?? null, d.section ?? null, subjectToken(d.section, 'general'),
        d.headline, JSON.stringify(d), a.status === 'embargoed' ? d.embargo : null, a.correlationId, a.killReason ?? null,
        [d.subheadline, d.standfirst].filter(Boolean).join('\n'), d.bodyText.slice(0, MAX_INDEXED_BODY),
        tags.map((t) => t.kind), tags.map((t) => t.code), tags.map((t) => t.nameKey),
        w.action, w.eventId, w.note ?? null, d.facts?.tagger ?? null,
        outbox.map((m) => m.subject), outbox.map((m) => m.msgId), outbox.map((m) => m.payload), outbox.map((m) => m.correlationId),
      ],
    );
  }

  async enqueue(messages: OutboxWrite[]): Promise<void> {
    if (!messages.length) return;
    await this.manager.query(
      `INSERT INTO outbox (subject, msg_id, payload, correlation_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) ON CONFLICT (msg_id) DO NOTHING`,
      [messages.map((m) => m.subject), messages.map((m) => m.msgId), messages.map((m) => m.payload), messages.map((m) => m.correlationId)],
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
