import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { describeError } from '#messaging';
import { DeliveryRepository } from '../repositories/delivery.repository.js';

export interface RetentionSettings {
  /** How long a finished delivery stays in the log. */
  keepMs: number;
  /** How often the log is swept. */
  everyMs: number;
  /** Rows deleted per statement: a sweep never holds many locks or a long transaction. */
  batch: number;
}

export const RETENTION_SETTINGS = Symbol('RETENTION_SETTINGS');

/**
 * Keeps the delivery log and the events it was written from to their retention: without it, both grow
 * with every delivery for good. Every instance sweeps; deleting a row twice is harmless.
 */
@Injectable()
export class DeliveryRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeliveryRetention');
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<unknown>;
  private stopped = false;

  constructor(
    private readonly deliveries: DeliveryRepository,
    @Inject(RETENTION_SETTINGS) private readonly settings: RetentionSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweep()
        .catch((error: unknown) => this.logger.warn(`sweeping the delivery log failed, will try again: ${describeError(error)}`))
        .finally(() => (this.sweeping = undefined));
    }, this.settings.everyMs).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** Deletes batch after batch until a batch comes back short. */
  async sweep(now = new Date()): Promise<{ deliveries: number; events: number }> {
    const before = new Date(now.getTime() - this.settings.keepMs);
    const total = { deliveries: 0, events: 0 };
    for (;;) {
      const gone = await this.deliveries.forget(before, this.settings.batch);
      total.deliveries += gone.deliveries;
      total.events += gone.events;
      if (this.stopped || (gone.deliveries < this.settings.batch && gone.events < this.settings.batch)) break;
    }
    if (total.deliveries || total.events)
      this.logger.log(`forgot ${total.deliveries} deliveries and ${total.events} events from before ${before.toISOString()}`);
    return total;
  }
}
