import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { SubscriberFilter, SubscriberFormat, SubscriberRecord } from '../dtos/subscriber.dto.js';
import { returnedRows } from './returned-rows.js';

export interface NewSubscriber {
  id: string;
  name: string;
  url: string;
  format: SubscriberFormat;
  filter: SubscriberFilter;
  secret: string;
  deliverFrom: string;
}

export type SubscriberChanges = Partial<Pick<NewSubscriber, 'name' | 'url' | 'format' | 'filter'>> & { status?: 'active' | 'paused' };

interface Row {
  id: string;
  name: string;
  url: string;
  format: SubscriberFormat;
  filter: SubscriberFilter;
  status: 'active' | 'paused';
  paused_reason: string | null;
  deliver_from: Date;
  consecutive_failures: number;
  last_success_at: Date | null;
  last_error: string | null;
  last_error_at: Date | null;
  backlog: string;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `SELECT s.*, (SELECT count(*) FROM deliveries d WHERE d.subscriber_id = s.id AND d.status = 'pending') AS backlog FROM subscribers s`;

const iso = (value: Date | null): string | undefined => value?.toISOString();

function toRecord(row: Row): SubscriberRecord {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    format: row.format,
    filter: row.filter,
    status: row.status,
    ...(row.paused_reason ? { pausedReason: row.paused_reason } : {}),
    deliverFrom: row.deliver_from.toISOString(),
    consecutiveFailures: row.consecutive_failures,
    ...(row.last_success_at ? { lastSuccessAt: iso(row.last_success_at) } : {}),
    ...(row.last_error ? { lastError: row.last_error, lastErrorAt: iso(row.last_error_at) } : {}),
    backlog: Number(row.backlog),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Subscribers in Postgres; their secrets are read only by the delivery worker, never listed. */
@Injectable()
export class SubscriberRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(subscriber: NewSubscriber): Promise<SubscriberRecord> {
    await this.dataSource.query(`INSERT INTO subscribers (id, name, url, format, filter, secret, deliver_from) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      subscriber.id,
      subscriber.name,
      subscriber.url,
      subscriber.format,
      JSON.stringify(subscriber.filter),
      subscriber.secret,
      subscriber.deliverFrom,
    ]);
    return (await this.find(subscriber.id))!;
  }

  async list(): Promise<SubscriberRecord[]> {
    const rows: Row[] = await this.dataSource.query(`${SELECT} ORDER BY s.created_at, s.id`);
    return rows.map(toRecord);
  }

  async find(id: string): Promise<SubscriberRecord | undefined> {
    const rows: Row[] = await this.dataSource.query(`${SELECT} WHERE s.id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /**
   * Resuming clears the pause and the failure count: the next failures are counted afresh. A paused
   * subscriber's pending deliveries wait at next_attempt_at = infinity, out of the range claims read, so a
   * long pause costs the others nothing; resuming makes them due now.
   */
  async update(id: string, changes: SubscriberChanges): Promise<SubscriberRecord | undefined> {
    const result: unknown = await this.dataSource.query(
      `WITH changed AS (
         UPDATE subscribers SET
           name = coalesce($2, name), url = coalesce($3, url), format = coalesce($4, format), filter = coalesce($5::jsonb, filter),
           status = coalesce($6, status),
           paused_reason = CASE WHEN $6 = 'active' THEN NULL WHEN $6 = 'paused' THEN 'paused by an operator' ELSE paused_reason END,
           consecutive_failures = CASE WHEN $6 = 'active' THEN 0 ELSE consecutive_failures END,
           updated_at = now()
         WHERE id = $1 RETURNING id),
       held AS (
         UPDATE deliveries SET next_attempt_at = CASE WHEN $6 = 'paused' THEN 'infinity'::timestamptz ELSE now() END
         WHERE $6 IS NOT NULL AND subscriber_id = (SELECT id FROM changed) AND status = 'pending'
           AND ($6 = 'paused' OR next_attempt_at = 'infinity'))
       SELECT id FROM changed`,
      [id, changes.name ?? null, changes.url ?? null, changes.format ?? null, changes.filter ? JSON.stringify(changes.filter) : null, changes.status ?? null],
    );
    return returnedRows(result).length ? this.find(id) : undefined;
  }

  /** Readiness: the database answers. */
  async ping(): Promise<boolean> {
    await this.dataSource.query('SELECT 1');
    return true;
  }

  /** Removes the subscriber and its delivery log. */
  async remove(id: string): Promise<boolean> {
    return returnedRows(await this.dataSource.query(`DELETE FROM subscribers WHERE id = $1 RETURNING id`, [id])).length > 0;
  }
}
