import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule } from '#messaging';
import { HealthController, loggingModule, messagingOptionsFrom, readinessProvider } from '#runtime';
import type { IngestConfig } from './config.js';
import { ArticlesController } from './controllers/articles.controller.js';
import { ArticleIntakeService } from './services/article-intake.service.js';

@Module({})
export class IngestModule {
  static forRoot(config: IngestConfig): DynamicModule {
    return {
      module: IngestModule,
      imports: [
        loggingModule('ingest', config.LOG_LEVEL),
        MessagingModule.forRoot(messagingOptionsFrom('ingest', config)),
      ],
      controllers: [ArticlesController, HealthController],
      providers: [
        ArticleIntakeService,
        readinessProvider(),
      ],
    };
  }
}
