import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ArticleKilledV1, ArticlePublishedV1, LifecycleAction } from '#contracts';
import type { DeliveryRecord, SubscriberFormat } from '../dtos/subscriber.dto.js';
import { returnedRows } from './returned-rows.js';

/** A lifecycle event as delivery keeps it: what the filters read, and the data the bodies are written from. */
export interface OwedEvent {
  eventId: string;
  type: string;
  action: LifecycleAction;
  articleId: string;
  revision: number;
  occurredAt: string;
  data: ArticlePublishedV1 | ArticleKilledV1;
  /** What subscriber filters compare: the primary language subtag, the section as routed subjects spell it, Media Topics, the source. */
  language?: string;
  sectionKey?: string;
  topics: string[];
  source?: string;
}

/** A delivery the worker holds (leased) until it records what came of it; the event's data is read apart (eventData). */
export interface LeasedDelivery {
  id: string;
  subscriberId: string;
  eventId: string;
  type: string;
  articleId: string;
  revision: number;
  occurredAt: Date;
  attempts: number;
  createdAt: Date;
  url: string;
  format: SubscriberFormat;
  secret: string;
}

/** A leased delivery with the event's data: what a webhook is written from. */
export interface ClaimedDelivery extends LeasedDelivery {
  data: ArticlePublishedV1 | ArticleKilledV1;
}

export interface ClaimLimits {
  limit: number;
  perSubscriber: number;
  leaseMs: number;
  /** Deliveries this instance has in flight, by subscriber: they count against `perSubscriber`. */
  inFlight: ReadonlyMap<string, number>;
}

export type RecordedOutcome =
  | { kind: 'delivered'; status: number; latencyMs: number }
  | { kind: 'retry'; delayMs: number; status?: number; error: string }
  | { kind: 'failed'; status?: number; error: string };

/** The webhook-id of a delivery: the same on every attempt, so a receiver deduplicates retries. */
export const webhookIdOf = (eventId: string, subscriberId: string): string => `${eventId}.${subscriberId}`;

interface LogRow {
  id: string;
  subscriber_id: string;
  event_id: string;
  type: string;
  article_id: string;
  revision: number;
  status: DeliveryRecord['status'];
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  latency_ms: number | null;
  created_at: Date;
  last_attempt_at: Date | null;
  next_attempt_at: Date | number;
  delivered_at: Date | null;
}

function toRecord(row: LogRow): DeliveryRecord {
  return {
    id: row.id,
    webhookId: webhookIdOf(row.event_id, row.subscriber_id),
    eventId: row.event_id,
    type: row.type,
    articleId: row.article_id,
    revision: row.revision,
    status: row.status,
    attempts: row.attempts,
    ...(row.last_status !== null ? { lastStatus: row.last_status } : {}),
    ...(row.last_error ? { lastError: row.last_error } : {}),
    ...(row.latency_ms !== null ? { latencyMs: row.latency_ms } : {}),
    createdAt: row.created_at.toISOString(),
    ...(row.last_attempt_at ? { lastAttemptAt: row.last_attempt_at.toISOString() } : {}),
    // A paused subscriber's rows wait at infinity (node-postgres reads it as the number Infinity): no time to show.
    ...(row.status === 'pending' && row.next_attempt_at instanceof Date ? { nextAttemptAt: row.next_attempt_at.toISOString() } : {}),
    ...(row.delivered_at ? { deliveredAt: row.delivered_at.toISOString() } : {}),
  };
}

/**
 * The delivery queue, its retry schedule and its log: one row per event and subscriber.
 * Rows of one story go to a subscriber in the order they were owed: a row waits while an
 * earlier one of the same story is still pending for that subscriber (a kill never
 * overtakes the publish it kills). A failed row stops waiting others: it is in the log,
 * for a redrive.
 */
