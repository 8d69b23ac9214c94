import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CORRELATION_HEADER, EventPublisher, MessagingRuntime, describeError } from '#messaging';
import { OutboxRepository, type OutboxWrite } from '../repositories/outbox.repository.js';

export const OUTBOX_BATCH_SIZE = Symbol('OUTBOX_BATCH_SIZE');

const utf8 = new TextEncoder();

/** How often the relay sweeps for rows nobody delivered (left by a crash, a failed publish, or another instance). */
const SWEEP_INTERVAL_MS = 1000;
/** Younger rows are still being delivered by the instance that wrote them. */
const SWEEP_MIN_AGE_MS = 2000;
/**
 * Delivered rows are deleted in batches: one statement for every row published
 * meanwhile. At a steady trickle (100 stories a second) 200 ms means 5 deletes a
 * second instead of one round trip per story, and stays far below the sweep's age.
 */
const DELETE_DELAY_MS = 200;
const DELETE_BATCH = 500;

/**
 * Publishes the outbox. The writer hands its rows over right after its commit
 * (`deliver`), so the hot path costs no extra read; a sweep on a timer publishes
 * whatever a crash, a failed publish or another instance left behind. A row
 * published twice is dropped by JetStream through its Nats-Msg-Id.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap {
  private readonly logger = new Logger('OutboxRelay');
  private readonly deliveries = new Set<Promise<void>>();
  private delivered: string[] = [];
  private deleteTimer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private sweepTimer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly publisher: EventPublisher,
    private readonly messaging: MessagingRuntime,
    @Inject(OUTBOX_BATCH_SIZE) private readonly batchSize: number,
  ) {}

  onApplicationBootstrap(): void {
    this.sweepTimer = setInterval(() => this.sweep(SWEEP_MIN_AGE_MS), SWEEP_INTERVAL_MS);
    // Flush what the last handlers wrote before the connection drains.
    this.messaging.beforeDrain(() => this.stop());
    // Whatever a previous run left is owed now, however young.
    this.sweep(0);
  }

  /** Publishes rows just committed; what fails stays in the table for the sweep. */
  deliver(rows: OutboxWrite[]): void {
    if (!rows.length) return;
    const delivery = this.publish(rows).then(
      () => this.forget(rows),
      (error: unknown) => this.logger.warn(`outbox delivery failed, the sweep will retry: ${describeError(error)}`),
    );
    this.deliveries.add(delivery);
    void delivery.finally(() => this.deliveries.delete(delivery));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.sweepTimer);
    await this.sweeping;
    await Promise.all(this.deliveries);
    await this.deleteDelivered();
    await this.drain(0);
  }

  private forget(rows: OutboxWrite[]): void {
    for (const row of rows) this.delivered.push(row.msgId);
    if (this.delivered.length >= DELETE_BATCH) void this.deleteDelivered();
    else this.deleteTimer ??= setTimeout(() => void this.deleteDelivered(), DELETE_DELAY_MS);
  }

  private async deleteDelivered(): Promise<void> {
    clearTimeout(this.deleteTimer);
    this.deleteTimer = undefined;
    const ids = this.delivered;
    this.delivered = [];
    if (!ids.length) return;
    // If this fails the sweep publishes the rows again, and JetStream drops the duplicates.
    await this.outbox.deleteDelivered(ids).catch((error: unknown) => this.logger.warn(`outbox cleanup failed: ${describeError(error)}`));
  }

  private sweep(minAgeMs: number): void {
    if (this.stopped || this.sweeping) return;
    this.sweeping = this.drain(minAgeMs).finally(() => (this.sweeping = undefined));
  }

  private async drain(minAgeMs: number): Promise<void> {
    try {
      while ((await this.outbox.relayBatch(this.batchSize, minAgeMs, (rows) => this.publish(rows))) === this.batchSize);
    } catch (error) {
      this.logger.warn(`outbox sweep failed, will retry: ${describeError(error)}`);
    }
  }

  /** Each row on its subject and, when it has one, its copy's: the payload is encoded once for both. */
  private async publish(rows: OutboxWrite[]): Promise<void> {
    await Promise.all(
      rows.flatMap((row) => {
        const headers = { [CORRELATION_HEADER]: row.correlationId, ...(row.traceparent ? { traceparent: row.traceparent } : {}) };
        if (!row.copySubject || !row.copyMsgId) return [this.publisher.publishSerialized(row.subject, row.payload, { msgId: row.msgId, headers })];
        const payload = utf8.encode(row.payload);
        return [
          this.publisher.publishSerialized(row.subject, payload, { msgId: row.msgId, headers }),
          this.publisher.publishSerialized(row.copySubject, payload, { msgId: row.copyMsgId, headers }),
        ];
      }),
    );
  }
}
