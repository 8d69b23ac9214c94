import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** An event owed to NATS, stored in the transaction that caused it. */
export interface OutboxWrite {
  subject: string;
  /** Nats-Msg-Id: JetStream drops a second publish of the same row. */
  msgId: string;
  payload: string;
  correlationId: string;
  /** W3C trace context of the handling that owed the event, so consumers can continue the trace. */
  traceparent?: string | null;
  /**
   * A second subject the same payload goes to, with a Nats-Msg-Id of its own (a lifecycle event's
   * routed copy): stored once, published twice, so the row carries the article once.
   */
  copySubject?: string | null;
  copyMsgId?: string | null;
}

@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Hands the oldest pending rows at least `minAgeMs` old to `publish` and
   * deletes them once it resolves, all in one transaction. SKIP LOCKED lets
   * several publishing instances sweep side by side without taking the same rows.
   */
  async relayBatch(limit: number, minAgeMs: number, publish: (rows: OutboxWrite[]) => Promise<void>): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: Array<OutboxWrite & { id: string }> = await manager.query(
        `SELECT id, subject, msg_id AS "msgId", payload, correlation_id AS "correlationId", traceparent,
                copy_subject AS "copySubject", copy_msg_id AS "copyMsgId" FROM outbox
         WHERE created_at <= now() - $2 * interval '1 millisecond'
         ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit, minAgeMs],
      );
      if (!rows.length) return 0;
      await publish(rows);
      await manager.query(`DELETE FROM outbox WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
      return rows.length;
    });
  }

  /** Removes rows already published by the instance that wrote them. */
  async deleteDelivered(msgIds: string[]): Promise<void> {
    await this.dataSource.query(`DELETE FROM outbox WHERE msg_id = ANY($1::text[])`, [msgIds]);
  }
}
