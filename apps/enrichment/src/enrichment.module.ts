import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule } from '#messaging';
import { HealthController, loggingModule, messagingOptionsFrom, ObservabilityModule, readinessProvider } from '#runtime';
import type { EnrichmentConfig } from './config.js';
import { ArticleIngestedHandler } from './handlers/article-ingested.handler.js';
import { ArticleEnrichmentService, ENRICHER, loadEnricher } from './services/article-enrichment.service.js';

@Module({})
export class EnrichmentModule {
  static forRoot(config: EnrichmentConfig): DynamicModule {
    return {
      module: EnrichmentModule,
      imports: [
        loggingModule('enrichment', config),
        MessagingModule.forRoot(messagingOptionsFrom('enrichment', config)),
        ObservabilityModule.forRoot('enrichment', config),
      ],
      controllers: [ArticleIngestedHandler, HealthController],
      providers: [
        ArticleEnrichmentService,
        { provide: ENRICHER, useFactory: () => loadEnricher(config.ENRICHMENT_MIN_CONFIDENCE_PERCENT / 100) },
        readinessProvider(),
      ],
    };
  }
}
