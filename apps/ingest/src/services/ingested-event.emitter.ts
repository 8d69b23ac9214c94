import { Injectable } from '@nestjs/common';
import { Events, type ArticleIngestedV1, type CanonicalArticle } from '#contracts';
import { createEvent, EventPublisher } from '#messaging';
import { IntakeStatusRepository } from '../repositories/intake-status.repository.js';

export interface EmitOptions {
  correction?: string;
  killReason?: string;
  /** Deterministic where a retry may emit the same thing again, so JetStream drops the copy. */
  eventId?: string;
  /** A retry of an emission that may have gone out already: the status it set must not be set back. */
  resumed?: boolean;
}

/** The one way an article leaves ingest: status "received" first, then the ingested event. */
@Injectable()
export class IngestedEventEmitter {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly statuses: IntakeStatusRepository,
  ) {}

  async emit(action: ArticleIngestedV1['action'], article: CanonicalArticle, correlationId: string, options: EmitOptions = {}): Promise<void> {
    const { eventId, resumed, ...extras } = options;
    // Status first, so a fast pipeline's "published" is never overwritten by a late "received": one connection
    // sends in order, and the next status comes from another service only after it has handled this event.
    // Both are awaited together, which saves a round trip on every request.
    const received = resumed
      ? this.statuses.setReceivedIfNew({ articleId: article.id, correlationId })
      : this.statuses.setStatus({ articleId: article.id, status: 'received', correlationId });
    const event = createEvent(
      Events.articleIngested.type,
      { action, article, receivedAt: new Date().toISOString(), ...extras },
      { correlationId, producer: 'ingest' },
      eventId,
    );
    await Promise.all([received, this.publisher.publish(event)]);
  }
}
