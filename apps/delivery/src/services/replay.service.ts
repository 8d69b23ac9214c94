import { DeliverPolicy, jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { isEventType, readEnvelope, streamNames, type Subjects } from '#contracts';
import { describeError, NATS_CONNECTION, SUBJECTS } from '#messaging';
import { owedEventOf, type LifecycleEvent } from './owed-event.js';
import { DeliveryRepository } from '../repositories/delivery.repository.js';
import { DeliveryWorker } from './delivery-worker.service.js';

/** Messages read per pull while replaying. */
const REPLAY_BATCH = 500;

/**
 * Replays history for a subscriber registered with `from` in the past: the lifecycle events the
 * events stream still holds from that time on are owed again (to every subscriber they concern:
 * owing is idempotent, so the others gain nothing twice), then live delivery carries on. The events
 * stream's retention bounds how far back a replay reaches.
 */
@Injectable()
export class ReplayService implements OnApplicationShutdown {
  private readonly logger = new Logger('Replay');
  private readonly running = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SUBJECTS) private readonly subjects: Subjects,
    private readonly deliveries: DeliveryRepository,
    private readonly worker: DeliveryWorker,
  ) {}

  /** Starts a replay from `from` in the background; the answer to the registration does not wait for it. */
  start(from: Date, subscriberId: string): void {
    const run = this.replay(from)
      .then((owed) => this.logger.log(`replay from ${from.toISOString()} for subscriber ${subscriberId}: ${owed} deliveries owed`))
      .catch((error: unknown) => this.logger.error(`replay from ${from.toISOString()} for subscriber ${subscriberId} stopped: ${describeError(error)}`))
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.running);
  }

  /** Reads the routed copies from `from` to the end of the stream as it is now, in order, owing each. */
  async replay(from: Date): Promise<number> {
    const consumer = await jetstream(this.nc).consumers.get(streamNames(this.subjects.namespace).events, {
      filter_subjects: this.subjects.routedFilter(),
      deliver_policy: DeliverPolicy.StartTime,
      opt_start_time: from.toISOString(),
    });
    let owed = 0;
    while (!this.stopped) {
      const batch = await consumer.fetch({ max_messages: REPLAY_BATCH, expires: 1000 });
      let last = 0;
      let seen = 0;
      for await (const msg of batch) {
        seen++;
        last = msg.info.pending;
        const value = msg.json<{ type?: string }>();
        if (!value.type || !isEventType(value.type)) continue;
        owed += await this.deliveries.owe(owedEventOf(readEnvelope(value.type, value) as LifecycleEvent));
      }
      if (owed) this.worker.wake();
      if (seen === 0 || last === 0) break;
    }
    return owed;
  }
}
