import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { DURATION_BUCKETS, METRICS_REGISTRY } from '#runtime';
import type { RecordedOutcome } from '../repositories/delivery.repository.js';
import { SubscriberRepository } from '../repositories/subscriber.repository.js';

/**
 * Per subscriber: attempts by outcome, how long each took, the backlog and whether it is paused.
 * The two gauges are read from Postgres when Prometheus scrapes, so every instance reports the
 * same whole: sum the counters over instances, take the gauges from any one.
 */
@Injectable()
export class DeliveryMetrics {
  private readonly attempts: Counter<'subscriber' | 'outcome'>;
  private readonly seconds: Histogram<'subscriber'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry, subscribers: SubscriberRepository) {
    const registers = [registry];
    this.attempts = new Counter({
      name: 'depeche_webhook_attempts_total',
      help: 'Delivery attempts by subscriber and outcome: delivered, retry (to be tried again), failed (given up, redrivable)',
      labelNames: ['subscriber', 'outcome'],
      registers,
    });
    this.seconds = new Histogram({
      name: 'depeche_webhook_attempt_seconds',
      help: 'Time from sending a delivery to the end of its answer, by subscriber',
      labelNames: ['subscriber'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    new Gauge({
      name: 'depeche_webhook_backlog',
      help: 'Deliveries owed and not made yet, by subscriber',
      labelNames: ['subscriber'],
      registers,
      async collect() {
        this.reset();
        for (const s of await subscribers.list()) this.labels(s.id).set(s.backlog);
      },
    });
    new Gauge({
      name: 'depeche_webhook_paused',
      help: '1 for a paused subscriber, 0 for an active one',
      labelNames: ['subscriber'],
      registers,
      async collect() {
        this.reset();
        for (const s of await subscribers.list()) this.labels(s.id).set(s.status === 'paused' ? 1 : 0);
      },
    });
  }

  attempt(subscriberId: string, outcome: RecordedOutcome, seconds: number): void {
    this.attempts.labels(subscriberId, outcome.kind).inc();
    this.seconds.labels(subscriberId).observe(seconds);
  }
}
