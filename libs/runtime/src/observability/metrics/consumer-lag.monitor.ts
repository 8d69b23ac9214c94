import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { jetstreamManager, type ConsumerInfo, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { Gauge, type Registry } from 'prom-client';
import { streamNames, type Subjects } from '#contracts';
import { describeError, NATS_CONNECTION, SUBJECTS } from '#messaging';
import { METRICS_REGISTRY, OBSERVABILITY_OPTIONS, type ObservabilityOptions } from '../observability-options.js';

/**
 * Polls JetStream for every durable consumer of the events stream, not only
 * this service's own: when a service is down, its backlog still shows on the
 * others' /metrics (aggregate with `max by (durable)`).
 */
@Injectable()
export class ConsumerLagMonitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ConsumerLag');
  private readonly pending: Gauge<'stream' | 'durable'>;
  private readonly ackPending: Gauge<'stream' | 'durable'>;
  private readonly redelivered: Gauge<'stream' | 'durable'>;
  private readonly streamMessages: Gauge<'stream'>;
  private timer?: NodeJS.Timeout;
  private failing = false;

  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    @Inject(SUBJECTS) private readonly subjects: Subjects,
    @Inject(METRICS_REGISTRY) registry: Registry,
    @Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions,
  ) {
    const registers = [registry];
    const labelNames = ['stream', 'durable'] as const;
    this.pending = new Gauge({
      name: 'depeche_consumer_pending_messages',
      help: 'Messages in the stream not yet delivered to the durable consumer (lag)',
      labelNames,
      registers,
    });
    this.ackPending = new Gauge({ name: 'depeche_consumer_ack_pending_messages', help: 'Messages delivered and not yet acknowledged', labelNames, registers });
    this.redelivered = new Gauge({
      name: 'depeche_consumer_redelivered_messages',
      help: 'Unacknowledged messages delivered more than once',
      labelNames,
      registers,
    });
    this.streamMessages = new Gauge({
      name: 'depeche_stream_messages',
      help: 'Messages kept in the stream (events for replay, dead letters until handled)',
      labelNames: ['stream'],
      registers,
    });
  }

  onApplicationBootstrap(): void {
    void this.poll();
    this.timer = setInterval(() => void this.poll(), this.options.lagPollMs).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async poll(): Promise<void> {
    try {
      const jsm = await jetstreamManager(this.connection);
      const names = streamNames(this.subjects.namespace);
      const consumers = await jsm.consumers.list(names.events).next();
      this.record(consumers);
      for (const stream of [names.events, names.deadLetters]) this.streamMessages.labels(stream).set(await messagesIn(jsm, stream));
      this.failing = false;
    } catch (error) {
      // Once per outage, not every poll.
      if (!this.failing) this.logger.warn(`consumer lag poll failed: ${describeError(error)}`);
      this.failing = true;
    }
  }

  private record(consumers: ConsumerInfo[]): void {
    // Reset and refill in one tick, so a scrape never sees a half-updated set or a removed consumer.
    for (const gauge of [this.pending, this.ackPending, this.redelivered]) gauge.reset();
    for (const info of consumers) {
      const labels = { stream: info.stream_name, durable: info.name };
      this.pending.set(labels, info.num_pending);
      this.ackPending.set(labels, info.num_ack_pending);
      this.redelivered.set(labels, info.num_redelivered);
    }
  }
}

async function messagesIn(jsm: JetStreamManager, stream: string): Promise<number> {
  return (await jsm.streams.info(stream)).state.messages;
}
