import { Injectable } from '@nestjs/common';
import { PermanentError } from '#messaging';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { CanonicalArticle } from '#contracts';
import { subjectToken } from '#contracts';
import type { ArticleState } from '../database/entities/article.entity.js';
import type { TagKind } from '../database/entities/article-tag.entity.js';
import type { OutboxWrite } from './outbox.repository.js';

/** One filter row of an article. */
export interface TagRow {
  kind: TagKind;
  code: string;
  nameKey: string | null;
}

/** What the store holds of an article when an event for it arrives. */
export interface CurrentState {
  id: string;
  revision: number;
  status: ArticleState;
  /** Null while consumers have not been told (under embargo). */
  publishedAt: Date | null;
  document: CanonicalArticle;
}

export interface ArticleWrite {
  document: CanonicalArticle;
  revision: number;
  status: ArticleState;
  correlationId: string;
  killReason?: string;
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

/** What the store holds for a batch of events before they are applied. */
export interface BatchState {
  /** Events recorded as applied by this transaction: the others already were (redeliveries). */
  fresh: Set<string>;
  /** The current row of each article that has one, locked until the commit. */
  current: Map<string, CurrentState>;
}

export interface DueEmbargo {
  id: string;
  revision: number;
  document: CanonicalArticle;
  correlationId: string | null;
}

/** tsvector input is capped at 1 MB; the head of a very long body ranks the same. */
const MAX_INDEXED_BODY = 200_000;

/** Keywords and entity names, searched below the headline and standfirst and above the body. */
function searchTerms(doc: CanonicalArticle): string {
  const entities = [...doc.people, ...doc.organisations, ...doc.places].flatMap((e) => (e.localName ? [e.name, e.localName] : [e.name]));
  return [...doc.keywords.map((k) => k.value), ...entities].join(' ');
}

/**
 * The write side of the publication store. Plain SQL on the hot path: one
 * transaction per batch of events, no entity objects built and thrown away.
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
  if (typeof code === 'string' && code.startsWith('22'))
    throw new PermanentError(`the database refused the article: ${(error as Error).message}`, { cause: error });
  throw error;
}

/**
 * Runs a hot-path statement as a named prepared statement on the transaction's
 * connection: Postgres parses it once per connection and, after a few runs, can
 * keep a generic plan (planning the write took about a quarter of what running
 * it costs for a single story).
 */
async function runPrepared<T>(manager: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  const client = (await manager.queryRunner!.connect()) as PoolClient;
  return (await client.query({ name, text, values })).rows as T[];
}

/** Outbox rows as the column arrays the inserts unnest. */
function outboxColumns(rows: OutboxWrite[]): Array<Array<string | null>> {
  return [
    rows.map((m) => m.subject),
    rows.map((m) => m.msgId),
    rows.map((m) => m.payload),
    rows.map((m) => m.correlationId),
    rows.map((m) => m.traceparent ?? null),
    rows.map((m) => m.copySubject ?? null),
    rows.map((m) => m.copyMsgId ?? null),
  ];
}

export class PublicationTransaction {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Records the events as applied and locks their articles' current rows, in
   * one round trip. Rows are locked in id order, so two instances applying
   * overlapping batches wait for each other instead of deadlocking.
   */
  async markAndLock(events: Array<{ eventId: string; articleId: string }>): Promise<BatchState> {
    const rows = await runPrepared<Partial<CurrentState> & { fresh: string[] }>(
      this.manager,
      'depeche_mark_and_lock',
      `WITH marked AS (INSERT INTO processed_events (event_id) SELECT unnest($1::uuid[]) ON CONFLICT DO NOTHING RETURNING event_id),
            locked AS (SELECT id, revision, status, published_at, document FROM articles WHERE id = ANY($2::uuid[]) ORDER BY id FOR UPDATE)
       SELECT (SELECT coalesce(array_agg(event_id::text), '{}') FROM marked) AS fresh,
              l.id, l.revision, l.status, l.published_at AS "publishedAt", l.document
       FROM (SELECT 1) AS one LEFT JOIN locked AS l ON true`,
      [events.map((e) => e.eventId), events.map((e) => e.articleId)],
    );
    const current = new Map<string, CurrentState>();
    for (const { fresh: _, ...row } of rows) if (row.id) current.set(row.id, row as CurrentState);
    return { fresh: new Set(rows[0]?.fresh ?? []), current };
  }

