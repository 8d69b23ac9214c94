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

/** An outbox row as the JSON record insertOutboxFrom reads. */
function outboxRecord(m: OutboxWrite) {
  return {
    subject: m.subject,
    msg_id: m.msgId,
    payload: m.payload,
    correlation_id: m.correlationId,
    traceparent: m.traceparent ?? null,
    copy_subject: m.copySubject ?? null,
    copy_msg_id: m.copyMsgId ?? null,
  };
}

/** Inserts the outbox records held as a JSON array in parameter `param`; a row already there stays. */
function insertOutboxFrom(param: string): string {
  return `INSERT INTO outbox (subject, msg_id, payload, correlation_id, traceparent, copy_subject, copy_msg_id)
    SELECT subject, msg_id, payload, correlation_id, traceparent, copy_subject, copy_msg_id
    FROM jsonb_to_recordset(${param}::jsonb)
      AS o(subject text, msg_id text, payload text, correlation_id text, traceparent text, copy_subject text, copy_msg_id text)
    ON CONFLICT (msg_id) DO NOTHING`;
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
   * stored twice (current row and revision). The batch travels as three JSON
   * parameters rather than a column array per field: one native JSON.stringify
   * instead of node-postgres escaping every array element in JavaScript (half
   * the serialising cost per article, measured), and fields named in the SQL.
   */
  async writeRevisions(writes: RevisionWrite[]): Promise<void> {
    if (!writes.length) return;
    const rows = writes.map(({ article, action, eventId, note }) => {
      const doc = article.document;
      return {
        id: doc.id,
        source: doc.source,
        external_id: doc.externalId ?? null,
        revision: article.revision,
        status: article.status,
        language: doc.language ?? null,
        section: doc.section ?? null,
        section_key: subjectToken(doc.section, 'general'),
        headline: doc.headline,
        document: doc,
        embargo_until: article.status === 'embargoed' ? (doc.embargo ?? null) : null,
        correlation_id: article.correlationId,
        kill_reason: article.killReason ?? null,
        standfirst: [doc.subheadline, doc.standfirst].filter(Boolean).join('\n'),
        // The body is read from the document; only one too long to index whole travels apart, cut.
        indexed_body: doc.bodyText.length > MAX_INDEXED_BODY ? doc.bodyText.slice(0, MAX_INDEXED_BODY) : null,
        action,
        note: note ?? null,
        tagger: doc.facts?.tagger ?? null,
        event_id: eventId,
        terms: searchTerms(doc),
      };
    });
    const tags = writes.flatMap((w) => w.tags.map((t) => ({ article_id: w.article.document.id, kind: t.kind, code: t.code, name_key: t.nameKey })));
    await runPrepared(
      this.manager,
      'depeche_write_revisions',
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb)
           AS i(id uuid, source text, external_id text, revision int, status text, language text, section text, section_key text, headline text,
                document jsonb, embargo_until timestamptz, correlation_id text, kill_reason text, standfirst text, indexed_body text, action text,
                note text, tagger text, event_id uuid, terms text)),
       article AS (
         INSERT INTO articles (id, source, external_id, revision, status, language, section, section_key, headline, document,
                               published_at, updated_at, embargo_until, correlation_id, kill_reason, killed_at, search_config, search)
         SELECT id, source, external_id, revision, status, language, section, section_key, headline, document,
                CASE WHEN status = 'published' THEN date_trunc('milliseconds', clock_timestamp()) END, now(), embargo_until, correlation_id, kill_reason,
                CASE WHEN status = 'killed' THEN now() END, depeche_search_config(language),
                depeche_search_vector(depeche_search_config(language)::regconfig, headline, standfirst, section, terms,
                                      coalesce(indexed_body, document->>'bodyText'))
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
         SELECT * FROM jsonb_to_recordset($2::jsonb) AS t(article_id uuid, kind text, code text, name_key text)),
       stale_tags AS (
         -- = ANY(ARRAY(...)), not IN (SELECT ...): the prepared statement's generic plan, made while the tables were
         -- small, turned IN into a scan of all tags (the bench saw Postgres at 7.6 ms per article); this stays an index scan.
         DELETE FROM article_tags t WHERE t.article_id = ANY (ARRAY(SELECT id FROM input))
           AND NOT EXISTS (SELECT 1 FROM new_tags n WHERE n.article_id = t.article_id AND n.kind = t.kind AND n.code = t.code)),
       tags AS (
         INSERT INTO article_tags (article_id, kind, code, name_key, published_at)
         SELECT n.article_id, n.kind, n.code, n.name_key, article.published_at FROM new_tags n JOIN article ON article.id = n.article_id
         ON CONFLICT (article_id, kind, code) DO UPDATE SET name_key = EXCLUDED.name_key, published_at = EXCLUDED.published_at),
       revision AS (
         INSERT INTO article_revisions (article_id, revision, action, event_id, document, note, correlation_id, tagger)
         SELECT id, revision, action, event_id, document, note, correlation_id, tagger FROM input),
       outbox AS (${insertOutboxFrom('$3')})
       SELECT 1`,
      [JSON.stringify(rows), JSON.stringify(tags), JSON.stringify(writes.flatMap((w) => w.outbox.map(outboxRecord)))],
    );
  }

  async enqueue(messages: OutboxWrite[]): Promise<void> {
    if (!messages.length) return;
    await this.manager.query(insertOutboxFrom('$1'), [JSON.stringify(messages.map(outboxRecord))]);
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
