import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CORRELATION_HEADER, EventPublisher, MessagingRuntime, describeError } from '#messaging';
import { OutboxRepository, type OutboxRow } from '../repositories/outbox.repository.js';

export const OUTBOX_BATCH_SIZE = Symbol('OUTBOX_BATCH_SIZE');

/** How often the relay looks for rows nobody kicked it for (left by a crash, or by another instance). */
const SWEEP_INTERVAL_MS = 1000;

/**
 * Publishes the outbox. Kicked right after each commit for low latency, and
 * sweeping on a timer so rows left by a crash go out after a restart; a row
 * published twice is dropped by JetStream through its Nats-Msg-Id.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap {
  private readonly logger = new Logger('OutboxRelay');
  private running?: Promise<void>;
  private again = false;
  private stopped = false;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly publisher: EventPublisher,
    private readonly messaging: MessagingRuntime,
    @Inject(OUTBOX_BATCH_SIZE) private readonly batchSize: number,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), SWEEP_INTERVAL_MS);
    // Flush what the last handlers wrote before the connection drains.
    this.messaging.beforeDrain(() => this.stop());
    this.kick();
  }

  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while ((await this.outbox.relayBatch(this.batchSize, (rows) => this.publish(rows))) === this.batchSize);
    } catch (error) {
      this.logger.warn(`outbox relay round failed, will retry: ${describeError(error)}`);
    }
  }

  private async publish(rows: OutboxRow[]): Promise<void> {
    await Promise.all(
      rows.map((row) =>
        this.publisher.publishSerialized(row.subject, row.payload, { msgId: row.msg_id, headers: { [CORRELATION_HEADER]: row.correlation_id } }),
      ),
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
    await this.drain();
  }
}
