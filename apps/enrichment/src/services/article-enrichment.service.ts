import { Inject, Injectable } from '@nestjs/common';
import { createEnricher, type Enricher } from '#nlp';
import { Events, type EventOf } from '#contracts';
import { createEvent, derivedEventId, EventPublisher, followingFrom, IntakeStatusReporter } from '#messaging';

export const TAGGER_VERSION = '1.1.0';
/** Injection token of the taggers (libs/nlp's Enricher): loaded once, before the service takes events. */
export const ENRICHER = Symbol('ENRICHER');

/** The taggers with their models loaded (a few hundred ms); automatic tags below `minConfidence` (0–1) are not emitted. */
export const loadEnricher = (minConfidence: number): Promise<Enricher> => createEnricher({ version: TAGGER_VERSION, minConfidence });

/** Runs the taggers over an ingested article and passes it on as enriched. */
@Injectable()
export class ArticleEnrichmentService {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly statuses: IntakeStatusReporter,
    @Inject(ENRICHER) private readonly enricher: Enricher,
  ) {}

  /** `deliveryCount`: how many times JetStream has handed this event over (1 the first time). */
  async enrich(event: EventOf<'news.article.ingested'>, deliveryCount = 1): Promise<void> {
    const { data } = event;
    // A kill carries no new copy: nothing to tag, it only has to keep its place in line.
    const article = data.action === 'kill' ? data.article : this.enricher.enrich(data.article);
    const enriched = createEvent(Events.articleEnriched.type, { ...data, article }, followingFrom(event, 'enrichment'), derivedEventId(event.id, 'enriched'));
    // Status stored before the event is sent, so publishing's "published" is never overwritten by a late "enriched":
    // sent side by side, the two go to different stream leaders, and with a cluster node lost the status could land
    // after the event had been published (the partition fault test saw it). On the first delivery only: a
    // redelivery may come after publishing has reported "published".
    // Never over a later status (a compare-and-set): a write flushed late after a NATS restart must not undo "published".
    if (deliveryCount === 1)
      await this.statuses.advanceStatus({ articleId: article.id, status: 'enriched', correlationId: event.correlationId }, ['received', 'enriched']);
    await this.publisher.publish(enriched);
  }
}
