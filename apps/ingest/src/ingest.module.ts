import { Module, type DynamicModule } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { EventPublisher, MessagingModule, NATS_CONNECTION } from '#messaging';
import { accessProviders, HealthController, loggingModule, messagingOptionsFrom, ObservabilityModule, readinessProvider } from '#runtime';
import type { IngestConfig } from './config.js';
import { ArticlesController } from './controllers/articles.controller.js';
import { FEED_MIN_INTERVAL, FeedRegistrationsController } from './controllers/feed-registrations.controller.js';
import { WireController } from './controllers/wire.controller.js';
import { DeadLettersController } from './controllers/dead-letters.controller.js';
import { WhoamiController } from './controllers/whoami.controller.js';
import { DeadLetterRepository } from './repositories/dead-letter.repository.js';
import { FeedRepository } from './repositories/feed.repository.js';
import { StoryOwnerRepository } from './repositories/story-owner.repository.js';
import { OwnershipService } from './services/ownership.service.js';
import { ArticleVersionRepository } from './repositories/article-version.repository.js';
import { DedupeClaimRepository } from './repositories/dedupe-claim.repository.js';
import { IntakeStatusRepository } from './repositories/intake-status.repository.js';
import { FEED_FETCH_POLICY, FeedFetcherRepository } from './repositories/feed-fetcher.repository.js';
import { FeedPollerService } from './services/feed-poller.service.js';
import { ArticleIntakeService } from './services/article-intake.service.js';
import { IngestedEventEmitter } from './services/ingested-event.emitter.js';
import { KILL_TOMBSTONE_HOURS, WIRE_MAX_ITEMS, WireIntakeService } from './services/wire-intake.service.js';
import { WireReaderService } from './services/wire-reader.service.js';
import { WireItemsController } from './controllers/wire-items.controller.js';
import { WireLogRepository } from './wire-log/wire-log.repository.js';
import { WIRE_LOG_LIMITS, WireLogService } from './wire-log/wire-log.service.js';

@Module({})
export class IngestModule {
  static forRoot(config: IngestConfig): DynamicModule {
    return {
      module: IngestModule,
      imports: [
        loggingModule('ingest', config),
        MessagingModule.forRoot(messagingOptionsFrom('ingest', config)),
        ObservabilityModule.forRoot('ingest', config),
      ],
      controllers: [
        ArticlesController,
        WireController,
        WireItemsController,
        FeedRegistrationsController,
        DeadLettersController,
        WhoamiController,
        HealthController,
      ],
      providers: [
        ArticleIntakeService,
        IngestedEventEmitter,
        WireIntakeService,
        WireReaderService,
        WireLogService,
        FeedPollerService,
        FeedFetcherRepository,
        DeadLetterRepository,
        OwnershipService,
        {
          provide: StoryOwnerRepository,
          useFactory: (nc: NatsConnection) => StoryOwnerRepository.open(nc, config.NATS_NAMESPACE, config.STREAM_REPLICAS),
          inject: [NATS_CONNECTION],
        },
        {
          provide: FeedRepository,
          useFactory: (nc: NatsConnection) => FeedRepository.open(nc, config.NATS_NAMESPACE, config.STREAM_REPLICAS),
          inject: [NATS_CONNECTION],
        },
        ...[IntakeStatusRepository, DedupeClaimRepository, ArticleVersionRepository].map((repository) => ({
          provide: repository,
          useFactory: (nc: NatsConnection) => repository.open(nc, config.NATS_NAMESPACE, config.STREAM_REPLICAS),
          inject: [NATS_CONNECTION],
        })),
        {
          provide: WireLogRepository,
          useFactory: (nc: NatsConnection, publisher: EventPublisher) =>
            WireLogRepository.open(nc, publisher, {
              namespace: config.NATS_NAMESPACE,
              replicas: config.STREAM_REPLICAS,
              retentionMs: config.WIRE_LOG_RETENTION_HOURS * 3_600_000,
              maxItems: config.WIRE_LOG_MAX_ITEMS,
            }),
          inject: [NATS_CONNECTION, EventPublisher],
        },
        { provide: WIRE_LOG_LIMITS, useValue: { maxItems: config.WIRE_LOG_MAX_ITEMS, maxAgeMs: config.WIRE_LOG_RETENTION_HOURS * 3_600_000 } },
        {
          provide: FEED_FETCH_POLICY,
          useValue: { allowPrivateNetworks: config.FEED_ALLOW_PRIVATE_NETWORKS === 'true', timeoutMs: config.FEED_TIMEOUT_MS, maxBytes: config.FEED_MAX_BYTES },
        },
        { provide: FEED_MIN_INTERVAL, useValue: config.FEED_MIN_INTERVAL_SECONDS },
        { provide: KILL_TOMBSTONE_HOURS, useValue: config.WIRE_KILL_TOMBSTONE_HOURS },
        { provide: WIRE_MAX_ITEMS, useValue: config.WIRE_MAX_ITEMS },
        readinessProvider(),
        ...accessProviders(
          config.DEPECHE_API_KEYS,
          { perMinute: config.RATE_LIMIT_PER_MINUTE, unauthenticatedPerMinute: config.UNAUTHENTICATED_RATE_LIMIT_PER_MINUTE },
          true,
        ),
      ],
    };
  }
}
