import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Events, type EventOf } from '#contracts';
import { EventController, type JetStreamContext } from '#messaging';
import { ArticleEnrichmentService } from '../services/article-enrichment.service.js';

@EventController()
export class ArticleIngestedHandler {
  constructor(private readonly enrichment: ArticleEnrichmentService) {}

  @EventPattern(Events.articleIngested.type)
  handle(@Payload() event: EventOf<'news.article.ingested'>, @Ctx() context: unknown): Promise<void> {
    return this.enrichment.enrich(event, (context as JetStreamContext).getDeliveryCount());
  }
}