@Injectable()
export class DeliveryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Keeps the event and owes it to every subscriber whose filter takes it and whose start
   * time it is not before; a kill only to the subscribers that were owed the story. In one
   * transaction, idempotent by event id (a redelivered event owes nothing twice). Returns
   * how many deliveries it owed.
   */
  async owe(event: OwedEvent): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO delivery_events (event_id, type, article_id, revision, occurred_at, data) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (event_id) DO NOTHING`,
        [event.eventId, event.type, event.articleId, event.revision, event.occurredAt, JSON.stringify(event.data)],
      );
      const rows: unknown[] = await manager.query(
        `INSERT INTO deliveries (subscriber_id, event_id, article_id, next_attempt_at)
         SELECT s.id, $1, $2, CASE WHEN s.status = 'paused' THEN 'infinity'::timestamptz ELSE now() END FROM subscribers s
         WHERE s.deliver_from <= $3
           AND (NOT s.filter ? 'events' OR s.filter->'events' ? $4)
           AND CASE WHEN $4 = 'killed'
                 THEN EXISTS (SELECT 1 FROM deliveries d WHERE d.subscriber_id = s.id AND d.article_id = $2)
                 ELSE (NOT s.filter ? 'languages' OR s.filter->'languages' ? coalesce($5, ''))
                  AND (NOT s.filter ? 'sections' OR s.filter->'sections' ? coalesce($6, ''))
                  AND (NOT s.filter ? 'topics' OR s.filter->'topics' ?| $7::text[])
                  AND (NOT s.filter ? 'sources' OR s.filter->'sources' ? coalesce($8, ''))
               END
         ON CONFLICT (event_id, subscriber_id) DO NOTHING
         RETURNING id`,
        [event.eventId, event.articleId, event.occurredAt, event.action, event.language ?? null, event.sectionKey ?? null, event.topics, event.source ?? null],
      );
      return rows.length;
    });
  }

  /**
   * Leases the deliveries due now: active subscribers only, the oldest first, at most
   * `perSubscriber` in flight per subscriber from this instance (it says which it has), and
   * none whose story has an earlier delivery still pending for that subscriber. SKIP LOCKED
   * lets several instances claim side by side; a lease that runs out (a crashed instance)
   * makes the row due again. The event's data is not read here: many deliveries share one
   * event, and the worker reads each event once (eventData).
   */
  async claimDue(limits: ClaimLimits): Promise<LeasedDelivery[]> {
    const inFlight = JSON.stringify(Object.fromEntries(limits.inFlight));
    const saturated = [...limits.inFlight].filter(([, n]) => n >= limits.perSubscriber).map(([id]) => id);
    const result: unknown = await this.dataSource.query(
      `WITH
       -- The oldest due rows of active subscribers with a free slot (the deliveries_due index, in its order): a claim
       -- reads about what it may take, not the whole backlog. A paused subscriber's rows wait at infinity, out of this
       -- range; the join skips the few a pause found in flight.
       due AS (
         SELECT d.id, d.subscriber_id, d.article_id FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id AND s.status = 'active'
         WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND (d.lease_until IS NULL OR d.lease_until <= now())
           AND d.subscriber_id <> ALL ($5::uuid[])
         ORDER BY d.next_attempt_at, d.id LIMIT $4),
       candidates AS (
         SELECT due.id, due.subscriber_id, row_number() OVER (PARTITION BY due.subscriber_id ORDER BY due.id) AS rank
         FROM due
         -- No earlier row of the story unfinished for this subscriber, probed in deliveries_story for each row. A scalar
         -- subquery, not NOT EXISTS, which the planner may turn into a join that hashes every pending row; NOT IN, not
         -- status = 'pending', which lets it scan the pending-only deliveries_due for each row when its statistics were
         -- taken with nothing pending.
         WHERE (SELECT e.id FROM deliveries e WHERE e.subscriber_id = due.subscriber_id AND e.article_id = due.article_id
                                               AND e.id < due.id AND e.status NOT IN ('delivered', 'failed') LIMIT 1) IS NULL),
       picked AS (
         SELECT d.id FROM deliveries d JOIN candidates c ON c.id = d.id
         WHERE c.rank + coalesce(($6::jsonb ->> c.subscriber_id::text)::int, 0) <= $2
         ORDER BY d.id LIMIT $1 FOR UPDATE OF d SKIP LOCKED)
       UPDATE deliveries d SET lease_until = now() + $3 * interval '1 millisecond', attempts = d.attempts + 1, last_attempt_at = now()
       FROM picked, delivery_events ev, subscribers s
       WHERE d.id = picked.id AND ev.event_id = d.event_id AND s.id = d.subscriber_id
       RETURNING d.id, d.subscriber_id AS "subscriberId", d.event_id AS "eventId", ev.type, d.article_id AS "articleId", ev.revision,
                 ev.occurred_at AS "occurredAt", d.attempts, d.created_at AS "createdAt", s.url, s.format, s.secret`,
      [limits.limit, limits.perSubscriber, limits.leaseMs, Math.max(100, limits.limit * 4), saturated, inFlight],
    );
    return returnedRows<LeasedDelivery>(result);
  }

  /** The data of these events, by id. */
  async eventData(eventIds: readonly string[]): Promise<Map<string, ClaimedDelivery['data']>> {
    if (!eventIds.length) return new Map();
    const rows: Array<{ event_id: string; data: ClaimedDelivery['data'] }> = await this.dataSource.query(
      `SELECT event_id, data FROM delivery_events WHERE event_id = ANY ($1::uuid[])`,
      [eventIds],
    );
    return new Map(rows.map((row) => [row.event_id, row.data]));
  }

  /**
   * Records attempts, in the order they ended, in one statement: the rows, and each subscriber's
   * health. A success resets the subscriber's count of failures in a row; each failure after it adds
   * one; `pauseAfter` in a row pause the subscriber, with the last reason.
   */
  async record(attempts: Array<{ delivery: Pick<LeasedDelivery, 'id' | 'subscriberId'>; outcome: RecordedOutcome }>, pauseAfter: number): Promise<void> {
    if (!attempts.length) return;
    const rows = attempts.map(({ delivery, outcome }) => ({
      id: delivery.id,
      status: outcome.kind === 'delivered' ? 'delivered' : outcome.kind === 'failed' ? 'failed' : 'pending',
      last_status: outcome.status ?? null,
      last_error: outcome.kind === 'delivered' ? null : outcome.error.slice(0, 1000),
      latency_ms: outcome.kind === 'delivered' ? outcome.latencyMs : null,
      delay_ms: outcome.kind === 'retry' ? outcome.delayMs : 0,
    }));
    const health = new Map<string, { subscriber_id: string; succeeded: boolean; failures: number; last_error: string | null }>();
    for (const { delivery, outcome } of attempts) {
      const entry = health.get(delivery.subscriberId) ?? { subscriber_id: delivery.subscriberId, succeeded: false, failures: 0, last_error: null };
      if (outcome.kind === 'delivered') Object.assign(entry, { succeeded: true, failures: 0 });
      else Object.assign(entry, { failures: entry.failures + 1, last_error: outcome.error.slice(0, 1000) });
      health.set(delivery.subscriberId, entry);
    }
    // One statement, so one round trip and one commit. A subscriber's row is written when its health changes, and on
    // success at most once a second: with hundreds of deliveries a second, rewriting it for each batch would only
    // churn the row every claim joins.
    await this.dataSource.query(
      `WITH r AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id bigint, status text, last_status int, last_error text, latency_ms int, delay_ms int)),
       recorded AS (
         UPDATE deliveries d SET status = r.status, lease_until = NULL, last_status = r.last_status, last_error = r.last_error, latency_ms = r.latency_ms,
                delivered_at = CASE WHEN r.status = 'delivered' THEN now() END,
                next_attempt_at = CASE WHEN r.status = 'pending' THEN now() + r.delay_ms * interval '1 millisecond' ELSE d.next_attempt_at END
         -- = ANY over the ids, not the join alone: a function scan is estimated at 100 rows, and the join would scan the table.
         FROM r WHERE d.id = r.id AND d.id = ANY ($4::bigint[])),
       h AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS h(subscriber_id uuid, succeeded boolean, failures int, last_error text)),
       counted AS (
         SELECT s.id, CASE WHEN h.succeeded THEN h.failures ELSE s.consecutive_failures + h.failures END AS failures, h.succeeded, h.last_error,
                s.status = 'active' AS was_active
         FROM subscribers s JOIN h ON h.subscriber_id = s.id
         WHERE NOT h.succeeded OR h.last_error IS NOT NULL OR s.consecutive_failures > 0 OR s.last_success_at IS NULL
            OR s.last_success_at < now() - interval '1 second'),
       -- A subscriber paused here: its other pending rows leave the due range (the rows just recorded keep their
       -- schedule, one row is never updated twice in a statement; the claim skips them, the subscriber being paused).
       held AS (
         UPDATE deliveries SET next_attempt_at = 'infinity'
         WHERE status = 'pending' AND id <> ALL ($4::bigint[])
           AND subscriber_id IN (SELECT id FROM counted WHERE was_active AND failures >= $3))
       UPDATE subscribers s SET consecutive_failures = c.failures,
              last_success_at = CASE WHEN c.succeeded THEN now() ELSE s.last_success_at END,
              last_error = coalesce(c.last_error, s.last_error),
              last_error_at = CASE WHEN c.last_error IS NOT NULL THEN now() ELSE s.last_error_at END,
              status = CASE WHEN c.failures >= $3 THEN 'paused' ELSE s.status END,
              paused_reason = CASE WHEN c.failures >= $3 AND s.status = 'active'
                                   THEN 'paused after ' || c.failures || ' failed attempts in a row, the last: ' || c.last_error
                                   ELSE s.paused_reason END
       FROM counted c WHERE s.id = c.id`,
      [JSON.stringify(rows), JSON.stringify([...health.values()]), pauseAfter, rows.map((row) => row.id)],
    );
  }

  /**
   * Forgets, a batch at a time, deliveries made or given up that were owed before `before`, and the
   * events nothing is owed for any more that came before it. Pending rows stay, whatever their age.
   * Returns how many rows of each went.
   */
  async forget(before: Date, batch: number): Promise<{ deliveries: number; events: number }> {
    const [deliveries] = (await this.dataSource.query(
      `WITH gone AS (
         DELETE FROM deliveries WHERE id = ANY (ARRAY(
           SELECT id FROM deliveries WHERE created_at < $1 AND status <> 'pending' ORDER BY id LIMIT $2))
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [before, batch],
    )) as Array<{ n: number }>;
    const [events] = (await this.dataSource.query(
      `WITH gone AS (
         DELETE FROM delivery_events WHERE event_id = ANY (ARRAY(
           SELECT e.event_id FROM delivery_events e WHERE e.received_at < $1
             AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.event_id)
           ORDER BY e.received_at LIMIT $2))
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [before, batch],
    )) as Array<{ n: number }>;
    return { deliveries: deliveries!.n, events: events!.n };
  }

  /** A subscriber's delivery log, newest first, `before` a delivery number for the next page. */
  async log(subscriberId: string, options: { limit: number; before?: string; status?: DeliveryRecord['status'] }): Promise<DeliveryRecord[]> {
    const rows: LogRow[] = await this.dataSource.query(
      `SELECT d.*, ev.type, ev.revision FROM deliveries d JOIN delivery_events ev ON ev.event_id = d.event_id
       WHERE d.subscriber_id = $1 AND ($2::bigint IS NULL OR d.id < $2) AND ($3::text IS NULL OR d.status = $3)
       ORDER BY d.id DESC LIMIT $4`,
      [subscriberId, options.before ?? null, options.status ?? null, options.limit],
    );
    return rows.map(toRecord);
  }

  /** Owes a failed delivery again, now; undefined when the subscriber has no such failed delivery. */
  async redrive(subscriberId: string, deliveryId: string): Promise<DeliveryRecord | undefined> {
    const rows = returnedRows<{ id: string }>(
      await this.dataSource.query(
        `UPDATE deliveries SET status = 'pending', lease_until = NULL,
                next_attempt_at = CASE WHEN (SELECT status FROM subscribers WHERE id = $1) = 'paused' THEN 'infinity'::timestamptz ELSE now() END
         WHERE subscriber_id = $1 AND id = $2 AND status = 'failed' RETURNING id`,
        [subscriberId, deliveryId],
      ),
    );
    if (!rows.length) return undefined;
    return (await this.log(subscriberId, { limit: 1, before: String(BigInt(deliveryId) + 1n) }))[0];
  }
}
