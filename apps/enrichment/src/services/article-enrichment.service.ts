import { Inject, Injectable } from '@nestjs/common';
import { createEnricher, type Enricher } from '#nlp';
import { Events, type EventOf } from '#contracts';
import { createEvent, derivedEventId, EventPublisher, followingFrom } from '#messaging';

export const TAGGER_VERSION = '1.1.0';
/** Injection token of the taggers (libs/nlp's Enricher): loaded once, before the service takes events. */
export const ENRICHER = Symbol('ENRICHER');

/** The taggers with their models loaded (a few hundred ms); automatic tags below `minConfidence` (0–1) are not emitted. */
export const loadEnricher = (minConfidence: number): Promise<Enricher> => createEnricher({ version: TAGGER_VERSION, minConfidence });

/**
 * Runs the taggers over an ingested article and passes it on as enriched. It writes no intake status:
 * an article reads "received" until publishing decides (published, embargoed, killed or rejected). The
 * "enriched" in between lasted milliseconds and cost a status read and a compare-and-set write before
 * every event (two round trips on the hot path); where a story is held up shows in the consumers' lag.
 */
@Injectable()
export class ArticleEnrichmentService {
  constructor(
    private readonly publisher: EventPublisher,
    @Inject(ENRICHER) private readonly enricher: Enricher,
  ) {}

  async enrich(event: EventOf<'news.article.ingested'>): Promise<void> {
    const { data } = event;
    // A kill carries no new copy: nothing to tag, it only has to keep its place in line.
    const article = data.action === 'kill' ? data.article : this.enricher.enrich(data.article);
    const enriched = createEvent(Events.articleEnriched.type, { ...data, article }, followingFrom(event, 'enrichment'), derivedEventId(event.id, 'enriched'));
    await this.publisher.publish(enriched);
  }
}
