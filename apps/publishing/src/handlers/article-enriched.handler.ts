import { EventPattern, Payload } from '@nestjs/microservices';
import { Events, type EventOf } from '#contracts';
import { EventController } from '#messaging';
import { PublicationService } from '../services/publication.service.js';

@EventController()
export class ArticleEnrichedHandler {
  constructor(private readonly publication: PublicationService) {}

  @EventPattern(Events.articleEnriched.type)
  async handle(@Payload() event: EventOf<'news.article.enriched'>): Promise<void> {
    await this.publication.apply(event);
  }
}
