import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { describeError } from '#messaging';
import { DeliveryRepository, type LeasedDelivery, type OwedEvent, type RecordedOutcome } from '../repositories/delivery.repository.js';
import { SubscriberEndpointRepository } from '../repositories/subscriber-endpoint.repository.js';
import { decideDelivery, type RetrySchedule } from './delivery-decision.js';
import { DeliveryMetrics } from './delivery-metrics.js';
import { WebhookBodies, webhookRequest } from './webhook-request.js';

export interface DeliverySettings {
  schedule: RetrySchedule;
  concurrency: number;
  perSubscriber: number;
  pollMs: number;
  pauseAfterFailures: number;
  /** The publication: the provider of NewsML-G2 items. */
  provider: string;
}

export const DELIVERY_SETTINGS = Symbol('DELIVERY_SETTINGS');

/**
 * Makes the deliveries that are due: claims them (leased, so a crash only delays them),
 * sends each signed request under the outbound rules, and records what came of it. One
 * subscriber's slow or failing endpoint holds at most `perSubscriber` of the slots, and
 * nothing of the pipeline: the events are already safe in Postgres when this runs.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Delivery');
  private readonly inFlight = new Set<Promise<void>>();
  /** In flight by subscriber: the claim leaves out subscribers at their limit, and counts the rest against it. */
  private readonly bySubscriber = new Map<string, number>();
  private readonly bodies: WebhookBodies;
  /** Attempts that ended and are not recorded yet: written together, one statement for all that ended meanwhile. */
  private ended: Array<{ delivery: LeasedDelivery; outcome: RecordedOutcome }> = [];
  private recording?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private claiming?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly endpoints: SubscriberEndpointRepository,
    private readonly metrics: DeliveryMetrics,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
  ) {
    this.bodies = new WebhookBodies(settings.provider);
  }

  onApplicationBootstrap(): void {
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.claiming;
    await Promise.all(this.inFlight);
  }

  /** New deliveries were owed for this event: its data is at hand for their bodies, and they are due now. */
  owed(event: Pick<OwedEvent, 'eventId' | 'data'>): void {
    this.bodies.remember(event.eventId, event.data);
    this.wake();
  }

  /** Looks for due deliveries now (new ones were owed, or a slot came free), else on the next poll. */
  wake(): void {
    if (this.stopped) return;
    if (this.claiming) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.claiming = this.claim()
      .catch((error: unknown) => this.logger.warn(`claiming deliveries failed, will retry: ${describeError(error)}`))
      .finally(() => {
        this.claiming = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        } else if (!this.stopped) this.timer = setTimeout(() => this.wake(), this.settings.pollMs);
      });
  }

  private async claim(): Promise<void> {
    const free = this.settings.concurrency - this.inFlight.size;
    if (free <= 0) return;
    const leased = await this.deliveries.claimDue({
      limit: free,
      perSubscriber: this.settings.perSubscriber,
      // Longer than any attempt can take, so a live instance never loses a row it is still sending.
      leaseMs: this.endpoints.policy.timeoutMs * 2 + 5000,
      inFlight: this.bySubscriber,
    });
    // Owed by another instance, or before a restart: read once per event, whatever the number of subscribers.
    for (const [eventId, data] of await this.deliveries.eventData(this.bodies.unknown(leased))) this.bodies.remember(eventId, data);
    for (const delivery of leased) {
      this.bySubscriber.set(delivery.subscriberId, (this.bySubscriber.get(delivery.subscriberId) ?? 0) + 1);
      const running = this.deliver(delivery)
        .catch((error: unknown) =>
          this.logger.error(`delivery ${delivery.id} could not be sent; its lease will run out and it will be retried: ${describeError(error)}`),
        )
        .finally(() => {
          this.inFlight.delete(running);
          const left = this.bySubscriber.get(delivery.subscriberId)! - 1;
          if (left) this.bySubscriber.set(delivery.subscriberId, left);
          else this.bySubscriber.delete(delivery.subscriberId);
          // A claim per freed slot would cost a query per delivery: under load, wait for a quarter of the slots.
          if (this.settings.concurrency - this.inFlight.size >= this.claimBatch) this.wake();
        });
      this.inFlight.add(running);
    }
  }

  /** Free slots worth a claim when a delivery ends; the poll and new events claim whatever is free. */
  private get claimBatch(): number {
    return Math.max(1, Math.floor(this.settings.concurrency / 4));
  }

  private async deliver(delivery: LeasedDelivery): Promise<void> {
    const started = performance.now();
    const result = await this.endpoints.post(delivery.url, webhookRequest(delivery, this.bodies.of(delivery)));
    const latencyMs = Math.round(performance.now() - started);
    const ageMs = Date.now() - new Date(delivery.createdAt).getTime();
    const decision = decideDelivery(result, delivery.attempts, ageMs, this.settings.schedule);
    const outcome: RecordedOutcome =
      decision.kind === 'delivered'
        ? { kind: 'delivered', status: result.status!, latencyMs }
        : decision.kind === 'retry'
          ? { kind: 'retry', delayMs: decision.delayMs, status: result.status, error: decision.reason }
          : { kind: 'failed', status: result.status, error: decision.reason };
    this.metrics.attempt(delivery.subscriberId, outcome, latencyMs / 1000);
    if (decision.kind === 'failed') this.logger.warn(`delivery ${delivery.id} to subscriber ${delivery.subscriberId} failed for good: ${decision.reason}`);
    this.ended.push({ delivery, outcome });
    await this.flush();
  }

  /** Records what ended; while a write is under way, what ends meanwhile waits for the next one. */
  private async flush(): Promise<void> {
    while (this.recording) await this.recording;
    const batch = this.ended.splice(0);
    if (!batch.length) return;
    this.recording = this.deliveries
      .record(batch, this.settings.pauseAfterFailures)
      .catch((error: unknown) =>
        this.logger.warn(`recording ${batch.length} deliveries failed, their leases will run out and they will be retried: ${describeError(error)}`),
      )
      .finally(() => (this.recording = undefined));
    await this.recording;
  }
}
