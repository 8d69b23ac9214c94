import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { intakeStatusReporterProvider, MessagingModule } from '#messaging';
import { accessProviders, HealthController, loggingModule, messagingOptionsFrom, ObservabilityModule, readinessProvider } from '#runtime';
import type { PublishingConfig } from './config.js';
import { ArticlesController } from './controllers/articles.controller.js';
import { FEED_PUBLISHER, PUBLIC_BASE_URL, SyndicationFeedsController } from './controllers/syndication-feeds.controller.js';
import { dataSourceOptions } from './database/data-source.js';
import { ArticleEnrichedHandler } from './handlers/article-enriched.handler.js';
import { ArticleReadRepository } from './repositories/article-read.repository.js';
import { OutboxRepository } from './repositories/outbox.repository.js';
import { PublicationRepository } from './repositories/publication.repository.js';
import { ArticleReaderService } from './services/article-reader.service.js';
import { EMBARGO_POLL_MS, EmbargoReleaseService } from './services/embargo-release.service.js';
import { OUTBOX_BATCH_SIZE, OutboxRelayService } from './services/outbox-relay.service.js';
import { PublicationService } from './services/publication.service.js';

@Module({})
export class PublishingModule {
  static forRoot(config: PublishingConfig): DynamicModule {
    const messaging = messagingOptionsFrom('publishing', config);
    return {
      module: PublishingModule,
      imports: [
        loggingModule('publishing', config),
        MessagingModule.forRoot(messaging),
        ObservabilityModule.forRoot('publishing', config, { databasePool: true }),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.DATABASE_URL, config.DATABASE_POOL_SIZE), retryAttempts: 1_000_000, retryDelay: 1000 }),
      ],
      controllers: [ArticlesController, SyndicationFeedsController, ArticleEnrichedHandler, HealthController],
      providers: [
        intakeStatusReporterProvider(messaging.streams),
        PublicationRepository,
        OutboxRepository,
        ArticleReadRepository,
        PublicationService,
        OutboxRelayService,
        ArticleReaderService,
        EmbargoReleaseService,
        { provide: OUTBOX_BATCH_SIZE, useValue: config.OUTBOX_BATCH_SIZE },
        { provide: EMBARGO_POLL_MS, useValue: config.EMBARGO_POLL_MS },
        { provide: PUBLIC_BASE_URL, useValue: config.PUBLIC_BASE_URL },
        {
          provide: FEED_PUBLISHER,
          useValue: { name: config.PUBLICATION_NAME, author: config.FEED_AUTHOR || config.PUBLICATION_NAME, language: config.FEED_LANGUAGE },
        },
        ...accessProviders(
          config.DEPECHE_API_KEYS,
          {
            perMinute: config.RATE_LIMIT_PER_MINUTE,
            unauthenticatedPerMinute: config.UNAUTHENTICATED_RATE_LIMIT_PER_MINUTE,
            publicPerMinute: config.PUBLIC_RATE_LIMIT_PER_MINUTE,
          },
          config.READ_API_REQUIRES_KEY === 'true',
        ),
        readinessProvider({ token: ArticleReadRepository, check: (articles: ArticleReadRepository) => ({ name: 'postgres', check: () => articles.ping() }) }),
      ],
    };
  }
}
