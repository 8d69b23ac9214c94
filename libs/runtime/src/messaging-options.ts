import type { FactoryProvider, InjectionToken } from '@nestjs/common';
import type { MessagingServiceName } from '#contracts';
import { MessagingRuntime, type ConsumeOptions, type MessagingOptions } from '#messaging';
import type { consumerSettings, natsSettings, streamSettings } from './config.js';
import { READINESS_CHECKS, type ReadinessCheck } from './health.controller.js';

type ValuesOf<S> = { [K in keyof S]: S[K] extends { parse(raw: string): infer T } ? T : never };
type NatsConfig = ValuesOf<typeof natsSettings> & ValuesOf<typeof streamSettings>;
type ConsumerConfig = ValuesOf<typeof consumerSettings>;

/** JetStream dedupe window: a republished event within it is dropped by its Nats-Msg-Id. */
const DUPLICATE_WINDOW_MS = 10 * 60_000;

export function messagingOptionsFrom(service: MessagingServiceName, config: NatsConfig): MessagingOptions {
  return {
    service,
    url: config.NATS_URL,
    user: config.NATS_USER,
    password: config.NATS_PASSWORD,
    streams: {
      namespace: config.NATS_NAMESPACE,
      maxAgeMs: config.STREAM_MAX_AGE_HOURS * 3_600_000,
      maxBytes: config.STREAM_MAX_BYTES,
      duplicateWindowMs: DUPLICATE_WINDOW_MS,
      replicas: config.STREAM_REPLICAS,
    },
  };
}

export function consumeOptionsFrom(config: ConsumerConfig, filterSubject: string): ConsumeOptions {
  return {
    filterSubject,
    concurrency: config.CONSUMER_CONCURRENCY,
    ackWaitMs: config.CONSUMER_ACK_WAIT_MS,
    maxHandlingMs: config.CONSUMER_MAX_HANDLING_MS,
    retry: {
      maxDeliveries: config.CONSUMER_MAX_DELIVERIES,
      baseDelayMs: config.CONSUMER_RETRY_BASE_MS,
      maxDelayMs: config.CONSUMER_RETRY_MAX_MS,
    },
  };
}

/** Readiness checks provider: NATS always, plus whatever else the service depends on. */
export function readinessProvider(...extra: Array<{ token: InjectionToken; check: (dependency: never) => ReadinessCheck }>): FactoryProvider<ReadinessCheck[]> {
  return {
    provide: READINESS_CHECKS,
    useFactory: (messaging: MessagingRuntime, ...dependencies: unknown[]): ReadinessCheck[] => [
      { name: 'nats', check: () => messaging.isReady() },
      ...extra.map((e, i) => e.check(dependencies[i] as never)),
    ],
    inject: [MessagingRuntime, ...extra.map((e) => e.token)],
  };
}
