import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule } from '#messaging';
import { accessProviders, HealthController, loggingModule, messagingOptionsFrom, ObservabilityModule, readinessProvider, type OutboundPolicy } from '#runtime';
import type { DeliveryConfig } from './config.js';
import { SUBSCRIBER_URL_POLICY, SubscribersController } from './controllers/subscribers.controller.js';
import { dataSourceOptions } from './database/data-source.js';
import { LifecycleEventHandler } from './handlers/lifecycle-event.handler.js';
import { DeliveryRepository } from './repositories/delivery.repository.js';
import { SubscriberEndpointRepository, OUTBOUND_POLICY } from './repositories/subscriber-endpoint.repository.js';
import { SubscriberRepository } from './repositories/subscriber.repository.js';
import { DeliveryMetrics } from './services/delivery-metrics.js';
import { DeliveryRetention, RETENTION_SETTINGS, type RetentionSettings } from './services/delivery-retention.service.js';
import { DELIVERY_SETTINGS, DeliveryWorker, type DeliverySettings } from './services/delivery-worker.service.js';
import { ReplayService } from './services/replay.service.js';

function outboundPolicy(config: DeliveryConfig): OutboundPolicy {
  return {
    allowPrivateNetworks: config.SUBSCRIBER_ALLOW_PRIVATE_NETWORKS === 'true',
    timeoutMs: config.DELIVERY_TIMEOUT_MS,
    maxBytes: config.DELIVERY_MAX_RESPONSE_BYTES,
  };
}

function deliverySettings(config: DeliveryConfig): DeliverySettings {
  return {
    schedule: { baseDelayMs: config.DELIVERY_RETRY_BASE_MS, maxDelayMs: config.DELIVERY_RETRY_MAX_MS, maxAgeMs: config.DELIVERY_MAX_AGE_MINUTES * 60_000 },
    concurrency: config.DELIVERY_CONCURRENCY,
    perSubscriber: config.DELIVERY_PER_SUBSCRIBER,
    pollMs: config.DELIVERY_POLL_MS,
    pauseAfterFailures: config.DELIVERY_PAUSE_AFTER_FAILURES,
    provider: config.PUBLICATION_NAME,
  };
}

function retentionSettings(config: DeliveryConfig): RetentionSettings {
  return { keepMs: config.DELIVERY_LOG_RETENTION_HOURS * 3_600_000, everyMs: 10 * 60_000, batch: 5000 };
}

@Module({})
export class DeliveryModule {
  static forRoot(config: DeliveryConfig): DynamicModule {
    const outbound = outboundPolicy(config);
    return {
      module: DeliveryModule,
      imports: [
        loggingModule('delivery', config),
        MessagingModule.forRoot(messagingOptionsFrom('delivery', config)),
        ObservabilityModule.forRoot('delivery', config, { databasePool: true }),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.DATABASE_URL, config.DATABASE_POOL_SIZE), retryAttempts: 1_000_000, retryDelay: 1000 }),
      ],
      controllers: [SubscribersController, LifecycleEventHandler, HealthController],
      providers: [
        SubscriberRepository,
        DeliveryRepository,
        DeliveryWorker,
        DeliveryMetrics,
        DeliveryRetention,
        ReplayService,
        SubscriberEndpointRepository,
        { provide: OUTBOUND_POLICY, useValue: outbound },
        { provide: DELIVERY_SETTINGS, useValue: deliverySettings(config) },
        { provide: RETENTION_SETTINGS, useValue: retentionSettings(config) },
        { provide: SUBSCRIBER_URL_POLICY, useValue: outbound },
        ...accessProviders(
          config.DEPECHE_API_KEYS,
          { perMinute: config.RATE_LIMIT_PER_MINUTE, unauthenticatedPerMinute: config.UNAUTHENTICATED_RATE_LIMIT_PER_MINUTE },
          true,
        ),
        readinessProvider({
          token: SubscriberRepository,
          check: (subscribers: SubscriberRepository) => ({ name: 'postgres', check: () => subscribers.ping() }),
        }),
      ],
    };
  }
}