  /**
   * Writes revisions, at most one per article, in one statement: the current
   * rows (published_at set once, the first time a story becomes visible), their
   * filter tags (a killed article keeps none, so no filter finds it), the
   * immutable revisions and the outbox rows. Each document travels once and is
   * stored twice (current row and revision).
   */
  async writeRevisions(writes: RevisionWrite[]): Promise<void> {
    if (!writes.length) return;
    const docs = writes.map((w) => w.article.document);
    const tags = writes.flatMap((w) => w.tags.map((t) => ({ articleId: w.article.document.id, ...t })));
    const outbox = writes.flatMap((w) => w.outbox);
    await runPrepared(
      this.manager,
      'depeche_write_revisions',
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[],
                              $11::timestamptz[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::uuid[],
                              $31::text[])
           AS i(id, source, external_id, revision, status, language, section, section_key, headline, document,
                embargo_until, correlation_id, kill_reason, standfirst, body, action, note, tagger, event_id, terms)),
       article AS (
         INSERT INTO articles (id, source, external_id, revision, status, language, section, section_key, headline, document,
                               published_at, updated_at, embargo_until, correlation_id, kill_reason, killed_at, search_config, search)
         SELECT id, source, external_id, revision, status, language, section, section_key, headline, document,
                CASE WHEN status = 'published' THEN date_trunc('milliseconds', clock_timestamp()) END, now(), embargo_until, correlation_id, kill_reason,
                CASE WHEN status = 'killed' THEN now() END, depeche_search_config(language),
                depeche_search_vector(depeche_search_config(language)::regconfig, headline, standfirst, section, terms, body)
         FROM input
         ON CONFLICT (id) DO UPDATE SET
           revision = EXCLUDED.revision, status = EXCLUDED.status, language = EXCLUDED.language, section = EXCLUDED.section,
           section_key = EXCLUDED.section_key, headline = EXCLUDED.headline, document = EXCLUDED.document,
           published_at = COALESCE(articles.published_at, EXCLUDED.published_at), updated_at = now(),
           embargo_until = EXCLUDED.embargo_until, correlation_id = EXCLUDED.correlation_id,
           kill_reason = EXCLUDED.kill_reason, killed_at = EXCLUDED.killed_at,
           search_config = EXCLUDED.search_config, search = EXCLUDED.search
         RETURNING id, published_at),
       new_tags AS (
         SELECT * FROM unnest($20::uuid[], $21::text[], $22::text[], $23::text[]) AS t(article_id, kind, code, name_key)),
       stale_tags AS (
         DELETE FROM article_tags t WHERE t.article_id = ANY($1::uuid[])
           AND NOT EXISTS (SELECT 1 FROM new_tags n WHERE n.article_id = t.article_id AND n.kind = t.kind AND n.code = t.code)),
       tags AS (
         INSERT INTO article_tags (article_id, kind, code, name_key, published_at)
         SELECT n.article_id, n.kind, n.code, n.name_key, article.published_at FROM new_tags n JOIN article ON article.id = n.article_id
         ON CONFLICT (article_id, kind, code) DO UPDATE SET name_key = EXCLUDED.name_key, published_at = EXCLUDED.published_at),
       revision AS (
         INSERT INTO article_revisions (article_id, revision, action, event_id, document, note, correlation_id, tagger)
         SELECT id, revision, action, event_id, document, note, correlation_id, tagger FROM input),
       outbox AS (
         INSERT INTO outbox (subject, msg_id, payload, correlation_id, traceparent, copy_subject, copy_msg_id)
         SELECT * FROM unnest($24::text[], $25::text[], $26::text[], $27::text[], $28::text[], $29::text[], $30::text[])
         ON CONFLICT (msg_id) DO NOTHING)
       SELECT 1`,
      [
        docs.map((d) => d.id),
        docs.map((d) => d.source),
        docs.map((d) => d.externalId ?? null),
        writes.map((w) => w.article.revision),
        writes.map((w) => w.article.status),
        docs.map((d) => d.language ?? null),
        docs.map((d) => d.section ?? null),
        docs.map((d) => subjectToken(d.section, 'general')),
        docs.map((d) => d.headline),
        docs.map((d) => JSON.stringify(d)),
        writes.map((w) => (w.article.status === 'embargoed' ? w.article.document.embargo : null)),
        writes.map((w) => w.article.correlationId),
        writes.map((w) => w.article.killReason ?? null),
        docs.map((d) => [d.subheadline, d.standfirst].filter(Boolean).join('\n')),
        docs.map((d) => d.bodyText.slice(0, MAX_INDEXED_BODY)),
        writes.map((w) => w.action),
        writes.map((w) => w.note ?? null),
        docs.map((d) => d.facts?.tagger ?? null),
        writes.map((w) => w.eventId),
        tags.map((t) => t.articleId),
        tags.map((t) => t.kind),
        tags.map((t) => t.code),
        tags.map((t) => t.nameKey),
        ...outboxColumns(outbox),
        docs.map(searchTerms),
      ],
    );
  }

  async enqueue(messages: OutboxWrite[]): Promise<void> {
    if (!messages.length) return;
    await this.manager.query(
      `INSERT INTO outbox (subject, msg_id, payload, correlation_id, traceparent, copy_subject, copy_msg_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) ON CONFLICT (msg_id) DO NOTHING`,
      outboxColumns(messages),
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
