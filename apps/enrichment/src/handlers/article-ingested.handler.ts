import { EventPattern, Payload } from '@nestjs/microservices';
import { Events, type EventOf } from '#contracts';
import { EventController } from '#messaging';
import { ArticleEnrichmentService } from '../services/article-enrichment.service.js';

@EventController()
export class ArticleIngestedHandler {
  constructor(private readonly enrichment: ArticleEnrichmentService) {}

  @EventPattern(Events.articleIngested.type)
  handle(@Payload() event: EventOf<'news.article.ingested'>): Promise<void> {
    return this.enrichment.enrich(event);
  }
}
